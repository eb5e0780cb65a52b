using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols;

namespace OtSecurity.Benchmarks.Capture;

/// <summary>Counts messages (the cheapest subscriber).</summary>
public sealed class CountingSink : IOtMessageSink
{
    public long Messages { get; private set; }

    public void OnMessage(OtMessage message) => Messages++;

    public void OnSkipped(in DissectContext context, ProtocolError error, int bytesSkipped)
    {
    }
}
