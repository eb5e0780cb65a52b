using OtSecurity.Protocols;

namespace OtSecurity.Capture.Dissection;

/// <summary>Receives what dissectors produce.</summary>
public interface IOtMessageSink
{
    /// <summary>A message was read.</summary>
    /// <param name="message">The message.</param>
    void OnMessage(OtMessage message);

    /// <summary>
    /// Bytes were skipped because they could not be read as the flow's protocol (counted, and reported when
    /// diagnostics are on). Malformed messages that could still be delimited arrive through <see cref="OnMessage"/>
    /// with <see cref="MessageStatus.Malformed"/>.
    /// </summary>
    /// <param name="context">Where.</param>
    /// <param name="error">Why.</param>
    /// <param name="bytesSkipped">How many bytes were skipped.</param>
    void OnSkipped(in DissectContext context, ProtocolError error, int bytesSkipped);
}
