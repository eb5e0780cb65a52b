using OtSecurity.Modbus.Client;
using OtSecurity.Modbus.Tests.Support;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Tests.Interop;

/// <summary>Starts the pymodbus server peer (Peers/pymodbus_server.py under Debian's /usr/bin/python3) on a free port; kills it afterwards.</summary>
public sealed class PymodbusPeerFixture : IAsyncLifetime
{
    private PeerProcess? _peer;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        string python = await PeerTools.RequirePymodbusAsync();
        Port = PeerTools.FreePort();
        _peer = await PeerTools.StartServerAsync(python, [Path.Combine(PeerTools.PeersDirectory, "pymodbus_server.py"), Port.ToString(System.Globalization.CultureInfo.InvariantCulture)], Port);
    }

    public async Task DisposeAsync()
    {
        if (_peer is not null)
        {
            await _peer.DisposeAsync();
        }
    }
}

/// <summary>
/// Our client against the pymodbus 3.0 server (Debian python3-pymodbus): every function both support, exceptions,
/// and device identification with "more follows" paging.
/// </summary>
[Trait("Category", "Interop")]
public sealed class PymodbusInteropTests(PymodbusPeerFixture peer) : IClassFixture<PymodbusPeerFixture>, IAsyncLifetime, IAsyncDisposable
{
    private readonly ModbusTcpClient _client = Create(peer.Port);

    private static ModbusTcpClient Create(int port)
    {
        return new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", port)
        {
            MaxRequestsPerSecond = null,
            AllowWrites = true,
            AllowCustomFunctions = true,
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
        Assert.Equal([1000, 1001, 1002, 1003, 1004], await _client.ReadHoldingRegistersAsync(1, 0, 5));
        Assert.Equal([2010, 2011, 2012], await _client.ReadInputRegistersAsync(1, 10, 3));
        Assert.Equal(Enumerable.Range(0, 10).Select(a => a % 2 == 0), await _client.ReadCoilsAsync(1, 0, 10));
        Assert.Equal(Enumerable.Range(0, 10).Select(a => a % 3 == 0), await _client.ReadDiscreteInputsAsync(1, 0, 10));
        Assert.Equal(Enumerable.Range(0, 40).Select(a => (ushort)(1000 + a)), await _client.ReadHoldingRegistersAsync(1, 0, 40));
    }

    [Fact]
    public async Task Writes_ThenReadBack()
    {
        await _client.WriteSingleRegisterAsync(1, 50, 4242);
        Assert.Equal([4242], await _client.ReadHoldingRegistersAsync(1, 50, 1));

        await _client.WriteMultipleRegistersAsync(1, 60, new ushort[] { 1, 2, 3 });
        Assert.Equal([1, 2, 3], await _client.ReadHoldingRegistersAsync(1, 60, 3));

        await _client.WriteSingleCoilAsync(1, 52, false);
        await _client.WriteMultipleCoilsAsync(1, 70, new[] { false, true, true, false, true });
        Assert.Equal(new[] { false }, await _client.ReadCoilsAsync(1, 52, 1));
        Assert.Equal(new[] { false, true, true, false, true }, await _client.ReadCoilsAsync(1, 70, 5));

        // 1080 = 0x0438: (0x0438 AND 0x00F2) OR (0x0025 AND NOT 0x00F2) = 0x0030 OR 0x0005 = 0x0035.
        await _client.MaskWriteRegisterAsync(1, 80, 0x00F2, 0x0025);
        Assert.Equal([0x0035], await _client.ReadHoldingRegistersAsync(1, 80, 1));

        // §6.17: write first, then read.
        Assert.Equal([1090, 5, 6], await _client.ReadWriteMultipleRegistersAsync(1, 90, 3, 91, new ushort[] { 5, 6 }));
    }

    [Fact]
    public async Task DeviceIdentification_EveryAccess_AndPagingToTheEnd()
    {
        ModbusDeviceIdentification basic = await _client.ReadDeviceIdentificationAsync(1);
        Assert.Equal("pymodbus peer", basic.VendorName);
        Assert.Equal("PM-PEER", basic.ProductCode);
        Assert.Equal("3.0.0", basic.MajorMinorRevision);
        Assert.Equal([0, 1, 2], basic.Objects.Select(o => o.Id));

        ModbusDeviceIdentification regular = await _client.ReadDeviceIdentificationAsync(1, ModbusReadDeviceIdCode.Regular);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], regular.Objects.Select(o => o.Id));
        Assert.Equal("otsec interop tests", regular.UserApplicationName);

