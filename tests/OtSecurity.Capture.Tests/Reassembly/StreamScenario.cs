using FsCheck;
using FsCheck.Fluent;
using OtSecurity.Capture.Pipeline;
using OtSecurity.Capture.Reassembly;
using OtSecurity.Capture.Tests.Support;
using OtSecurity.Capture.Transport;

namespace OtSecurity.Capture.Tests.Reassembly;

/// <summary>
/// A client→server byte stream of MBAP-shaped frames whose only zero bytes are the protocol id and length high byte,
/// so that after a gap the parser can resynchronise only on a real frame start.
/// </summary>
internal sealed record StreamScenario(byte[][] Frames, uint InitialSequence)
{
    public byte[] Bytes => [.. Frames.SelectMany(f => f)];

    /// <summary>(start, end) of each frame in the stream.</summary>
    public IEnumerable<(int Start, int End, byte[] Frame)> Spans()
    {
        var position = 0;
        foreach (var frame in Frames)
        {
            yield return (position, position + frame.Length, frame);
            position += frame.Length;
        }
    }

    public static Gen<StreamScenario> Generator =>
        from count in Gen.Choose(1, 25)
        from frames in Gen.ArrayOf(FrameGenerator, count)
        from isn in Gen.OneOf(Gen.Choose(0, int.MaxValue).Select(i => (uint)i), Gen.Choose(1, 3000).Select(i => uint.MaxValue - (uint)i))
        select new StreamScenario(frames, isn);

    private static Gen<byte[]> FrameGenerator =>
        from txn in Gen.Choose(1, 254)
        from unit in Gen.Choose(1, 255)
        from function in Gen.Choose(1, 127)
        from length in Gen.Choose(0, 40)
        from data in Gen.ArrayOf(Gen.Choose(1, 255).Select(b => (byte)b), length)
        select MbapLikeDissector.Frame((ushort)((txn << 8) | txn), (byte)unit, (byte)function, data);

    /// <summary>Cuts the stream into contiguous segments at random points.</summary>
    public static Gen<(int Offset, int Length)[]> Segmentation(int length) =>
        from cuts in Gen.ArrayOf(Gen.Choose(1, Math.Max(1, length - 1)), Math.Min(length - 1, 30))
        from take in Gen.Choose(0, Math.Min(length - 1, 30))
        select ToSegments(length, cuts.Take(take));

    public static (int Offset, int Length)[] ToSegments(int length, IEnumerable<int> cuts)
    {
        var points = cuts.Where(c => c > 0 && c < length).Distinct().Order().Prepend(0).Append(length).ToArray();
        return [.. points.Zip(points.Skip(1), (a, b) => (a, b - a))];
    }

    /// <summary>The capture: handshake (unless mid-stream) then the given segments of the stream, client to server.</summary>
    public TestCapture Capture(IEnumerable<(int Offset, int Length)> segments, bool handshake = true)
    {
        var bytes = Bytes;
        var capture = new TestCapture();
        if (handshake)
        {
            capture.Tcp(TestCapture.Client, TestCapture.Server, InitialSequence, TcpFlags.Syn, default);
            capture.Tcp(TestCapture.Server, TestCapture.Client, 5000, TcpFlags.Syn, default, ack: InitialSequence + 1);
        }

        foreach (var (offset, length) in segments)
        {
            capture.Tcp(TestCapture.Client, TestCapture.Server, InitialSequence + 1 + (uint)offset, TcpFlags.Psh, bytes.AsSpan(offset, length), ack: 5001);
        }

        return capture;
    }

    /// <summary>What the messages say, without frame numbers (held bytes keep the frame that carried them).</summary>
    public static List<(long Txn, int? Func, long? Unit)> Read(TestCapture capture, out CaptureStatistics statistics)
    {
        var options = new CapturePipelineOptions
        {
            Dissectors = [new MbapLikeDissector("modbus", 502)],
            Reassembly = new ReassemblyOptions { MaxOutOfOrderSegments = 10_000 },
        };
        var (sink, result) = PipelineRunner.Run(capture, options);
        statistics = result.Statistics;
        return [.. sink.Wire.Select(m => (m.Fields[0].Number!.Value, m.Function, m.Unit))];
    }

    public static List<(long Txn, int? Func, long? Unit)> Expected(IEnumerable<byte[]> frames) =>
        [.. frames.Select(f => ((long)((f[0] << 8) | f[1]), (int?)f[7], (long?)f[6]))];
}
