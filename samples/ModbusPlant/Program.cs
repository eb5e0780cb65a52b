// ModbusPlant: the two Modbus/TCP devices of the demo plant's line 1 (docs/demo-plant.md), simulated with
// OtSecurity.Modbus's server and polled by its read-only client, the way the SCADA server in the supervisory zone
// polls them through conduit cnd-sup-cell1 (modbus/502).
//
//   dotnet run --project samples/ModbusPlant                 poll 5 cycles, then stop
//   dotnet run --project samples/ModbusPlant -- --serve      keep serving (try: otsec probe 127.0.0.1:5020)
//
// Register maps are modelled on the vendors' published maps (PDU addresses, 0-based), not copied from them.
using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using OtSecurity.Modbus.Client;
using OtSecurity.Modbus.Server;
using OtSecurity.Protocols.Modbus;

int cycles = 5;
bool serve = false;
IPAddress bind = IPAddress.Loopback;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--serve":
            serve = true;
            break;
        case "--cycles" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0:
            cycles = n;
            i++;
            break;
        case "--bind" when i + 1 < args.Length && IPAddress.TryParse(args[i + 1], out IPAddress? address):
            bind = address;
            i++;
            break;
        default:
            Console.Error.WriteLine("usage: ModbusPlant [--cycles N] [--serve] [--bind ADDRESS]");
            return 2;
    }
}

var meter = new PowerMeter();
var drive = new FillerDrive();
meter.Update(0);
drive.Update(0);
await using var meterServer = new ModbusTcpServer(new ModbusTcpServerOptions { EndPoint = new IPEndPoint(bind, 5020), Identity = PowerMeter.Identity }, meter.Store);
await using var driveServer = new ModbusTcpServer(new ModbusTcpServerOptions { EndPoint = new IPEndPoint(bind, 5021), Identity = FillerDrive.Identity }, drive.Store);
await meterServer.StartAsync();
await driveServer.StartAsync();
Console.WriteLine($"c1-meter        (Line 1 power meter)    Modbus/TCP on {meterServer.LocalEndPoint}");
Console.WriteLine($"c1-drive-filler (Filler conveyor drive) Modbus/TCP on {driveServer.LocalEndPoint}");

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var started = DateTimeOffset.UtcNow;
using var simulation = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
Task simulate = Task.Run(async () =>
{
    while (await simulation.WaitForNextTickAsync(CancellationToken.None))
    {
        double t = (DateTimeOffset.UtcNow - started).TotalSeconds;
        meter.Update(t);
        drive.Update(t);
    }
});

// The SCADA side: read-only clients with the safe defaults (10 requests/s, one in flight, units 1 and 255).
await using var meterClient = new ModbusTcpClient(new ModbusTcpClientOptions(meterServer.LocalEndPoint.Address.ToString(), meterServer.LocalEndPoint.Port));
await using var driveClient = new ModbusTcpClient(new ModbusTcpClientOptions(driveServer.LocalEndPoint.Address.ToString(), driveServer.LocalEndPoint.Port));

foreach ((string name, ModbusTcpClient client) in new[] { ("c1-meter", meterClient), ("c1-drive-filler", driveClient) })
{
    ModbusDeviceIdentification id = await client.ReadDeviceIdentificationAsync(1, ModbusReadDeviceIdCode.Regular);
    Console.WriteLine($"{name}: {id.VendorName} {id.ProductName} ({id.ProductCode}, firmware {id.MajorMinorRevision})");
}

try
{
    await driveClient.WriteSingleRegisterAsync(1, FillerDrive.FrequencyReference, 600);
}
catch (ModbusSafetyException refused)
{
    Console.WriteLine($"A write from the read-only client: {refused.Message}");
}

Console.WriteLine();
Console.WriteLine("  t     Ia (A)  Vab (V)   P (kW)  f (Hz)   drive Hz  drive A  status");
for (int cycle = 0; serve || cycle < cycles; cycle++)
{
    ushort[] currents = await meterClient.ReadHoldingRegistersAsync(1, PowerMeter.CurrentA, 2);
    ushort[] voltage = await meterClient.ReadHoldingRegistersAsync(1, PowerMeter.VoltageAB, 2);
    ushort[] power = await meterClient.ReadHoldingRegistersAsync(1, PowerMeter.ActivePowerTotal, 2);
    ushort[] frequency = await meterClient.ReadHoldingRegistersAsync(1, PowerMeter.Frequency, 2);
    ushort[] status = await driveClient.ReadHoldingRegistersAsync(1, FillerDrive.StatusWord, 4);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{(DateTimeOffset.UtcNow - started).TotalSeconds,4:0}s  {PowerMeter.Float(currents),6:0.0}  {PowerMeter.Float(voltage),7:0.0}  {PowerMeter.Float(power),7:0.00}  {PowerMeter.Float(frequency),6:0.00}   {status[1] / 10.0,8:0.0}  {status[3] / 10.0,7:0.0}  0x{status[0]:X4}"));
    try
    {
        await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
    }
    catch (OperationCanceledException)
    {
        break;
    }
}

