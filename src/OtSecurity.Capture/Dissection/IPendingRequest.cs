using OtSecurity.Protocols;

namespace OtSecurity.Capture.Dissection;

/// <summary>
/// What a flow dissector keeps of a request until its response arrives: enough to match the response
/// (frame, time) and to report the request as a timeout when the flow ends first.
/// </summary>
public interface IPendingRequest
{
    /// <summary>The frame that completed the request.</summary>
    long Frame { get; }

    /// <summary>When the request was sent.</summary>
    DateTime Timestamp { get; }

    /// <summary>The requester.</summary>
    OtEndpoint Source { get; }

    /// <summary>The responder.</summary>
    OtEndpoint Destination { get; }

    /// <summary>The function, service or command code, when the protocol has one.</summary>
    int? Function { get; }

    /// <summary>The name of the function, service or command.</summary>
    string? FunctionName { get; }

    /// <summary>How the request is classified.</summary>
    OperationClass Operation { get; }
}
