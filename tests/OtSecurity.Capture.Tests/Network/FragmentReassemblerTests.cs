using System.Net;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.FileFormats;
using OtSecurity.Capture.Network;
using OtSecurity.Capture.Tests.Support;

namespace OtSecurity.Capture.Tests.Network;

public sealed class FragmentReassemblerTests
{
    private static readonly IPAddressValue Source = IPAddressValue.FromIPAddress(IPAddress.Parse("10.1.1.1"));
    private static readonly IPAddressValue Destination = IPAddressValue.FromIPAddress(IPAddress.Parse("10.1.1.2"));
    private static readonly DateTime Now = new(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc);

    private static byte[] Datagram(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();

    [Theory]
    [InlineData(new[] { 0, 1, 2 })]
    [InlineData(new[] { 2, 1, 0 })]
    [InlineData(new[] { 1, 2, 0 })]
    public void TryAdd_FragmentsInAnyOrder_RebuildTheDatagram(int[] order)
    {
        var data = Datagram(2000);
        var statistics = new CaptureStatistics();
        var reassembler = new FragmentReassembler(FragmentReassemblyOptions.Default, statistics);
        var key = new FragmentKey(Source, Destination, 42, 17);
        (int Offset, int Length)[] pieces = [(0, 800), (800, 800), (1600, 400)];
        byte[]? result = null;
        foreach (var i in order)
        {
            var (offset, length) = pieces[i];
            var done = reassembler.TryAdd(key, offset, i != 2, 17, data.AsSpan(offset, length), Now, out var datagram, out var protocol);
            if (done)
            {
                result = datagram.ToArray();
                Assert.Equal(17, protocol);
            }
        }

        Assert.Equal(data, result);
        Assert.Equal(1, statistics.ReassembledDatagrams);
        Assert.Equal(0, reassembler.PendingCount);
        Assert.Equal(0, reassembler.HeldBytes);
        Assert.Equal(0, statistics.BufferedBytes);
    }

    [Fact]
    public void TryAdd_OverlappingFragments_KeepTheFirstCopy()
    {
        var data = Datagram(24);
        var statistics = new CaptureStatistics();
        var reassembler = new FragmentReassembler(FragmentReassemblyOptions.Default, statistics);
        var key = new FragmentKey(Source, Destination, 7, 6);
        var forged = Enumerable.Repeat((byte)0xEE, 16).ToArray();

        Assert.False(reassembler.TryAdd(key, 8, true, 6, data.AsSpan(8, 8), Now, out _, out _));
        Assert.False(reassembler.TryAdd(key, 0, true, 6, forged, Now, out _, out _)); // overlaps 8..16 with other bytes
        Assert.False(reassembler.TryAdd(key, 0, true, 6, data.AsSpan(0, 8), Now, out _, out _)); // a duplicate
        Assert.True(reassembler.TryAdd(key, 16, false, 6, data.AsSpan(16, 8), Now, out var datagram, out _));

        // 0..8 came first from the forged copy, 8..16 from the genuine one.
        Assert.Equal([.. forged[..8], .. data[8..]], datagram.ToArray());
        Assert.Equal(16, statistics.FragmentOverlapBytes);
    }

    [Fact]
    public void TryAdd_BeyondMaximumDatagram_IsDropped()
    {
        var statistics = new CaptureStatistics();
        var reassembler = new FragmentReassembler(FragmentReassemblyOptions.Default, statistics);
        Assert.False(reassembler.TryAdd(new FragmentKey(Source, Destination, 1, 17), 65528, false, 17, new byte[16], Now, out _, out _));
        Assert.Equal(1, statistics.FragmentsDropped);
    }

    [Fact]
    public void TryAdd_TooManyDatagrams_DropsAndCounts()
    {
        var statistics = new CaptureStatistics();
        var reassembler = new FragmentReassembler(new FragmentReassemblyOptions { MaxDatagrams = 2 }, statistics);
        for (uint id = 0; id < 3; id++)
        {
            reassembler.TryAdd(new FragmentKey(Source, Destination, id, 17), 0, true, 17, new byte[8], Now, out _, out _);
        }

        Assert.Equal(2, reassembler.PendingCount);
        Assert.Equal(1, statistics.FragmentsDropped);
    }

    [Fact]
    public void TryAdd_TooManyBytes_DropsAndCounts()
    {
        var statistics = new CaptureStatistics();
        var reassembler = new FragmentReassembler(new FragmentReassemblyOptions { MaxBufferedBytes = 100 }, statistics);
        var key = new FragmentKey(Source, Destination, 9, 17);
        Assert.False(reassembler.TryAdd(key, 0, true, 17, new byte[80], Now, out _, out _));
        Assert.False(reassembler.TryAdd(key, 80, true, 17, new byte[80], Now, out _, out _));
        Assert.Equal(80, reassembler.HeldBytes);
        Assert.Equal(1, statistics.FragmentsDropped);
    }

    [Fact]
    public void TryAdd_AfterTheTimeout_ExpiresTheIncompleteDatagram()
    {
        var statistics = new CaptureStatistics();
        var reassembler = new FragmentReassembler(new FragmentReassemblyOptions { Timeout = TimeSpan.FromSeconds(30) }, statistics);
        var key = new FragmentKey(Source, Destination, 5, 17);
        reassembler.TryAdd(key, 0, true, 17, new byte[8], Now, out _, out _);

        // The last fragment arrives 31 s later (capture time): the first is gone, nothing completes.
        Assert.False(reassembler.TryAdd(key, 8, false, 17, new byte[8], Now.AddSeconds(31), out _, out _));
        Assert.Equal(1, statistics.FragmentDatagramsExpired);
        Assert.Equal(1, reassembler.PendingCount);
    }

    [Fact]
    public void TryAdd_ConflictingLastFragments_KeepsTheFirst()
    {
        var statistics = new CaptureStatistics();
        var reassembler = new FragmentReassembler(FragmentReassemblyOptions.Default, statistics);
        var key = new FragmentKey(Source, Destination, 3, 17);
        reassembler.TryAdd(key, 16, false, 17, new byte[8], Now, out _, out _);
        Assert.False(reassembler.TryAdd(key, 32, false, 17, new byte[8], Now, out _, out _));
        Assert.Equal(1, statistics.FragmentsDropped);
    }

    [Fact]
    public void Pipeline_IPv4FragmentsOutOfOrder_DeliverOneUdpMessage()
    {
        var client = new IPEndPoint(IPAddress.Parse("10.0.0.1"), 40000);
        var server = new IPEndPoint(IPAddress.Parse("10.0.0.2"), 20000);
        var payload = MbapLikeDissector.Frame(9, 1, 3, new byte[200]);
        var udp = PacketBuilder.UdpDatagram(client, server, payload);
        var capture = new TestCapture();
        capture.Add(PacketBuilder.Link(LinkType.Ethernet, PacketBuilder.IPv4Fragment(client.Address, server.Address, 17, 77, 104, false, udp.AsSpan(104))));
        capture.Add(PacketBuilder.Link(LinkType.Ethernet, PacketBuilder.IPv4Fragment(client.Address, server.Address, 17, 77, 0, true, udp.AsSpan(0, 104))));
        var options = new OtSecurity.Capture.Pipeline.CapturePipelineOptions { Dissectors = [new MbapLikeDissector("modbus") { UdpPorts = [20000] }] };

        var (sink, result) = PipelineRunner.Run(capture, options);

        var message = Assert.Single(sink.Wire);
        Assert.Equal(2, message.Frame); // the frame that completed the datagram
        Assert.Equal(TransportKind.Udp, message.Transport);
        Assert.Equal(2, result.Statistics.Fragments);
        Assert.Equal(1, result.Statistics.ReassembledDatagrams);
    }

    [Fact]
    public void Pipeline_IPv6Fragments_DeliverOneTcpMessage()
    {
        var client = new IPEndPoint(IPAddress.Parse("2001:db8::1"), 40000);
        var server = new IPEndPoint(IPAddress.Parse("2001:db8::2"), 502);
        var payload = MbapLikeDissector.Frame(1, 1, 16, new byte[100]);
        var tcp = PacketBuilder.TcpSegment(client, server, 100, 0, OtSecurity.Capture.Transport.TcpFlags.Psh, payload);

        // Fragment header (RFC 8200 §4.5) with next header 6; first 64 bytes, then the rest.
        byte[] Fragment(int offset, bool more, ReadOnlySpan<byte> data) =>
            [6, 0, (byte)(offset >> 8), (byte)((offset & 0xF8) | (more ? 1 : 0)), 0, 0, 0x12, 0x34, .. data];
        var capture = new TestCapture()
            .Add(PacketBuilder.Link(LinkType.Raw, PacketBuilder.IP(client.Address, server.Address, 44, Fragment(0, true, tcp.AsSpan(0, 64)))))
            .Add(PacketBuilder.Link(LinkType.Raw, PacketBuilder.IP(client.Address, server.Address, 44, Fragment(64, false, tcp.AsSpan(64)))));

        var (sink, result) = PipelineRunner.Run(new TestCapture { LinkType = LinkType.Raw }.AddAll(capture));

        var message = Assert.Single(sink.Wire);
        Assert.Equal(2, message.Frame);
        Assert.Equal("[2001:db8::1]:40000", message.Source.ToString());
        Assert.Equal(1, result.Statistics.ReassembledDatagrams);
    }
}
