using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols;

namespace OtSecurity.Capture.Pipeline;

/// <summary>An <see cref="IOtMessageSink"/> that calls delegates.</summary>
public sealed class DelegateMessageSink : IOtMessageSink
{
    private readonly Action<OtMessage> _onMessage;
    private readonly SkippedHandler? _onSkipped;

    /// <summary>Creates the sink.</summary>
    /// <param name="onMessage">Called for every message.</param>
    /// <param name="onSkipped">Called for every run of skipped bytes (optional).</param>
    public DelegateMessageSink(Action<OtMessage> onMessage, SkippedHandler? onSkipped = null)
    {
        ArgumentNullException.ThrowIfNull(onMessage);
        _onMessage = onMessage;
        _onSkipped = onSkipped;
    }

    /// <summary>Receives skipped-byte reports.</summary>
    /// <param name="context">Where.</param>
    /// <param name="error">Why.</param>
    /// <param name="bytesSkipped">How many.</param>
    public delegate void SkippedHandler(in DissectContext context, ProtocolError error, int bytesSkipped);

    /// <inheritdoc />
    public void OnMessage(OtMessage message) => _onMessage(message);

    /// <inheritdoc />
    public void OnSkipped(in DissectContext context, ProtocolError error, int bytesSkipped) => _onSkipped?.Invoke(context, error, bytesSkipped);
}
