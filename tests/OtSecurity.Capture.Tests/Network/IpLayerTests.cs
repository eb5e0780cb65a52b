using System.Buffers.Binary;
using System.Net;
using OtSecurity.Capture.Network;

namespace OtSecurity.Capture.Tests.Network;

public sealed class IpLayerTests
{
    private static readonly IPAddress A4 = IPAddress.Parse("192.168.1.10");
    private static readonly IPAddress B4 = IPAddress.Parse("192.168.1.20");
    private static readonly IPAddress A6 = IPAddress.Parse("2001:db8::10");
    private static readonly IPAddress B6 = IPAddress.Parse("2001:db8::20");

    [Fact]
    public void IPv4_Basic_ReadsAddressesProtocolAndPayload()
    {
        var packet = PacketBuilder.IP(A4, B4, 6, [1, 2, 3, 4]);

        Assert.Equal(IpDecodeStatus.Ok, IpLayer.TryDecode(packet, 0, out var ip));

        Assert.Equal(4, ip.Version);
        Assert.Equal(A4, ip.Source.ToIPAddress());
        Assert.Equal(B4, ip.Destination.ToIPAddress());
        Assert.Equal(6, ip.Protocol);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, ip.Payload.ToArray());
        Assert.False(ip.IsFragment);
    }

    [Fact]
    public void IPv4_WithOptionsAndEthernetPadding_UsesHeaderAndTotalLength()
    {
        // IHL 6 (one option word: NOP NOP NOP EOL), total length 28, followed by 4 bytes of link padding (RFC 791 §3.1).
        var packet = Convert.FromHexString("46000018" + "00004000" + "40110000" + "c0a8010a" + "c0a80114" + "01010100" + "aabbccdd" + "00000000");
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), 28);

        Assert.Equal(IpDecodeStatus.Ok, IpLayer.TryDecode(packet, 4, out var ip));

        Assert.Equal(new byte[] { 0xAA, 0xBB, 0xCC, 0xDD }, ip.Payload.ToArray());
        Assert.False(ip.PayloadTruncated);
    }

    [Fact]
    public void IPv4_TotalLengthZero_TakesTheCapturedLength()
    {
        // Segmentation offload on the capturing host leaves total length 0.
        var packet = PacketBuilder.IP(A4, B4, 6, new byte[3000]);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), 0);

        Assert.Equal(IpDecodeStatus.Ok, IpLayer.TryDecode(packet, 4, out var ip));
        Assert.Equal(3000, ip.Payload.Length);
    }

    [Fact]
    public void IPv4_CutBySnapLength_IsFlaggedTruncated()
    {
        var packet = PacketBuilder.IP(A4, B4, 6, new byte[100])[..60];

        Assert.Equal(IpDecodeStatus.Ok, IpLayer.TryDecode(packet, 4, out var ip));
        Assert.True(ip.PayloadTruncated);
        Assert.Equal(40, ip.Payload.Length);
    }

    [Theory]
    [InlineData("44000014000040004011000001020304", "IHL below 5")]
    [InlineData("4500000a000040004011000001020304050607080000", "total length below the header")]
    [InlineData("65000014000040004011000001020304", "version nibble 6 where the link said 4")]
    public void IPv4_Malformed_IsRejected(string hex, string why)
    {
        Assert.True(IpLayer.TryDecode(Convert.FromHexString(hex), 4, out _) is IpDecodeStatus.Malformed or IpDecodeStatus.Truncated, why);
    }

    [Fact]
    public void IPv4_ShorterThanItsHeader_IsTruncated()
    {
        Assert.Equal(IpDecodeStatus.Truncated, IpLayer.TryDecode(PacketBuilder.IP(A4, B4, 6, []).AsSpan(0, 19), 4, out _));
    }

    [Fact]
    public void IPv4_Fragment_ReportsOffsetAndMoreFlag()
    {
        var packet = PacketBuilder.IPv4Fragment(A4, B4, 17, 0x1234, 1480, moreFragments: true, new byte[8]);

        Assert.Equal(IpDecodeStatus.Ok, IpLayer.TryDecode(packet, 4, out var ip));
        Assert.True(ip.IsFragment);
        Assert.Equal((1480, true, 0x1234u), (ip.FragmentOffset, ip.MoreFragments, ip.Identification));
    }

    [Fact]
    public void IPv6_ExtensionHeaderChain_IsWalkedToTheTransport()
    {
        // Hop-by-hop (8 bytes: next=60, len=0, PadN), destination options (8: next=43), routing (24: next=51, len=2),
        // AH (16: next=6, payload len=2 → (2+2)*4 = 16 bytes), then a 20-byte TCP header.
        var chain = Convert.FromHexString(
            "3c00010400000000" +
            "2b00010400000000" +
            "3302000000000000" + "0000000000000000" + "0000000000000000" +
            "0602000000000000" + "0000000000000000");
        var tcp = new byte[20];
        tcp[12] = 0x50;
        var packet = PacketBuilder.IP(A6, B6, 0, [.. chain, .. tcp]);

        Assert.Equal(IpDecodeStatus.Ok, IpLayer.TryDecode(packet, 6, out var ip));

        Assert.Equal(6, ip.Protocol);
        Assert.Equal(20, ip.Payload.Length);
        Assert.Equal(A6, ip.Source.ToIPAddress());
        Assert.False(ip.IsFragment);
    }

    [Fact]
    public void IPv6_FragmentHeader_ReportsTheFragment()
    {
        // Fragment header: next header 17, offset 185 (×8 = 1480), M = 1, identification 0xCAFEBABE.
        var fragment = Convert.FromHexString("110005c9cafebabe");
        var packet = PacketBuilder.IP(A6, B6, 44, [.. fragment, 1, 2, 3, 4, 5, 6, 7, 8]);

        Assert.Equal(IpDecodeStatus.Ok, IpLayer.TryDecode(packet, 6, out var ip));

        Assert.True(ip.IsFragment);
        Assert.Equal((17, 1480, true, 0xCAFEBABEu, 8), (ip.Protocol, ip.FragmentOffset, ip.MoreFragments, ip.Identification, ip.Payload.Length));
    }

    [Fact]
    public void IPv6_AtomicFragment_IsTheWholeDatagram()
    {
        // RFC 6946: offset 0 and M = 0; a destination options header follows before UDP.
        var header = Convert.FromHexString("3c00000000000001" + "1100010400000000");
        var packet = PacketBuilder.IP(A6, B6, 44, [.. header, 0, 1, 0, 2, 0, 8, 0, 0]);

        Assert.Equal(IpDecodeStatus.Ok, IpLayer.TryDecode(packet, 6, out var ip));

        Assert.False(ip.IsFragment);
        Assert.Equal(17, ip.Protocol);
        Assert.Equal(8, ip.Payload.Length);
    }

    [Fact]
    public void IPv6_ExtensionHeaderRunningPastThePacket_IsMalformed()
    {
        var packet = PacketBuilder.IP(A6, B6, 0, Convert.FromHexString("06ff000000000000"));
        Assert.Equal(IpDecodeStatus.Malformed, IpLayer.TryDecode(packet, 6, out _));
    }

    [Fact]
    public void IPv6_EndlessChain_IsMalformed()
    {
        // Seventeen destination-options headers chained to each other.
        var chain = Enumerable.Range(0, 17).SelectMany(_ => Convert.FromHexString("3c00010400000000")).ToArray();
        var packet = PacketBuilder.IP(A6, B6, 60, chain);
        Assert.Equal(IpDecodeStatus.Malformed, IpLayer.TryDecode(packet, 6, out _));
    }

    [Fact]
    public void IPAddressValue_RoundTripsAndOrders()
    {
        var a = IPAddressValue.FromIPAddress(A4);
        var b = IPAddressValue.FromIPAddress(B4);
        var v6 = IPAddressValue.FromIPAddress(IPAddress.Parse("::ffff:192.168.1.10"));

        Assert.Equal(A4, a.ToIPAddress());
        Assert.True(a < b);
        Assert.NotEqual(a, v6); // the IPv4-mapped IPv6 address is not the IPv4 address
        Assert.Equal(IPAddress.Parse("::ffff:192.168.1.10"), v6.ToIPAddress());
        Assert.Equal(a.GetHashCode(), IPAddressValue.FromIPv4([192, 168, 1, 10]).GetHashCode());
    }
}
