using System.Text;
using OtSecurity.Modbus.Client;
using OtSecurity.Modbus.Server;
using OtSecurity.Modbus.Tests.Support;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Tests.Client;

/// <summary>Every client function against our server, and the exception mapping.</summary>
public class ModbusTcpClientTests
{
    [Fact]
    public async Task ReadFunctions_ReturnTheStoresValues()
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync();
        fixture.Store.SetCoils(10, true, false, true, true, false, false, false, false, true);
        fixture.Store.SetDiscreteInputs(3, true, true);
        fixture.Store.SetHoldingRegisters(100, 1, 2, 65535);
        fixture.Store.SetInputRegisters(0, 42, 43);
        ModbusTcpClient client = fixture.Client();

        Assert.Equal(new[] { true, false, true, true, false, false, false, false, true }, await client.ReadCoilsAsync(1, 10, 9));
        Assert.Equal(new[] { false, true, true, false }, await client.ReadDiscreteInputsAsync(1, 2, 4));
        Assert.Equal([1, 2, 65535], await client.ReadHoldingRegistersAsync(1, 100, 3));
        Assert.Equal([42, 43], await client.ReadInputRegistersAsync(1, 0, 2));
        Assert.Equal(2000, (await client.ReadCoilsAsync(1, 0, 2000)).Length);
        Assert.Equal(125, (await client.ReadHoldingRegistersAsync(255, 65411, 125)).Length);

        ModbusClientMetrics metrics = client.Metrics;
        Assert.Equal(6, metrics.RequestsSent);
        Assert.Equal(6, metrics.ResponsesReceived);
        Assert.Equal(0, metrics.RequestsInFlight);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task Writes_WithAllowWrites_ChangeTheStore()
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync();
        fixture.Store.AddFile(4);
        fixture.Store.SetHoldingRegisters(30, 0x0012);
        fixture.Store.SetHoldingRegisters(39, 100, 0, 0, 103);
        ModbusTcpClient client = fixture.Client(o => o with { AllowWrites = true });

        await client.WriteSingleCoilAsync(1, 5, true);
        await client.WriteSingleRegisterAsync(1, 10, 1234);
        await client.WriteMultipleCoilsAsync(1, 8, new[] { true, false, true, true });
        await client.WriteMultipleRegistersAsync(1, 20, new ushort[] { 11, 22, 33 });
        await client.MaskWriteRegisterAsync(1, 30, 0x00F2, 0x0025);
        ushort[] readBack = await client.ReadWriteMultipleRegistersAsync(1, 39, 4, 40, new ushort[] { 7, 8 });
        await client.WriteFileRecordAsync(1, 4, 9, new ushort[] { 0xBEEF, 0xCAFE });

        Assert.True(fixture.Store.GetCoil(5));
        Assert.Equal(1234, fixture.Store.GetHoldingRegister(10));
        Assert.Equal(new[] { true, false, true, true }, new[] { fixture.Store.GetCoil(8), fixture.Store.GetCoil(9), fixture.Store.GetCoil(10), fixture.Store.GetCoil(11) });
        Assert.Equal([11, 22, 33], new[] { fixture.Store.GetHoldingRegister(20), fixture.Store.GetHoldingRegister(21), fixture.Store.GetHoldingRegister(22) });

        // §6.16 example: 0x12 AND 0xF2 OR (0x25 AND NOT 0xF2) = 0x17.
        Assert.Equal(0x17, fixture.Store.GetHoldingRegister(30));

