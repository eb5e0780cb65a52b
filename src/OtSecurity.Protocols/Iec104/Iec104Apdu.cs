using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.Iec104;

/// <summary>The three APCI formats (IEC 60870-5-104 §5), numbered as the low bits of the first control octet.</summary>
public enum Iec104FrameFormat : byte
{
    /// <summary>I-format: numbered information transfer, carries an ASDU.</summary>
    I = 0,

    /// <summary>S-format: numbered supervisory function, acknowledges I-format APDUs.</summary>
    S = 1,

    /// <summary>U-format: unnumbered control functions (STARTDT, STOPDT, TESTFR).</summary>
    U = 3,
}

/// <summary>U-format functions (IEC 60870-5-104 §5.3), numbered as the control octet shifted right by 2 (as Wireshark numbers them).</summary>
public enum Iec104UFunction : byte
{
    /// <summary>STARTDT act: start data transfer, activation.</summary>
    StartDataTransferActivation = 0x01,

    /// <summary>STARTDT con: start data transfer, confirmation.</summary>
    StartDataTransferConfirmation = 0x02,

    /// <summary>STOPDT act: stop data transfer, activation.</summary>
    StopDataTransferActivation = 0x04,

    /// <summary>STOPDT con: stop data transfer, confirmation.</summary>
    StopDataTransferConfirmation = 0x08,

    /// <summary>TESTFR act: test frame, activation.</summary>
    TestFrameActivation = 0x10,

    /// <summary>TESTFR con: test frame, confirmation.</summary>
    TestFrameConfirmation = 0x20,
}

