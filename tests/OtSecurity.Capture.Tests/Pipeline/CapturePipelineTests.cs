using System.Net;
using Microsoft.Extensions.Time.Testing;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.FileFormats;
using OtSecurity.Capture.Pipeline;
using OtSecurity.Capture.Reassembly;
using OtSecurity.Capture.Tests.Support;
using OtSecurity.Capture.Transport;

namespace OtSecurity.Capture.Tests.Pipeline;

public sealed class CapturePipelineTests
{
    private static readonly IPEndPoint Client = TestCapture.Client;
    private static readonly IPEndPoint Server = TestCapture.Server;

    private static TestCapture Exchange(int requests, bool answerAll = true)
    {
        var capture = new TestCapture().Handshake(Client, Server);
        uint c = 1001, s = 5001;
        for (var i = 1; i <= requests; i++)
        {
            var request = MbapLikeDissector.Frame((ushort)i, 1, 3, [0, 0, 0, 1]);
            capture.Tcp(Client, Server, c, TcpFlags.Psh, request, ack: s);
            c += (uint)request.Length;
            if (answerAll || i < requests)
            {
                var response = MbapLikeDissector.Frame((ushort)i, 1, 3, [2, 0, 5]);
                capture.Tcp(Server, Client, s, TcpFlags.Psh, response, ack: c);
                s += (uint)response.Length;
            }
        }

        return capture;
    }

    [Fact]
    public void FrameNumbers_AreTheOneBasedIndexOfEveryRecord_IncludingNonIpFrames()
    {
        var arp = Convert.FromHexString("ffffffffffff0200000000010806" + "0001080006040001");
        var capture = new TestCapture().Add(arp).AddAll(Exchange(2)).Add(arp);

        var (sink, result) = PipelineRunner.Run(capture);

        Assert.Equal([5L, 6L, 7L, 8L], sink.Wire.Select(m => m.Frame));
        Assert.Equal(9, result.Statistics.Frames);
        Assert.Equal(2, result.Statistics.NonIpFrames);
    }

    [Fact]
    public void Pcapng_GivesTheSameMessagesAsPcap()
    {
        var capture = Exchange(3);
        var (pcap, _) = PipelineRunner.Run(capture);
        var (pcapng, _) = PipelineRunner.Run(capture, pcapng: true);

        Assert.Equal(
            pcap.Messages.Select(OtSecurity.Capture.Output.OtMessageJsonLinesWriter.Format),
            pcapng.Messages.Select(OtSecurity.Capture.Output.OtMessageJsonLinesWriter.Format));
    }

    [Fact]
    public async Task ReadAsync_EnumeratesWhatRunDelivers()
    {
        var bytes = Exchange(5).ToPcap();
        var sink = new CollectingSink();
        var pipeline = new CapturePipeline(PipelineRunner.Modbus());
        pipeline.Run(new MemoryStream(bytes), sink);

        var enumerated = new List<OtMessage>();
        var statistics = new CaptureStatistics();
        await foreach (var message in pipeline.ReadAsync(new MemoryStream(bytes), statistics))
        {
            enumerated.Add(message);
        }

        Assert.Equal(
            sink.Messages.Select(m => (m.Status, OtSecurity.Capture.Output.OtMessageJsonLinesWriter.Format(m))),
            enumerated.Select(m => (m.Status, OtSecurity.Capture.Output.OtMessageJsonLinesWriter.Format(m))));
        Assert.Equal(10, statistics.Messages);
    }

