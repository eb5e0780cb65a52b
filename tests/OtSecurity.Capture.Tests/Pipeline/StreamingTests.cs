using System.Net;
using OtSecurity.Capture.FileFormats;
using OtSecurity.Capture.Pipeline;
using OtSecurity.Capture.Tests.Support;
using OtSecurity.Capture.Transport;

namespace OtSecurity.Capture.Tests.Pipeline;

/// <summary>Memory does not grow with file size, and the decode path does not allocate per packet.</summary>
public sealed class StreamingTests
{
    [Fact]
    public void Reader_ManyFrames_AllocatesTheSameAsFewFrames()
    {
        var few = AllocatedWhileReading(GeneratedCapture.Repeating(2_000));
        var many = AllocatedWhileReading(GeneratedCapture.Repeating(200_000));

        // 200,000 frames (about 16 MB) read through one buffer: no more allocation than for 2,000.
        Assert.True(many <= few + 4096, $"2,000 frames: {few} bytes allocated; 200,000 frames: {many}");
    }

    [Fact]
    public void Pipeline_ManyFrames_HoldsABoundedNumberOfBytesAndFlows()
    {
        var sink = new CountingSink();
        var result = new CapturePipeline(PipelineRunner.Modbus()).Run(GeneratedCapture.Create(100_000), sink);

        Assert.True(result.IsComplete);
        Assert.Equal(100_000, result.Statistics.Frames);
        Assert.Equal(100_000, sink.Count);
        Assert.Equal(GeneratedCapture.Flows, result.Statistics.PeakFlows);
        Assert.Equal(0, result.Statistics.PeakBufferedBytes);
    }

