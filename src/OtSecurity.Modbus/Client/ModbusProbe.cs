using System.Diagnostics;
using System.Globalization;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Client;

/// <summary>How a function answered a probe.</summary>
public enum ModbusProbeOutcome
{
    /// <summary>A normal response: the device supports the function.</summary>
    Answered,

    /// <summary>An exception response (the device speaks Modbus but refused: see the exception code).</summary>
    Exception,

    /// <summary>No answer within the request timeout.</summary>
    Timeout,

    /// <summary>An answer that is not valid Modbus, or the connection failed.</summary>
    Error,
}

/// <summary>Why a probe found no Modbus device, when it found none.</summary>
public enum ModbusProbeFailure
{
    /// <summary>The device answered at least one request: not a failure.</summary>
    None,

    /// <summary>The peer sent bytes that are not Modbus/TCP (for example an HTTP server).</summary>
    NotModbus,

    /// <summary>The peer accepted the connection but answered nothing within the timeout.</summary>
    NoAnswer,

    /// <summary>The peer closed the connection without a Modbus answer.</summary>
    ConnectionClosed,
}

/// <summary>One function tried by the probe.</summary>
/// <param name="Function">The function code (43 for Read Device Identification, MEI 14).</param>
/// <param name="Name">The function's name.</param>
/// <param name="Outcome">How it answered.</param>
/// <param name="ExceptionCode">The exception code, for <see cref="ModbusProbeOutcome.Exception"/>.</param>
/// <param name="Detail">The error message, for <see cref="ModbusProbeOutcome.Error"/> and <see cref="ModbusProbeOutcome.Timeout"/>.</param>
public sealed record ModbusProbeStep(byte Function, string Name, ModbusProbeOutcome Outcome, ModbusExceptionCode? ExceptionCode, string? Detail)
{
    /// <summary>The exception code's name, when there is one.</summary>
    public string? ExceptionName => ExceptionCode is ModbusExceptionCode code ? ModbusFunctions.GetName(code) ?? string.Create(CultureInfo.InvariantCulture, $"Exception {(byte)code}") : null;
}

/// <summary>A bounded read of registers made by the probe.</summary>
/// <param name="Address">The first address.</param>
/// <param name="Quantity">The number of registers asked for.</param>
/// <param name="Values">The values, when the read answered.</param>
/// <param name="Error">Why not, otherwise.</param>
public sealed record ModbusProbeRead(ushort Address, ushort Quantity, ushort[]? Values, string? Error);

/// <summary>What <see cref="ModbusProbe.RunAsync"/> found.</summary>
/// <param name="UnitId">The unit probed.</param>
/// <param name="Identity">The device identification (every level the device claims), when 43/14 answered.</param>
/// <param name="Functions">The functions tried, in order: 43/14, 1, 2, 3, 4, 17.</param>
/// <param name="ServerId">The Report Server ID bytes, when function 17 answered.</param>
/// <param name="HoldingRegisters">The bounded read of holding registers, when function 3 answered.</param>
/// <param name="InputRegisters">The bounded read of input registers, when function 4 answered.</param>
/// <param name="Failure">Why no Modbus device was found, or <see cref="ModbusProbeFailure.None"/>.</param>
/// <param name="FailureDetail">The error behind <paramref name="Failure"/>.</param>
/// <param name="RequestsSent">Requests the probe sent (all read-only).</param>
/// <param name="Elapsed">How long the probe took.</param>
public sealed record ModbusProbeReport(
    byte UnitId,
    ModbusDeviceIdentification? Identity,
    IReadOnlyList<ModbusProbeStep> Functions,
    byte[]? ServerId,
    ModbusProbeRead? HoldingRegisters,
    ModbusProbeRead? InputRegisters,
    ModbusProbeFailure Failure,
    string? FailureDetail,
    long RequestsSent,
    TimeSpan Elapsed);

/// <summary>
/// Identifies a Modbus device without changing anything: Read Device Identification (43/14) at every level the device
/// claims, which read functions answer (1, 2, 3, 4 at address 0, quantity 1; 17 Report Server ID), and a bounded read
/// of the first holding and input registers. It only runs on a read-only client, so a write cannot be sent even by
/// mistake.
/// </summary>
public static class ModbusProbe
{
    /// <summary>Registers read by the bounded reads: addresses 0..9.</summary>
    public const ushort RegistersRead = 10;

