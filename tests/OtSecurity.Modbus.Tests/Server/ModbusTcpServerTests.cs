using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OtSecurity.Modbus.Client;
using OtSecurity.Modbus.Server;
using OtSecurity.Modbus.Tests.Client;
using OtSecurity.Modbus.Tests.Support;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Tests.Server;

/// <summary>The server on the wire: exact responses, exceptions, framing, concurrency and graceful shutdown.</summary>
public class ModbusTcpServerTests
{
    /// <summary>Sends raw bytes and reads whole ADUs back, as a third-party client would.</summary>
    private sealed class RawClient : IDisposable
    {
        private readonly TcpClient _tcp = new() { NoDelay = true };

        public static async Task<RawClient> ConnectAsync(int port)
        {
            var client = new RawClient();
            await client._tcp.ConnectAsync(IPAddress.Loopback, port);
            return client;
        }

        public NetworkStream Stream => _tcp.GetStream();

        public Task SendAsync(string hex) => Stream.WriteAsync(Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal))).AsTask();

        public async Task<string> ReceiveAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            byte[] header = new byte[7];
            await Stream.ReadExactlyAsync(header, timeout.Token);
            byte[] rest = new byte[BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(4)) - 1];
            await Stream.ReadExactlyAsync(rest, timeout.Token);
            return Convert.ToHexString([.. header, .. rest]);
        }

        public async Task<string> ExchangeAsync(string hex)
        {
            await SendAsync(hex);
            return await ReceiveAsync();
        }

        /// <summary>True when the server closed the connection (end of stream) within 10 seconds.</summary>
        public async Task<bool> ClosedByServerAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                return await Stream.ReadAsync(new byte[1], timeout.Token) == 0;
            }
            catch (IOException)
            {
                return true;
            }
        }

        public void Dispose() => _tcp.Dispose();
    }

    /// <summary>A store that fails, or blocks until released, to test Server Device Failure and graceful shutdown.</summary>
    private sealed class ScriptedStore : IModbusDataStore
    {
        public ManualResetEventSlim Release { get; } = new(initialState: true);

        public ManualResetEventSlim Entered { get; } = new();

        public ModbusExceptionCode? ReadCoils(in ModbusRequestContext context, ushort address, Span<bool> values) => throw new InvalidOperationException("the PLC backplane does not answer");

        public ModbusExceptionCode? ReadDiscreteInputs(in ModbusRequestContext context, ushort address, Span<bool> values) => null;

        public ModbusExceptionCode? ReadHoldingRegisters(in ModbusRequestContext context, ushort address, Span<ushort> values)
        {
            Entered.Set();
            Release.Wait(TimeSpan.FromSeconds(30));
            values.Fill((ushort)(context.UnitId * 100));
            return null;
        }

        public ModbusExceptionCode? ReadInputRegisters(in ModbusRequestContext context, ushort address, Span<ushort> values) => ModbusExceptionCode.ServerDeviceBusy;

        public ModbusExceptionCode? WriteCoils(in ModbusRequestContext context, ushort address, ReadOnlySpan<bool> values) => null;

        public ModbusExceptionCode? WriteHoldingRegisters(in ModbusRequestContext context, ushort address, ReadOnlySpan<ushort> values) => null;
    }

    [Fact]
    public async Task SpecificationExamples_AreAnsweredByteForByte()
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync();
        fixture.Store.SetHoldingRegisters(0x6B, 0x022B, 0x0000, 0x0064);
        fixture.Store.SetCoils(0x13, true, false, true, true, false, false, true, true, true, true, false, true, false, true, true, false, true, false, true);
        using RawClient raw = await RawClient.ConnectAsync(fixture.Port);

        // §6.3 example: read holding registers 108-110 (0x6B, 3) → 02 2B, 00 00, 00 64.
        Assert.Equal("0001000000091103" + "06022B00000064", await raw.ExchangeAsync("0001 0000 0006 11 03 006B 0003"));

        // §6.1 example: read coils 20-38 (0x13, 19) → CD 6B 05 (status of coils 27-20, 35-28, 38-36).
        Assert.Equal("0002000000061101" + "03CD6B05", await raw.ExchangeAsync("0002 0000 0006 11 01 0013 0013"));

        // §6.6 example: write register 2 = 0x0003 → echo.
        Assert.Equal("0003000000061106" + "00010003", await raw.ExchangeAsync("0003 0000 0006 11 06 0001 0003"));
    }

    [Theory]
    [InlineData("0001 0000 0002 01 41", "0001 0000 0003 01 C1 01")]            // user-defined function 65: Illegal Function
    [InlineData("0001 0000 0003 01 09 00", "0001 0000 0003 01 89 01")]         // undefined function 9: Illegal Function
    [InlineData("0001 0000 0004 01 2B 0D 00", "0001 0000 0003 01 AB 01")]      // 43/13 CANopen General Reference: none here
    [InlineData("0001 0000 0006 01 08 0005 0000", "0001 0000 0003 01 88 01")]  // reserved diagnostics sub-function
    [InlineData("0001 0000 0006 01 03 0000 007E", "0001 0000 0003 01 83 03")]  // quantity 126 > 125: Illegal Data Value
    [InlineData("0001 0000 0006 01 01 0000 0000", "0001 0000 0003 01 81 03")]  // quantity 0: Illegal Data Value
    [InlineData("0001 0000 0006 01 05 0000 1234", "0001 0000 0003 01 85 03")]  // coil value not 0000/FF00: Illegal Data Value
    [InlineData("0001 0000 0006 01 04 FFFF 0002", "0001 0000 0003 01 84 02")]  // 65535 + 2 runs past the data model: Illegal Data Address
    [InlineData("0001 0000 0006 01 03 0064 0001", "0001 0000 0003 01 83 02")]  // address 100 of a 100-register table: Illegal Data Address
    [InlineData("0001 0000 0005 01 2B 0E 05 00", "0001 0000 0003 01 AB 03")]   // Read Device ID code 5: Illegal Data Value
    [InlineData("0001 0000 0003 01 18 00", "0001 0000 0003 01 98 03")]         // FIFO request too short: Illegal Data Value
    [InlineData("0001 0000 0004 01 18 0009", "0001 0000 0003 01 98 02")]       // no FIFO queue at 9: Illegal Data Address
    public async Task IllegalRequests_GetTheSpecifiedException(string request, string response)
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync(store: new InMemoryModbusDataStore(holdingRegisters: 100));
        using RawClient raw = await RawClient.ConnectAsync(fixture.Port);
        Assert.Equal(response.Replace(" ", string.Empty, StringComparison.Ordinal), await raw.ExchangeAsync(request));

        // The connection stays open after an exception response.
        Assert.Equal("00020000000501030200" + "00", await raw.ExchangeAsync("0002 0000 0006 01 03 0000 0001"));
    }

    [Fact]
    public async Task StoreThatThrows_ServerDeviceFailure_StoreExceptionCodesPassThrough()
    {
        var store = new ScriptedStore();
        await using ServerFixture fixture = await ServerFixture.StartAsync(customStore: store);
        using RawClient raw = await RawClient.ConnectAsync(fixture.Port);

        Assert.Equal("00010000000301" + "8104", await raw.ExchangeAsync("0001 0000 0006 01 01 0000 0001"));
        Assert.Equal("00020000000301" + "8406", await raw.ExchangeAsync("0002 0000 0006 01 04 0000 0001"));

        // The default interface methods: FIFO, file records and exception status are not supported by this store.
        Assert.Equal("00030000000301" + "9801", await raw.ExchangeAsync("0003 0000 0004 01 18 0000"));
        Assert.Equal("00040000000301" + "8701", await raw.ExchangeAsync("0004 0000 0002 01 07"));

        // Mask write composes read and write.
        Assert.Equal("0005000000080116" + "000100F20025", await raw.ExchangeAsync("0005 0000 0008 01 16 0001 00F2 0025"));
    }

    [Fact]
    public async Task PipelinedAndSplitRequests_AreAllAnsweredInOrder()
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync();
        fixture.Store.SetHoldingRegisters(0, 10, 11, 12);
        using RawClient raw = await RawClient.ConnectAsync(fixture.Port);

        // Three requests in one segment.
        await raw.SendAsync("0001 0000 0006 01 03 0000 0001" + "0002 0000 0006 01 03 0001 0001" + "0003 0000 0006 01 03 0002 0001");
        Assert.Equal("000100000005010302000A", await raw.ReceiveAsync());
        Assert.Equal("000200000005010302000B", await raw.ReceiveAsync());
        Assert.Equal("000300000005010302000C", await raw.ReceiveAsync());

        // One request a byte at a time, the MBAP header split too.
        foreach (byte b in Convert.FromHexString("000400000006FF0300000003"))
        {
            await raw.Stream.WriteAsync(new[] { b });
            await raw.Stream.FlushAsync();
        }

        Assert.Equal("000400000009FF0306000A000B000C", await raw.ReceiveAsync());
    }

    [Theory]
    [InlineData("0001 0001 0006 01 03 0000 0001")] // protocol id 1
    [InlineData("0001 0000 0000 01 03 0000 0001")] // MBAP length 0
    [InlineData("0001 0000 0100 01 03 0000 0001")] // MBAP length 256 > 254
    public async Task BytesThatAreNotAModbusTcpAdu_CloseTheConnection(string garbage)
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync();
        using RawClient raw = await RawClient.ConnectAsync(fixture.Port);
        await raw.SendAsync(garbage);
        Assert.True(await raw.ClosedByServerAsync());
        await SafetyTests.WaitUntil(() => fixture.Server.Metrics.FramingErrors == 1);

        // The server keeps serving other connections.
        using RawClient next = await RawClient.ConnectAsync(fixture.Port);
        Assert.Equal("00010000000501030200" + "00", await next.ExchangeAsync("0001 0000 0006 01 03 0000 0001"));
    }

    [Fact]
    public async Task UnitIds_ARequestForAnotherUnit_GetsGatewayPathUnavailable()
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync(o => o with { UnitIds = new HashSet<byte> { 1, 2 } });
        using RawClient raw = await RawClient.ConnectAsync(fixture.Port);
        Assert.Equal("00010000000303" + "830A", await raw.ExchangeAsync("0001 0000 0006 03 03 0000 0001"));
        Assert.Equal("0002000000050203020000", await raw.ExchangeAsync("0002 0000 0006 02 03 0000 0001"));
    }

    [Fact]
    public async Task DeviceIdentification_StreamAccessRestartsAtZero_AndBasicStopsAtObject2()
    {
        var identity = new ModbusDeviceIdentity("V", "P", "1") { ModelName = "M" };
        await using ServerFixture fixture = await ServerFixture.StartAsync(o => o with { Identity = identity });
        using RawClient raw = await RawClient.ConnectAsync(fixture.Port);

        // Basic from 0: objects 0-2, conformity 0x82 (regular, individual access), no more follows.
        Assert.Equal("000100000011" + "01" + "2B0E0182000003" + "000156" + "010150" + "020131", await raw.ExchangeAsync("0001 0000 0005 01 2B 0E 01 00"));

        // Regular from an object the device does not have (0x03): §6.21 restarts at object 0.
        Assert.Equal("000200000014" + "01" + "2B0E0282000004" + "000156" + "010150" + "020131" + "05014D", await raw.ExchangeAsync("0002 0000 0005 01 2B 0E 02 03"));

        // Regular from object 5.
        Assert.Equal("00030000000B" + "01" + "2B0E0282000001" + "05014D", await raw.ExchangeAsync("0003 0000 0005 01 2B 0E 02 05"));
    }

    [Fact]
    public async Task ReportServerId_AndDiagnosticsCounters()
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync(o => o with { ServerId = new byte[] { 0x11 }, RunIndicator = false, ServerIdAdditionalData = Encoding.ASCII.GetBytes("AB") });
        using RawClient raw = await RawClient.ConnectAsync(fixture.Port);

        // §6.13: byte count, server id, run indicator (00 OFF), additional data.
        Assert.Equal("000100000007011104" + "11004142", await raw.ExchangeAsync("0001 0000 0002 01 11"));

        // An exception, then the bus exception error count (sub-function 0x0D) counts it.
        await raw.ExchangeAsync("0002 0000 0002 01 41");
        Assert.Equal("000300000006010800" + "0D0001", await raw.ExchangeAsync("0003 0000 0006 01 08 000D 0000"));

        // Clear Counters and Diagnostic Register (0x0A) echoes, then the bus message count restarts.
        Assert.Equal("000400000006010800" + "0A0000", await raw.ExchangeAsync("0004 0000 0006 01 08 000A 0000"));
        Assert.Equal("000500000006010800" + "0B0001", await raw.ExchangeAsync("0005 0000 0006 01 08 000B 0000"));
    }

    [Fact]
    public async Task ManyConcurrentClients_AreAllServed()
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync();
        for (ushort a = 0; a < 50; a++)
        {
            fixture.Store.SetHoldingRegisters(a, (ushort)(a + 1000));
        }

        ModbusTcpClient[] clients = [.. Enumerable.Range(0, 40).Select(_ => fixture.Client(o => o with { MaxRequestsInFlight = 4 }))];
        await Task.WhenAll(clients.Select(async (client, index) =>
        {
            for (int i = 0; i < 25; i++)
            {
                ushort address = (ushort)((index + i) % 50);
                Assert.Equal([(ushort)(address + 1000)], await client.ReadHoldingRegistersAsync(1, address, 1));
            }
        }));

        Assert.Equal(40, fixture.Server.Metrics.ConnectionsAccepted);
        Assert.Equal(1000, fixture.Server.Metrics.Requests);
        Assert.Equal(1000, fixture.Server.GetRequestCount(ModbusFunctionCode.ReadHoldingRegisters));
    }

    [Fact]
    public async Task MaxConnections_FurtherConnectionsAreClosedAtOnce()
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync(o => o with { MaxConnections = 2 });
        using RawClient first = await RawClient.ConnectAsync(fixture.Port);
        using RawClient second = await RawClient.ConnectAsync(fixture.Port);
        Assert.Equal("00010000000501030200" + "00", await first.ExchangeAsync("0001 0000 0006 01 03 0000 0001"));
        Assert.Equal("00010000000501030200" + "00", await second.ExchangeAsync("0001 0000 0006 01 03 0000 0001"));

        using RawClient third = await RawClient.ConnectAsync(fixture.Port);
        Assert.True(await third.ClosedByServerAsync());
        Assert.Equal(1, fixture.Server.Metrics.ConnectionsRefused);
    }

    [Fact]
    public async Task GracefulStop_StopsAccepting_AnswersTheRequestInProgress_ThenCloses()
    {
        var store = new ScriptedStore();
        store.Release.Reset();
        await using ServerFixture fixture = await ServerFixture.StartAsync(customStore: store);
        int port = fixture.Port;
        using RawClient raw = await RawClient.ConnectAsync(port);
        using RawClient idle = await RawClient.ConnectAsync(port);
        await raw.SendAsync("0007 0000 0006 03 03 0000 0002");
        Assert.True(store.Entered.Wait(TimeSpan.FromSeconds(10)));

        Task stop = fixture.Server.StopAsync();

        // No new connections while stopping.
        await SafetyTests.WaitUntil(() => !CanConnect(port));
        Assert.False(stop.IsCompleted);

        // The request in progress is finished and answered, then the connection closes; the idle one closes too.
        store.Release.Set();
        Assert.Equal("0007000000070303040" + "12C012C", await raw.ReceiveAsync());
        Assert.True(await raw.ClosedByServerAsync());
        Assert.True(await idle.ClosedByServerAsync());
        await stop.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, fixture.Server.Metrics.ConnectionsOpen);
    }

    [Fact]
    public async Task Stop_WhenTheGraceRunsOut_ClosesEverythingAtOnce()
    {
        var store = new ScriptedStore();
        store.Release.Reset();
        await using ServerFixture fixture = await ServerFixture.StartAsync(customStore: store);
        using RawClient raw = await RawClient.ConnectAsync(fixture.Port);
        await raw.SendAsync("0001 0000 0006 01 03 0000 0001");
        Assert.True(store.Entered.Wait(TimeSpan.FromSeconds(10)));

        using var grace = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        Task stop = fixture.Server.StopAsync(grace.Token);
        Assert.True(await raw.ClosedByServerAsync());
        store.Release.Set();
        await stop.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task LocalEndPoint_BeforeStart_Throws_AndStartTwice_Throws()
    {
        await using var server = new ModbusTcpServer(new ModbusTcpServerOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
        Assert.Throws<InvalidOperationException>(() => server.LocalEndPoint);
        await server.StartAsync();
        Assert.NotEqual(0, server.LocalEndPoint.Port);
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync());
    }

    [Fact]
    public void InvalidOptions_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new ModbusTcpServer(new ModbusTcpServerOptions { MaxConnections = 0 }));
        Assert.Throws<ArgumentException>(() => new ModbusTcpServer(new ModbusTcpServerOptions { ServerId = new byte[251] }));
        var badPrivate = ModbusDeviceIdentity.Default with { PrivateObjects = new Dictionary<byte, byte[]> { [0x10] = [1] } };
        Assert.Contains("0x10", Assert.Throws<ArgumentException>(() => new ModbusTcpServer(new ModbusTcpServerOptions { Identity = badPrivate })).Message, StringComparison.Ordinal);
        var tooLong = ModbusDeviceIdentity.Default with { ProductName = new string('x', 245) };
        Assert.Contains("245 bytes", Assert.Throws<ArgumentException>(() => new ModbusTcpServer(new ModbusTcpServerOptions { Identity = tooLong })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InMemoryStore_MaskWriteAndReadWriteAreAtomic_AndRangesChecked()
    {
        var store = new InMemoryModbusDataStore(coils: 8, discreteInputs: 8, holdingRegisters: 10, inputRegisters: 0);
        var context = new ModbusRequestContext(1, 1, ModbusFunctionCode.ReadWriteMultipleRegisters, null);
        Span<ushort> read = stackalloc ushort[2];

        // A read/write whose read part is out of range writes nothing.
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, store.WriteThenReadHoldingRegisters(context, 0, [5, 6], 9, read));
        Assert.Equal(0, store.GetHoldingRegister(0));
        Assert.Null(store.WriteThenReadHoldingRegisters(context, 0, [5, 6], 1, read));
        Assert.Equal([6, 0], read.ToArray());
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, store.ReadInputRegisters(context, 0, read));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, store.WriteCoils(context, 7, [true, true]));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.SetHoldingRegisters(9, 1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryModbusDataStore(coils: 65537));
    }

    private static bool CanConnect(int port)
    {
        try
        {
            using var probe = new TcpClient();
            probe.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
