using System.Globalization;
using System.Text;
using OtSecurity.Modbus.Client;
using OtSecurity.Modbus.Server;
using OtSecurity.Modbus.Tests.Support;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Tests.Interop;

/// <summary>Compiles Peers/libmodbus_server.c with gcc against libmodbus, starts it on a free port, kills it afterwards.</summary>
public sealed class LibmodbusServerFixture : IAsyncLifetime
{
    private PeerProcess? _peer;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        string server = await PeerTools.LibmodbusServerAsync();
        Port = PeerTools.FreePort();
        _peer = await PeerTools.StartServerAsync(server, [Port.ToString(CultureInfo.InvariantCulture)], Port);
    }

    public async Task DisposeAsync()
    {
        if (_peer is not null)
        {
            await _peer.DisposeAsync();
        }
    }
}

/// <summary>Our client against a libmodbus 3.1 server (Debian libmodbus-dev): every function both support, and exceptions.</summary>
[Trait("Category", "Interop")]
public sealed class LibmodbusServerInteropTests(LibmodbusServerFixture peer) : IClassFixture<LibmodbusServerFixture>, IAsyncLifetime, IAsyncDisposable
{
    private readonly ModbusTcpClient _client = Create(peer.Port);

    private static ModbusTcpClient Create(int port)
    {
        // libmodbus serves one connection at a time: one client per test, closed at the end of the test.
        return new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", port)
        {
            MaxRequestsPerSecond = null,
            AllowWrites = true,
            RequestTimeout = TimeSpan.FromSeconds(10),
        });
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // xunit 2 calls IAsyncLifetime (not IAsyncDisposable) on test classes: close the connection after each test.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    [Fact]
    public async Task Reads_AllFourTables()
    {
        Assert.Equal([3000, 3001, 3002], await _client.ReadHoldingRegistersAsync(1, 0, 3));
        Assert.Equal([4097, 4098], await _client.ReadInputRegistersAsync(1, 97, 2));
        Assert.Equal(Enumerable.Range(0, 12).Select(a => a % 2 == 1), await _client.ReadCoilsAsync(1, 0, 12));
        Assert.Equal(Enumerable.Range(0, 12).Select(a => a % 4 == 0), await _client.ReadDiscreteInputsAsync(1, 0, 12));
    }

    [Fact]
    public async Task Writes_MaskWrite_AndReadWriteMultiple()
    {
        await _client.WriteSingleRegisterAsync(1, 50, 5050);
        await _client.WriteMultipleRegistersAsync(1, 60, new ushort[] { 6, 7, 8 });
        await _client.WriteSingleCoilAsync(1, 40, true);
        await _client.WriteMultipleCoilsAsync(1, 41, new[] { true, true, false });
        Assert.Equal([5050], await _client.ReadHoldingRegistersAsync(1, 50, 1));
        Assert.Equal([6, 7, 8], await _client.ReadHoldingRegistersAsync(1, 60, 3));
        Assert.Equal(new[] { true, true, true, false }, await _client.ReadCoilsAsync(1, 40, 4));

        // 3070 = 0x0BFE: (0x0BFE AND 0x00F2) OR (0x0025 AND NOT 0x00F2) = 0x00F2 OR 0x0005 = 0x00F7.
        await _client.MaskWriteRegisterAsync(1, 70, 0x00F2, 0x0025);
        Assert.Equal([0x00F7], await _client.ReadHoldingRegistersAsync(1, 70, 1));

        Assert.Equal([3080, 1, 2, 3083], await _client.ReadWriteMultipleRegistersAsync(1, 80, 4, 81, new ushort[] { 1, 2 }));
    }

