using System.Diagnostics.Metrics;

namespace OtSecurity.Modbus;

/// <summary>
/// The package's <see cref="Meter"/> ("OtSecurity.Modbus") and its instruments (docs/modbus-client-server.md lists
/// them). Every instrument carries the tag <c>modbus.function</c> where a function applies.
/// </summary>
public static class ModbusInstrumentation
{
    /// <summary>The meter name to enable with a metrics listener or OpenTelemetry.</summary>
    public const string MeterName = "OtSecurity.Modbus";

    internal static readonly Meter Meter = new(MeterName, typeof(ModbusInstrumentation).Assembly.GetName().Version?.ToString());

    internal static readonly Counter<long> ClientRequests = Meter.CreateCounter<long>("otsec.modbus.client.requests", "{request}", "Requests the client sent.");

    internal static readonly Counter<long> ClientTimeouts = Meter.CreateCounter<long>("otsec.modbus.client.timeouts", "{request}", "Requests that got no answer within the request timeout.");

    internal static readonly Counter<long> ClientDiscarded = Meter.CreateCounter<long>("otsec.modbus.client.responses.discarded", "{response}", "Answers discarded: late (after a timeout or cancellation) or unexpected (no request waiting for the transaction id); tag reason.");

    internal static readonly Counter<long> ClientRefused = Meter.CreateCounter<long>("otsec.modbus.client.refused", "{request}", "Requests refused by the safety options before anything was sent; tag option.");

    internal static readonly Counter<long> ClientConnectionsLost = Meter.CreateCounter<long>("otsec.modbus.client.connections.lost", "{connection}", "Client connections closed by the peer, an error or recycling.");

    internal static readonly Counter<long> ServerRequests = Meter.CreateCounter<long>("otsec.modbus.server.requests", "{request}", "Requests the server processed.");

    internal static readonly Counter<long> ServerExceptions = Meter.CreateCounter<long>("otsec.modbus.server.exceptions", "{response}", "Exception responses the server sent; tag modbus.exception.");

    internal static readonly Counter<long> ServerConnections = Meter.CreateCounter<long>("otsec.modbus.server.connections", "{connection}", "Connections the server accepted.");

    internal static KeyValuePair<string, object?> Function(byte function) => new("modbus.function", function & 0x7F);
}