    [Fact]
    public async Task RunAsync_FromAFile_ReportsProgressAndStatistics()
    {
        var path = Path.Combine(Path.GetTempPath(), $"otsec-{Guid.NewGuid():N}.pcap");
        await File.WriteAllBytesAsync(path, Exchange(4).ToPcap());
        try
        {
            var progress = new List<CaptureProgress>();
            var sink = new CollectingSink();
            var result = await new CapturePipeline(PipelineRunner.Modbus()).RunAsync(path, sink, new SynchronousProgress(progress.Add));

            Assert.True(result.IsComplete);
            Assert.Equal(8, sink.Wire.Count());
            Assert.Equal(new FileInfo(path).Length, progress[^1].BytesRead);
            Assert.Equal(new FileInfo(path).Length, progress[^1].TotalBytes);
            Assert.Equal(11, progress[^1].Frames);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TruncatedCapture_DeliversEverythingBeforeTheDamage_CompletesFlows_ThenFails()
    {
        // Cut the file inside the last record (the response to request 3): request 3 then times out.
        var bytes = Exchange(3).ToPcap();
        var cut = bytes[..^10];

        var messages = new List<OtMessage>();
        var error = await Assert.ThrowsAsync<CaptureFormatException>(async () =>
        {
            await foreach (var message in new CapturePipeline(PipelineRunner.Modbus()).ReadAsync(new MemoryStream(cut)))
            {
                messages.Add(message);
            }
        });

        Assert.Contains("truncated packet record", error.Message);
        Assert.Equal(5, messages.Count(m => m.Status != MessageStatus.Timeout));
        var timeout = Assert.Single(messages, m => m.Status == MessageStatus.Timeout);
        Assert.Equal(8, timeout.Frame); // the flow's last frame
        Assert.Equal(8, timeout.RequestFrame);

        var sink = new CollectingSink();
        var result = new CapturePipeline(PipelineRunner.Modbus()).Run(new MemoryStream(cut), sink);
        Assert.False(result.IsComplete);
        Assert.Equal(error.Offset, result.Error!.Offset);
        Assert.Equal(messages.Count, sink.Messages.Count);
    }

    [Fact]
    public void Complete_IsCalledOnFinAndReportsTheUnansweredRequest()
    {
        var capture = Exchange(2, answerAll: false);
        capture.Tcp(Client, Server, 1017, TcpFlags.Fin, default, ack: 5012);
        capture.Tcp(Server, Client, 5012, TcpFlags.Fin, default, ack: 1018);
        capture.Tcp(Client, Server, 1018, TcpFlags.None, default, ack: 5013);

        var (sink, result) = PipelineRunner.Run(capture);

        var timeout = Assert.Single(sink.Messages, m => m.Status == MessageStatus.Timeout);
        Assert.Equal(8, timeout.Frame); // the second FIN ended the flow
        Assert.Equal(1, result.Statistics.FlowsClosed);
        Assert.Equal(0, result.Statistics.FlowsOpenAtEnd);
        Assert.Equal(1, result.Statistics.Timeouts);
    }

    [Fact]
    public void Rst_EndsTheFlowAndLatePacketsAreAbsorbed()
    {
        var capture = Exchange(1);
        capture.Tcp(Server, Client, 5012, TcpFlags.Rst, default, ack: 1013);
        capture.Tcp(Client, Server, 1001, TcpFlags.Psh, MbapLikeDissector.Frame(1, 1, 3, [0, 0, 0, 1]), ack: 5012); // a late retransmission

        var (sink, result) = PipelineRunner.Run(capture);

        Assert.Equal(2, sink.Wire.Count());
        Assert.Equal(1, result.Statistics.FlowsClosed);
        Assert.Equal(1, result.Statistics.Flows);
    }

    [Fact]
    public void NewSyn_OnAClosedFlow_StartsANewConnection()
    {
        var capture = Exchange(1);
        capture.Tcp(Server, Client, 5012, TcpFlags.Rst, default, ack: 1013);
        capture.AddAll(Exchange(1));

        var (sink, result) = PipelineRunner.Run(capture);

        Assert.Equal(4, sink.Wire.Count());
        Assert.Equal(2, result.Statistics.Flows);
    }

    [Fact]
    public void IdleFlow_IsEvictedByCaptureTime()
    {
        var other = new IPEndPoint(IPAddress.Parse("10.0.0.3"), 50000);
        var capture = Exchange(2, answerAll: false);
        capture.Tcp(other, Server, 1, TcpFlags.Psh, MbapLikeDissector.Frame(9, 1, 3, [0, 0, 0, 1]), ack: 1, after: TimeSpan.FromMinutes(6));

        var (sink, result) = PipelineRunner.Run(capture);

        Assert.Equal(1, result.Statistics.FlowsEvictedIdle);
        var timeouts = sink.Messages.Where(m => m.Status == MessageStatus.Timeout).ToList();
        Assert.Equal(2, timeouts.Count);
        Assert.Equal(6, timeouts[0].Frame); // evicted: its own last frame
        Assert.Equal(7, timeouts[1].Frame); // the other flow, at the end of the capture
    }

    [Fact]
    public void IdleFlow_IsEvictedByTheTimeProvider()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero));
        var options = PipelineRunner.Modbus() with { TimeProvider = clock, Reassembly = new ReassemblyOptions { IdleTimeout = TimeSpan.FromSeconds(30) } };
        var sink = new CollectingSink();
        var statistics = new CaptureStatistics();
        var engine = new CapturePipeline(options).CreateEngine(sink, statistics);
        var frames = Exchange(2, answerAll: false).Frames;

