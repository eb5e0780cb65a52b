using System.Buffers;
using FsCheck;
using FsCheck.Xunit;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Dissectors.Dnp3;
using OtSecurity.Capture.Dissectors.Iec104;
using OtSecurity.Capture.Tests.Dissectors.Dnp3;
using static OtSecurity.Capture.Tests.Dissectors.DissectorTestKit;

namespace OtSecurity.Capture.Tests.Dissectors;

/// <summary>Arbitrary TCP segmentation of a stream yields the same messages as the stream read in one piece.</summary>
public class SegmentationPropertyTests
{
    private static readonly byte[] Dnp3Stream =
    [
        .. Hex("05 64 05 49 64 00 01 00 7E 5F"),
        .. Convert.FromHexString(Dnp3CaptureFrames.Frame17),
        .. Hex("00 05 64"),
        .. Convert.FromHexString(Dnp3CaptureFrames.Frame18),
        .. Convert.FromHexString(Dnp3CaptureFrames.Frame808),
        .. Convert.FromHexString(Dnp3CaptureFrames.Frame809),
        .. Convert.FromHexString(Dnp3CaptureFrames.Frame810),
        .. Convert.FromHexString(Dnp3CaptureFrames.Frame311),
        .. Hex("05 64 19 C4 0A 00 01 00 DA 8F C1 C2 04 0C 01 00 00 01 00 03 01 64 00 00 00 64 63 9A 00 00 00 00 FF FF"),
    ];

    private static readonly byte[] Iec104Stream = Hex(
        "68 04 07 00 00 00 68 04 0B 00 00 00 07 07 68 05 17 17 17 17 17 " +
        "68 14 00 00 00 00 67 01 06 00 FF FF 00 00 00 FA 04 13 11 18 0A 13 68 0E 02 00 00 00 64 01 06 00 FF FF 00 00 00 14 " +
        "68 06 18 18 18 18 18 18 68 04 01 00 9C 00 " +
        "68 1A 9A 00 28 00 0D 02 01 00 03 00 14 05 00 00 00 F0 41 00 15 05 00 00 00 31 44 00");

    [Property]
    public bool Dnp3_ArbitrarySegmentation_YieldsTheSameMessages(PositiveInt[] chunks) =>
        Same(() => new Dnp3Dissector().CreateFlowDissector(TransportKind.Tcp), Dnp3Stream, chunks, 20000);

    [Property]
    public bool Iec104_ArbitrarySegmentation_YieldsTheSameMessages(PositiveInt[] chunks) =>
        Same(() => new Iec104Dissector().CreateFlowDissector(TransportKind.Tcp), Iec104Stream, chunks, 2404);

    [Property(MaxTest = 300)]
    public bool ArbitraryBytes_NeverThrowInEitherDissector(byte[] bytes, PositiveInt[] chunks)
    {
        foreach (IFlowDissector flow in new[] { new Dnp3Dissector().CreateFlowDissector(TransportKind.Tcp), new Iec104Dissector().CreateFlowDissector(TransportKind.Tcp) })
        {
            var sink = new RecordingSink();
            Chunked(flow, bytes, chunks, 1, sink);
            flow.Complete(Context(2, true, 1), sink);
        }

        return true;
    }

    private static bool Same(Func<IFlowDissector> create, byte[] stream, PositiveInt[] chunks, int port)
    {
        var whole = new RecordingSink();
        Chunked(create(), stream, [], port, whole);
        var split = new RecordingSink();
        Chunked(create(), stream, chunks, port, split);
        return whole.Messages.Count > 0 && whole.Messages.Select(Describe).SequenceEqual(split.Messages.Select(Describe));
    }

    /// <summary>Delivers the stream in chunks, keeping unconsumed bytes as the pipeline does.</summary>
    private static void Chunked(IFlowDissector flow, byte[] stream, PositiveInt[] chunks, int port, RecordingSink sink)
    {
        var pending = new List<byte>();
        int position = 0;
        int index = 0;
        while (position < stream.Length)
        {
            int size = chunks.Length == 0 ? stream.Length : Math.Min(1 + (chunks[index++ % chunks.Length].Get % 40), stream.Length - position);
            size = Math.Min(size, stream.Length - position);
            pending.AddRange(stream.AsSpan(position, size).ToArray());
            position += size;
            byte[] buffer = [.. pending];
            int used = Feed(flow, buffer, Context(position, false, port), sink);
            pending.RemoveRange(0, used);
        }
    }

    private static string Describe(OtMessage m) =>
        $"{m.Function}|{m.Status}|{m.Operation}|{m.Direction}|{string.Join(",", m.Fields.Select(f => $"{f.Key}={f.Number}"))}";
}