ModbusClientMetrics metrics = meterClient.Metrics;
Console.WriteLine();
Console.WriteLine($"meter client: {metrics.RequestsSent} requests, {metrics.ResponsesReceived} answers, {metrics.Timeouts} timeouts, {metrics.RequestsRefused} refused");
simulation.Dispose();
await simulate;
return 0;

/// <summary>c1-meter: a PowerLogic PM5560-like power meter (float32 values, high word first).</summary>
internal sealed class PowerMeter
{
    public const ushort CurrentA = 2999;
    public const ushort VoltageAB = 3019;
    public const ushort ActivePowerTotal = 3059;
    public const ushort Frequency = 3109;

    public static ModbusDeviceIdentity Identity { get; } = new("Schneider Electric", "METSEPM5560", "2.7.4")
    {
        VendorUrl = "https://www.se.com",
        ProductName = "PowerLogic PM5560",
        ModelName = "PM5560",
        UserApplicationName = "Line 1 incomer",
    };

    public InMemoryModbusDataStore Store { get; } = new();

    public static float Float(ushort[] words) => BitsToFloat(((uint)words[0] << 16) | words[1]);

    public void Update(double t)
    {
        double load = 0.8 + (0.15 * Math.Sin(t / 7)) + (0.03 * Math.Sin(t * 1.3));
        float current = (float)(182 * load);
        float voltage = (float)(400 + (2.5 * Math.Sin(t / 11)));
        Set(CurrentA, current);
        Set((ushort)(CurrentA + 2), current * 0.98f);
        Set((ushort)(CurrentA + 4), current * 1.01f);
        Set(VoltageAB, voltage);
        Set(ActivePowerTotal, (float)(Math.Sqrt(3) * voltage * current * 0.92 / 1000));
        Set(Frequency, (float)(50 + (0.02 * Math.Sin(t / 3))));
    }

    private static float BitsToFloat(uint bits) => BinaryPrimitives.ReadSingleBigEndian([(byte)(bits >> 24), (byte)(bits >> 16), (byte)(bits >> 8), (byte)bits]);

    private void Set(ushort address, float value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleBigEndian(bytes, value);
        Store.SetHoldingRegisters(address, BinaryPrimitives.ReadUInt16BigEndian(bytes), BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]));
    }
}

/// <summary>c1-drive-filler: an Altivar Process ATV630-like drive (status word, output frequency and current in 0.1 units).</summary>
internal sealed class FillerDrive
{
    public const ushort StatusWord = 3201;
    public const ushort OutputFrequency = 3202;
    public const ushort MotorCurrent = 3204;
    public const ushort CommandWord = 8501;
    public const ushort FrequencyReference = 8502;

    public static ModbusDeviceIdentity Identity { get; } = new("Schneider Electric", "ATV630U75N4", "3.3")
    {
        ProductName = "Altivar Process ATV630",
        ModelName = "ATV630",
        UserApplicationName = "Filler conveyor",
    };

    public FillerDrive()
    {
        // Running forward at a 45 Hz reference: status "operation enabled" (0x0637), command "enable operation" (0x000F).
        Store.SetHoldingRegisters(CommandWord, 0x000F, 450);
        Store.SetHoldingRegisters(StatusWord, 0x0637);
    }

    public InMemoryModbusDataStore Store { get; } = new();

    public void Update(double t)
    {
        ushort reference = Store.GetHoldingRegister(FrequencyReference);
        double frequency = Math.Min(reference, t * 100) + (2 * Math.Sin(t / 2));
        Store.SetHoldingRegisters(OutputFrequency, (ushort)Math.Max(0, frequency));
        Store.SetHoldingRegisters(MotorCurrent, (ushort)(96 + (frequency / 10) + (4 * Math.Sin(t))));
    }
}
