using Microsoft.Extensions.Time.Testing;
using OtSecurity.Modbus.Client;
using OtSecurity.Modbus.Tests.Support;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Tests.Client;

/// <summary>The safety options are on by default and refuse before anything reaches the wire.</summary>
public class SafetyTests
{
    public static TheoryData<string, Func<ModbusTcpClient, Task>> Writes => new()
    {
        { "WriteSingleCoil", c => c.WriteSingleCoilAsync(1, 0, true) },
        { "WriteSingleRegister", c => c.WriteSingleRegisterAsync(1, 0, 1) },
        { "WriteMultipleCoils", c => c.WriteMultipleCoilsAsync(1, 0, new[] { true }) },
        { "WriteMultipleRegisters", c => c.WriteMultipleRegistersAsync(1, 0, new ushort[] { 1 }) },
        { "MaskWriteRegister", c => c.MaskWriteRegisterAsync(1, 0, 0xFFFF, 0) },
        { "ReadWriteMultipleRegisters", c => c.ReadWriteMultipleRegistersAsync(1, 0, 1, 0, new ushort[] { 1 }) },
        { "WriteFileRecord", c => c.WriteFileRecordAsync(1, 1, 0, new ushort[] { 1 }) },
    };

    [Fact]
    public void Defaults_AreReadOnlyPacedSingleRequestAndUnits1And255()
    {
        var options = new ModbusTcpClientOptions("plc.example");
        Assert.True(options.IsReadOnly);
        Assert.False(options.AllowWrites);
        Assert.False(options.AllowStateChangingDiagnostics);
        Assert.False(options.AllowCustomFunctions);
        Assert.Equal(10, options.MaxRequestsPerSecond);
        Assert.Equal(1, options.MaxRequestsInFlight);
        Assert.Equal(new byte[] { 1, 255 }, options.AllowedUnitIds.Order());
        Assert.Equal(502, options.Port);
        Assert.False((options with { AllowWrites = true }).IsReadOnly);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task ReadOnlyByDefault_EveryWriteIsRefusedBeforeAnythingIsSent(string function, Func<ModbusTcpClient, Task> write)
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync();
        fixture.Store.AddFile(1);
        ModbusTcpClient client = fixture.Client();

        ModbusSafetyException e = await Assert.ThrowsAsync<ModbusSafetyException>(() => write(client));
        Assert.Equal("AllowWrites", e.OptionName);
        Assert.Contains(function, e.Message, StringComparison.Ordinal);
        Assert.Contains("set ModbusTcpClientOptions.AllowWrites = true", e.Message, StringComparison.Ordinal);

        // Nothing reached the wire: not even a connection was opened.
        Assert.False(client.IsConnected);
        Assert.Equal(0, fixture.Server.Metrics.ConnectionsAccepted);
        Assert.Equal(0, client.Metrics.RequestsSent);
        Assert.Equal(1, client.Metrics.RequestsRefused);

        // With the opt-in the same write goes through.
        ModbusTcpClient writer = fixture.Client(o => o with { AllowWrites = true });
        await write(writer);
        Assert.Equal(1, fixture.Server.Metrics.Requests);
    }

    [Theory]
    [InlineData(ModbusDiagnosticSubFunction.RestartCommunicationsOption)]
    [InlineData(ModbusDiagnosticSubFunction.ChangeAsciiInputDelimiter)]
    [InlineData(ModbusDiagnosticSubFunction.ForceListenOnlyMode)]
    [InlineData(ModbusDiagnosticSubFunction.ClearCountersAndDiagnosticRegister)]
    [InlineData(ModbusDiagnosticSubFunction.ClearOverrunCounterAndFlag)]
    [InlineData((ModbusDiagnosticSubFunction)5)]
    public async Task StateChangingDiagnostics_AreRefusedUnlessAllowed(ModbusDiagnosticSubFunction subFunction)
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync();
        ModbusTcpClient client = fixture.Client(o => o with { AllowWrites = true, AllowCustomFunctions = true });

