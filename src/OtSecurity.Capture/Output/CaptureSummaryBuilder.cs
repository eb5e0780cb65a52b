using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols;

namespace OtSecurity.Capture.Output;

/// <summary>A sink that tallies messages per protocol and function into a <see cref="CaptureSummary"/>.</summary>
public sealed class CaptureSummaryBuilder : IOtMessageSink
{
    private readonly Dictionary<string, Tally> _protocols = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public void OnMessage(OtMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_protocols.TryGetValue(message.Protocol, out var tally))
        {
            tally = new Tally();
            _protocols.Add(message.Protocol, tally);
        }

        if (message.Status == MessageStatus.Timeout)
        {
            tally.Timeouts++;
            return;
        }

        tally.Messages++;
        switch (message.Direction)
        {
            case MessageDirection.Request:
                tally.Requests++;
                break;
            case MessageDirection.Response:
                tally.Responses++;
                break;
            case MessageDirection.Unsolicited:
                tally.Unsolicited++;
                break;
            default:
                break;
        }

        if (message.Status == MessageStatus.ProtocolError)
        {
            tally.ProtocolErrors++;
        }
        else if (message.Status == MessageStatus.Malformed)
        {
            tally.Malformed++;
        }

        var a = message.Source;
        var b = message.Destination;
        tally.Flows.Add(string.CompareOrdinal(a.ToString(), b.ToString()) <= 0 ? (a, b) : (b, a));
        var key = message.Function ?? int.MinValue;
        if (tally.Functions.TryGetValue(key, out var entry))
        {
            tally.Functions[key] = (entry.Name ?? message.FunctionName, entry.Count + 1);
        }
        else
        {
            tally.Functions.Add(key, (message.FunctionName, 1));
        }
    }

    /// <inheritdoc />
    public void OnSkipped(in DissectContext context, ProtocolError error, int bytesSkipped)
    {
    }

    /// <summary>The summary so far.</summary>
    /// <param name="statistics">The run's counters.</param>
    /// <returns>The summary, protocols by name.</returns>
    public CaptureSummary Build(CaptureStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var protocols = new List<ProtocolSummary>();
        foreach (var (name, tally) in _protocols.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var functions = tally.Functions
                .Select(f => new FunctionCount(f.Key == int.MinValue ? null : f.Key, f.Value.Name, f.Value.Count))
                .OrderByDescending(f => f.Count)
                .ThenBy(f => f.Function ?? int.MaxValue)
                .ToList();
            protocols.Add(new ProtocolSummary(name, tally.Messages, tally.Requests, tally.Responses, tally.Unsolicited,
                tally.ProtocolErrors, tally.Malformed, tally.Timeouts, tally.Flows.Count, functions));
        }

        return new CaptureSummary(protocols, statistics);
    }

    private sealed class Tally
    {
        public long Messages;
        public long Requests;
        public long Responses;
        public long Unsolicited;
        public long ProtocolErrors;
        public long Malformed;
        public long Timeouts;
        public readonly HashSet<(OtEndpoint, OtEndpoint)> Flows = [];
        public readonly Dictionary<int, (string? Name, long Count)> Functions = [];
    }
}
