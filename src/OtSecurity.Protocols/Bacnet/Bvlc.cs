using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>
/// Reads and writes BACnet Virtual Link Control messages of BACnet/IP (ANSI/ASHRAE 135 Annex J.2):
/// a 4-octet header (type 0x81, function, 16-bit big-endian length of the whole message) and the function's fields.
/// </summary>
public static class Bvlc
{
    /// <summary>The BVLC type of BACnet/IP (Annex J.2).</summary>
    public const byte BacnetIpType = 0x81;

    /// <summary>Size of the BVLC header: type, function, length.</summary>
    public const int HeaderLength = 4;

    /// <summary>Largest value of the 16-bit BVLC length field.</summary>
    public const int MaximumLength = ushort.MaxValue;

    /// <summary>The smallest NPDU: version and control octets (clause 6.2).</summary>
    internal const int MinimumNpduLength = 2;

    /// <summary>True for the functions Annex J.2 defines (0x00..0x0C).</summary>
    /// <param name="function">The function octet.</param>
    /// <returns>Whether it is defined.</returns>
    public static bool IsDefined(byte function) => function <= (byte)BvlcFunction.SecureBvll;

    /// <summary>True for the functions that carry an NPDU.</summary>
    /// <param name="function">The function.</param>
    /// <returns>Whether an NPDU follows the function's fields.</returns>
    public static bool CarriesNpdu(BvlcFunction function) => function is BvlcFunction.ForwardedNpdu
        or BvlcFunction.DistributeBroadcastToNetwork or BvlcFunction.OriginalUnicastNpdu or BvlcFunction.OriginalBroadcastNpdu;

    /// <summary>Reads one BVLC message from the start of <paramref name="source"/>.</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="frame">The message on <see cref="OperationStatus.Done"/>; default otherwise.</param>
    /// <param name="bytesConsumed">The BVLC length on <see cref="OperationStatus.Done"/>; 0 otherwise.</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out BvlcFrame frame, out int bytesConsumed) =>
        TryRead(source, out frame, out bytesConsumed, out _);

    /// <summary>Reads one BVLC message from the start of <paramref name="source"/>, with the reason on failure.</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="frame">The message on <see cref="OperationStatus.Done"/>; default otherwise.</param>
    /// <param name="bytesConsumed">The BVLC length on <see cref="OperationStatus.Done"/>; 0 otherwise.</param>
    /// <param name="error">Why the bytes are invalid, on <see cref="OperationStatus.InvalidData"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out BvlcFrame frame, out int bytesConsumed, out ProtocolError error)
    {
        frame = default;
        bytesConsumed = 0;
        error = default;

        if (source.IsEmpty)
        {
            return OperationStatus.NeedMoreData;
        }

        // Annex J.2: BVLC type 0x81 identifies BACnet/IP.
        if (source[0] != BacnetIpType)
        {
            error = BacnetErrors.Create(BacnetError.BvlcTypeInvalid, "BVLC type is not 0x81 (BACnet/IP)", 0);
            return OperationStatus.InvalidData;
        }

        if (source.Length < 2)
        {
            return OperationStatus.NeedMoreData;
        }

        if (!IsDefined(source[1]))
        {
            error = BacnetErrors.Create(BacnetError.BvlcFunctionUnknown, "BVLC function is not defined by Annex J.2", 1);
            return OperationStatus.InvalidData;
        }

        if (source.Length < HeaderLength)
        {
            return OperationStatus.NeedMoreData;
        }

        var function = (BvlcFunction)source[1];
        int length = BinaryPrimitives.ReadUInt16BigEndian(source[2..]);
        if (!TryValidateLength(function, length, out error))
        {
            return OperationStatus.InvalidData;
        }

        if (source.Length < length)
        {
            return OperationStatus.NeedMoreData;
        }

        frame = new BvlcFrame(function, source[HeaderLength..length]);
        bytesConsumed = length;
        return OperationStatus.Done;
    }

    /// <summary>Reads one BVLC message from the start of a byte sequence (a pipe's buffer, or a datagram received in pieces).</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="scratch">Where a message that spans segments is copied (see <see cref="TryRead(in ReadOnlySequence{byte}, Span{byte}, out BvlcFrame, out int, out ProtocolError)"/>).</param>
    /// <param name="frame">The message on <see cref="OperationStatus.Done"/>; default otherwise.</param>
    /// <param name="bytesConsumed">The BVLC length on <see cref="OperationStatus.Done"/>; 0 otherwise.</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    /// <exception cref="ArgumentException">The message spans segments and <paramref name="scratch"/> cannot hold it.</exception>
    public static OperationStatus TryRead(scoped in ReadOnlySequence<byte> source, Span<byte> scratch, out BvlcFrame frame, out int bytesConsumed) =>
        TryRead(source, scratch, out frame, out bytesConsumed, out _);