        ModbusSafetyException e = await Assert.ThrowsAsync<ModbusSafetyException>(() => client.DiagnosticsAsync(1, subFunction));
        Assert.Equal("AllowStateChangingDiagnostics", e.OptionName);
        Assert.Contains("set ModbusTcpClientOptions.AllowStateChangingDiagnostics = true", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Server.Metrics.Requests);
    }

    [Fact]
    public async Task ReadOnlyDiagnostics_AreAllowedInReadOnlyMode()
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync();
        ModbusTcpClient client = fixture.Client();
        Assert.Equal((ushort)0x1234, (await client.DiagnosticsAsync(1, ModbusDiagnosticSubFunction.ReturnQueryData, 0x1234)).Word);
        Assert.Equal((ushort)0, (await client.DiagnosticsAsync(1, ModbusDiagnosticSubFunction.ReturnDiagnosticRegister)).Word);
    }

    [Fact]
    public async Task ForceListenOnlyMode_WithOptIn_IsSentWithoutWaiting_AndTheServerGoesQuiet()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using ServerFixture fixture = await ServerFixture.StartAsync();
        ModbusTcpClient client = fixture.Client(o => o with { AllowStateChangingDiagnostics = true, RequestTimeout = TimeSpan.FromMilliseconds(300) }, time);

        ModbusDiagnosticsResult sent = await client.DiagnosticsAsync(1, ModbusDiagnosticSubFunction.ForceListenOnlyMode);
        Assert.Empty(sent.Data);

        // §6.8.1: a device in listen-only mode answers nothing, not even the Restart Communications Option that ends it.
        Task<ushort[]> read = client.ReadHoldingRegistersAsync(1, 0, 1);
        await WaitUntil(() => fixture.Server.Metrics.Requests == 2);
        time.Advance(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAsync<ModbusTimeoutException>(() => read);

        Task<ModbusDiagnosticsResult> restart = client.DiagnosticsAsync(1, ModbusDiagnosticSubFunction.RestartCommunicationsOption);
        await WaitUntil(() => fixture.Server.Metrics.Requests == 3);
        time.Advance(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAsync<ModbusTimeoutException>(() => restart);

        Assert.Equal([0], await client.ReadHoldingRegistersAsync(1, 0, 1));
    }

    [Fact]
    public async Task CustomFunctions_AreRefusedUnlessAllowed()
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync();
        ModbusTcpClient client = fixture.Client(o => o with { AllowWrites = true, AllowStateChangingDiagnostics = true });

        ModbusSafetyException e = await Assert.ThrowsAsync<ModbusSafetyException>(() => client.SendCustomAsync(1, 65, new byte[] { 1, 2 }));
        Assert.Equal("AllowCustomFunctions", e.OptionName);
        Assert.Contains("set ModbusTcpClientOptions.AllowCustomFunctions = true", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Server.Metrics.Requests);

        ModbusTcpClient custom = fixture.Client(o => o with { AllowCustomFunctions = true });
        ModbusException answer = await Assert.ThrowsAsync<ModbusException>(() => custom.SendCustomAsync(1, 65, new byte[] { 1, 2 }));
        Assert.Equal(ModbusExceptionCode.IllegalFunction, answer.ExceptionCode);
        Assert.Equal(65, (byte)answer.Function);
        Assert.Equal("Function 65", answer.FunctionName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(247)]
    public async Task UnitIdOutsideTheAllowList_IsRefused(byte unitId)
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync();
        ModbusTcpClient client = fixture.Client();

        ModbusSafetyException e = await Assert.ThrowsAsync<ModbusSafetyException>(() => client.ReadHoldingRegistersAsync(unitId, 0, 1));
        Assert.Equal("AllowedUnitIds", e.OptionName);
        Assert.Contains($"unit id {unitId} is not in ModbusTcpClientOptions.AllowedUnitIds (1, 255)", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Server.Metrics.Requests);

        ModbusTcpClient other = fixture.Client(o => o with { AllowedUnitIds = new HashSet<byte> { unitId } });
        Assert.Equal([0], await other.ReadHoldingRegistersAsync(unitId, 0, 1));
    }

    [Fact]
    public async Task MaxRequestsInFlight_IsNeverExceeded()
    {
        await using var peer = new ScriptedPeer(async (connection, request) =>
        {
            await Task.Delay(20);
            await connection.RespondAsync(request, ScriptedPeer.HoldingRegistersAnswer(request));
        });
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", peer.Port) { MaxRequestsPerSecond = null, MaxRequestsInFlight = 3, RequestTimeout = TimeSpan.FromSeconds(10) });

        ushort[][] results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => client.ReadHoldingRegistersAsync(1, (ushort)i, 1)));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (ushort)i), results.Select(r => r[0]));
        Assert.True(peer.MaxOutstanding <= 3, $"{peer.MaxOutstanding} requests were outstanding at once");
    }

    [Fact]
    public async Task DefaultSingleRequestInFlight_SerialisesConcurrentCallers()
    {
        await using var peer = new ScriptedPeer(async (connection, request) =>
        {
            await Task.Delay(5);
            await connection.RespondAsync(request, ScriptedPeer.HoldingRegistersAnswer(request));
        });
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", peer.Port) { MaxRequestsPerSecond = null, RequestTimeout = TimeSpan.FromSeconds(10) });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.ReadHoldingRegistersAsync(1, (ushort)i, 1)));
        Assert.Equal(1, peer.MaxOutstanding);
    }

    [Fact]
    public async Task RateLimit_SpacesRequestsEvenly()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var peer = new ScriptedPeer((connection, request) => connection.RespondAsync(request, ScriptedPeer.HoldingRegistersAnswer(request)));
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", peer.Port) { MaxRequestsPerSecond = 10, MaxRequestsInFlight = 4 }, timeProvider: time);

        Task<ushort[]>[] reads = [.. Enumerable.Range(0, 3).Select(i => client.ReadHoldingRegistersAsync(1, (ushort)i, 1))];
        await WaitUntil(() => peer.Requests == 1);
        await Task.Delay(100);
        Assert.Equal(1, peer.Requests);

        // 10 requests a second: one every 100 ms.
        time.Advance(TimeSpan.FromMilliseconds(99));
        await Task.Delay(100);
        Assert.Equal(1, peer.Requests);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitUntil(() => peer.Requests == 2);
        time.Advance(TimeSpan.FromMilliseconds(100));
        await WaitUntil(() => peer.Requests == 3);
        await Task.WhenAll(reads);
    }

    [Fact]
    public void InvalidOptions_NameTheOption()
    {
        Assert.Contains("Port", Assert.Throws<ArgumentException>(() => new ModbusTcpClient(new ModbusTcpClientOptions("h", 0))).Message, StringComparison.Ordinal);
        Assert.Contains("Host", Assert.Throws<ArgumentException>(() => new ModbusTcpClient(new ModbusTcpClientOptions(" "))).Message, StringComparison.Ordinal);
        Assert.Contains("MaxRequestsInFlight", Assert.Throws<ArgumentException>(() => new ModbusTcpClient(new ModbusTcpClientOptions("h") { MaxRequestsInFlight = 0 })).Message, StringComparison.Ordinal);
        Assert.Contains("MaxRequestsPerSecond", Assert.Throws<ArgumentException>(() => new ModbusTcpClient(new ModbusTcpClientOptions("h") { MaxRequestsPerSecond = 0 })).Message, StringComparison.Ordinal);
        Assert.Contains("AllowedUnitIds", Assert.Throws<ArgumentException>(() => new ModbusTcpClient(new ModbusTcpClientOptions("h") { AllowedUnitIds = new HashSet<byte>() })).Message, StringComparison.Ordinal);
        Assert.Contains("RequestTimeout", Assert.Throws<ArgumentException>(() => new ModbusTcpClient(new ModbusTcpClientOptions("h") { RequestTimeout = TimeSpan.Zero })).Message, StringComparison.Ordinal);
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