        // Three private objects of 100 bytes do not fit one PDU: pymodbus sets "more follows" and the client pages.
        ModbusDeviceIdentification extended = await _client.ReadDeviceIdentificationAsync(1, ModbusReadDeviceIdCode.Extended);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 0x80, 0x81, 0x82], extended.Objects.Select(o => o.Id).Distinct());
        Assert.True(extended.Transactions >= 2, $"{extended.Transactions} transactions");
        Assert.Equal(new string('C', 100), extended.GetText(0x82));
        Assert.Equal(ModbusConformityLevel.ExtendedStreamAndIndividual, extended.ConformityLevel);

        ModbusDeviceIdentification individual = await _client.ReadDeviceIdentificationAsync(1, ModbusReadDeviceIdCode.Individual, 0x05);
        Assert.Equal("interop peer", individual.ModelName);
    }

    [Fact]
    public async Task Probe_ReadsTheFullIdentity_AndEveryReadFunction()
    {
        await using var probeClient = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", peer.Port) { RequestTimeout = TimeSpan.FromSeconds(10) });
        ModbusProbeReport report = await ModbusProbe.RunAsync(probeClient, 1);

        Assert.Equal(ModbusProbeFailure.None, report.Failure);
        Assert.Equal("pymodbus peer", report.Identity!.VendorName);
        Assert.Equal(ModbusReadDeviceIdCode.Extended, report.Identity.ReadDeviceIdCode);
        Assert.Contains(report.Identity.Objects, o => o.Id == 0x82);
        Assert.All(report.Functions, f => Assert.Equal(ModbusProbeOutcome.Answered, f.Outcome));
        Assert.Equal(2000, report.InputRegisters!.Values![0]);
    }

    [Fact]
    public async Task SerialLineFunctions_ThatPymodbusAnswers()
    {
        ModbusDiagnosticsResult echo = await _client.DiagnosticsAsync(1, ModbusDiagnosticSubFunction.ReturnQueryData, 0xA537);
        Assert.Equal((ushort)0xA537, echo.Word);
        Assert.NotNull((await _client.DiagnosticsAsync(1, ModbusDiagnosticSubFunction.ReturnBusMessageCount)).Word);
        _ = await _client.ReadExceptionStatusAsync(1);
        ModbusCommEventCounterResponse counter = await _client.GetCommEventCounterAsync(1);
        Assert.Equal(0, counter.Status);
        ModbusCommEventLog log = await _client.GetCommEventLogAsync(1);
        Assert.True(log.Events.Length <= 64);

        // pymodbus reports the basic identity objects and the run indicator (0xFF, ON).
        byte[] serverId = await _client.ReportServerIdAsync(1);
        Assert.Equal(0xFF, serverId[^1]);
        Assert.Contains("pymodbus peer", System.Text.Encoding.ASCII.GetString(serverId), StringComparison.Ordinal);

        // pymodbus 3.0's FIFO is a stub that answers an empty queue.
        Assert.Empty(await _client.ReadFifoQueueAsync(1, 0));
    }

    [Fact]
    public async Task FileRecords_PymodbusStubs_AreReportedPrecisely()
    {
        // pymodbus 3.0 echoes Write File Record without storing anything ...
        await _client.WriteFileRecordAsync(1, 4, 1, new ushort[] { 7, 8 });

        // ... and answers Read File Record with no record at all (response data length 0), which §6.14 does not
        // allow (0x07..0xF5): the client reports the codec's error instead of inventing data.
        ModbusProtocolException e = await Assert.ThrowsAsync<ModbusProtocolException>(() => _client.ReadFileRecordAsync(1, 4, 1, 2));
        Assert.Equal("modbus", e.Error.Protocol);
        Assert.Contains("malformed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exceptions_AreTypedWithCodeAndName()
    {
        ModbusException address = await Assert.ThrowsAsync<ModbusException>(() => _client.ReadHoldingRegistersAsync(1, 150, 2));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, address.ExceptionCode);
        Assert.Equal("IllegalDataAddress", address.ExceptionName);

        ModbusException function = await Assert.ThrowsAsync<ModbusException>(() => _client.SendCustomAsync(1, 65, new byte[] { 0, 1 }));
        Assert.Equal(ModbusExceptionCode.IllegalFunction, function.ExceptionCode);

        // The connection is still good.
        Assert.Equal([1001], await _client.ReadHoldingRegistersAsync(1, 1, 1));
    }

    [Fact]
    public async Task ConcurrentRequests_InFlightTogether_EachGetsItsOwnAnswer()
    {
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", peer.Port) { MaxRequestsPerSecond = null, MaxRequestsInFlight = 8, RequestTimeout = TimeSpan.FromSeconds(10) });
        ushort[][] results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => client.ReadInputRegistersAsync(1, (ushort)i, 2)));
        for (int i = 0; i < results.Length; i++)
        {
            Assert.Equal([(ushort)(2000 + i), (ushort)(2001 + i)], results[i]);
        }
    }
}
