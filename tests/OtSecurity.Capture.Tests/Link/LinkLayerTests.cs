using System.Net;
using OtSecurity.Capture.FileFormats;
using OtSecurity.Capture.Link;
using OtSecurity.Capture.Network;

namespace OtSecurity.Capture.Tests.Link;

public sealed class LinkLayerTests
{
    private static readonly byte[] IPv4Packet = PacketBuilder.IP(IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.2"), 17, PacketBuilder.UdpDatagram(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 1), new IPEndPoint(IPAddress.Parse("10.0.0.2"), 2), [1, 2, 3]));
    private static readonly byte[] IPv6Packet = PacketBuilder.IP(IPAddress.Parse("fe80::1"), IPAddress.Parse("fe80::2"), 59, []);

    [Theory]
    [InlineData(LinkType.Ethernet, 14)]
    [InlineData(LinkType.LinuxSll, 16)]
    [InlineData(LinkType.LinuxSll2, 20)]
    [InlineData(LinkType.Raw, 0)]
    [InlineData(LinkType.RawOpenBsd, 0)]
    [InlineData(LinkType.RawBsdOs, 0)]
    [InlineData(LinkType.IPv4, 0)]
    [InlineData(LinkType.Null, 4)]
    [InlineData(LinkType.Loop, 4)]
    public void TryDecode_IPv4_FindsTheIpHeader(LinkType linkType, int offset)
    {
        var frame = PacketBuilder.Link(linkType, IPv4Packet);

        var status = LinkLayer.TryDecode(linkType, frame, out var ipOffset, out var version, out var tags);

        Assert.Equal(LinkDecodeStatus.Ip, status);
        Assert.Equal((offset, 4, 0), (ipOffset, version, tags));
    }

    [Theory]
    [InlineData(LinkType.Ethernet, 14)]
    [InlineData(LinkType.LinuxSll, 16)]
    [InlineData(LinkType.LinuxSll2, 20)]
    [InlineData(LinkType.Raw, 0)]
    [InlineData(LinkType.IPv6, 0)]
    [InlineData(LinkType.Null, 4)]
    public void TryDecode_IPv6_FindsTheIpHeader(LinkType linkType, int offset)
    {
        var frame = PacketBuilder.Link(linkType, IPv6Packet);

        var status = LinkLayer.TryDecode(linkType, frame, out var ipOffset, out var version, out _);

        Assert.Equal(LinkDecodeStatus.Ip, status);
        Assert.Equal((offset, 6), (ipOffset, version));
    }

    [Theory]
    [InlineData(new ushort[] { 0x8100 }, 18)]                    // 802.1Q
    [InlineData(new ushort[] { 0x88A8, 0x8100 }, 22)]            // QinQ (802.1ad outer, 802.1Q inner)
    [InlineData(new ushort[] { 0x9100, 0x8100, 0x8100 }, 26)]    // pre-standard QinQ, three tags
    public void TryDecode_VlanTags_ArePassed(ushort[] tags, int offset)
    {
        var frame = PacketBuilder.Link(LinkType.Ethernet, IPv4Packet, tags);

        var status = LinkLayer.TryDecode(LinkType.Ethernet, frame, out var ipOffset, out var version, out var count);

        Assert.Equal(LinkDecodeStatus.Ip, status);
        Assert.Equal((offset, 4, tags.Length), (ipOffset, version, count));
    }

    [Fact]
    public void TryDecode_Arp_IsNotIp()
    {
        // Ethernet II, EtherType 0x0806 (ARP).
        var frame = Convert.FromHexString("ffffffffffff0200000000010806" + "0001080006040001");
        Assert.Equal(LinkDecodeStatus.NotIp, LinkLayer.TryDecode(LinkType.Ethernet, frame, out _, out _, out _));
    }

    [Fact]
    public void TryDecode_Ieee8023LengthField_IsNotIp()
    {
        // 802.3 with a length (0x0026) instead of an EtherType, LLC follows (spanning tree).
        var frame = Convert.FromHexString("0180c20000000200000000010026" + "424203000000");
        Assert.Equal(LinkDecodeStatus.NotIp, LinkLayer.TryDecode(LinkType.Ethernet, frame, out _, out _, out _));
    }

    [Theory]
    [InlineData(LinkType.Ethernet, 13)]
    [InlineData(LinkType.Ethernet, 14)]
    [InlineData(LinkType.LinuxSll, 15)]
    [InlineData(LinkType.LinuxSll2, 19)]
    [InlineData(LinkType.Null, 3)]
    [InlineData(LinkType.Raw, 0)]
    public void TryDecode_ShortFrame_IsTruncated(LinkType linkType, int length)
    {
        var frame = PacketBuilder.Link(linkType, IPv4Packet)[..length];
        Assert.Equal(LinkDecodeStatus.Truncated, LinkLayer.TryDecode(linkType, frame, out _, out _, out _));
    }

    [Fact]
    public void TryDecode_VlanTagCutShort_IsTruncated()
    {
        var frame = PacketBuilder.Link(LinkType.Ethernet, IPv4Packet, [0x8100])[..16];
        Assert.Equal(LinkDecodeStatus.Truncated, LinkLayer.TryDecode(LinkType.Ethernet, frame, out _, out _, out _));
    }

    [Fact]
    public void TryDecode_UnknownLinkType_IsUnsupported()
    {
        Assert.Equal(LinkDecodeStatus.UnsupportedLinkType, LinkLayer.TryDecode((LinkType)147, IPv4Packet, out _, out _, out _));
    }

    [Fact]
    public void TryDecode_RawWithBadVersionNibble_IsNotIp()
    {
        Assert.Equal(LinkDecodeStatus.NotIp, LinkLayer.TryDecode(LinkType.Raw, [0x75, 0, 0], out _, out _, out _));
    }

    [Fact]
    public void IpLayer_AfterEachLinkType_ReadsTheSameAddresses()
    {
        foreach (var linkType in new[] { LinkType.Ethernet, LinkType.LinuxSll, LinkType.LinuxSll2, LinkType.Raw, LinkType.Null })
        {
            var frame = PacketBuilder.Link(linkType, IPv4Packet);
            LinkLayer.TryDecode(linkType, frame, out var offset, out var version, out _);
            Assert.Equal(IpDecodeStatus.Ok, IpLayer.TryDecode(frame.AsSpan(offset), version, out var packet));
            Assert.Equal(IPAddress.Parse("10.0.0.1"), packet.Source.ToIPAddress());
            Assert.Equal(IPAddress.Parse("10.0.0.2"), packet.Destination.ToIPAddress());
        }
    }
}