    [Fact]
    public async Task ReportServerId_IsLibmodbusOwn()
    {
        // libmodbus 3.1: server id 180 (0xB4), run indicator ON, then "LMB" and its version.
        byte[] id = await _client.ReportServerIdAsync(1);
        Assert.Equal(0xB4, id[0]);
        Assert.Equal(0xFF, id[1]);
        Assert.StartsWith("LMB3.1", Encoding.ASCII.GetString(id, 2, id.Length - 2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_FindsTheReadFunctions_AndNoIdentity()
    {
        await using var probeClient = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", peer.Port) { RequestTimeout = TimeSpan.FromSeconds(10) });
        await _client.DisposeAsync();
        ModbusProbeReport report = await ModbusProbe.RunAsync(probeClient, 1);

        Assert.Equal(ModbusProbeFailure.None, report.Failure);
        Assert.Null(report.Identity);
        Assert.Equal(ModbusProbeOutcome.Exception, report.Functions[0].Outcome);
        Assert.Equal(ModbusExceptionCode.IllegalFunction, report.Functions[0].ExceptionCode);
        Assert.All(report.Functions.Skip(1), f => Assert.Equal(ModbusProbeOutcome.Answered, f.Outcome));
        Assert.Equal([3000, 3001, 3002, 3003, 3004, 3005, 3006, 3007, 3008, 3009], report.HoldingRegisters!.Values!);
        Assert.Equal(0xB4, report.ServerId![0]);
        Assert.Equal(0, probeClient.Metrics.RequestsRefused);
    }

    [Fact]
    public async Task Exceptions_IllegalAddress_AndFunctionsLibmodbusDoesNotImplement()
    {
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, (await Assert.ThrowsAsync<ModbusException>(() => _client.ReadHoldingRegistersAsync(1, 99, 2))).ExceptionCode);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, (await Assert.ThrowsAsync<ModbusException>(() => _client.WriteSingleCoilAsync(1, 100, true))).ExceptionCode);

        // libmodbus 3.1 has no Read Device Identification, FIFO or diagnostics: exception 01.
        ModbusException identification = await Assert.ThrowsAsync<ModbusException>(() => _client.ReadDeviceIdentificationAsync(1));
        Assert.Equal(ModbusExceptionCode.IllegalFunction, identification.ExceptionCode);
        Assert.Equal(ModbusFunctionCode.EncapsulatedInterfaceTransport, identification.Function);
        Assert.Equal(ModbusExceptionCode.IllegalFunction, (await Assert.ThrowsAsync<ModbusException>(() => _client.ReadFifoQueueAsync(1, 0))).ExceptionCode);
        Assert.Equal(ModbusExceptionCode.IllegalFunction, (await Assert.ThrowsAsync<ModbusException>(() => _client.DiagnosticsAsync(1, ModbusDiagnosticSubFunction.ReturnQueryData))).ExceptionCode);
        Assert.Equal([3001], await _client.ReadHoldingRegistersAsync(1, 1, 1));
    }
}

/// <summary>The libmodbus client program (Peers/libmodbus_client.c) against our server: reads, writes, mask write, read/write multiple, report server id, exceptions.</summary>
[Trait("Category", "Interop")]
public sealed class LibmodbusClientInteropTests
{
    [Fact]
    public async Task LibmodbusClient_RunsItsScriptAgainstOurServer()
    {
        string clientProgram = await PeerTools.LibmodbusClientAsync();
        await using ServerFixture fixture = await ServerFixture.StartAsync(
            o => o with { ServerId = new byte[] { 0x2A }, ServerIdAdditionalData = Encoding.ASCII.GetBytes("OTSEC") },
            new InMemoryModbusDataStore(holdingRegisters: 1000));
        InMemoryModbusDataStore store = fixture.Store;
        store.SetHoldingRegisters(0, 100, 101, 102, 103, 104);
        store.SetInputRegisters(0, 7, 8, 9);
        store.SetCoils(0, true, false, false, true);
        store.SetDiscreteInputs(0, false, true, true);
        store.SetHoldingRegisters(30, 0x0012);
        store.SetHoldingRegisters(39, 390, 400, 401, 402);

        ProcessResult run = await PeerTools.RunAsync(clientProgram, [fixture.Port.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(60));
        Assert.True(run.ExitCode == 0, $"libmodbus_client exited with {run.ExitCode}: {run.StandardError}{run.StandardOutput}");
        Dictionary<string, string> lines = run.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToDictionary(l => l[..l.IndexOf(' ', StringComparison.Ordinal)], l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..]);

        Assert.Equal("ok 100 101 102 103 104", lines["read_registers"]);
        Assert.Equal("ok 7 8 9", lines["read_input_registers"]);
        Assert.Equal("ok 10010000", lines["read_bits"]);
        Assert.Equal("ok 01100000", lines["read_input_bits"]);
        Assert.Equal("ok", lines["write_register"]);
        Assert.Equal("ok", lines["write_registers"]);
        Assert.Equal("ok", lines["write_bit"]);
        Assert.Equal("ok", lines["write_bits"]);
        Assert.Equal("ok", lines["mask_write_register"]);

        // Write 7, 8 at 40-41, then read 39-42.
        Assert.Equal("ok 390 7 8 402", lines["write_and_read_registers"]);

        // Server id 0x2A, run indicator ON, "OTSEC".
        Assert.Equal("ok 7 2AFF4F54534543", lines["report_slave_id"]);
        Assert.Equal("error Illegal data address", lines["read_registers_out_of_range"]);
        Assert.Equal("exception C1 01", lines["user_defined_function"]);
        Assert.Equal("ok 1234", lines["read_after_exceptions"]);

        Assert.Equal(1234, store.GetHoldingRegister(10));
        Assert.Equal([11, 22, 33], new[] { store.GetHoldingRegister(20), store.GetHoldingRegister(21), store.GetHoldingRegister(22) });
        Assert.True(store.GetCoil(5));
        Assert.Equal(new[] { true, false, true, true }, new[] { store.GetCoil(8), store.GetCoil(9), store.GetCoil(10), store.GetCoil(11) });
        Assert.Equal(0x17, store.GetHoldingRegister(30));
        Assert.Equal(1, fixture.Server.GetRequestCount(ModbusFunctionCode.MaskWriteRegister));
        Assert.Equal(1, fixture.Server.GetRequestCount(ModbusFunctionCode.ReadWriteMultipleRegisters));
    }
}
