using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using OtSecurity.Protocols.Framing;
using OtSecurity.Protocols.Iec104;
using OtSecurity.Protocols.Tests.Framing;

namespace OtSecurity.Protocols.Tests.Iec104;

/// <summary>
/// The <see cref="ReadOnlySequence{T}"/> overload of the APDU reader and <see cref="Iec104ApduMessageReader"/> on
/// <see cref="ProtocolReader{TMessage}"/> (the shared tests are in <see cref="MessageReaderContract{TFrame, TMessage}"/>).
/// </summary>
public class Iec104SequenceTests : MessageReaderContract<Iec104Apdu, Iec104ApduMessage>
{
    // 090813_diverse.pcap frame 7: S-format, N(R) 78.
    private const string SFormat = "68 04 01 00 9C 00";

    // STARTDT act (§5.3).
    private const string StartDtAct = "68 04 07 00 00 00";

    // zeek-iec104 first/iec104.pcap frame 9: C_IC_NA_1 act, common address 10, IOA 0, QOI 20 (station interrogation).
    private const string Interrogation = "68 0E 00 00 00 00 64 01 06 00 0A 00 00 00 00 14";

    // zeek-iec104 frame 12 second APDU: M_SP_NA_1 with four objects, interrogated by station.
    private const string SinglePoints = "68 1A 04 00 02 00 01 04 14 00 0A 00 01 00 00 00 02 00 00 00 03 00 00 00 04 00 00 00";

    private static byte[] Bytes(string hex) => Dnp3.Dnp3Hex.Bytes(hex);

    protected override IReadOnlyList<string> ValidFrames => [SFormat, StartDtAct, Interrogation, SinglePoints];

    protected override IReadOnlyList<InvalidFrame> InvalidFrames =>
    [
        new("69 04 43 00 00 00", Iec104Error.InvalidStartOctet, 0, "§5.1: START is 0x68"),
        new("69 04", Iec104Error.InvalidStartOctet, 0, "§5.1: START is 0x68, whatever follows"),
        new("68 FE 00 00 00 00", Iec104Error.LengthOutOfRange, 1, "§5.1: length at most 253"),
        new("68 03 43 00 00", Iec104Error.LengthOutOfRange, 1, "§5.1: length at least 4"),
        new("68 04 C3", Iec104Error.InvalidUFunction, 2, "§5.3: two U functions, invalid whatever follows"),
        new("68 04 01 00 01 00", Iec104Error.InvalidControlField, 4, "§5.2: LSB of the third S-format octet is 0"),
        new("68 04 00 00 03 00", Iec104Error.AsduTooShort, 1, "§5.4: an I-format APDU carries an ASDU; the length is checked before the control octets"),
        new("68 0A 00 00 00 00 00 01 06 00 0A 00", Iec104Error.InvalidTypeId, 6, "type 0 is not defined"),
        new("68 0A 00 00 00 00 64 01 40 00 0A 00", Iec104Error.InvalidCause, 8, "cause of transmission 0x40 is not defined"),
        new("68 0D 00 00 00 00 64 01 06 00 0A 00 00 00 00", Iec104Error.AsduLengthMismatch, 12, "one object needs 4 octets, 3 given"),
    ];

    protected override int MaxFrameLength => Iec104Apdu.MaxEncodedLength;

    protected override byte[] NextFrameStart => [0x68, 0x04];

    protected override Gen<byte[]> ValidFrameGen => Iec104Arbitraries.ApduGen.Select(spec => spec.Encode());

    protected override FramingMode PipeMode => FramingMode.Passive;

    protected override OperationStatus TryRead(ReadOnlySpan<byte> source, out Iec104Apdu frame, out int consumed, out ProtocolError error) =>
        Iec104Apdu.TryRead(source, out frame, out consumed, out error);

    protected override OperationStatus TryRead(in ReadOnlySequence<byte> source, Span<byte> scratch, out Iec104Apdu frame, out int consumed, out ProtocolError error) =>
        Iec104Apdu.TryRead(source, scratch, out frame, out consumed, out error);

    protected override string Describe(OperationStatus status, in Iec104Apdu frame) =>
        $"format={frame.Format} ns={frame.SendSequenceNumber} nr={frame.ReceiveSequenceNumber} u={frame.UFunction} length={frame.EncodedLength} "
        + $"asdu=[{(status == OperationStatus.Done && frame.Format == Iec104FrameFormat.I ? frame.Asdu.Header.ToString() : string.Empty)}] {Convert.ToHexString(frame.AsduBytes)}";

    protected override ReadOnlySpan<byte> View(in Iec104Apdu frame) => frame.AsduBytes;

    protected override bool IsDefault(in Iec104Apdu frame) => frame.EncodedLength == 0;

    protected override int Measure(in Iec104Apdu frame) => frame.Format == Iec104FrameFormat.I ? frame.Asdu.Header.ObjectCount : frame.ReceiveSequenceNumber;

    protected override byte[] ShapeArbitrary(byte[] bytes, byte knob) => (knob & 1) != 0 ? [0x68, .. bytes] : bytes;

    protected override IMessageReader<Iec104ApduMessage> CreateReader() => new Iec104ApduMessageReader();

    protected override ReadOnlySequence<byte> MessageBytes(Iec104ApduMessage message) => message.Apdu;

    protected override bool TryRead(Iec104ApduMessage message, Span<byte> scratch, out Iec104Apdu frame) => message.TryRead(scratch, out frame);

    [Fact]
    public void MessageReader_SinglePoints_CarriesTheApci()
    {
        var (status, message, _, _, _) = Sequences.ReadMessage(new Iec104ApduMessageReader(), Sequences.PerOctet(Bytes(SinglePoints)));
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(Iec104FrameFormat.I, message.Format);
        Assert.Equal(2, message.SendSequenceNumber);
        Assert.Equal(1, message.ReceiveSequenceNumber);
        Assert.True(message.TryRead(new byte[Iec104Apdu.MaxEncodedLength], out Iec104Apdu apdu));
        Assert.Equal(Iec104TypeId.M_SP_NA_1, apdu.Asdu.Header.TypeId);
        Assert.Equal(4, apdu.Asdu.Header.ObjectCount);
    }

    [Fact]
    public void MessageReader_UFormat_CarriesTheFunction()
    {
        ReadOnlySequence<byte> input = Sequences.PerOctet(Bytes(StartDtAct));
        var (status, message, _, _, _) = Sequences.ReadMessage(new Iec104ApduMessageReader(), input);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(Iec104FrameFormat.U, message.Format);
        Assert.Equal(Iec104UFunction.StartDataTransferActivation, message.UFunction);
    }
}