        // §6.17: the write happens before the read.
        Assert.Equal([100, 7, 8, 103], readBack);
        Assert.Equal(0xBEEF, fixture.Store.GetFileRecord(4, 9));
        Assert.Equal(0xCAFE, fixture.Store.GetFileRecord(4, 10));
        Assert.Equal([0xBEEF, 0xCAFE], await client.ReadFileRecordAsync(1, 4, 9, 2));
    }

    [Fact]
    public async Task FifoFileRecordsAndSerialLineFunctions_RoundTrip()
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync(o => o with { ServerId = new byte[] { 0x2A }, ServerIdAdditionalData = Encoding.ASCII.GetBytes("PLC-7") });
        fixture.Store.SetFifoQueue(500, 1, 2, 3);
        fixture.Store.SetFileRecords(1, 0, 10, 11, 12, 13);
        fixture.Store.SetFileRecords(2, 100, 20);
        fixture.Store.ExceptionStatus = 0x6D;
        ModbusTcpClient client = fixture.Client();

        Assert.Equal([1, 2, 3], await client.ReadFifoQueueAsync(1, 500));
        IReadOnlyList<ushort[]> groups = await client.ReadFileRecordsAsync(1, [new ModbusFileRecordReference(1, 1, 3), new ModbusFileRecordReference(2, 100, 1)]);
        Assert.Equal([11, 12, 13], groups[0]);
        Assert.Equal([20], groups[1]);
        Assert.Equal(0x6D, await client.ReadExceptionStatusAsync(1));

        // Report Server ID: server id, run indicator ON, additional data.
        Assert.Equal([0x2A, 0xFF, .. Encoding.ASCII.GetBytes("PLC-7")], await client.ReportServerIdAsync(1));

        // Return Query Data echoes; the counters are read-only diagnostics the read-only client may send.
        ModbusDiagnosticsResult echo = await client.DiagnosticsAsync(1, ModbusDiagnosticSubFunction.ReturnQueryData, new byte[] { 0xA5, 0x37, 0x12, 0x34 });
        Assert.Equal([0xA5, 0x37, 0x12, 0x34], echo.Data);
        ModbusDiagnosticsResult messages = await client.DiagnosticsAsync(1, ModbusDiagnosticSubFunction.ReturnBusMessageCount);
        Assert.Equal((ushort)6, messages.Word);
        ModbusDiagnosticsResult exceptions = await client.DiagnosticsAsync(1, ModbusDiagnosticSubFunction.ReturnBusExceptionErrorCount);
        Assert.Equal((ushort)0, exceptions.Word);

        ModbusCommEventCounterResponse counter = await client.GetCommEventCounterAsync(1);
        Assert.Equal(0, counter.Status);
        Assert.Equal(7, counter.EventCount);
        ModbusCommEventLog log = await client.GetCommEventLogAsync(1);
        Assert.Equal(9, log.MessageCount);

        // Most recent first: the receive event of this request, then the send event of the previous one.
        Assert.Equal([0x80, 0x40, 0x80], log.Events[..3]);
    }

    [Fact]
    public async Task ReadDeviceIdentification_EveryAccessAndMoreFollowsPaging()
    {
        var identity = new ModbusDeviceIdentity("Riverside Automation", "RA-PLC-5", "2.4")
        {
            VendorUrl = "https://example.invalid/ra",
            ProductName = "Filler line PLC",
            ModelName = "RA-5000",
            UserApplicationName = "Filler_L1",
            PrivateObjects = new Dictionary<byte, byte[]>
            {
                [0x80] = Encoding.ASCII.GetBytes(new string('S', 120)),
                [0x81] = Encoding.ASCII.GetBytes(new string('F', 120)),
                [0x90] = Encoding.ASCII.GetBytes("serial 4711"),
            },
        };
        await using ServerFixture fixture = await ServerFixture.StartAsync(o => o with { Identity = identity });
        ModbusTcpClient client = fixture.Client();

        ModbusDeviceIdentification basic = await client.ReadDeviceIdentificationAsync(1);
        Assert.Equal(ModbusConformityLevel.ExtendedStreamAndIndividual, basic.ConformityLevel);
        Assert.Equal([0, 1, 2], basic.Objects.Select(o => o.Id));
        Assert.Equal("Riverside Automation", basic.VendorName);
        Assert.Equal("RA-PLC-5", basic.ProductCode);
        Assert.Equal("2.4", basic.MajorMinorRevision);
        Assert.Equal(1, basic.Transactions);

        ModbusDeviceIdentification regular = await client.ReadDeviceIdentificationAsync(1, ModbusReadDeviceIdCode.Regular);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], regular.Objects.Select(o => o.Id));
        Assert.Equal("Filler_L1", regular.UserApplicationName);
        Assert.Equal("https://example.invalid/ra", regular.VendorUrl);

        // 7 standard objects + 2 × 122 bytes + 13 bytes do not fit 253: the server pages, the client follows to the end.
        ModbusDeviceIdentification extended = await client.ReadDeviceIdentificationAsync(1, ModbusReadDeviceIdCode.Extended);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 0x80, 0x81, 0x90], extended.Objects.Select(o => o.Id));
        Assert.True(extended.Transactions >= 2, $"{extended.Transactions} transactions");
        Assert.Equal("serial 4711", extended.GetText(0x90));
        Assert.Equal("Private0x90", extended.Objects[^1].Name);

        ModbusDeviceIdentification individual = await client.ReadDeviceIdentificationAsync(1, ModbusReadDeviceIdCode.Individual, 0x05);
        Assert.Equal("RA-5000", individual.ModelName);
        Assert.Single(individual.Objects);

        // §6.21: individual access to an object the device does not have: exception 02.
        ModbusException missing = await Assert.ThrowsAsync<ModbusException>(() => client.ReadDeviceIdentificationAsync(1, ModbusReadDeviceIdCode.Individual, 0x42));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, missing.ExceptionCode);
        Assert.Equal(ModbusFunctionCode.EncapsulatedInterfaceTransport, missing.Function);
    }

    [Fact]
    public async Task ExceptionResponse_IsModbusException_WithFunctionAndCodeNames()
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync(store: new InMemoryModbusDataStore(holdingRegisters: 100));
        ModbusTcpClient client = fixture.Client();

        ModbusException e = await Assert.ThrowsAsync<ModbusException>(() => client.ReadHoldingRegistersAsync(1, 99, 2));
        Assert.Equal(ModbusFunctionCode.ReadHoldingRegisters, e.Function);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, e.ExceptionCode);
        Assert.Equal("ReadHoldingRegisters", e.FunctionName);
        Assert.Equal("IllegalDataAddress", e.ExceptionName);
        Assert.Equal(1, e.UnitId);
        Assert.Contains("exception 02 IllegalDataAddress", e.Message, StringComparison.Ordinal);

        // The connection survives an exception response.
        Assert.Equal([0], await client.ReadHoldingRegistersAsync(1, 99, 1));
        Assert.Equal(1, client.Metrics.ExceptionResponses);
        Assert.Equal(0, client.Metrics.ConnectionsLost);
    }

    [Fact]
    public async Task Arguments_OutOfTheSpecificationsRanges_ThrowBeforeSending()
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync();
        ModbusTcpClient client = fixture.Client(o => o with { AllowWrites = true });

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ReadHoldingRegistersAsync(1, 0, 126));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ReadCoilsAsync(1, 0, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ReadInputRegistersAsync(1, 65530, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.WriteMultipleRegistersAsync(1, 0, new ushort[124]));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ReadDeviceIdentificationAsync(1, (ModbusReadDeviceIdCode)5));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SendCustomAsync(1, 3, ReadOnlyMemory<byte>.Empty));
        Assert.Equal(0, client.Metrics.RequestsSent);
        Assert.Equal(0, fixture.Server.Metrics.Requests);
    }

    [Fact]
    public async Task ConcurrentCallers_ManyInFlight_EachGetsItsOwnAnswer()
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync();
        for (ushort a = 0; a < 1000; a++)
        {
            fixture.Store.SetHoldingRegisters(a, (ushort)(a * 7));
        }

        ModbusTcpClient client = fixture.Client(o => o with { MaxRequestsInFlight = 16 });
        Task<ushort[]>[] reads = [.. Enumerable.Range(0, 400).Select(i => Task.Run(() => client.ReadHoldingRegistersAsync(1, (ushort)i, 3)))];
        ushort[][] results = await Task.WhenAll(reads);
        for (int i = 0; i < results.Length; i++)
        {
            Assert.Equal([(ushort)(i * 7), (ushort)((i + 1) * 7), (ushort)((i + 2) * 7)], results[i]);
        }

        Assert.Equal(400, client.Metrics.ResponsesReceived);
        Assert.Equal(1, fixture.Server.Metrics.ConnectionsAccepted);
    }
}
