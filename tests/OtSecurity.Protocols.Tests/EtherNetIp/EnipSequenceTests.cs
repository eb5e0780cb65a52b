using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using OtSecurity.Protocols.EtherNetIp;
using OtSecurity.Protocols.Framing;
using OtSecurity.Protocols.Tests.Framing;

namespace OtSecurity.Protocols.Tests.EtherNetIp;

/// <summary>
/// The <see cref="ReadOnlySequence{T}"/> overload of the encapsulation reader and <see cref="EncapsulationMessageReader"/>
/// on <see cref="ProtocolReader{TMessage}"/> (the shared tests are in <see cref="MessageReaderContract{TFrame, TMessage}"/>).
/// </summary>
public class EnipSequenceTests : MessageReaderContract<EncapsulationFrame, EncapsulationMessage>
{
    // Vol. 2 2-4.4: RegisterSession reply, session 0x12020200, protocol version 1 (digitalbond ip-address-change frame 3609).
    private const string RegisterSessionReply = "6500 0400 00020212 00000000 0000000000000000 00000000 0100 0000";

    // SendRRData carrying Unconnected_Send of Get_Attributes_All to the Identity object (digitalbond reboot frame 8).
    private const string SendRRData = "6f00 2400 00010211 00000000 b39b02002008e100 00000000 00000000 2000 0200 0000 0000 b200 1400 52022006240107f9060001022001240101000100";

    // SendRRData reply with the Identity attributes (digitalbond ip-address-change frame 3613).
    private const string SendRRDataReply = "6f002e000002021200000000a1823000b808e10000000000000000000a00020000000000b2001e008100000001000c003a0004073000c3ae51000b313735362d454e42542f41";

    // Vol. 2 2-4.2: ListIdentity request, no data.
    private const string ListIdentityRequest = "6300 0000 00000000 00000000 0000000000000000 00000000";

    protected override IReadOnlyList<string> ValidFrames => [RegisterSessionReply, SendRRData, SendRRDataReply, ListIdentityRequest];

    protected override IReadOnlyList<InvalidFrame> InvalidFrames =>
    [
        new("6f00 e8ff", EnipError.EncapsulationLengthTooLarge, 2, "2-3.1: 65512 exceeds 65535 - 24"),
        new("6500 0200 00000000 00000000 0000000000000000 00000000 0100", EnipError.CommandDataInvalid, 24, "2-4.4: RegisterSession is 4 octets"),
        new("6600 0100 00000000 00000000 0000000000000000 00000000 00", EnipError.CommandDataInvalid, 24, "2-4.5: UnRegisterSession has no data"),
        new("6f00 0700 00000000 00000000 0000000000000000 00000000 00000000 0000 00", EnipError.CpfTruncated, 30, "2-4.7: the item count is cut"),
        new("6f00 0c00 00000000 00000000 0000000000000000 00000000 00000000 0000 0100 0000 0000", EnipError.CpfItemsMissing, 30, "2-4.7: one item only"),
        new("6f00 1100 00000000 00000000 0000000000000000 00000000 00000000 0000 0200 0000 0000 b200 0000 ff", EnipError.CpfTrailingData, 40, "an octet after the last item"),
    ];

    protected override int MaxFrameLength => Encapsulation.MaximumPacketLength;

    protected override byte[] NextFrameStart => [0x65, 0x00];

    protected override Gen<byte[]> ValidFrameGen =>
        from kind in ArbMap.Default.GeneratorFor<int>()
        from a in ArbMap.Default.GeneratorFor<byte>()
        from b in ArbMap.Default.GeneratorFor<byte>()
        from c in ArbMap.Default.GeneratorFor<ushort>()
        from session in ArbMap.Default.GeneratorFor<uint>()
        from data in ArbMap.Default.GeneratorFor<byte[]>()
        select EnipMessages.Build(kind, a, b, c, session, data).Bytes;

    // No start pattern (any 24 octets with a small length delimit a packet): a stream is read in step from its start.
    protected override FramingMode PipeMode => FramingMode.Active;

    protected override OperationStatus TryRead(ReadOnlySpan<byte> source, out EncapsulationFrame frame, out int consumed, out ProtocolError error) =>
        Encapsulation.TryRead(source, out frame, out consumed, out error);

    protected override OperationStatus TryRead(in ReadOnlySequence<byte> source, Span<byte> scratch, out EncapsulationFrame frame, out int consumed, out ProtocolError error) =>
        Encapsulation.TryRead(source, scratch, out frame, out consumed, out error);

    protected override string Describe(OperationStatus status, in EncapsulationFrame frame) =>
        $"header=[{frame.Header}] data={Convert.ToHexString(frame.Data)}";

    protected override ReadOnlySpan<byte> View(in EncapsulationFrame frame) => frame.Data;

    protected override int Measure(in EncapsulationFrame frame) => frame.Data.Length;

    // Arbitrary bytes with, at offset 2, a length that mostly fits what follows.
    protected override byte[] ShapeArbitrary(byte[] bytes, byte knob)
    {
        if (bytes.Length >= 4)
        {
            bytes[2] = (byte)(knob % Math.Max(1, bytes.Length));
            bytes[3] = 0;
        }

        return bytes;
    }

    protected override IMessageReader<EncapsulationMessage> CreateReader() => new EncapsulationMessageReader();

    protected override ReadOnlySequence<byte> MessageBytes(EncapsulationMessage message) => message.Packet;

    protected override bool TryRead(EncapsulationMessage message, Span<byte> scratch, out EncapsulationFrame frame) => message.TryRead(scratch, out frame);

    [Fact]
    public void MessageReader_SendRRDataReply_CarriesTheHeader()
    {
        byte[] bytes = EnipHex.Bytes(SendRRDataReply);
        var (status, message, _, _, _) = Sequences.ReadMessage(new EncapsulationMessageReader(), Sequences.PerOctet(bytes));
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(EncapsulationCommand.SendRRData, message.Command);
        Assert.Equal(0x12020200u, message.Header.SessionHandle);
        Assert.True(message.TryRead(new byte[bytes.Length], out EncapsulationFrame frame));
        Assert.True(frame.TryGetCommonPacketFormat(out CommonPacketFormat cpf));
        Assert.Equal(2, cpf.ItemCount);
    }
}
