namespace OtSecurity.Capture.Output;

/// <summary>What a capture held, per protocol, with the run's counters: the data behind <c>otsec dissect --summary</c>.</summary>
/// <param name="Protocols">One entry per protocol seen, by name.</param>
/// <param name="Statistics">Frames, flows, drops, gaps, skipped and malformed counts of the run.</param>
public sealed record CaptureSummary(IReadOnlyList<ProtocolSummary> Protocols, CaptureStatistics Statistics);

/// <summary>The messages of one protocol.</summary>
/// <param name="Protocol">The protocol short name.</param>
/// <param name="Messages">Messages on the wire (timeouts not included).</param>
/// <param name="Requests">Requests among them.</param>
/// <param name="Responses">Responses among them.</param>
/// <param name="Unsolicited">Unsolicited messages among them.</param>
/// <param name="ProtocolErrors">Protocol error replies (exceptions, error statuses).</param>
/// <param name="Malformed">Messages delimited but malformed.</param>
/// <param name="Timeouts">Requests that never got a response.</param>
/// <param name="Flows">Distinct conversations (endpoint pairs) that carried the protocol.</param>
/// <param name="Functions">Function-code histogram, most frequent first.</param>
public sealed record ProtocolSummary(
    string Protocol,
    long Messages,
    long Requests,
    long Responses,
    long Unsolicited,
    long ProtocolErrors,
    long Malformed,
    long Timeouts,
    long Flows,
    IReadOnlyList<FunctionCount> Functions);

/// <summary>How often one function occurred.</summary>
/// <param name="Function">The function code (null for messages without one).</param>
/// <param name="Name">Its name as the dissector gave it.</param>
/// <param name="Count">Messages with it.</param>
public sealed record FunctionCount(int? Function, string? Name, long Count);
