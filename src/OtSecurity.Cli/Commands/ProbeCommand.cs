using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OtSecurity.Cli.Common;
using OtSecurity.Modbus.Client;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Cli.Commands;

/// <summary>
/// <c>otsec probe HOST[:PORT] [--unit N] [--format table|json] [--timeout MS]</c>: identifies a Modbus/TCP device safely
/// with a read-only client (it cannot write): Read Device Identification (43/14), which read functions answer (1, 2,
/// 3, 4 and 17), and a bounded read of the first ten holding and input registers. Exit code 0 when the device answered
/// Modbus; 2 when the host cannot be reached, answers nothing in time, is not a Modbus/TCP peer, or the command line
/// is wrong.
/// </summary>
internal static class ProbeCommand
{
    private const int DefaultTimeoutMilliseconds = 2000;

    public static Command Create()
    {
        var target = new Argument<string>("HOST[:PORT]")
        {
            Description = "The device: a host name or IP address, with the port after a colon (default 502); IPv6 as [address]:port.",
        };
        var unit = new Option<int>("--unit", "-u")
        {
            Description = "The unit id to probe, 0..255 (default 1).",
            DefaultValueFactory = static _ => 1,
            HelpName = "N",
        };
        unit.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 255)
            {
                result.AddError("--unit must be 0..255.");
            }
        });
        var timeout = new Option<int>("--timeout", "-t")
        {
            Description = "How long to wait for the connection and for each answer, in milliseconds (default 2000).",
            DefaultValueFactory = static _ => DefaultTimeoutMilliseconds,
            HelpName = "MS",
        };
        timeout.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 60000)
            {
                result.AddError("--timeout must be 1..60000 milliseconds.");
            }
        });
        Option<string> format = FormatOption.Create();
        var command = new Command("probe", "Identify a Modbus/TCP device without changing anything: device identification (43/14), which read functions answer, a bounded read of the first registers. Exit code 0: the device answered; 2: unreachable, no answer, not Modbus, or a wrong command line.")
        {
            target,
            unit,
            timeout,
            format,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(target)!,
            (byte)parse.GetValue(unit),
            TimeSpan.FromMilliseconds(parse.GetValue(timeout)),
            FormatOption.Get(parse, format),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    /// <summary>Splits HOST[:PORT] ([IPv6]:PORT for IPv6); false with a reason when it is not a target.</summary>
    internal static bool TryParseTarget(string text, out string host, out int port, out string? problem)
    {
        host = string.Empty;
        port = ModbusTcpClientOptions.DefaultPort;
        problem = null;
        text = text.Trim();
        string? portText = null;
        if (text.StartsWith('['))
        {
            int close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                problem = $"'{text}' opens an IPv6 address with '[' but does not close it with ']'.";
                return false;
            }

            host = text[1..close];
            string rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                if (!rest.StartsWith(':'))
                {
                    problem = $"'{text}': only ':PORT' may follow ']'.";
                    return false;
                }

                portText = rest[1..];
            }
        }
        else if (text.Count(c => c == ':') == 1)
        {
            int colon = text.IndexOf(':', StringComparison.Ordinal);
            host = text[..colon];
            portText = text[(colon + 1)..];
        }
        else
        {
            // No colon, or several (an IPv6 address without a port).
            host = text;
        }

        if (host.Length == 0)
        {
            problem = $"'{text}' names no host.";
            return false;
        }

        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            problem = $"'{portText}' is not a TCP port (1..65535).";
            return false;
        }

        return true;
    }

    private static async Task<int> RunAsync(string targetText, byte unit, TimeSpan timeout, OutputFormat format, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryParseTarget(targetText, out string host, out int port, out string? problem))
        {
            error.WriteLine($"otsec probe: {problem}");
            return ExitCodes.UsageOrInput;
        }

        string target = (host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host) + ":" + port.ToString(CultureInfo.InvariantCulture);

        // The safe defaults (read-only, paced, one request in flight), addressing only the unit asked for.
        var options = new ModbusTcpClientOptions(host, port)
        {
            AllowedUnitIds = new HashSet<byte> { unit },
            RequestTimeout = timeout,
            ConnectTimeout = timeout,
        };
        if (!options.IsReadOnly)
        {
            throw new InvalidOperationException("otsec probe must run a read-only client.");
        }

        ModbusProbeReport report;
        var client = new ModbusTcpClient(options);
        await using (client.ConfigureAwait(false))
        {
            try
            {
                report = await ModbusProbe.RunAsync(client, unit, cancellationToken).ConfigureAwait(false);
            }
            catch (ModbusConnectionException ex)
            {
                error.WriteLine($"otsec probe: cannot connect to {target}: {ex.Message}");
                return ExitCodes.UsageOrInput;
            }

            if (client.Metrics.RequestsRefused != 0)
            {
                throw new InvalidOperationException("otsec probe: the read-only client refused a request; the probe must only send reads.");
            }
        }

        switch (report.Failure)
        {
            case ModbusProbeFailure.NotModbus:
                error.WriteLine($"otsec probe: {target} does not speak Modbus/TCP: it answered with bytes that are not a Modbus/TCP response ({report.FailureDetail}).");
                return ExitCodes.UsageOrInput;
            case ModbusProbeFailure.NoAnswer:
                error.WriteLine($"otsec probe: {target} accepted the connection but answered no Modbus request within {timeout.TotalMilliseconds:0} ms (--timeout); it may not be a Modbus device, or unit {unit} may not exist behind it.");
                return ExitCodes.UsageOrInput;
            case ModbusProbeFailure.ConnectionClosed:
                error.WriteLine($"otsec probe: {target} closed the connection without a Modbus answer ({report.FailureDetail}).");
                return ExitCodes.UsageOrInput;
        }

        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(output, writer => WriteJson(writer, report, target, host, port));
        }
        else
        {
            WriteTable(output, report, target);
        }

        return ExitCodes.Success;
    }

    private static string Result(ModbusProbeStep step) => step.Outcome switch
    {
        ModbusProbeOutcome.Answered => "answered",
        ModbusProbeOutcome.Exception => string.Create(CultureInfo.InvariantCulture, $"exception {(byte)step.ExceptionCode!.Value:D2} {step.ExceptionName}"),
        ModbusProbeOutcome.Timeout => "timeout",
        _ => "error: " + step.Detail,
    };

    private static string Code(ModbusProbeStep step) =>
        step.Function == (byte)ModbusFunctionCode.EncapsulatedInterfaceTransport ? "43/14" : step.Function.ToString(CultureInfo.InvariantCulture);

    private static void WriteTable(TextWriter output, ModbusProbeReport report, string target)
    {
        output.WriteLine($"Modbus/TCP device {target}, unit {report.UnitId} — read-only probe, {report.RequestsSent} requests in {report.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine();
        if (report.Identity is { } identity)
        {
            output.WriteLine($"Identity (43/14, conformity level {identity.ConformityLevel})");
            var objects = new TextTable("OBJECT", "NAME", "VALUE");
            foreach (ModbusDeviceIdentityObject o in identity.Objects)
            {
                objects.AddRow(string.Create(CultureInfo.InvariantCulture, $"0x{o.Id:X2}"), o.Name, o.Text);
            }

            objects.WriteTo(output);
        }
        else
        {
            output.WriteLine("Identity: the device does not answer Read Device Identification (43/14).");
        }

        output.WriteLine();
        output.WriteLine("Functions");
        var functions = new TextTable("CODE", "FUNCTION", "RESULT");
        foreach (ModbusProbeStep step in report.Functions)
        {
            functions.AddRow(Code(step), step.Name, Result(step));
        }

        functions.WriteTo(output);
        if (report.ServerId is { } serverId)
        {
            output.WriteLine();
            output.WriteLine($"Report Server ID (17): {Convert.ToHexString(serverId)}");
        }

        WriteRead(output, "Holding registers", report.HoldingRegisters);
        WriteRead(output, "Input registers", report.InputRegisters);
    }

    private static void WriteRead(TextWriter output, string table, ModbusProbeRead? read)
    {
        if (read is null)
        {
            return;
        }

        output.WriteLine();
        string range = string.Create(CultureInfo.InvariantCulture, $"{read.Address}..{read.Address + read.Quantity - 1}");
        output.WriteLine(read.Values is { } values
            ? $"{table} {range}: {string.Join(' ', values.Select(v => v.ToString(CultureInfo.InvariantCulture)))}"
            : $"{table} {range}: {read.Error}");
    }

    private static void WriteJson(Utf8JsonWriter writer, ModbusProbeReport report, string target, string host, int port)
    {
        writer.WriteStartObject();
        writer.WriteString("target", target);
        writer.WriteString("host", host);
        writer.WriteNumber("port", port);
        writer.WriteNumber("unit", report.UnitId);
        writer.WriteBoolean("readOnly", true);
        writer.WriteNumber("requestsSent", report.RequestsSent);
        writer.WritePropertyName("identity");
        if (report.Identity is { } identity)
        {
            writer.WriteStartObject();
            writer.WriteString("conformityLevel", JsonOutput.Name(identity.ConformityLevel));
            writer.WriteNumber("transactions", identity.Transactions);
            writer.WriteStartArray("objects");
            foreach (ModbusDeviceIdentityObject o in identity.Objects)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", o.Id);
                writer.WriteString("name", o.Name);
                writer.WriteString("value", o.Text);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteStartArray("functions");
        foreach (ModbusProbeStep step in report.Functions)
        {
            writer.WriteStartObject();
            writer.WriteNumber("code", step.Function);
            if (step.Function == (byte)ModbusFunctionCode.EncapsulatedInterfaceTransport)
            {
                writer.WriteNumber("mei", (byte)ModbusMeiType.ReadDeviceIdentification);
            }

            writer.WriteString("name", step.Name);
            writer.WriteString("result", JsonOutput.Name(step.Outcome));
            if (step.ExceptionCode is ModbusExceptionCode code)
            {
                writer.WriteNumber("exceptionCode", (byte)code);
                writer.WriteString("exceptionName", step.ExceptionName);
            }

            if (step.Outcome is ModbusProbeOutcome.Error or ModbusProbeOutcome.Timeout)
            {
                writer.WriteString("detail", step.Detail);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (report.ServerId is { } serverId)
        {
            writer.WriteString("serverId", Convert.ToHexString(serverId));
        }
        else
        {
            writer.WriteNull("serverId");
        }

        WriteReadJson(writer, "holdingRegisters", report.HoldingRegisters);
        WriteReadJson(writer, "inputRegisters", report.InputRegisters);
        writer.WriteEndObject();
    }

    private static void WriteReadJson(Utf8JsonWriter writer, string name, ModbusProbeRead? read)
    {
        if (read is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteNumber("address", read.Address);
        writer.WriteNumber("quantity", read.Quantity);
        if (read.Values is { } values)
        {
            writer.WriteStartArray("values");
            foreach (ushort value in values)
            {
                writer.WriteNumberValue(value);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteString("error", read.Error);
        }

        writer.WriteEndObject();
    }
}
