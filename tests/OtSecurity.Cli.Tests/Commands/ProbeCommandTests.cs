using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using OtSecurity.Cli.Commands;
using OtSecurity.Modbus.Server;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Cli.Tests.Commands;

/// <summary><c>otsec probe</c> against our Modbus server, a server with gaps, an HTTP server, a silent listener and nothing.</summary>
public class ProbeCommandTests
{
    private static readonly ModbusFunctionCode[] StateChangingFunctions =
    [
        ModbusFunctionCode.WriteSingleCoil, ModbusFunctionCode.WriteSingleRegister, ModbusFunctionCode.Diagnostics,
        ModbusFunctionCode.WriteMultipleCoils, ModbusFunctionCode.WriteMultipleRegisters, ModbusFunctionCode.WriteFileRecord,
        ModbusFunctionCode.MaskWriteRegister, ModbusFunctionCode.ReadWriteMultipleRegisters,
    ];

    private static async Task<(ModbusTcpServer Server, InMemoryModbusDataStore Store)> StartPlcAsync(InMemoryModbusDataStore? store = null, IReadOnlySet<byte>? units = null)
    {
        store ??= new InMemoryModbusDataStore();
        store.SetHoldingRegisters(0, 215, 480, 1, 0, 7, 9, 12, 65535, 3, 4);
        store.SetInputRegisters(0, 1013, 21);
        var identity = new ModbusDeviceIdentity("Riverside Automation", "RA-PLC-5", "2.4") { ProductName = "Filler PLC", ModelName = "RA-5000" };
        var server = new ModbusTcpServer(new ModbusTcpServerOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0), Identity = identity, UnitIds = units }, store);
        await server.StartAsync();
        return (server, store);
    }

    private static string Target(ModbusTcpServer server) => $"127.0.0.1:{server.LocalEndPoint.Port}";

    [Fact]
    public async Task Probe_OurServer_PrintsIdentityFunctionsAndRegisters()
    {
        (ModbusTcpServer server, _) = await StartPlcAsync(new InMemoryModbusDataStore(inputRegisters: 5));
        await using (server)
        {
            CliRunner.Result result = CliRunner.Run("probe", Target(server), "--timeout", "10000");

            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Equal(string.Empty, result.Error);
            Assert.Contains($"Modbus/TCP device {Target(server)}, unit 1 — read-only probe", result.Output, StringComparison.Ordinal);
            Assert.Contains("Identity (43/14, conformity level RegularStreamAndIndividual)", result.Output, StringComparison.Ordinal);
            Assert.Matches(@"0x00 +VendorName +Riverside Automation", result.Output);
            Assert.Matches(@"0x05 +ModelName +RA-5000", result.Output);
            Assert.Matches(@"43/14 +ReadDeviceIdentification +answered", result.Output);
            Assert.Matches(@"\n +1 +ReadCoils +answered", result.Output);
            Assert.Matches(@"\n +4 +ReadInputRegisters +answered", result.Output);
            Assert.Matches(@"\n +17 +ReportServerId +answered", result.Output);
            Assert.Contains("Holding registers 0..9: 215 480 1 0 7 9 12 65535 3 4", result.Output, StringComparison.Ordinal);

            // Only 5 input registers: the bounded read of 10 is refused, and the probe says so.
            Assert.Contains("Input registers 0..9: exception 02 IllegalDataAddress", result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Probe_NeverSendsAnythingThatChangesState()
    {
        (ModbusTcpServer server, InMemoryModbusDataStore store) = await StartPlcAsync();
        await using (server)
        {
            CliRunner.Result result = CliRunner.Run("probe", Target(server), "--format", "json", "--timeout", "10000");
            Assert.Equal(0, result.ExitCode);

            foreach (ModbusFunctionCode function in StateChangingFunctions)
            {
                Assert.Equal(0, server.GetRequestCount(function));
            }

            Assert.Equal(215, store.GetHoldingRegister(0));
            long reads = new[] { ModbusFunctionCode.ReadCoils, ModbusFunctionCode.ReadDiscreteInputs, ModbusFunctionCode.ReadHoldingRegisters, ModbusFunctionCode.ReadInputRegisters, ModbusFunctionCode.ReportServerId, ModbusFunctionCode.EncapsulatedInterfaceTransport }
                .Sum(server.GetRequestCount);
            Assert.Equal(server.Metrics.Requests, reads);
            using JsonDocument doc = JsonDocument.Parse(result.Output);
            Assert.True(doc.RootElement.GetProperty("readOnly").GetBoolean());
            Assert.Equal(server.Metrics.Requests, doc.RootElement.GetProperty("requestsSent").GetInt64());
        }
    }

    [Fact]
    public async Task Probe_Json_HasIdentityFunctionsAndReads()
    {
        (ModbusTcpServer server, _) = await StartPlcAsync(new InMemoryModbusDataStore(discreteInputs: 0));
        await using (server)
        {
            CliRunner.Result result = CliRunner.Run("probe", Target(server), "-f", "json", "--timeout", "10000");
            Assert.True(result.ExitCode == 0, result.Error);
            using JsonDocument doc = JsonDocument.Parse(result.Output);
            JsonElement root = doc.RootElement;
            Assert.Equal(Target(server), root.GetProperty("target").GetString());
            Assert.Equal(1, root.GetProperty("unit").GetInt32());
            JsonElement identity = root.GetProperty("identity");
            Assert.Equal("regularStreamAndIndividual", identity.GetProperty("conformityLevel").GetString());
            Assert.Equal("Riverside Automation", identity.GetProperty("objects")[0].GetProperty("value").GetString());
            Assert.Equal("VendorName", identity.GetProperty("objects")[0].GetProperty("name").GetString());

            JsonElement[] functions = [.. root.GetProperty("functions").EnumerateArray()];
            Assert.Equal([43, 1, 2, 3, 4, 17], functions.Select(f => f.GetProperty("code").GetInt32()));
            Assert.Equal(14, functions[0].GetProperty("mei").GetInt32());
            Assert.Equal("answered", functions[1].GetProperty("result").GetString());

            // No discrete inputs at all: exception 02 for function 2.
            Assert.Equal("exception", functions[2].GetProperty("result").GetString());
            Assert.Equal(2, functions[2].GetProperty("exceptionCode").GetInt32());
            Assert.Equal("IllegalDataAddress", functions[2].GetProperty("exceptionName").GetString());

            Assert.Equal([215, 480, 1, 0, 7, 9, 12, 65535, 3, 4], root.GetProperty("holdingRegisters").GetProperty("values").EnumerateArray().Select(v => v.GetInt32()));
            Assert.Equal(1013, root.GetProperty("inputRegisters").GetProperty("values")[0].GetInt32());
            Assert.Equal(Convert.ToHexString([.. Encoding.ASCII.GetBytes("OtSecurity"), 0xFF]), root.GetProperty("serverId").GetString());
        }
    }

    [Fact]
    public async Task Probe_Unit_AddressesOnlyThatUnit()
    {
        (ModbusTcpServer server, _) = await StartPlcAsync(units: new HashSet<byte> { 5 });
        await using (server)
        {
            CliRunner.Result five = CliRunner.Run("probe", Target(server), "--unit", "5", "-f", "json", "--timeout", "10000");
            Assert.True(five.ExitCode == 0, five.Error);
            using JsonDocument doc = JsonDocument.Parse(five.Output);
            Assert.All(doc.RootElement.GetProperty("functions").EnumerateArray(), f => Assert.Equal("answered", f.GetProperty("result").GetString()));

            // Unit 1 is not served: every function answers exception 0x0A; the device still spoke Modbus.
            CliRunner.Result one = CliRunner.Run("probe", Target(server), "--timeout", "10000");
            Assert.Equal(0, one.ExitCode);
            Assert.Contains("exception 10 GatewayPathUnavailable", one.Output, StringComparison.Ordinal);
            Assert.Contains("Identity: the device does not answer Read Device Identification (43/14).", one.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Probe_UnreachableHost_Exits2WithTheReason()
    {
        int port = FreePort();
        CliRunner.Result result = CliRunner.Run("probe", $"127.0.0.1:{port}", "--timeout", "2000");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains($"otsec probe: cannot connect to 127.0.0.1:{port}:", result.Error, StringComparison.Ordinal);
        Assert.Contains("refused", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Probe_HttpServerAnsweringGarbage_Exits2NotModbus()
    {
        using var http = new TcpListener(IPAddress.Loopback, 0);
        http.Start();
        using var stop = new CancellationTokenSource();
        Task server = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using Socket socket = await http.AcceptSocketAsync(stop.Token);
                byte[] request = new byte[512];
                _ = await socket.ReceiveAsync(request, stop.Token);
                await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), stop.Token);
                socket.Shutdown(SocketShutdown.Both);
            }
        });

        CliRunner.Result result = CliRunner.Run("probe", $"127.0.0.1:{((IPEndPoint)http.LocalEndpoint).Port}", "--timeout", "3000");
        await stop.CancelAsync();
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains("does not speak Modbus/TCP", result.Error, StringComparison.Ordinal);
        Assert.Contains("protocol identifier", result.Error, StringComparison.OrdinalIgnoreCase);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server);
    }

    [Fact]
    public async Task Probe_SilentListener_Exits2AfterTheTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        using var stop = new CancellationTokenSource();
        Task server = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                accepted.Add(await silent.AcceptSocketAsync(stop.Token));
            }
        });

        CliRunner.Result result = CliRunner.Run("probe", $"127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}", "--timeout", "300");
        await stop.CancelAsync();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("accepted the connection but answered no Modbus request within 300 ms (--timeout)", result.Error, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server);
        accepted.ForEach(s => s.Dispose());
    }

    [Theory]
    [InlineData("probe", "host:0", "'0' is not a TCP port (1..65535).")]
    [InlineData("probe", "host:70000", "'70000' is not a TCP port")]
    [InlineData("probe", ":502", "names no host")]
    [InlineData("probe", "[::1", "does not close it with ']'")]
    public void Probe_BadTarget_Exits2(string command, string target, string message)
    {
        CliRunner.Result result = CliRunner.Run(command, target);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--unit", "256", "--unit must be 0..255.")]
    [InlineData("--timeout", "0", "--timeout must be 1..60000 milliseconds.")]
    public void Probe_BadOption_Exits2(string option, string value, string message)
    {
        CliRunner.Result result = CliRunner.Run("probe", "127.0.0.1", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plc.example", "plc.example", 502)]
    [InlineData("10.0.0.5:5020", "10.0.0.5", 5020)]
    [InlineData("[fe80::1]:1502", "fe80::1", 1502)]
    [InlineData("[::1]", "::1", 502)]
    [InlineData("fe80::1", "fe80::1", 502)]
    public void TryParseTarget_HostAndPort(string text, string host, int port)
    {
        Assert.True(ProbeCommand.TryParseTarget(text, out string parsedHost, out int parsedPort, out string? problem), problem);
        Assert.Equal(host, parsedHost);
        Assert.Equal(port, parsedPort);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
