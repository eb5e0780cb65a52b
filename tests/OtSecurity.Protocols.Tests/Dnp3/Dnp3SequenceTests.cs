using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using OtSecurity.Protocols.Dnp3;
using OtSecurity.Protocols.Framing;
using OtSecurity.Protocols.Tests.Framing;

namespace OtSecurity.Protocols.Tests.Dnp3;

/// <summary>
/// The <see cref="ReadOnlySequence{T}"/> overload of the link frame reader and <see cref="Dnp3LinkMessageReader"/> on
/// <see cref="ProtocolReader{TMessage}"/> (the shared tests are in <see cref="MessageReaderContract{TFrame, TMessage}"/>).
/// </summary>
public class Dnp3SequenceTests : MessageReaderContract<Dnp3LinkFrame, Dnp3LinkMessage>
{
    // zeek dnp3_link_only.pcap frame 1: REQUEST_LINK_STATUS from 1 to 100, header only.
    private const string RequestLinkStatus = "05 64 05 49 64 00 01 00 7E 5F";

    // zeek dnp3_link_only.pcap frame 7: UNCONFIRMED_USER_DATA from master 100 to 1, READ class 0 (one user data block).
    private const string ReadClass0 = "05 64 0B C4 01 00 64 00 44 EA C4 C7 01 3C 01 06 83 F4";

    // zeek dnp3.pcap frame 4: unsolicited response, user data block CRC 4F BD.
    private const string Unsolicited = "05 64 0A 44 03 00 04 00 7C AE E6 F7 82 10 00 4F BD";

    // §9.2.4.2: the block CRC of the unsolicited response off by one.
    private const string CorruptUnsolicited = "05 64 0A 44 03 00 04 00 7C AE E6 F7 82 10 00 4F BE";

    /// <summary>A 292-octet frame: LENGTH 255, 15 full user data blocks and one of 10 octets.</summary>
    private static byte[] LargestFrame()
    {
        byte[] user = Enumerable.Range(0, Dnp3LinkFrame.MaxUserDataLength).Select(i => (byte)(i * 7)).ToArray();
        var buffer = new byte[Dnp3LinkFrame.MaxEncodedLength];
        Dnp3LinkFrame.TryWrite(0x44, 3, 4, user, buffer, out _);
        return buffer;
    }

    protected override IReadOnlyList<string> ValidFrames => [RequestLinkStatus, ReadClass0, Unsolicited, Convert.ToHexString(LargestFrame())];

    protected override IReadOnlyList<InvalidFrame> InvalidFrames =>
    [
        new("05 65 05 49 64 00 01 00 7E 5F", Dnp3Error.InvalidStartOctets, 1, "§9.2.4.1.1: second start octet is 0x64"),
        new("06 64 05", Dnp3Error.InvalidStartOctets, 0, "§9.2.4.1.1: first start octet is 0x05"),
        new("05 64 04 49 64 00 01 00 7E 5F", Dnp3Error.LengthTooSmall, 2, "§9.2.4.1.2: LENGTH is at least 5"),
        new("05 64 05 49 64 00 01 00 7E 5E", Dnp3Error.HeaderCrcMismatch, 8, "§9.2.4.1.6: header CRC off by one"),
        new(CorruptUnsolicited, Dnp3Error.DataCrcMismatch, 15, "§9.2.4.2: block CRC off by one"),
    ];

    protected override int MaxFrameLength => Dnp3LinkFrame.MaxEncodedLength;

    protected override byte[] NextFrameStart => [0x05, 0x64];

    protected override Gen<byte[]> ValidFrameGen => Dnp3Arbitraries.LinkFrameGen.Select(spec => spec.Encode());

    protected override FramingMode PipeMode => FramingMode.Passive;

    protected override OperationStatus TryRead(ReadOnlySpan<byte> source, out Dnp3LinkFrame frame, out int consumed, out ProtocolError error) =>
        Dnp3LinkFrame.TryRead(source, out frame, out consumed, out error);

    protected override OperationStatus TryRead(in ReadOnlySequence<byte> source, Span<byte> scratch, out Dnp3LinkFrame frame, out int consumed, out ProtocolError error) =>
        Dnp3LinkFrame.TryRead(source, scratch, out frame, out consumed, out error);

