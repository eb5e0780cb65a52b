using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OtSecurity.Protocols.Bacnet;
using OtSecurity.Protocols.Tests.Framing;
using static OtSecurity.Protocols.Tests.Bacnet.BacnetHex;

namespace OtSecurity.Protocols.Tests.Bacnet;

/// <summary>The <see cref="ReadOnlySequence{T}"/> overload of the BVLC reader (the shared tests are in <see cref="SequenceOverloadContract{TFrame}"/>).</summary>
public class BvlcSequenceTests : SequenceOverloadContract<BvlcFrame>
{
    // Annex J.2.6: Register-Foreign-Device, TTL 60000 s (bacnet-array-elements frame 1).
    private const string RegisterForeignDevice = "81 05 0006 ea60";

    // Annex J.2.3: Read-Broadcast-Distribution-Table, the header alone (iti-bacnet-test frame 21).
    private const string ReadBdt = "81 02 0004";

    // Annex J.2.5: Forwarded-NPDU from 10.0.218.174:47808 carrying an NPDU.
    private const string ForwardedNpdu = "81 04 0018 0a00daae bac0 0120ffff00ff 1008 0a3039 1a3039";

    // Annex J.2.8: Read-Foreign-Device-Table-Ack with one entry.
    private const string ReadFdtAck = "81 07 000e 0a000009bac0 003c 005a";

    protected override IReadOnlyList<string> ValidFrames => [RegisterForeignDevice, ReadBdt, ForwardedNpdu, ReadFdtAck];

    protected override IReadOnlyList<InvalidFrame> InvalidFrames =>
    [
        new("82 0a 0006 0100", BacnetError.BvlcTypeInvalid, 0, "Annex J.2: not BACnet/IP"),
        new("81 0d 0004", BacnetError.BvlcFunctionUnknown, 1, "0x0D is not defined"),
        new("81 00 0008 00000000", BacnetError.BvlcLengthInvalid, 2, "J.2.1: BVLC-Result is always 6 octets"),
        new("81 03 0007 000000", BacnetError.BvlcTableLengthInvalid, 2, "J.2.2: 3 octets is not a 10-octet entry"),
        new("81 0a 0005 01", BacnetError.BvlcLengthTooSmall, 2, "J.2.11: an NPDU needs version and control"),
    ];

    protected override int MaxFrameLength => Bvlc.MaximumLength;

    protected override byte[] NextFrameStart => [0x81, 0x0a];

    protected override Gen<byte[]> ValidFrameGen =>
        from kind in ArbMap.Default.GeneratorFor<int>()
        from a in ArbMap.Default.GeneratorFor<byte>()
        from b in ArbMap.Default.GeneratorFor<byte>()
        from c in ArbMap.Default.GeneratorFor<ushort>()
        from data in ArbMap.Default.GeneratorFor<byte[]>()
        select BacnetMessages.Build(kind, a, b, c, data).Bytes;

    protected override OperationStatus TryRead(ReadOnlySpan<byte> source, out BvlcFrame frame, out int consumed, out ProtocolError error) =>
        Bvlc.TryRead(source, out frame, out consumed, out error);

    protected override OperationStatus TryRead(in ReadOnlySequence<byte> source, Span<byte> scratch, out BvlcFrame frame, out int consumed, out ProtocolError error) =>
        Bvlc.TryRead(source, scratch, out frame, out consumed, out error);

    protected override string Describe(OperationStatus status, in BvlcFrame frame) =>
        $"function={frame.Function} origin={frame.OriginatingAddress} body={Convert.ToHexString(frame.Body)}";

    protected override ReadOnlySpan<byte> View(in BvlcFrame frame) => frame.Body;

    protected override int Measure(in BvlcFrame frame) => frame.Npdu.Length;

    // Arbitrary bytes behind a BACnet/IP type and a defined function, with a length that mostly fits what follows.
    protected override byte[] ShapeArbitrary(byte[] bytes, byte knob) =>
        [Bvlc.BacnetIpType, (byte)(knob % 13), 0, (byte)(4 + (bytes.Length == 0 ? 0 : knob % bytes.Length)), .. bytes];

    [Fact]
    public void TryRead_SequenceForwardedNpduWithinFirstSegment_ReadsTheOriginatingAddress()
    {
        byte[] bytes = Bytes(ForwardedNpdu);
        Assert.Equal(OperationStatus.Done, Bvlc.TryRead(Sequences.FromPieces([[.. bytes, 0x81], [0x0a]]), [], out BvlcFrame frame, out _));
        Assert.Equal(new BacnetIpEndpoint(0x0a00daae, 47808), frame.OriginatingAddress);
    }

    [Property]
    public bool TryRead_SequenceOfADatagramInPieces_ReadsTheWholeMessage(int kind, byte a, byte b, ushort c, byte[] data, int[] cuts)
    {
        // A BVLC message is one UDP datagram: read from any segmentation, it is one message of the datagram's length.
        (byte[] message, _) = BacnetMessages.Build(kind, a, b, c, data);
        var scratch = new byte[Bvlc.MaximumLength];
        return Bvlc.TryRead(Sequences.Split(message, Sequences.Cuts(cuts)), scratch, out BvlcFrame frame, out int consumed) == OperationStatus.Done
            && consumed == message.Length && frame.Length == message.Length && frame.Body.SequenceEqual(message.AsSpan(Bvlc.HeaderLength));
    }
}
