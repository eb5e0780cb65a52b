using OtSecurity.Protocols;

namespace OtSecurity.Capture.Dissection;

/// <summary>
/// One protocol message seen on the wire, normalized across protocols. Common members map to the
/// common keys of the <c>otsec dissect --jsonl</c> contract; protocol-specific keys are in <see cref="Fields"/>.
/// </summary>
public sealed record OtMessage
{
    /// <summary>1-based index, in the capture, of the frame that completed this message (as Wireshark numbers frames).</summary>
    public required long Frame { get; init; }

    /// <summary>Capture timestamp of that frame, UTC.</summary>
    public required DateTime Timestamp { get; init; }

    /// <summary>Protocol short name: <c>modbus</c>, <c>dnp3</c>, <c>bacnet</c>, <c>enip</c>, <c>s7comm</c>, <c>opcua</c>, <c>iec104</c>.</summary>
    public required string Protocol { get; init; }

    /// <summary>Sender.</summary>
    public required OtEndpoint Source { get; init; }

    /// <summary>Receiver.</summary>
    public required OtEndpoint Destination { get; init; }

    /// <summary>Transport the message arrived on.</summary>
    public TransportKind Transport { get; init; }

    /// <summary>Request, response or unsolicited.</summary>
    public MessageDirection Direction { get; init; }

    /// <summary>What the message does.</summary>
    public OperationClass Operation { get; init; }

    /// <summary>The protocol's function/service number (for Modbus without the exception bit).</summary>
    public int? Function { get; init; }

    /// <summary>The standard's name for <see cref="Function"/>.</summary>
    public string? FunctionName { get; init; }

    /// <summary>Unit, station or device address where the protocol has one.</summary>
    public long? Unit { get; init; }

    /// <summary>Starting address the PDU itself carries.</summary>
    public long? Address { get; init; }

    /// <summary>Quantity the PDU itself carries.</summary>
    public long? Count { get; init; }

    /// <summary>Success, protocol error reply, malformed or timed out.</summary>
    public MessageStatus Status { get; init; }

    /// <summary>The malformation, when <see cref="Status"/> is <see cref="MessageStatus.Malformed"/>.</summary>
    public ProtocolError? Error { get; init; }

    /// <summary>For a response: the frame of the matched request.</summary>
    public long? RequestFrame { get; init; }

    /// <summary>For a response: time since the matched request.</summary>
    public TimeSpan? Latency { get; init; }

    /// <summary>Identity facts this message reveals about its sender.</summary>
    public IdentityHint? Identity { get; init; }

    /// <summary>Protocol-specific keys, in the order they are written.</summary>
    public IReadOnlyList<OtField> Fields { get; init; } = [];
}
