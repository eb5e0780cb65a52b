using System.Globalization;
using OtSecurity.Modbus.Server;
using OtSecurity.Modbus.Tests.Support;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Tests.Interop;

/// <summary>mbpoll 1.4 (Debian mbpoll, built on libmodbus) against our server: reads of the four tables, writes, exceptions.</summary>
[Trait("Category", "Interop")]
public sealed class MbpollInteropTests
{
    private static async Task<ProcessResult> Mbpoll(int port, params string[] arguments)
    {
        string mbpoll = PeerTools.RequireMbpoll();

        // -m tcp: Modbus/TCP; -0: references are PDU addresses (0-based); -o 2: 2 s timeout; -1 (reads): poll once.
        return await PeerTools.RunAsync(mbpoll, ["-m", "tcp", "-p", port.ToString(CultureInfo.InvariantCulture), "-0", "-o", "2", .. arguments], TimeSpan.FromSeconds(30));
    }

    private static string[] Values(ProcessResult result) =>
        [.. result.StandardOutput.Split('\n').Where(l => l.StartsWith('[')).Select(l => l[(l.IndexOf('\t', StringComparison.Ordinal) + 1)..].Trim())];

    // mbpoll prints a register as "65535 (-1)": the unsigned value, then the signed one when they differ.
    private static string[] Unsigned(ProcessResult result) => [.. Values(result).Select(v => v.Split(' ')[0])];

    [Fact]
    public async Task Reads_AllFourTables()
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync();
        fixture.Store.SetHoldingRegisters(10, 100, 200, 65535);
        fixture.Store.SetInputRegisters(0, 7, 8);
        fixture.Store.SetCoils(3, true, false, true);
        fixture.Store.SetDiscreteInputs(0, false, true);

        ProcessResult holding = await Mbpoll(fixture.Port, "-a", "1", "-t", "4", "-r", "10", "-c", "3", "-1", "127.0.0.1");
        Assert.True(holding.ExitCode == 0, holding.StandardError);
        Assert.Equal(["100", "200", "65535"], Unsigned(holding));
        Assert.Contains("65535 (-1)", holding.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[10]:", holding.StandardOutput, StringComparison.Ordinal);

        ProcessResult input = await Mbpoll(fixture.Port, "-a", "1", "-t", "3", "-r", "0", "-c", "2", "-1", "127.0.0.1");
        Assert.Equal(["7", "8"], Values(input));

        ProcessResult coils = await Mbpoll(fixture.Port, "-a", "1", "-t", "0", "-r", "3", "-c", "3", "-1", "127.0.0.1");
        Assert.Equal(["1", "0", "1"], Values(coils));

        ProcessResult discrete = await Mbpoll(fixture.Port, "-a", "255", "-t", "1", "-r", "0", "-c", "2", "-1", "127.0.0.1");
        Assert.Equal(["0", "1"], Values(discrete));

        Assert.Equal(1, fixture.Server.GetRequestCount(ModbusFunctionCode.ReadHoldingRegisters));
        Assert.Equal(1, fixture.Server.GetRequestCount(ModbusFunctionCode.ReadInputRegisters));
        Assert.Equal(1, fixture.Server.GetRequestCount(ModbusFunctionCode.ReadCoils));
        Assert.Equal(1, fixture.Server.GetRequestCount(ModbusFunctionCode.ReadDiscreteInputs));
    }

    [Fact]
    public async Task Writes_SingleAndMultiple_RegistersAndCoils()
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync();

        ProcessResult single = await Mbpoll(fixture.Port, "-a", "1", "-t", "4", "-r", "10", "127.0.0.1", "1234");
        Assert.True(single.ExitCode == 0, single.StandardError);
        Assert.Contains("Written 1 references.", single.StandardOutput, StringComparison.Ordinal);
        ProcessResult many = await Mbpoll(fixture.Port, "-a", "1", "-t", "4", "-r", "20", "127.0.0.1", "11", "22", "33");
        Assert.Contains("Written 3 references.", many.StandardOutput, StringComparison.Ordinal);
        await Mbpoll(fixture.Port, "-a", "1", "-t", "0", "-r", "5", "127.0.0.1", "1");
        await Mbpoll(fixture.Port, "-a", "1", "-t", "0", "-r", "8", "127.0.0.1", "1", "0", "1", "1");

        Assert.Equal(1234, fixture.Store.GetHoldingRegister(10));
        Assert.Equal([11, 22, 33], new[] { fixture.Store.GetHoldingRegister(20), fixture.Store.GetHoldingRegister(21), fixture.Store.GetHoldingRegister(22) });
        Assert.True(fixture.Store.GetCoil(5));
        Assert.Equal(new[] { true, false, true, true }, new[] { fixture.Store.GetCoil(8), fixture.Store.GetCoil(9), fixture.Store.GetCoil(10), fixture.Store.GetCoil(11) });

        // mbpoll sends function 6 for one register and 16 for several, 5 for one coil and 15 for several.
        Assert.Equal(1, fixture.Server.GetRequestCount(ModbusFunctionCode.WriteSingleRegister));
        Assert.Equal(1, fixture.Server.GetRequestCount(ModbusFunctionCode.WriteMultipleRegisters));
        Assert.Equal(1, fixture.Server.GetRequestCount(ModbusFunctionCode.WriteSingleCoil));
        Assert.Equal(1, fixture.Server.GetRequestCount(ModbusFunctionCode.WriteMultipleCoils));
    }

    [Fact]
    public async Task Exceptions_ExitCode1_WithLibmodbusMessage()
    {
        await using ServerFixture fixture = await ServerFixture.StartAsync(o => o with { UnitIds = new HashSet<byte> { 1 } }, new InMemoryModbusDataStore(holdingRegisters: 100));

        ProcessResult read = await Mbpoll(fixture.Port, "-a", "1", "-t", "4", "-r", "200", "-c", "2", "-1", "127.0.0.1");
        Assert.Equal(1, read.ExitCode);
        Assert.Contains("Read output (holding) register failed: Illegal data address", read.StandardError, StringComparison.Ordinal);

        ProcessResult write = await Mbpoll(fixture.Port, "-a", "1", "-t", "4", "-r", "100", "127.0.0.1", "5");
        Assert.Equal(1, write.ExitCode);
        Assert.Contains("Write output (holding) register failed: Illegal data address", write.StandardError, StringComparison.Ordinal);

        // A unit the server does not serve: exception 0x0A.
        ProcessResult unit = await Mbpoll(fixture.Port, "-a", "3", "-t", "4", "-r", "0", "-c", "1", "-1", "127.0.0.1");
        Assert.Equal(1, unit.ExitCode);
        Assert.Contains("Gateway path unavailable", unit.StandardError, StringComparison.Ordinal);
        Assert.Equal(3, fixture.Server.Metrics.ExceptionResponses);
    }
}
