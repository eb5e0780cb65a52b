using System.Buffers;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>
/// One BACnet/IP message with every layer's header validated: the BVLC message, its NPDU (when the function carries
/// one) and the APDU (when the NPDU is not a network layer message).
/// </summary>
public readonly ref struct BacnetIpFrame
{
    internal BacnetIpFrame(BvlcFrame bvlc, bool hasNpdu, NpduFrame npdu, bool hasApdu, ApduFrame apdu)
    {
        Bvlc = bvlc;
        HasNpdu = hasNpdu;
        Npdu = npdu;
        HasApdu = hasApdu;
        Apdu = apdu;
    }

    /// <summary>The BVLC message.</summary>
    public BvlcFrame Bvlc { get; }

    /// <summary>True when the BVLC function carries an NPDU.</summary>
    public bool HasNpdu { get; }

    /// <summary>The NPDU, when <see cref="HasNpdu"/>.</summary>
    public NpduFrame Npdu { get; }

    /// <summary>True when the NPDU carries an APDU (it is not a network layer message).</summary>
    public bool HasApdu { get; }

    /// <summary>The APDU, when <see cref="HasApdu"/>.</summary>
    public ApduFrame Apdu { get; }
}

/// <summary>Reads and writes whole BACnet/IP messages (ANSI/ASHRAE 135 Annex J, clause 6, clause 20.1).</summary>
public static class BacnetIp
{
    /// <summary>The BACnet/IP UDP port (0xBAC0).</summary>
    public const int DefaultPort = 47808;

    /// <summary>Reads one BACnet/IP message from the start of <paramref name="source"/>.</summary>
    /// <param name="source">The bytes (a UDP datagram, or a stream of BVLC messages).</param>
    /// <param name="frame">The message on <see cref="OperationStatus.Done"/>; default otherwise.</param>
    /// <param name="bytesConsumed">The BVLC length on <see cref="OperationStatus.Done"/>; 0 otherwise.</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out BacnetIpFrame frame, out int bytesConsumed) =>
        TryRead(source, out frame, out bytesConsumed, out _);

    /// <summary>Reads one BACnet/IP message from the start of <paramref name="source"/>, with the reason on failure.</summary>
    /// <param name="source">The bytes (a UDP datagram, or a stream of BVLC messages).</param>
    /// <param name="frame">The message on <see cref="OperationStatus.Done"/>; default otherwise.</param>
    /// <param name="bytesConsumed">The BVLC length on <see cref="OperationStatus.Done"/>; 0 otherwise.</param>
    /// <param name="error">Why the bytes are invalid (offset relative to <paramref name="source"/>).</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out BacnetIpFrame frame, out int bytesConsumed, out ProtocolError error)
    {
        frame = default;
        bytesConsumed = 0;
        OperationStatus status = Bacnet.Bvlc.TryRead(source, out BvlcFrame bvlc, out int length, out error);
        if (status != OperationStatus.Done)
        {
            return status;
        }

        if (!bvlc.HasNpdu)
        {
            frame = new BacnetIpFrame(bvlc, false, default, false, default);
            bytesConsumed = length;
            return OperationStatus.Done;
        }

        int npduOffset = bvlc.NpduOffset;
        if (!Bacnet.Npdu.TryRead(bvlc.Npdu, out NpduFrame npdu, out error))
        {
            error = BacnetErrors.Shift(error, npduOffset);
            return OperationStatus.InvalidData;
        }

        if (npdu.IsNetworkMessage)
        {
            frame = new BacnetIpFrame(bvlc, true, npdu, false, default);
            bytesConsumed = length;
            return OperationStatus.Done;
        }

        if (!Bacnet.Apdu.TryRead(npdu.Payload, out ApduFrame apdu, out error))
        {
            error = BacnetErrors.Shift(error, npduOffset + npdu.HeaderLength);
            return OperationStatus.InvalidData;
        }

        frame = new BacnetIpFrame(bvlc, true, npdu, true, apdu);
        bytesConsumed = length;
        return OperationStatus.Done;
    }

    /// <summary>Octets of an Original-Unicast/Broadcast-NPDU or Distribute-Broadcast-To-Network message carrying <paramref name="npdu"/>.</summary>
    /// <param name="npdu">The NPDU.</param>
    /// <returns>The length.</returns>
    public static int GetEncodedLength(in NpduFrame npdu) => Bacnet.Bvlc.HeaderLength + Bacnet.Npdu.GetEncodedLength(npdu);

    /// <summary>Writes an NPDU inside a BVLC message of <paramref name="function"/> (Original-Unicast-NPDU, Original-Broadcast-NPDU or Distribute-Broadcast-To-Network).</summary>
    /// <param name="function">The BVLC function.</param>
    /// <param name="npdu">The NPDU (see <see cref="NpduFrame.ForApdu"/>).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The function does not carry an NPDU directly, or the message would exceed the 16-bit BVLC length.</exception>
    public static OperationStatus TryWrite(BvlcFunction function, in NpduFrame npdu, Span<byte> destination, out int bytesWritten)
    {
        if (function is not (BvlcFunction.OriginalUnicastNpdu or BvlcFunction.OriginalBroadcastNpdu or BvlcFunction.DistributeBroadcastToNetwork))
        {
            throw new ArgumentException("Use Original-Unicast-NPDU, Original-Broadcast-NPDU or Distribute-Broadcast-To-Network.", nameof(function));
        }

        int length = GetEncodedLength(npdu);
        if (length > Bacnet.Bvlc.MaximumLength)
        {
            throw new ArgumentException("The message exceeds the 16-bit BVLC length.", nameof(npdu));
        }

        bytesWritten = 0;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        OperationStatus status = Bacnet.Npdu.TryWrite(npdu, destination[Bacnet.Bvlc.HeaderLength..], out int npduLength);
        if (status != OperationStatus.Done)
        {
            return status;
        }

        destination[0] = Bacnet.Bvlc.BacnetIpType;
        destination[1] = (byte)function;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)(Bacnet.Bvlc.HeaderLength + npduLength));
        bytesWritten = Bacnet.Bvlc.HeaderLength + npduLength;
        return OperationStatus.Done;
    }

    /// <summary>Writes a Forwarded-NPDU carrying <paramref name="npdu"/>.</summary>
    /// <param name="originatingAddress">The B/IP address of the originating device.</param>
    /// <param name="npdu">The NPDU.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The message would exceed the 16-bit BVLC length.</exception>
    public static OperationStatus TryWriteForwarded(BacnetIpEndpoint originatingAddress, in NpduFrame npdu, Span<byte> destination, out int bytesWritten)
    {
        const int Prefix = Bacnet.Bvlc.HeaderLength + BacnetIpEndpoint.EncodedLength;
        int length = Prefix + Bacnet.Npdu.GetEncodedLength(npdu);
        if (length > Bacnet.Bvlc.MaximumLength)
        {
            throw new ArgumentException("The message exceeds the 16-bit BVLC length.", nameof(npdu));
        }

        bytesWritten = 0;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        OperationStatus status = Bacnet.Npdu.TryWrite(npdu, destination[Prefix..], out int npduLength);
        if (status != OperationStatus.Done)
        {
            return status;
        }

        destination[0] = Bacnet.Bvlc.BacnetIpType;
        destination[1] = (byte)BvlcFunction.ForwardedNpdu;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)(Prefix + npduLength));
        originatingAddress.Write(destination[Bacnet.Bvlc.HeaderLength..]);
        bytesWritten = Prefix + npduLength;
        return OperationStatus.Done;
    }
}