    /// <summary>
    /// Reads one BVLC message from the start of a byte sequence, with the reason on failure: the result is the one
    /// <see cref="TryRead(ReadOnlySpan{byte}, out BvlcFrame, out int, out ProtocolError)"/> gives for the same bytes made
    /// contiguous. A message that lies within the first segment is viewed in place (nothing is copied); a message that
    /// spans segments is copied into <paramref name="scratch"/> and viewed there.
    /// </summary>
    /// <param name="source">The bytes.</param>
    /// <param name="scratch">
    /// Where a message that spans segments is copied: at least as long as the message (or as the bytes of it that are
    /// available); <see cref="MaximumLength"/> octets always suffice. It may be empty when every message lies within one segment.
    /// </param>
    /// <param name="frame">The message (a view into <paramref name="source"/>'s first segment or into <paramref name="scratch"/>) on <see cref="OperationStatus.Done"/>; default otherwise.</param>
    /// <param name="bytesConsumed">The BVLC length on <see cref="OperationStatus.Done"/>; 0 otherwise.</param>
    /// <param name="error">Why the bytes are invalid, on <see cref="OperationStatus.InvalidData"/> (offset from the start of <paramref name="source"/>).</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    /// <exception cref="ArgumentException">The message spans segments and <paramref name="scratch"/> cannot hold it.</exception>
    public static OperationStatus TryRead(scoped in ReadOnlySequence<byte> source, Span<byte> scratch, out BvlcFrame frame, out int bytesConsumed, out ProtocolError error)
    {
        // Fast path: a message, or an error, within the first segment. NeedMoreData there only says the message goes on.
        OperationStatus status = TryRead(source.FirstSpan, out frame, out bytesConsumed, out error);
        if (status != OperationStatus.NeedMoreData || source.IsSingleSegment)
        {
            return status;
        }

        // Annex J.2: type, function and the length of the whole message (read across segments and checked for the function).
        Span<byte> head = stackalloc byte[HeaderLength];
        int available = (int)Math.Min(source.Length, HeaderLength);
        source.Slice(0, available).CopyTo(head);
        status = TryRead(head[..available], out BvlcFrame _, out _, out error);
        if (status == OperationStatus.InvalidData || available < HeaderLength)
        {
            return status;
        }

        int length = (int)Math.Min(source.Length, BinaryPrimitives.ReadUInt16BigEndian(head[2..]));
        return TryRead(Framing.SequenceScratch.Copy(source, length, scratch, MaximumLength), out frame, out bytesConsumed, out error);
    }

    private static bool TryValidateLength(BvlcFunction function, int length, out ProtocolError error)
    {
        error = default;
        int body = length - HeaderLength;
        switch (function)
        {
            // J.2.1: type, function, length (6), result code (2).
            case BvlcFunction.BvlcResult:
            // J.2.6: type, function, length (6), time-to-live (2).
            case BvlcFunction.RegisterForeignDevice:
                return Fixed(length, 6, out error);

            // J.2.3 and J.2.7: the header alone.
            case BvlcFunction.ReadBroadcastDistributionTable:
            case BvlcFunction.ReadForeignDeviceTable:
                return Fixed(length, HeaderLength, out error);

            // J.2.9: header and a 6-octet B/IP address.
            case BvlcFunction.DeleteForeignDeviceTableEntry:
                return Fixed(length, HeaderLength + BacnetIpEndpoint.EncodedLength, out error);

            // J.2.2, J.2.4 and J.2.8: header and N 10-octet table entries.
            case BvlcFunction.WriteBroadcastDistributionTable:
            case BvlcFunction.ReadBroadcastDistributionTableAck:
            case BvlcFunction.ReadForeignDeviceTableAck:
                if (body < 0)
                {
                    error = BacnetErrors.Create(BacnetError.BvlcLengthTooSmall, "BVLC length is smaller than the 4-octet header", 2);
                    return false;
                }

                if (body % BdtEntry.EncodedLength != 0)
                {
                    error = BacnetErrors.Create(BacnetError.BvlcTableLengthInvalid, "BVLC table is not a whole number of 10-octet entries", 2);
                    return false;
                }

                return true;

            // J.2.5: header, 6-octet originating B/IP address, NPDU.
            case BvlcFunction.ForwardedNpdu:
                return Minimum(length, HeaderLength + BacnetIpEndpoint.EncodedLength + MinimumNpduLength, out error);

            // J.2.10 to J.2.12: header and NPDU.
            case BvlcFunction.DistributeBroadcastToNetwork:
            case BvlcFunction.OriginalUnicastNpdu:
            case BvlcFunction.OriginalBroadcastNpdu:
                return Minimum(length, HeaderLength + MinimumNpduLength, out error);

            // J.2.13: header and a security wrapper.
            default:
                return Minimum(length, HeaderLength, out error);
        }

        static bool Fixed(int length, int required, out ProtocolError error)
        {
            error = length == required
                ? default
                : BacnetErrors.Create(BacnetError.BvlcLengthInvalid, "BVLC length differs from the fixed length of the function", 2);
            return !error.IsError;
        }

        static bool Minimum(int length, int required, out ProtocolError error)
        {
            error = length >= required
                ? default
                : BacnetErrors.Create(BacnetError.BvlcLengthTooSmall, "BVLC length is smaller than the function requires", 2);
            return !error.IsError;
        }
    }

