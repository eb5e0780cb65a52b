using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using OtSecurity.Modbus.Client;
using OtSecurity.Modbus.Server;
using OtSecurity.Modbus.Tests.Support;

namespace OtSecurity.Modbus.Tests.Client;

/// <summary>Connecting, losing the connection, reconnecting with backoff, timeouts, cancellation and disposal.</summary>
public class ConnectionTests
{
    private static ModbusTcpClientOptions Options(int port) => new("127.0.0.1", port) { MaxRequestsPerSecond = null, RequestTimeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task ConnectionRefused_FailsWithConnectionException_ThenBacksOffWithDoubling()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        int port = PeerTools.FreePort();
        await using var client = new ModbusTcpClient(Options(port) with { ReconnectDelay = TimeSpan.FromMilliseconds(250), MaxReconnectDelay = TimeSpan.FromSeconds(1) }, timeProvider: time);

        ModbusConnectionException refused = await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));
        Assert.Contains($"127.0.0.1:{port}", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, client.Metrics.ConnectAttempts);

        // Within the backoff the request fails at once, without a connection attempt.
        ModbusConnectionException backedOff = await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));
        Assert.Contains("backed off", backedOff.Message, StringComparison.Ordinal);
        Assert.Equal(1, client.Metrics.ConnectAttempts);

        time.Advance(TimeSpan.FromMilliseconds(250));
        await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));
        Assert.Equal(2, client.Metrics.ConnectAttempts);

        // The second failure doubles the wait to 500 ms.
        time.Advance(TimeSpan.FromMilliseconds(400));
        await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));
        Assert.Equal(2, client.Metrics.ConnectAttempts);
        time.Advance(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));
        Assert.Equal(3, client.Metrics.ConnectAttempts);

        // Capped at MaxReconnectDelay (1 s, not 2 s) once the server is back.
        await using var server = new ModbusTcpServer(new ModbusTcpServerOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, port) });
        await server.StartAsync();
        time.Advance(TimeSpan.FromMilliseconds(999));
        await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([0], await client.ReadHoldingRegistersAsync(1, 0, 1));
        Assert.Equal(4, client.Metrics.ConnectAttempts);
        Assert.Equal(3, client.Metrics.ConnectFailures);
    }

    [Fact]
    public async Task ExplicitConnect_IgnoresTheBackoff()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        int port = PeerTools.FreePort();
        await using var client = new ModbusTcpClient(Options(port), timeProvider: time);
        await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ConnectAsync());

        await using var server = new ModbusTcpServer(new ModbusTcpServerOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, port) });
        await server.StartAsync();
        await client.ConnectAsync();
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task ServerRestart_TheNextRequestsReconnect()
    {
        await using ServerFixture first = await ServerFixture.StartAsync();
        int port = first.Port;
        await using var client = new ModbusTcpClient(Options(port) with { ReconnectDelay = TimeSpan.Zero });
        Assert.Equal([0], await client.ReadHoldingRegistersAsync(1, 0, 1));

        await first.Server.StopAsync();
        await SafetyTests.WaitUntil(() => !client.IsConnected);
        await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));

        var store = new InMemoryModbusDataStore();
        store.SetHoldingRegisters(0, 77);
        await using var second = new ModbusTcpServer(new ModbusTcpServerOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, port) }, store);
        await second.StartAsync();
        Assert.Equal([77], await client.ReadHoldingRegistersAsync(1, 0, 1));
        Assert.Equal(1, client.Metrics.ConnectionsLost);
    }

    [Fact]
    public async Task ConnectionLoss_FailsEveryPendingRequestPromptly()
    {
        var received = 0;
        await using var peer = new ScriptedPeer((connection, request) =>
        {
            if (Interlocked.Increment(ref received) == 5)
            {
                connection.Close();
            }

            return Task.CompletedTask;
        });
        await using var client = new ModbusTcpClient(Options(peer.Port) with { MaxRequestsInFlight = 5, RequestTimeout = TimeSpan.FromSeconds(30) });

        Stopwatch clock = Stopwatch.StartNew();
        Task<ushort[]>[] reads = [.. Enumerable.Range(0, 5).Select(i => client.ReadHoldingRegistersAsync(1, (ushort)i, 1))];
        foreach (Task<ushort[]> read in reads)
        {
            ModbusConnectionException e = await Assert.ThrowsAsync<ModbusConnectionException>(() => read);
            Assert.Contains("ReadHoldingRegisters (function 3) to unit 1", e.Message, StringComparison.Ordinal);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(0, client.Metrics.RequestsInFlight);
        Assert.Equal(1, client.Metrics.ConnectionsLost);
    }

    [Fact]
    public async Task AutoReconnectOff_RequestsFailUntilConnectAsync()
    {
        await using var peer = new ScriptedPeer(async (connection, request) =>
        {
            await connection.RespondAsync(request, ScriptedPeer.HoldingRegistersAnswer(request));
            if (connection.Index == 0)
            {
                connection.Close();
            }
        });
        await using var client = new ModbusTcpClient(Options(peer.Port) with { AutoReconnect = false });

        Assert.Equal([3], await client.ReadHoldingRegistersAsync(1, 3, 1));
        await SafetyTests.WaitUntil(() => !client.IsConnected);
        ModbusConnectionException e = await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 3, 1));
        Assert.Contains("AutoReconnect is off; call ConnectAsync", e.Message, StringComparison.Ordinal);

        await client.ConnectAsync();
        Assert.Equal([4], await client.ReadHoldingRegistersAsync(1, 4, 1));
        Assert.Equal(2, peer.Connections);
    }

    [Fact]
    public async Task Cancellation_AfterSending_CancelsTheCaller_AndRetiresTheTransactionId()
    {
        var answer = new TaskCompletionSource<(ScriptedConnection, ScriptedRequest)>();
        await using var peer = new ScriptedPeer((connection, request) =>
        {
            if (request.Range.Address == 1)
            {
                answer.TrySetResult((connection, request));
                return Task.CompletedTask;
            }

            return connection.RespondAsync(request, ScriptedPeer.HoldingRegistersAnswer(request));
        });
        await using var client = new ModbusTcpClient(Options(peer.Port));
        using var cts = new CancellationTokenSource();

        Task<ushort[]> read = client.ReadHoldingRegistersAsync(1, 1, 1, cts.Token);
        (ScriptedConnection connection, ScriptedRequest request) = await answer.Task;
        await cts.CancelAsync();
        OperationCanceledException canceled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
        Assert.Equal(cts.Token, canceled.CancellationToken);
        Assert.Equal(1, client.RetiredTransactionCount);

        // The answer arrives after all: discarded as late, and the retired id is released.
        await connection.RespondAsync(request, ScriptedPeer.HoldingRegistersAnswer(request));
        await SafetyTests.WaitUntil(() => client.Metrics.LateResponsesDiscarded == 1);
        Assert.Equal(0, client.RetiredTransactionCount);
        Assert.Equal([2], await client.ReadHoldingRegistersAsync(1, 2, 1));
        Assert.Equal(1, client.Metrics.Cancellations);
    }

    [Fact]
    public async Task CancellationBeforeSending_SendsNothing()
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync();
        ModbusTcpClient client = fixture.Client();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ReadHoldingRegistersAsync(1, 0, 1, new CancellationToken(canceled: true)));
        Assert.Equal(0, fixture.Server.Metrics.Requests);
    }

    [Fact]
    public async Task TooManyUnansweredRequests_RecycleTheConnection()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var peer = new ScriptedPeer((connection, request) =>
            connection.Index == 0 ? Task.CompletedTask : connection.RespondAsync(request, ScriptedPeer.HoldingRegistersAnswer(request)));
        await using var client = new ModbusTcpClient(Options(peer.Port) with { MaxRetiredTransactions = 2, RequestTimeout = TimeSpan.FromMilliseconds(100), ReconnectDelay = TimeSpan.Zero }, timeProvider: time);

        for (int i = 1; i <= 3; i++)
        {
            Task<ushort[]> unanswered = client.ReadHoldingRegistersAsync(1, 0, 1);
            await SafetyTests.WaitUntil(() => peer.Requests == i);
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Assert.ThrowsAsync<ModbusTimeoutException>(() => unanswered);
            if (i == 2)
            {
                Assert.Equal(2, client.RetiredTransactionCount);
                Assert.Equal(0, client.Metrics.ConnectionsLost);
            }
        }

        // The third unanswered request retires one id too many: the connection is recycled, so no late answer can
        // ever meet a reused transaction id.
        Assert.Equal(1, client.Metrics.ConnectionsLost);
        Assert.Equal([9], await client.ReadHoldingRegistersAsync(1, 9, 1));
        Assert.Equal(2, peer.Connections);
    }

    [Fact]
    public async Task Dispose_FailsPendingRequests_AndLaterCallsThrowObjectDisposed()
    {
        await using var peer = new ScriptedPeer((connection, request) => Task.CompletedTask);
        var client = new ModbusTcpClient(Options(peer.Port) with { RequestTimeout = TimeSpan.FromSeconds(30) });
        Task<ushort[]> read = client.ReadHoldingRegistersAsync(1, 0, 1);
        await SafetyTests.WaitUntil(() => peer.Requests == 1);

        await client.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => read);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));
        await client.DisposeAsync();
    }

    [Fact]
    public async Task UnresolvableHost_FailsWithConnectionException()
    {
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions("no-such-host.invalid") { ConnectTimeout = TimeSpan.FromSeconds(5) });
        ModbusConnectionException e = await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));
        Assert.Contains("no-such-host.invalid", e.Message, StringComparison.Ordinal);
    }
}