    /// <summary>Probes one unit.</summary>
    /// <param name="client">A read-only client (<see cref="ModbusTcpClientOptions.IsReadOnly"/>) allowed to address <paramref name="unitId"/>.</param>
    /// <param name="unitId">The unit to probe.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidOperationException">The client is not read-only.</exception>
    /// <exception cref="ModbusConnectionException">The device cannot be reached.</exception>
    public static async Task<ModbusProbeReport> RunAsync(ModbusTcpClient client, byte unitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!client.Options.IsReadOnly)
        {
            throw new InvalidOperationException("A probe must never write: give it a read-only client (AllowWrites, AllowStateChangingDiagnostics and AllowCustomFunctions all false).");
        }

        Stopwatch clock = Stopwatch.StartNew();
        long sentBefore = client.Metrics.RequestsSent;
        await client.ConnectAsync(cancellationToken).ConfigureAwait(false);

        var steps = new List<ModbusProbeStep>();
        var state = new ProbeState();
        ModbusDeviceIdentification? identity = null;
        byte[]? serverId = null;

        (ModbusDeviceIdentification? basic, ModbusProbeStep identification) = await TryAsync(state, 43, "ReadDeviceIdentification", () => client.ReadDeviceIdentificationAsync(unitId, ModbusReadDeviceIdCode.Basic, 0, cancellationToken)).ConfigureAwait(false);
        steps.Add(identification);
        if (basic is not null)
        {
            identity = await DeepenAsync(client, unitId, basic, cancellationToken).ConfigureAwait(false);
        }

        foreach ((ModbusFunctionCode function, Func<Task<object>> call) in new (ModbusFunctionCode, Func<Task<object>>)[]
        {
            (ModbusFunctionCode.ReadCoils, async () => await client.ReadCoilsAsync(unitId, 0, 1, cancellationToken).ConfigureAwait(false)),
            (ModbusFunctionCode.ReadDiscreteInputs, async () => await client.ReadDiscreteInputsAsync(unitId, 0, 1, cancellationToken).ConfigureAwait(false)),
            (ModbusFunctionCode.ReadHoldingRegisters, async () => await client.ReadHoldingRegistersAsync(unitId, 0, 1, cancellationToken).ConfigureAwait(false)),
            (ModbusFunctionCode.ReadInputRegisters, async () => await client.ReadInputRegistersAsync(unitId, 0, 1, cancellationToken).ConfigureAwait(false)),
            (ModbusFunctionCode.ReportServerId, async () => await client.ReportServerIdAsync(unitId, cancellationToken).ConfigureAwait(false)),
        })
        {
            if (state.GiveUp)
            {
                break;
            }

            (object? result, ModbusProbeStep step) = await TryAsync(state, (byte)function, ModbusFunctions.GetName((byte)function)!, call).ConfigureAwait(false);
            steps.Add(step);
            serverId ??= result as byte[];
        }

        ModbusProbeRead? holding = null;
        ModbusProbeRead? input = null;
        if (!state.GiveUp && Answered(steps, ModbusFunctionCode.ReadHoldingRegisters))
        {
            holding = await ReadAsync(() => client.ReadHoldingRegistersAsync(unitId, 0, RegistersRead, cancellationToken)).ConfigureAwait(false);
        }

        if (!state.GiveUp && Answered(steps, ModbusFunctionCode.ReadInputRegisters))
        {
            input = await ReadAsync(() => client.ReadInputRegistersAsync(unitId, 0, RegistersRead, cancellationToken)).ConfigureAwait(false);
        }