    /// <summary>Checks that a body of <paramref name="bodyLength"/> octets is valid for <paramref name="function"/> (the rules of <see cref="TryRead(ReadOnlySpan{byte}, out BvlcFrame, out int)"/>).</summary>
    /// <param name="function">The function.</param>
    /// <param name="bodyLength">Octets after the 4-octet header.</param>
    /// <returns>True when a message with this body can be written.</returns>
    public static bool IsValidBodyLength(BvlcFunction function, int bodyLength) =>
        IsDefined((byte)function) && bodyLength >= 0 && bodyLength <= MaximumLength - HeaderLength
        && TryValidateLength(function, bodyLength + HeaderLength, out _);

    /// <summary>The encoded length of a message with a body of <paramref name="bodyLength"/> octets.</summary>
    /// <param name="bodyLength">Octets after the header.</param>
    /// <returns>The length.</returns>
    public static int GetEncodedLength(int bodyLength) => HeaderLength + bodyLength;

    /// <summary>Writes a BVLC message from its function and body (what <see cref="BvlcFrame.Body"/> returns).</summary>
    /// <param name="function">The function.</param>
    /// <param name="body">The octets after the header.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The body is not valid for the function.</exception>
    public static OperationStatus TryWrite(BvlcFunction function, ReadOnlySpan<byte> body, Span<byte> destination, out int bytesWritten)
    {
        if (!IsValidBodyLength(function, body.Length))
        {
            throw new ArgumentException("The body length is not valid for this BVLC function (Annex J.2).", nameof(body));
        }

        bytesWritten = 0;
        int length = HeaderLength + body.Length;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        WriteHeader(function, length, destination);
        body.CopyTo(destination[HeaderLength..]);
        bytesWritten = length;
        return OperationStatus.Done;
    }

    /// <summary>Writes a BVLC-Result (J.2.1).</summary>
    /// <param name="result">The result code.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written (6).</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWriteResult(BvlcResultCode result, Span<byte> destination, out int bytesWritten) =>
        TryWriteUInt16(BvlcFunction.BvlcResult, (ushort)result, destination, out bytesWritten);

    /// <summary>Writes a Register-Foreign-Device (J.2.6).</summary>
    /// <param name="timeToLive">Seconds.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written (6).</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWriteRegisterForeignDevice(ushort timeToLive, Span<byte> destination, out int bytesWritten) =>
        TryWriteUInt16(BvlcFunction.RegisterForeignDevice, timeToLive, destination, out bytesWritten);

    /// <summary>Writes Read-Broadcast-Distribution-Table (J.2.3) or Read-Foreign-Device-Table (J.2.7), which have no body.</summary>
    /// <param name="function">One of the two read requests.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written (4).</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="function"/> is not a read request.</exception>
    public static OperationStatus TryWriteTableRead(BvlcFunction function, Span<byte> destination, out int bytesWritten)
    {
        if (function is not (BvlcFunction.ReadBroadcastDistributionTable or BvlcFunction.ReadForeignDeviceTable))
        {
            throw new ArgumentException("Only Read-Broadcast-Distribution-Table and Read-Foreign-Device-Table have no body.", nameof(function));
        }

        return TryWrite(function, [], destination, out bytesWritten);
    }

    /// <summary>Writes a Delete-Foreign-Device-Table-Entry (J.2.9).</summary>
    /// <param name="entry">The B/IP address of the entry.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written (10).</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWriteDeleteForeignDeviceTableEntry(BacnetIpEndpoint entry, Span<byte> destination, out int bytesWritten)
    {
        Span<byte> body = stackalloc byte[BacnetIpEndpoint.EncodedLength];
        entry.Write(body);
        return TryWrite(BvlcFunction.DeleteForeignDeviceTableEntry, body, destination, out bytesWritten);
    }

