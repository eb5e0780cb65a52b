using System.Net;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Tests.Support;
using OtSecurity.Protocols;

namespace OtSecurity.Capture.Tests.Dissectors;

public class PendingRequestsTests
{
    private static readonly OtEndpoint Client = new(IPAddress.Parse("10.0.0.1"), 50000);
    private static readonly OtEndpoint Server = new(IPAddress.Parse("10.0.0.2"), 502);

    private sealed record Request(long Frame, int? Function) : IPendingRequest
    {
        public DateTime Timestamp => DateTime.UnixEpoch.AddSeconds(Frame);

        public OtEndpoint Source => Client;

        public OtEndpoint Destination => Server;

        public string? FunctionName => $"F{Function}";

        public OperationClass Operation => OperationClass.Read;
    }

    [Fact]
    public void TryTake_ReturnsTheRequestOnce()
    {
        var table = new PendingRequests<int, Request>("test", 4);
        table.Remember(7, new Request(1, 3));

        Assert.True(table.TryPeek(7, out Request? peeked));
        Assert.Equal(1, peeked.Frame);
        Assert.True(table.TryTake(7, out Request? taken));
        Assert.Same(peeked, taken);
        Assert.False(table.TryTake(7, out _));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void Remember_AtCapacity_DropsTheOldestRequestOnly()
    {
        var table = new PendingRequests<int, Request>("test", 3);
        table.Remember(1, new Request(10, 1));
        table.Remember(2, new Request(5, 2));
        table.Remember(3, new Request(20, 3));
        table.Remember(4, new Request(30, 4));

        Assert.Equal(3, table.Count);
        Assert.False(table.TryPeek(2, out _));
        Assert.True(table.TryPeek(1, out _));
        Assert.True(table.TryPeek(4, out _));
    }

    [Fact]
    public void Remember_ReusedKeyAtCapacity_ReplacesWithoutEvicting()
    {
        var table = new PendingRequests<int, Request>("test", 2);
        table.Remember(1, new Request(1, 1));
        table.Remember(2, new Request(2, 2));
        table.Remember(1, new Request(3, 9));

        Assert.Equal(2, table.Count);
        Assert.True(table.TryPeek(1, out Request? replaced));
        Assert.Equal(9, replaced.Function);
        Assert.True(table.TryPeek(2, out _));
    }

    [Fact]
    public void ReportTimeouts_OldestFirst_DatedAtTheFlowsEnd_PointingBackAtTheRequest()
    {
        var table = new PendingRequests<int, Request>("test", 8);
        table.Remember(1, new Request(12, 4));
        table.Remember(2, new Request(3, 1));
        var sink = new CollectingSink();
        var end = new DissectContext(99, DateTime.UnixEpoch.AddSeconds(99), Client, Server, FlowDirection.Unknown, TransportKind.Tcp);

        table.ReportTimeouts(end, sink);

        Assert.Equal([3L, 12L], sink.Messages.Select(m => m.RequestFrame!.Value));
        Assert.All(sink.Messages, m =>
        {
            Assert.Equal(MessageStatus.Timeout, m.Status);
            Assert.Equal(99, m.Frame);
            Assert.Equal("test", m.Protocol);
            Assert.Equal(Client, m.Source);
            Assert.Equal(MessageDirection.Request, m.Direction);
        });
        Assert.Equal([1, 4], sink.Messages.Select(m => m.Function!.Value));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void Constructor_RejectsAnEmptyNameAndNoCapacity()
    {
        Assert.Throws<ArgumentException>(() => new PendingRequests<int, Request>("", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PendingRequests<int, Request>("test", 0));
    }
}
