using System.Net;
using OtSecurity.Capture.FileFormats;
using OtSecurity.Capture.Transport;

namespace OtSecurity.Capture.Tests.Support;

/// <summary>Builds synthetic captures in memory.</summary>
internal sealed class TestCapture
{
    private readonly List<(CaptureTimestamp Time, byte[] Frame)> _frames = [];
    private long _seconds = 1_700_000_000;
    private int _micros;

    public static IPEndPoint Client { get; } = new(IPAddress.Parse("10.0.0.1"), 50123);

    public static IPEndPoint Server { get; } = new(IPAddress.Parse("10.0.0.2"), 502);

    public LinkType LinkType { get; init; } = LinkType.Ethernet;

    public int Count => _frames.Count;

    public IReadOnlyList<(CaptureTimestamp Time, byte[] Frame)> Frames => _frames;

    public TestCapture Add(byte[] frame, TimeSpan? after = null)
    {
        var step = after ?? TimeSpan.FromMilliseconds(1);
        var total = (_micros + (long)(step.Ticks / 10));
        _seconds += total / 1_000_000;
        _micros = (int)(total % 1_000_000);
        _frames.Add((new CaptureTimestamp(_seconds, _micros * 1000), frame));
        return this;
    }

    public TestCapture AddAll(TestCapture other)
    {
        foreach (var (_, frame) in other._frames)
        {
            Add(frame);
        }

        return this;
    }

    public TestCapture Tcp(IPEndPoint from, IPEndPoint to, uint sequence, TcpFlags flags, ReadOnlySpan<byte> payload, uint ack = 0, TimeSpan? after = null) =>
        Add(PacketBuilder.Tcp(from, to, sequence, ack, flags | (ack != 0 ? TcpFlags.Ack : TcpFlags.None), payload, LinkType), after);

    public TestCapture Udp(IPEndPoint from, IPEndPoint to, ReadOnlySpan<byte> payload, TimeSpan? after = null) =>
        Add(PacketBuilder.Udp(from, to, payload, LinkType), after);

    /// <summary>A three-way handshake from <paramref name="client"/> to <paramref name="server"/> (ISNs 1000 and 5000).</summary>
    public TestCapture Handshake(IPEndPoint client, IPEndPoint server)
    {
        Tcp(client, server, 1000, TcpFlags.Syn, default);
        Tcp(server, client, 5000, TcpFlags.Syn, default, ack: 1001);
        Tcp(client, server, 1001, TcpFlags.None, default, ack: 5001);
        return this;
    }

    public byte[] ToPcap(bool nanoseconds = false, bool bigEndian = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new PcapWriter(stream, LinkType, nanoseconds, bigEndian, leaveOpen: true))
        {
            foreach (var (time, frame) in _frames)
            {
                writer.WritePacket(time, frame);
            }
        }

        return stream.ToArray();
    }

    public byte[] ToPcapNg(bool bigEndian = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new PcapNgWriter(stream, bigEndian, leaveOpen: true))
        {
            writer.AddInterface(LinkType);
            foreach (var (time, frame) in _frames)
            {
                writer.WriteEnhancedPacket(0, time, frame);
            }
        }

        return stream.ToArray();
    }
}