        return new ModbusProbeReport(
            unitId,
            identity,
            steps,
            serverId,
            holding,
            input,
            state.SpokeModbus ? ModbusProbeFailure.None : state.Failure,
            state.SpokeModbus ? null : state.FailureDetail,
            client.Metrics.RequestsSent - sentBefore,
            clock.Elapsed);
    }

    private static bool Answered(List<ModbusProbeStep> steps, ModbusFunctionCode function) =>
        steps.Exists(s => s.Function == (byte)function && s.Outcome == ModbusProbeOutcome.Answered);

    /// <summary>Reads the regular and extended objects too when the device's conformity level claims them.</summary>
    private static async Task<ModbusDeviceIdentification> DeepenAsync(ModbusTcpClient client, byte unitId, ModbusDeviceIdentification basic, CancellationToken cancellationToken)
    {
        ModbusReadDeviceIdCode level = ((byte)basic.ConformityLevel & 0x7F) switch
        {
            >= 3 => ModbusReadDeviceIdCode.Extended,
            2 => ModbusReadDeviceIdCode.Regular,
            _ => ModbusReadDeviceIdCode.Basic,
        };
        if (level == ModbusReadDeviceIdCode.Basic)
        {
            return basic;
        }

        try
        {
            return await client.ReadDeviceIdentificationAsync(unitId, level, 0, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ModbusException or ModbusTimeoutException or ModbusProtocolException or ModbusConnectionException)
        {
            // The device claimed more than it serves: keep the basic objects.
            return basic;
        }
    }

    private static async Task<ModbusProbeRead> ReadAsync(Func<Task<ushort[]>> read)
    {
        try
        {
            return new ModbusProbeRead(0, RegistersRead, await read().ConfigureAwait(false), null);
        }
        catch (ModbusException ex)
        {
            return new ModbusProbeRead(0, RegistersRead, null, string.Create(CultureInfo.InvariantCulture, $"exception {(byte)ex.ExceptionCode:D2} {ex.ExceptionName}"));
        }
        catch (Exception ex) when (ex is ModbusTimeoutException or ModbusProtocolException or ModbusConnectionException)
        {
            return new ModbusProbeRead(0, RegistersRead, null, ex.Message);
        }
    }

    private static async Task<(T? Result, ModbusProbeStep Step)> TryAsync<T>(ProbeState state, byte function, string name, Func<Task<T>> call)
        where T : class
    {
        try
        {
            T result = await call().ConfigureAwait(false);
            state.SpokeModbus = true;
            state.ConsecutiveTimeouts = 0;
            return (result, new ModbusProbeStep(function, name, ModbusProbeOutcome.Answered, null, null));
        }
        catch (ModbusException ex)
        {
            state.SpokeModbus = true;
            state.ConsecutiveTimeouts = 0;
            return (null, new ModbusProbeStep(function, name, ModbusProbeOutcome.Exception, ex.ExceptionCode, ex.Message));
        }
        catch (ModbusTimeoutException ex)
        {
            // A device that ignores two requests in a row before answering anything is not going to answer.
            state.ConsecutiveTimeouts++;
            state.Fail(ModbusProbeFailure.NoAnswer, ex.Message, giveUp: !state.SpokeModbus && state.ConsecutiveTimeouts >= 2);
            return (null, new ModbusProbeStep(function, name, ModbusProbeOutcome.Timeout, null, ex.Message));
        }
        catch (ModbusProtocolException ex)
        {
            state.Fail(ModbusProbeFailure.NotModbus, ex.Error.IsError ? ex.Error.Reason : ex.Message, giveUp: !state.SpokeModbus && ex.ConnectionClosed);
            return (null, new ModbusProbeStep(function, name, ModbusProbeOutcome.Error, null, ex.Message));
        }
        catch (ModbusConnectionException ex)
        {
            state.Fail(ModbusProbeFailure.ConnectionClosed, ex.Message, giveUp: !state.SpokeModbus);
            return (null, new ModbusProbeStep(function, name, ModbusProbeOutcome.Error, null, ex.Message));
        }
    }

    private sealed class ProbeState
    {
        public bool SpokeModbus { get; set; }

        public int ConsecutiveTimeouts { get; set; }

        public bool GiveUp { get; private set; }

        public ModbusProbeFailure Failure { get; private set; }

        public string? FailureDetail { get; private set; }

        public void Fail(ModbusProbeFailure failure, string detail, bool giveUp)
        {
            if (Failure == ModbusProbeFailure.None)
            {
                Failure = failure;
                FailureDetail = detail;
            }

            GiveUp |= giveUp;
        }
    }
}