    protected override string Describe(OperationStatus status, in Dnp3LinkFrame frame) =>
        $"header=[{frame.Header}] bytes={Convert.ToHexString(frame.EncodedBytes)}";

    protected override ReadOnlySpan<byte> View(in Dnp3LinkFrame frame) => frame.EncodedBytes;

    protected override int Measure(in Dnp3LinkFrame frame) => frame.UserDataLength;

    protected override byte[] ShapeArbitrary(byte[] bytes, byte knob) => (knob & 1) != 0 ? [0x05, 0x64, .. bytes] : bytes;

    protected override IMessageReader<Dnp3LinkMessage> CreateReader() => new Dnp3LinkMessageReader();

    protected override ReadOnlySequence<byte> MessageBytes(Dnp3LinkMessage message) => message.Frame;

    protected override bool TryRead(Dnp3LinkMessage message, Span<byte> scratch, out Dnp3LinkFrame frame) => message.TryRead(scratch, out frame);

    [Fact]
    public void MessageReader_ReadClass0_CarriesTheHeaderAndUserData()
    {
        ReadOnlySequence<byte> input = Sequences.PerOctet(Dnp3Hex.Bytes(ReadClass0));
        var (status, message, _, _, _) = Sequences.ReadMessage(new Dnp3LinkMessageReader(), input);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(100, message.Header.SourceAddress);
        Assert.Equal(1, message.Header.DestinationAddress);
        Assert.True(message.TryRead(new byte[Dnp3LinkFrame.MaxEncodedLength], out Dnp3LinkFrame frame));
        Span<byte> user = stackalloc byte[frame.UserDataLength];
        frame.CopyUserData(user);
        Assert.Equal(Dnp3Hex.Bytes("C4 C7 01 3C 01 06"), user.ToArray());
    }

    [Fact]
    public async Task MessageReader_OnAPipe_FramesSpanningSegments_AreRead()
    {
        // The harness's pipe has small segments: the 292-octet frame cannot lie in one, so the copy path is taken.
        byte[] large = LargestFrame();
        byte[] small = Dnp3Hex.Bytes(ReadClass0);
        var spanned = new List<bool>();
        var (read, last, _) = await Sequences.ReadAllAsync(new Dnp3LinkMessageReader(), m =>
        {
            spanned.Add(!m.Frame.IsSingleSegment);
            Assert.True(m.TryRead(new byte[Dnp3LinkFrame.MaxEncodedLength], out Dnp3LinkFrame frame));
            return frame.EncodedBytes.ToArray();
        }, [.. small, .. large, .. small], [7, 100], FramingMode.Active, Dnp3LinkFrame.MaxEncodedLength);
        Assert.Equal([small, large, small], read);
        Assert.True(spanned[1]);
        Assert.True(last.IsCompleted);
    }

    [Fact]
    public async Task MessageReader_CorruptFrame_PassiveSkipsIt_ActiveStops()
    {
        byte[] good = Dnp3Hex.Bytes(ReadClass0);
        byte[] corrupt = Dnp3Hex.Bytes(CorruptUnsolicited);
        byte[] stream = [.. good, .. corrupt, .. good];

        var (passive, passiveLast, passiveLoop) = await Sequences.ReadAllAsync(new Dnp3LinkMessageReader(), m => m.Frame.ToArray(), stream, [5, 20, 30], FramingMode.Passive, Dnp3LinkFrame.MaxEncodedLength);
        Assert.Equal([good, good], passive);
        Assert.True(passiveLast.IsCompleted);
        Assert.Equal(corrupt.Length, passiveLoop.BytesSkipped);
        Assert.Equal(1, passiveLoop.Resynchronizations);

        var (active, activeLast, _) = await Sequences.ReadAllAsync(new Dnp3LinkMessageReader(), m => m.Frame.ToArray(), stream, [5, 20, 30], FramingMode.Active, Dnp3LinkFrame.MaxEncodedLength);
        Assert.Equal([good], active);
        Assert.True(activeLast.IsFaulted);
        Assert.Equal((int)Dnp3Error.DataCrcMismatch, activeLast.Error.Code);
    }
}