/// <summary>
/// A view over one IEC 60870-5-104 APDU (§5): start octet 0x68, length, four control octets and, in I-format, an ASDU.
/// </summary>
public readonly ref struct Iec104Apdu
{
    /// <summary>The start octet.</summary>
    public const byte StartOctet = 0x68;

    /// <summary>Size of the APCI: start, length and four control octets.</summary>
    public const int ApciLength = 6;

    /// <summary>Smallest length field: the four control octets (§5.1).</summary>
    public const int MinimumLengthField = 4;

    /// <summary>Largest length field (§5.1: the APDU is at most 255 octets, so the length is at most 253).</summary>
    public const int MaximumLengthField = 253;

    /// <summary>Largest APDU: start, length and at most 253 further octets (§5.1).</summary>
    public const int MaxEncodedLength = 2 + MaximumLengthField;

    /// <summary>Sequence numbers are 15 bits and count modulo 32768 (§5.1).</summary>
    public const int SequenceModulus = 32768;

    private Iec104Apdu(Iec104FrameFormat format, ushort sendSequence, ushort receiveSequence, Iec104UFunction uFunction, Iec104Asdu asdu, ReadOnlySpan<byte> asduBytes, int length)
    {
        Format = format;
        SendSequenceNumber = sendSequence;
        ReceiveSequenceNumber = receiveSequence;
        UFunction = uFunction;
        Asdu = asdu;
        AsduBytes = asduBytes;
        EncodedLength = length;
    }

    /// <summary>The APCI format.</summary>
    public Iec104FrameFormat Format { get; }

    /// <summary>N(S), the send sequence number (I-format only).</summary>
    public ushort SendSequenceNumber { get; }

    /// <summary>N(R), the receive sequence number (I- and S-format).</summary>
    public ushort ReceiveSequenceNumber { get; }

    /// <summary>The U-format function (U-format only).</summary>
    public Iec104UFunction UFunction { get; }

    /// <summary>The ASDU (I-format only).</summary>
    public Iec104Asdu Asdu { get; }

    /// <summary>The ASDU octets (I-format only).</summary>
    public ReadOnlySpan<byte> AsduBytes { get; }

    /// <summary>The APDU's encoded length (length field + 2).</summary>
    public int EncodedLength { get; }

    /// <summary>Reads one APDU from the start of <paramref name="source"/>.</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="apdu">The APDU, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="bytesConsumed">Its length, on <see cref="OperationStatus.Done"/>; otherwise 0.</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out Iec104Apdu apdu, out int bytesConsumed)
        => TryRead(source, out apdu, out bytesConsumed, out _);

    /// <summary>Reads one APDU from the start of <paramref name="source"/>, with the reason on failure.</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="apdu">The APDU, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="bytesConsumed">Its length, on <see cref="OperationStatus.Done"/>; otherwise 0.</param>
    /// <param name="error">Why, on <see cref="OperationStatus.InvalidData"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> (a strict prefix of a valid APDU) or <see cref="OperationStatus.InvalidData"/>.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out Iec104Apdu apdu, out int bytesConsumed, out ProtocolError error)
    {
        apdu = default;
        bytesConsumed = 0;
        error = default;

        // §5.1: START 0x68.
        if (source.IsEmpty)
        {
            return OperationStatus.NeedMoreData;
        }

        if (source[0] != StartOctet)
        {
            return Fail(Iec104Error.InvalidStartOctet, 0, out error);
        }

        if (source.Length < 2)
        {
            return OperationStatus.NeedMoreData;
        }

        // §5.1: the length counts the control octets and the ASDU: 4..253.
        int length = source[1];
        if (length < MinimumLengthField || length > MaximumLengthField)
        {
            return Fail(Iec104Error.LengthOutOfRange, 1, out error);
        }

        // Validate the control octets as far as they are present, so that a bad prefix is not NeedMoreData.
        int available = Math.Min(source.Length, ApciLength);
        ReadOnlySpan<byte> control = source[2..available];
        if (control.Length >= 1)
        {
            OperationStatus status = ValidateControl(control, length, out error);
            if (status != OperationStatus.Done)
            {
                return status;
            }
        }

        if (source.Length < 2 + length)
        {
            return OperationStatus.NeedMoreData;
        }

        control = source.Slice(2, 4);
        var format = (control[0] & 0x01) == 0 ? Iec104FrameFormat.I : (Iec104FrameFormat)(control[0] & 0x03);
        ushort receive = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(control[2..]) >> 1);
        switch (format)
        {
            case Iec104FrameFormat.I:
            {
                ushort send = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(control) >> 1);
                ReadOnlySpan<byte> asduBytes = source.Slice(ApciLength, length - MinimumLengthField);
                if (Iec104Asdu.TryRead(asduBytes, out Iec104Asdu asdu, out _, out ProtocolError inner) != OperationStatus.Done)
                {
                    error = inner with { Offset = inner.Offset + ApciLength };
                    return OperationStatus.InvalidData;
                }

                apdu = new Iec104Apdu(format, send, receive, 0, asdu, asduBytes, 2 + length);
                break;
            }

            case Iec104FrameFormat.S:
                apdu = new Iec104Apdu(format, 0, receive, 0, default, default, 2 + length);
                break;

            default:
                apdu = new Iec104Apdu(format, 0, 0, (Iec104UFunction)(control[0] >> 2), default, default, 2 + length);
                break;
        }

        bytesConsumed = 2 + length;
        return OperationStatus.Done;
    }

    /// <summary>Reads one APDU from the start of a byte sequence (a pipe's buffer).</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="scratch">Where an APDU that spans segments is copied (see <see cref="TryRead(in ReadOnlySequence{byte}, Span{byte}, out Iec104Apdu, out int, out ProtocolError)"/>).</param>
    /// <param name="apdu">The APDU, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="bytesConsumed">Its length, on <see cref="OperationStatus.Done"/>; otherwise 0.</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    /// <exception cref="ArgumentException">The APDU spans segments and <paramref name="scratch"/> cannot hold it.</exception>
    public static OperationStatus TryRead(scoped in ReadOnlySequence<byte> source, Span<byte> scratch, out Iec104Apdu apdu, out int bytesConsumed)
        => TryRead(source, scratch, out apdu, out bytesConsumed, out _);

    /// <summary>
    /// Reads one APDU from the start of a byte sequence (a pipe's buffer), with the reason on failure: the result is the
    /// one <see cref="TryRead(ReadOnlySpan{byte}, out Iec104Apdu, out int, out ProtocolError)"/> gives for the same bytes
    /// made contiguous. An APDU that lies within the first segment is viewed in place (nothing is copied); an APDU that
    /// spans segments is copied into <paramref name="scratch"/> and viewed there.
    /// </summary>
    /// <param name="source">The bytes.</param>
    /// <param name="scratch">
    /// Where an APDU that spans segments is copied: at least as long as the APDU (or as the bytes of it that are
    /// available); <see cref="MaxEncodedLength"/> octets always suffice. It may be empty when every APDU lies within one segment.
    /// </param>
    /// <param name="apdu">The APDU (a view into <paramref name="source"/>'s first segment or into <paramref name="scratch"/>), on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="bytesConsumed">Its length, on <see cref="OperationStatus.Done"/>; otherwise 0.</param>
    /// <param name="error">Why, on <see cref="OperationStatus.InvalidData"/> (offset from the start of <paramref name="source"/>).</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> (a strict prefix of a valid APDU) or <see cref="OperationStatus.InvalidData"/>.</returns>
    /// <exception cref="ArgumentException">The APDU spans segments and <paramref name="scratch"/> cannot hold it.</exception>
    public static OperationStatus TryRead(scoped in ReadOnlySequence<byte> source, Span<byte> scratch, out Iec104Apdu apdu, out int bytesConsumed, out ProtocolError error)
    {
        // Fast path: an APDU, or an error, within the first segment. NeedMoreData there only says the APDU goes on.
        OperationStatus status = TryRead(source.FirstSpan, out apdu, out bytesConsumed, out error);
        if (status != OperationStatus.NeedMoreData || source.IsSingleSegment)
        {
            return status;
        }

        // §5.1: START and the length (4..253, read across segments) give the APDU's length, at most 255.
        Span<byte> head = stackalloc byte[2];
        int available = (int)Math.Min(source.Length, head.Length);
        source.Slice(0, available).CopyTo(head);
        status = TryRead(head[..available], out Iec104Apdu _, out _, out error);
        if (status != OperationStatus.NeedMoreData || available < head.Length)
        {
            return status;
        }

        int length = (int)Math.Min(source.Length, 2 + head[1]);
        return TryRead(Framing.SequenceScratch.Copy(source, length, scratch, MaxEncodedLength), out apdu, out bytesConsumed, out error);
    }

    /// <summary>The encoded length of an I-format APDU carrying <paramref name="asduLength"/> ASDU octets.</summary>
    /// <param name="asduLength">6..249.</param>
    /// <returns>The length.</returns>
    public static int GetEncodedLength(int asduLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(asduLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(asduLength, Iec104Asdu.MaxLength);
        return ApciLength + asduLength;
    }

    /// <summary>Writes an I-format APDU.</summary>
    /// <param name="sendSequence">N(S), 0..32767.</param>
    /// <param name="receiveSequence">N(R), 0..32767.</param>
    /// <param name="asdu">The encoded ASDU (see <see cref="Iec104Asdu.TryWrite"/>), 6..249 octets.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">The encoded length, on <see cref="OperationStatus.Done"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A sequence number is above 32767 or the ASDU length is outside 6..249.</exception>
    public static OperationStatus TryWriteInformation(ushort sendSequence, ushort receiveSequence, ReadOnlySpan<byte> asdu, Span<byte> destination, out int bytesWritten)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sendSequence, SequenceModulus);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(receiveSequence, SequenceModulus);
        ArgumentOutOfRangeException.ThrowIfLessThan(asdu.Length, Iec104Asdu.HeaderLength, nameof(asdu));
        int length = GetEncodedLength(asdu.Length);
        bytesWritten = 0;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = StartOctet;
        destination[1] = (byte)(length - 2);
        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(2, 2), (ushort)(sendSequence << 1));
        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(4, 2), (ushort)(receiveSequence << 1));
        asdu.CopyTo(destination[ApciLength..]);
        bytesWritten = length;
        return OperationStatus.Done;
    }

    /// <summary>Writes an S-format APDU.</summary>
    /// <param name="receiveSequence">N(R), 0..32767.</param>
    /// <param name="destination">Where to write (6 octets).</param>
    /// <param name="bytesWritten">6, on <see cref="OperationStatus.Done"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="receiveSequence"/> is above 32767.</exception>
    public static OperationStatus TryWriteSupervisory(ushort receiveSequence, Span<byte> destination, out int bytesWritten)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(receiveSequence, SequenceModulus);
        bytesWritten = 0;
        if (destination.Length < ApciLength)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = StartOctet;
        destination[1] = MinimumLengthField;
        destination[2] = 0x01;
        destination[3] = 0x00;
        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(4, 2), (ushort)(receiveSequence << 1));
        bytesWritten = ApciLength;
        return OperationStatus.Done;
    }

    /// <summary>Writes a U-format APDU.</summary>
    /// <param name="function">Exactly one U-format function.</param>
    /// <param name="destination">Where to write (6 octets).</param>
    /// <param name="bytesWritten">6, on <see cref="OperationStatus.Done"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="function"/> is not exactly one defined function.</exception>
    public static OperationStatus TryWriteUnnumbered(Iec104UFunction function, Span<byte> destination, out int bytesWritten)
    {
        if ((byte)function is 0 or > 0x20 || !byte.IsPow2((byte)function))
        {
            throw new ArgumentException("A U-format APDU carries exactly one function.", nameof(function));
        }

        bytesWritten = 0;
        if (destination.Length < ApciLength)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = StartOctet;
        destination[1] = MinimumLengthField;
        destination[2] = (byte)(((byte)function << 2) | 0x03);
        destination[3] = 0;
        destination[4] = 0;
        destination[5] = 0;
        bytesWritten = ApciLength;
        return OperationStatus.Done;
    }

    private static OperationStatus ValidateControl(ReadOnlySpan<byte> control, int length, out ProtocolError error)
    {
        error = default;
        byte first = control[0];
        if ((first & 0x01) == 0)
        {
            // §5.4 (Figure 6): I-format; an ASDU follows; the LSB of the third control octet is 0. The length (offset 1)
            // is checked first, so that a prefix that ends before the third control octet reports the same error.
            if (length < MinimumLengthField + Iec104Asdu.HeaderLength)
            {
                return Fail(Iec104Error.AsduTooShort, 1, out error);
            }

            return control.Length >= 3 && (control[2] & 0x01) != 0
                ? Fail(Iec104Error.InvalidControlField, 4, out error)
                : OperationStatus.Done;
        }

        if ((first & 0x03) == 0x01)
        {
            // §5.2 (Figure 7): S-format; first octet 0x01, second 0, LSB of the third 0; no ASDU.
            if (length != MinimumLengthField)
            {
                return Fail(Iec104Error.UnexpectedAsdu, 1, out error);
            }

            if (first != 0x01 || (control.Length >= 2 && control[1] != 0) || (control.Length >= 3 && (control[2] & 0x01) != 0))
            {
                return Fail(Iec104Error.InvalidControlField, first != 0x01 ? 2 : control.Length >= 2 && control[1] != 0 ? 3 : 4, out error);
            }

            return OperationStatus.Done;
        }

        // §5.3 (Figure 8): U-format; exactly one of STARTDT/STOPDT/TESTFR act/con; octets 2–4 are 0; no ASDU.
        if (length != MinimumLengthField)
        {
            return Fail(Iec104Error.UnexpectedAsdu, 1, out error);
        }

        if (!byte.IsPow2((byte)(first >> 2)))
        {
            return Fail(Iec104Error.InvalidUFunction, 2, out error);
        }

        for (int i = 1; i < control.Length; i++)
        {
            if (control[i] != 0)
            {
                return Fail(Iec104Error.InvalidControlField, 2 + i, out error);
            }
        }

        return OperationStatus.Done;
    }

    private static OperationStatus Fail(Iec104Error code, int offset, out ProtocolError error)
    {
        error = Iec104Errors.Create(code, offset);
        return OperationStatus.InvalidData;
    }
}
