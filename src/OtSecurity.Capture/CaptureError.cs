namespace OtSecurity.Capture;

/// <summary>
/// Codes the capture pipeline puts in a <see cref="OtSecurity.Protocols.ProtocolError"/> when it reports skipped bytes
/// through <see cref="Dissection.IOtMessageSink.OnSkipped"/>.
/// </summary>
public enum CaptureError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The flow's dissector returned InvalidData: the bytes do not start a message and were skipped one by one until it resynchronised.</summary>
    UnreadableBytes = 1,

    /// <summary>A UDP datagram ended inside a message (the dissector needed more data than the datagram holds).</summary>
    IncompleteDatagram = 2,
}
