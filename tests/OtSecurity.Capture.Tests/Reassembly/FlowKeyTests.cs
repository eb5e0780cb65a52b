using System.Net;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Network;
using OtSecurity.Capture.Reassembly;

namespace OtSecurity.Capture.Tests.Reassembly;

public sealed class FlowKeyTests
{
    private static readonly IPAddressValue A = IPAddressValue.FromIPAddress(IPAddress.Parse("10.0.0.1"));
    private static readonly IPAddressValue B = IPAddressValue.FromIPAddress(IPAddress.Parse("10.0.0.2"));

    [Fact]
    public void Create_BothDirections_GiveTheSameKey()
    {
        var forward = FlowKey.Create(A, 50000, B, 502, TransportKind.Tcp, out var forwardIsA);
        var backward = FlowKey.Create(B, 502, A, 50000, TransportKind.Tcp, out var backwardIsA);

        Assert.Equal(forward, backward);
        Assert.Equal(forward.GetHashCode(), backward.GetHashCode());
        Assert.True(forwardIsA);
        Assert.False(backwardIsA);
    }

    [Fact]
    public void Create_SameAddress_OrdersByPort()
    {
        var key = FlowKey.Create(A, 600, A, 500, TransportKind.Udp, out var sourceIsA);
        Assert.False(sourceIsA);
        Assert.Equal((500, 600), (key.PortA, key.PortB));
    }

    [Fact]
    public void Keys_DifferByTransportAndPort()
    {
        var tcp = FlowKey.Create(A, 1, B, 2, TransportKind.Tcp, out _);
        Assert.NotEqual(tcp, FlowKey.Create(A, 1, B, 2, TransportKind.Udp, out _));
        Assert.NotEqual(tcp, FlowKey.Create(A, 1, B, 3, TransportKind.Tcp, out _));
    }

    [Theory]
    [InlineData(10u, 5u, 5)]
    [InlineData(5u, 10u, -5)]
    [InlineData(3u, 0xFFFFFFFEu, 5)]            // wrapped past 2^32
    [InlineData(0xFFFFFFFEu, 3u, -5)]
    public void SequenceNumber_DistanceWraps(uint to, uint from, int distance)
    {
        Assert.Equal(distance, SequenceNumber.Distance(to, from));
        Assert.Equal(distance < 0, SequenceNumber.IsBefore(to, from));
    }
}