        foreach (var (time, frame) in frames)
        {
            engine.ProcessFrame(new CapturePacket(frame, frame.Length, time, LinkType.Ethernet, 0, 0));
        }

        Assert.Equal(1, engine.FlowCount);
        clock.Advance(TimeSpan.FromSeconds(29));
        var arp = Convert.FromHexString("ffffffffffff0200000000010806" + "0001080006040001");
        engine.ProcessFrame(new CapturePacket(arp, arp.Length, frames[^1].Time, LinkType.Ethernet, 0, 0));
        Assert.Equal(1, engine.FlowCount);

        clock.Advance(TimeSpan.FromSeconds(2));
        engine.ProcessFrame(new CapturePacket(arp, arp.Length, frames[^1].Time, LinkType.Ethernet, 0, 0));

        Assert.Equal(0, engine.FlowCount);
        Assert.Equal(1, statistics.FlowsEvictedIdle);
        Assert.Single(sink.Messages, m => m.Status == MessageStatus.Timeout);
    }

    [Fact]
    public void MaxFlows_EvictsTheLeastRecentlyActive()
    {
        var options = PipelineRunner.Modbus() with { Reassembly = new ReassemblyOptions { MaxFlows = 2 } };
        var capture = new TestCapture();
        for (var i = 1; i <= 3; i++)
        {
            var client = new IPEndPoint(IPAddress.Parse($"10.0.1.{i}"), 40000);
            capture.Tcp(client, Server, 1, TcpFlags.Psh, MbapLikeDissector.Frame((ushort)i, 1, 3, [0, 0, 0, 1]), ack: 1);
        }

        var (sink, result) = PipelineRunner.Run(capture, options);

        Assert.Equal(1, result.Statistics.FlowsEvictedLimit);
        Assert.Equal(2, result.Statistics.PeakFlows);
        var timeouts = sink.Messages.Where(m => m.Status == MessageStatus.Timeout).Select(m => m.Source.Address.ToString()).ToList();
        Assert.Equal(["10.0.1.1", "10.0.1.2", "10.0.1.3"], timeouts);
    }

    [Fact]
    public void PerFlowCap_OnOutOfOrderBytes_ForcesAGap()
    {
        var options = PipelineRunner.Modbus() with { Reassembly = new ReassemblyOptions { MaxBufferedBytesPerFlow = 100 } };
        var frames = Enumerable.Range(1, 6).Select(i => MbapLikeDissector.Frame((ushort)i, 1, 3, new byte[40])).ToArray();
        var capture = new TestCapture().Handshake(Client, Server);
        uint seq = 1001;
        var offsets = new List<uint>();
        foreach (var frame in frames)
        {
            offsets.Add(seq);
            seq += (uint)frame.Length;
        }

        // Frame 1 is lost; frames 2..6 (48 bytes each) arrive: beyond 100 held bytes the hole is given up.
        for (var i = 1; i < frames.Length; i++)
        {
            capture.Tcp(Client, Server, offsets[i], TcpFlags.Psh, frames[i], ack: 5001);
        }

        var (sink, result) = PipelineRunner.Run(capture, options);

        Assert.Equal(1, result.Statistics.Gaps);
        Assert.Equal(48, result.Statistics.GapBytes);
        Assert.Equal([2L, 3L, 4L, 5L, 6L], sink.Wire.Select(m => m.Fields[0].Number!.Value));
        Assert.Equal([4L, 5L, 6L, 7L, 8L], sink.Wire.Select(m => m.Frame));
    }

    [Fact]
    public void AcknowledgmentPastAHole_GivesItUpAtOnce()
    {
        var first = MbapLikeDissector.Frame(1, 1, 3, [0, 0, 0, 1]);
        var second = MbapLikeDissector.Frame(2, 1, 3, [0, 0, 0, 1]);
        var capture = new TestCapture().Handshake(Client, Server)
            .Tcp(Client, Server, 1001 + (uint)first.Length, TcpFlags.Psh, second, ack: 5001)                   // frame 4: after a lost segment
            .Tcp(Server, Client, 5001, TcpFlags.None, default, ack: 1001 + (uint)(first.Length + second.Length)); // frame 5: the server has it all

        var statistics = new CaptureStatistics();
        var sink = new CollectingSink();
        var engine = new CapturePipeline(PipelineRunner.Modbus()).CreateEngine(sink, statistics);
        foreach (var (time, frame) in capture.Frames)
        {
            engine.ProcessFrame(new CapturePacket(frame, frame.Length, time, LinkType.Ethernet, 0, 0));
        }

        // Before the end of the capture, the ACK already released the held segment, with its own frame number.
        var message = Assert.Single(sink.Wire);
        Assert.Equal(4, message.Frame);
        Assert.Equal(1, statistics.Gaps);
    }

    [Fact]
    public void IncompleteMessageBeyondThePerFlowCap_IsDroppedAndTheParserResynchronises()
    {
        var options = PipelineRunner.Modbus() with { Reassembly = new ReassemblyOptions { MaxBufferedBytesPerFlow = 64 } };
        var big = MbapLikeDissector.Frame(1, 1, 3, new byte[200]);
        var small = MbapLikeDissector.Frame(2, 1, 3, [0, 0, 0, 1]);
        var capture = new TestCapture().Handshake(Client, Server);
        uint seq = 1001;
        for (var i = 0; i < big.Length; i += 40)
        {
            var piece = big.AsSpan(i, Math.Min(40, big.Length - i));
            capture.Tcp(Client, Server, seq, TcpFlags.Psh, piece, ack: 5001);
            seq += (uint)piece.Length;
        }

        capture.Tcp(Client, Server, seq, TcpFlags.Psh, small, ack: 5001);

        var (sink, result) = PipelineRunner.Run(capture, options);

        Assert.True(result.Statistics.BytesDroppedFlowCap > 0);
        Assert.Equal([2L], sink.Wire.Select(m => m.Fields[0].Number!.Value));
    }

    [Fact]
    public void GlobalCap_DropsHeldBytesAndCountsThem()
    {
        var options = PipelineRunner.Modbus() with { Reassembly = new ReassemblyOptions { MaxBufferedBytes = 100 } };
        var capture = new TestCapture();
        for (var i = 1; i <= 4; i++)
        {
            // Each flow's first bytes arrive after a hole: all are held, until the global cap is reached.
            var client = new IPEndPoint(IPAddress.Parse($"10.0.2.{i}"), 40000);
            capture.Tcp(client, Server, 1, TcpFlags.Syn, default);
            capture.Tcp(client, Server, 100, TcpFlags.Psh, MbapLikeDissector.Frame((ushort)i, 1, 3, new byte[30]), ack: 1);
        }

        var (_, result) = PipelineRunner.Run(capture, options);

        Assert.Equal(38 * 2, result.Statistics.PeakBufferedBytes);
        Assert.Equal(38 * 2, result.Statistics.BytesDroppedGlobalCap);
        Assert.Equal(0, result.Statistics.BufferedBytes);
    }

    [Fact]
    public void UdpFlows_AreDissectedPerDatagram()
    {
        var dissector = new MbapLikeDissector("modbus") { UdpPorts = [502] };
        var server = new IPEndPoint(IPAddress.Parse("10.0.0.2"), 502);
        byte[] two = [.. MbapLikeDissector.Frame(1, 1, 3), .. MbapLikeDissector.Frame(2, 1, 4)];
        var capture = new TestCapture()
            .Udp(Client, server, two)
            .Udp(server, Client, MbapLikeDissector.Frame(1, 1, 3, [2, 0, 0]))
            .Udp(server, Client, [.. MbapLikeDissector.Frame(2, 1, 4), 0, 0]); // a trailing partial header

        var (sink, result) = PipelineRunner.Run(capture, new CapturePipelineOptions { Dissectors = [dissector] });

        Assert.Equal([(1L, 1L), (1L, 2L), (2L, 1L), (3L, 2L)], sink.Wire.Select(m => (m.Frame, m.Fields[0].Number!.Value)));
        Assert.Equal(2, result.Statistics.IncompleteMessageBytes);
        Assert.Single(sink.Skipped);
    }

    [Fact]
    public async Task Cancellation_StopsTheRun()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new CapturePipeline(PipelineRunner.Modbus()).RunAsync(new MemoryStream(Exchange(1).ToPcap()), new CollectingSink(), null, cancellation.Token));
    }

    private sealed class SynchronousProgress(Action<CaptureProgress> report) : IProgress<CaptureProgress>
    {
        public void Report(CaptureProgress value) => report(value);
    }
}