    [Fact]
    public void DecodePath_WarmedUp_AllocatesNothingPerPacket()
    {
        // A dissector that reads but emits nothing: what remains is file, link, IP, TCP, flow lookup and reassembly.
        var options = new CapturePipelineOptions { Dissectors = [new SilentDissector()] };
        var frames = Enumerable.Range(0, 2000).Select(i => GeneratedCapture.Frame(i)).ToArray();
        var engine = new CapturePipeline(options).CreateEngine(new CountingSink(), new CaptureStatistics());
        var time = new CaptureTimestamp(1_700_000_000, 0);
        foreach (var frame in frames)
        {
            engine.ProcessFrame(new CapturePacket(frame, frame.Length, time, LinkType.Ethernet, 0, 0));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 5; round++)
        {
            foreach (var frame in frames)
            {
                engine.ProcessFrame(new CapturePacket(frame, frame.Length, time, LinkType.Ethernet, 0, 0));
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static long AllocatedWhileReading(Stream stream)
    {
        var count = 0L;
        var before = GC.GetAllocatedBytesForCurrentThread();
        using (var reader = new CaptureFileReader(stream, options: new CaptureFileReaderOptions { BufferSize = 64 * 1024 }))
        {
            while (reader.TryRead(out _))
            {
                count++;
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(count > 0);
        return allocated;
    }

    private sealed class CountingSink : OtSecurity.Capture.Dissection.IOtMessageSink
    {
        public long Count { get; private set; }

        public void OnMessage(OtSecurity.Capture.Dissection.OtMessage message) => Count++;

        public void OnSkipped(in OtSecurity.Capture.Dissection.DissectContext context, OtSecurity.Protocols.ProtocolError error, int bytesSkipped)
        {
        }
    }

    private sealed class SilentDissector : OtSecurity.Capture.Dissection.IProtocolDissector, OtSecurity.Capture.Dissection.IFlowDissector
    {
        public string Protocol => "silent";

        public IReadOnlyList<int> TcpPorts { get; } = [502];

        public IReadOnlyList<int> UdpPorts { get; } = [];

        public OtSecurity.Capture.Dissection.ContentMatch Probe(ReadOnlySpan<byte> payload, OtSecurity.Capture.Dissection.TransportKind transport) =>
            OtSecurity.Capture.Dissection.ContentMatch.No;

        public OtSecurity.Capture.Dissection.IFlowDissector CreateFlowDissector(OtSecurity.Capture.Dissection.TransportKind transport) => this;

        public System.Buffers.OperationStatus Dissect(ReadOnlySpan<byte> data, in OtSecurity.Capture.Dissection.DissectContext context, OtSecurity.Capture.Dissection.IOtMessageSink sink, out int bytesConsumed)
        {
            var status = MbapLikeDissector.TryFrame(data, out bytesConsumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                bytesConsumed = 0;
            }

            return status;
        }

        public void Complete(in OtSecurity.Capture.Dissection.DissectContext context, OtSecurity.Capture.Dissection.IOtMessageSink sink)
        {
        }
    }
}

/// <summary>A capture of request/response frames over a few flows, generated lazily as a stream (never whole in memory).</summary>
internal static class GeneratedCapture
{
    public const int Flows = 4;

    private static readonly IPEndPoint Server = new(IPAddress.Parse("10.0.0.2"), 502);

    public static byte[] Frame(int index)
    {
        var flow = index % Flows;
        var client = new IPEndPoint(IPAddress.Parse("10.0.0.1"), 40000 + flow);
        var exchange = (uint)(index / Flows);
        var isRequest = exchange % 2 == 0;
        var txn = (ushort)(exchange / 2);
        var request = MbapLikeDissector.Frame(txn, 1, 3, [0, 0, 0, 10]);
        var response = MbapLikeDissector.Frame(txn, 1, 3, [4, 0, 1, 0, 2]);
        var n = exchange / 2;
        return isRequest
            ? PacketBuilder.Tcp(client, Server, 1 + (n * (uint)request.Length), 1 + (n * (uint)response.Length), TcpFlags.Psh | TcpFlags.Ack, request)
            : PacketBuilder.Tcp(Server, client, 1 + (n * (uint)response.Length), 1 + ((n + 1) * (uint)request.Length), TcpFlags.Psh | TcpFlags.Ack, response);
    }

    public static Stream Create(int frames) => new FrameStream(frames);

    /// <summary>A pcap stream of the same 250 records over and over: generating it allocates nothing per read.</summary>
    public static Stream Repeating(int frames) => new RepeatingStream(frames);

    private sealed class RepeatingStream : Stream
    {
        private readonly byte[] _header;
        private readonly byte[] _block;
        private readonly long _length;
        private long _position;

        public RepeatingStream(int frames)
        {
            using var stream = new MemoryStream();
            using (var writer = new PcapWriter(stream, LinkType.Ethernet, leaveOpen: true))
            {
                for (var i = 0; i < 250; i++)
                {
                    writer.WritePacket(new CaptureTimestamp(1_700_000_000, i * 1000), Frame(i));
                }
            }

            var all = stream.ToArray();
            _header = all[..24];
            _block = all[24..];
            _length = 24 + ((long)_block.Length * frames / 250);
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var written = 0;
            while (written < buffer.Length && _position < _length)
            {
                ReadOnlySpan<byte> source = _position < 24 ? _header.AsSpan((int)_position) : _block.AsSpan((int)((_position - 24) % _block.Length));
                var take = (int)Math.Min(Math.Min(source.Length, buffer.Length - written), _length - _position);
                source[..take].CopyTo(buffer[written..]);
                written += take;
                _position += take;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class FrameStream(int frames) : Stream
    {
        private readonly MemoryStream _pending = new();
        private int _next;
        private bool _header;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_pending.Position == _pending.Length)
            {
                using var chunk = new MemoryStream();
                using (var writer = new PcapWriter(chunk, LinkType.Ethernet, leaveOpen: true))
                {
                    for (var i = 0; i < 256 && _next < frames; i++, _next++)
                    {
                        writer.WritePacket(new CaptureTimestamp(1_700_000_000 + (_next / 1000), _next % 1000 * 1000), Frame(_next));
                    }
                }

                // Every chunk starts with a file header; only the first one is part of the stream.
                var skip = _header ? 24 : 0;
                _header = true;
                _pending.SetLength(0);
                _pending.Write(chunk.GetBuffer(), skip, (int)chunk.Length - skip);
                _pending.Position = 0;
                if (_pending.Length == 0)
                {
                    return 0;
                }
            }

            return _pending.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
