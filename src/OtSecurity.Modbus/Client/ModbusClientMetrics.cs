namespace OtSecurity.Modbus.Client;

/// <summary>A snapshot of a <see cref="ModbusTcpClient"/>'s counters since it was created.</summary>
/// <param name="RequestsSent">Requests written to the connection.</param>
/// <param name="ResponsesReceived">Answers delivered to their caller (normal and exception responses).</param>
/// <param name="ExceptionResponses">Exception responses among them.</param>
/// <param name="MalformedResponses">Answers with the right transaction id that the codec rejected or that did not match their request.</param>
/// <param name="Timeouts">Requests that got no answer within the request timeout.</param>
/// <param name="Cancellations">Requests cancelled by their caller after they were sent.</param>
/// <param name="LateResponsesDiscarded">Answers that arrived after their request timed out or was cancelled: discarded.</param>
/// <param name="UnexpectedResponsesDiscarded">Answers with a transaction id no request was waiting for (stale, duplicated or invented): discarded.</param>
/// <param name="RequestsRefused">Requests refused by the safety options before anything was sent.</param>
/// <param name="ConnectAttempts">Connection attempts.</param>
/// <param name="ConnectFailures">Connection attempts that failed.</param>
/// <param name="ConnectionsLost">Connections closed by the peer, by an error, or recycled.</param>
/// <param name="RequestsInFlight">Requests awaiting an answer now.</param>
public readonly record struct ModbusClientMetrics(
    long RequestsSent,
    long ResponsesReceived,
    long ExceptionResponses,
    long MalformedResponses,
    long Timeouts,
    long Cancellations,
    long LateResponsesDiscarded,
    long UnexpectedResponsesDiscarded,
    long RequestsRefused,
    long ConnectAttempts,
    long ConnectFailures,
    long ConnectionsLost,
    int RequestsInFlight);

/// <summary>The live counters behind <see cref="ModbusClientMetrics"/> (updated with interlocked operations).</summary>
internal sealed class ClientCounters
{
    public long RequestsSent;
    public long ResponsesReceived;
    public long ExceptionResponses;
    public long MalformedResponses;
    public long Timeouts;
    public long Cancellations;
    public long LateResponses;
    public long UnexpectedResponses;
    public long RequestsRefused;
    public long ConnectAttempts;
    public long ConnectFailures;
    public long ConnectionsLost;
    public int InFlight;

    public ModbusClientMetrics Snapshot() => new(
        Interlocked.Read(ref RequestsSent),
        Interlocked.Read(ref ResponsesReceived),
        Interlocked.Read(ref ExceptionResponses),
        Interlocked.Read(ref MalformedResponses),
        Interlocked.Read(ref Timeouts),
        Interlocked.Read(ref Cancellations),
        Interlocked.Read(ref LateResponses),
        Interlocked.Read(ref UnexpectedResponses),
        Interlocked.Read(ref RequestsRefused),
        Interlocked.Read(ref ConnectAttempts),
        Interlocked.Read(ref ConnectFailures),
        Interlocked.Read(ref ConnectionsLost),
        Volatile.Read(ref InFlight));
}
