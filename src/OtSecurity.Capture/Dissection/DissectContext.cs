namespace OtSecurity.Capture.Dissection;

/// <summary>
/// Where the bytes handed to a dissector came from: the frame that delivered them, its time, the flow's
/// endpoints and the direction relative to the server.
/// </summary>
/// <param name="Frame">1-based frame index of the frame being processed.</param>
/// <param name="Timestamp">Its capture time, UTC.</param>
/// <param name="Source">Sender of these bytes.</param>
/// <param name="Destination">Receiver of these bytes.</param>
/// <param name="Direction">Direction relative to the server, when known.</param>
/// <param name="Transport">TCP stream or UDP datagram.</param>
public readonly record struct DissectContext(
    long Frame,
    DateTime Timestamp,
    OtEndpoint Source,
    OtEndpoint Destination,
    FlowDirection Direction,
    TransportKind Transport);
