using System.Buffers;
using OtSecurity.Protocols.Framing;

namespace OtSecurity.Protocols.Iec104;

/// <summary>
/// One IEC 60870-5-104 APDU delimited by <see cref="Iec104ApduMessageReader"/>: its APCI fields and its bytes, which stay
/// in the pipe's buffer (valid until <see cref="ProtocolReader{TMessage}.Advance"/>). The APCI and, in I-format, the
/// ASDU header and information objects were validated when the APDU was delimited.
/// </summary>
public readonly struct Iec104ApduMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="format">The APCI format.</param>
    /// <param name="sendSequenceNumber">N(S) (I-format), otherwise 0.</param>
    /// <param name="receiveSequenceNumber">N(R) (I- and S-format), otherwise 0.</param>
    /// <param name="uFunction">The U-format function (U-format), otherwise 0.</param>
    /// <param name="apdu">The whole APDU.</param>
    public Iec104ApduMessage(Iec104FrameFormat format, ushort sendSequenceNumber, ushort receiveSequenceNumber, Iec104UFunction uFunction, ReadOnlySequence<byte> apdu)
    {
        Format = format;
        SendSequenceNumber = sendSequenceNumber;
        ReceiveSequenceNumber = receiveSequenceNumber;
        UFunction = uFunction;
        Apdu = apdu;
    }

    /// <summary>The APCI format.</summary>
    public Iec104FrameFormat Format { get; }

    /// <summary>N(S), the send sequence number (I-format only).</summary>
    public ushort SendSequenceNumber { get; }

    /// <summary>N(R), the receive sequence number (I- and S-format).</summary>
    public ushort ReceiveSequenceNumber { get; }

    /// <summary>The U-format function (U-format only).</summary>
    public Iec104UFunction UFunction { get; }

    /// <summary>The whole APDU: start octet, length, control octets and, in I-format, the ASDU (6..255 octets).</summary>
    public ReadOnlySequence<byte> Apdu { get; }

    /// <summary>Reads the APDU, copying it into <paramref name="scratch"/> only when it spans buffer segments.</summary>
    /// <param name="scratch">At least <see cref="Apdu"/>'s length when the APDU spans segments (<see cref="Iec104Apdu.MaxEncodedLength"/> always suffices).</param>
    /// <param name="apdu">The view (into the pipe's buffer or into <paramref name="scratch"/>).</param>
    /// <returns>True when the APDU reads (it was validated when delimited).</returns>
    /// <exception cref="ArgumentException">The APDU spans segments and <paramref name="scratch"/> cannot hold it.</exception>
    public bool TryRead(Span<byte> scratch, out Iec104Apdu apdu) =>
        Iec104Apdu.TryRead(Apdu, scratch, out apdu, out _, out _) == OperationStatus.Done;
}

/// <summary>
/// Frames IEC 60870-5-104 APDUs for <see cref="ProtocolReader{TMessage}"/>: checks the start octet, the length (4..253),
/// the control field of the I, S or U format (IEC 60870-5-104 §5) and the ASDU (§9) and delimits the
/// APDU. Use <see cref="Iec104Apdu.MaxEncodedLength"/> as the maximum message size.
/// </summary>
public sealed class Iec104ApduMessageReader : IMessageReader<Iec104ApduMessage>
{
    /// <inheritdoc />
    public OperationStatus TryReadMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, out Iec104ApduMessage message, out ProtocolError protocolError)
    {
        message = default;
        Span<byte> scratch = stackalloc byte[Iec104Apdu.MaxEncodedLength];
        OperationStatus status = Iec104Apdu.TryRead(input, scratch, out Iec104Apdu apdu, out int length, out protocolError);
        if (MessageDelimiter.Delimit(status, length, input, ref consumed, ref examined, out ReadOnlySequence<byte> bytes))
        {
            message = new Iec104ApduMessage(apdu.Format, apdu.SendSequenceNumber, apdu.ReceiveSequenceNumber, apdu.UFunction, bytes);
        }

        return status;
    }
}
