using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols;

namespace OtSecurity.Capture.Tests.Support;

/// <summary>Keeps every message and skip report.</summary>
internal sealed class CollectingSink : IOtMessageSink
{
    public List<OtMessage> Messages { get; } = [];

    public List<(long Frame, ProtocolError Error, int Bytes)> Skipped { get; } = [];

    public IEnumerable<OtMessage> Wire => Messages.Where(m => m.Status != MessageStatus.Timeout);

    public void OnMessage(OtMessage message) => Messages.Add(message);

    public void OnSkipped(in DissectContext context, ProtocolError error, int bytesSkipped) => Skipped.Add((context.Frame, error, bytesSkipped));
}