    /// <summary>Writes Original-Unicast-NPDU, Original-Broadcast-NPDU or Distribute-Broadcast-To-Network around <paramref name="npdu"/>.</summary>
    /// <param name="function">One of the three functions.</param>
    /// <param name="npdu">The NPDU (at least 2 octets).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The function does not carry an NPDU directly, or the NPDU is too short or too long.</exception>
    public static OperationStatus TryWriteNpdu(BvlcFunction function, ReadOnlySpan<byte> npdu, Span<byte> destination, out int bytesWritten)
    {
        if (function is not (BvlcFunction.OriginalUnicastNpdu or BvlcFunction.OriginalBroadcastNpdu or BvlcFunction.DistributeBroadcastToNetwork))
        {
            throw new ArgumentException("Use Original-Unicast-NPDU, Original-Broadcast-NPDU or Distribute-Broadcast-To-Network.", nameof(function));
        }

        return TryWrite(function, npdu, destination, out bytesWritten);
    }

    /// <summary>Writes a Forwarded-NPDU (J.2.5).</summary>
    /// <param name="originatingAddress">The B/IP address of the device that sent the NPDU.</param>
    /// <param name="npdu">The NPDU.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The NPDU is too short or too long.</exception>
    public static OperationStatus TryWriteForwardedNpdu(BacnetIpEndpoint originatingAddress, ReadOnlySpan<byte> npdu, Span<byte> destination, out int bytesWritten)
    {
        int bodyLength = BacnetIpEndpoint.EncodedLength + npdu.Length;
        if (!IsValidBodyLength(BvlcFunction.ForwardedNpdu, bodyLength))
        {
            throw new ArgumentException("The NPDU length is not valid for a Forwarded-NPDU.", nameof(npdu));
        }

        bytesWritten = 0;
        int length = HeaderLength + bodyLength;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        WriteHeader(BvlcFunction.ForwardedNpdu, length, destination);
        originatingAddress.Write(destination[HeaderLength..]);
        npdu.CopyTo(destination[(HeaderLength + BacnetIpEndpoint.EncodedLength)..]);
        bytesWritten = length;
        return OperationStatus.Done;
    }

    /// <summary>Writes Write-Broadcast-Distribution-Table (J.2.2) or Read-Broadcast-Distribution-Table-Ack (J.2.4).</summary>
    /// <param name="function">One of the two.</param>
    /// <param name="entries">The table.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">Wrong function, or too many entries for the 16-bit length.</exception>
    public static OperationStatus TryWriteBroadcastDistributionTable(BvlcFunction function, ReadOnlySpan<BdtEntry> entries, Span<byte> destination, out int bytesWritten)
    {
        if (function is not (BvlcFunction.WriteBroadcastDistributionTable or BvlcFunction.ReadBroadcastDistributionTableAck))
        {
            throw new ArgumentException("Use Write-Broadcast-Distribution-Table or Read-Broadcast-Distribution-Table-Ack.", nameof(function));
        }

        int length = CheckTableLength(entries.Length);
        bytesWritten = 0;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        WriteHeader(function, length, destination);
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i].Write(destination.Slice(HeaderLength + (i * BdtEntry.EncodedLength), BdtEntry.EncodedLength));
        }

        bytesWritten = length;
        return OperationStatus.Done;
    }

    /// <summary>Writes Read-Foreign-Device-Table-Ack (J.2.8).</summary>
    /// <param name="entries">The table.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">Too many entries for the 16-bit length.</exception>
    public static OperationStatus TryWriteForeignDeviceTableAck(ReadOnlySpan<FdtEntry> entries, Span<byte> destination, out int bytesWritten)
    {
        int length = CheckTableLength(entries.Length);
        bytesWritten = 0;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        WriteHeader(BvlcFunction.ReadForeignDeviceTableAck, length, destination);
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i].Write(destination.Slice(HeaderLength + (i * FdtEntry.EncodedLength), FdtEntry.EncodedLength));
        }

        bytesWritten = length;
        return OperationStatus.Done;
    }

    private static int CheckTableLength(int entries)
    {
        long length = HeaderLength + ((long)entries * BdtEntry.EncodedLength);
        if (length > MaximumLength)
        {
            throw new ArgumentException("Too many table entries for the 16-bit BVLC length.", nameof(entries));
        }

        return (int)length;
    }

    private static OperationStatus TryWriteUInt16(BvlcFunction function, ushort value, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < 6)
        {
            return OperationStatus.DestinationTooSmall;
        }

        WriteHeader(function, 6, destination);
        BinaryPrimitives.WriteUInt16BigEndian(destination[HeaderLength..], value);
        bytesWritten = 6;
        return OperationStatus.Done;
    }

    private static void WriteHeader(BvlcFunction function, int length, Span<byte> destination)
    {
        destination[0] = BacnetIpType;
        destination[1] = (byte)function;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)length);
    }
}
