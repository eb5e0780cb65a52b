using System.Buffers.Binary;
using System.Net;
using OtSecurity.Capture.Network;
using OtSecurity.Capture.Transport;

namespace OtSecurity.Capture.Tests.Transport;

public sealed class TransportLayerTests
{
    private static readonly IPEndPoint A = new(IPAddress.Parse("10.0.0.1"), 1234);
    private static readonly IPEndPoint B = new(IPAddress.Parse("10.0.0.2"), 502);

    [Fact]
    public void Tcp_Header_ReadsPortsSequenceFlagsAndPayload()
    {
        var segment = PacketBuilder.TcpSegment(A, B, 0xFFFFFFF0, 77, TcpFlags.Psh | TcpFlags.Ack, [9, 8, 7]);

        Assert.Equal(IpDecodeStatus.Ok, TransportLayer.TryDecodeTcp(segment, out var tcp));

        Assert.Equal((1234, 502, 0xFFFFFFF0u, 77u), (tcp.SourcePort, tcp.DestinationPort, tcp.SequenceNumber, tcp.AcknowledgmentNumber));
        Assert.Equal(TcpFlags.Psh | TcpFlags.Ack, tcp.Flags);
        Assert.Equal(new byte[] { 9, 8, 7 }, tcp.Payload.ToArray());
    }

    [Fact]
    public void Tcp_WithOptions_SkipsThem()
    {
        // Data offset 8 (32 bytes: 12 bytes of options).
        var segment = new byte[32 + 2];
        segment[12] = 0x80;
        segment[32] = 0xAB;
        segment[33] = 0xCD;

        Assert.Equal(IpDecodeStatus.Ok, TransportLayer.TryDecodeTcp(segment, out var tcp));
        Assert.Equal(new byte[] { 0xAB, 0xCD }, tcp.Payload.ToArray());
    }

    [Fact]
    public void Tcp_DataOffsetBelowFive_IsMalformed()
    {
        var segment = new byte[20];
        segment[12] = 0x40;
        Assert.Equal(IpDecodeStatus.Malformed, TransportLayer.TryDecodeTcp(segment, out _));
    }

    [Fact]
    public void Tcp_OptionsCutShort_IsTruncated()
    {
        var segment = new byte[24];
        segment[12] = 0x70; // 28 bytes of header, 24 captured
        Assert.Equal(IpDecodeStatus.Truncated, TransportLayer.TryDecodeTcp(segment, out _));
        Assert.Equal(IpDecodeStatus.Truncated, TransportLayer.TryDecodeTcp(new byte[19], out _));
    }

    [Fact]
    public void Udp_Header_ReadsPortsAndPayloadUpToItsLength()
    {
        var datagram = PacketBuilder.UdpDatagram(A, B, [1, 2, 3]);
        byte[] padded = [.. datagram, 0, 0];

        Assert.Equal(IpDecodeStatus.Ok, TransportLayer.TryDecodeUdp(padded, out var udp));

        Assert.Equal((1234, 502), (udp.SourcePort, udp.DestinationPort));
        Assert.Equal(new byte[] { 1, 2, 3 }, udp.Payload.ToArray());
        Assert.False(udp.PayloadTruncated);
    }

    [Fact]
    public void Udp_LengthBelowEight_IsMalformed()
    {
        var datagram = PacketBuilder.UdpDatagram(A, B, []);
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(4), 7);
        Assert.Equal(IpDecodeStatus.Malformed, TransportLayer.TryDecodeUdp(datagram, out _));
    }

    [Fact]
    public void Udp_CutBySnapLength_IsFlagged()
    {
        var datagram = PacketBuilder.UdpDatagram(A, B, new byte[50]).AsSpan(0, 20);
        Assert.Equal(IpDecodeStatus.Ok, TransportLayer.TryDecodeUdp(datagram, out var udp));
        Assert.True(udp.PayloadTruncated);
        Assert.Equal(12, udp.Payload.Length);
    }
}
