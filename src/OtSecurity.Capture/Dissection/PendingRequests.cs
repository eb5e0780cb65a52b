using System.Diagnostics.CodeAnalysis;

namespace OtSecurity.Capture.Dissection;

/// <summary>
/// The requests of one flow still waiting for their responses, keyed by whatever the protocol correlates on
/// (transaction id, invoke id, PDU reference, request id …). Bounded: a flow that never answers cannot grow it
/// without limit; at capacity the oldest request is dropped to make room, so one silent peer costs the oldest
/// unanswered request its timeout report, never the newest request its match.
/// </summary>
/// <typeparam name="TKey">The correlation key.</typeparam>
/// <typeparam name="TRequest">What the dissector keeps of a request.</typeparam>
public sealed class PendingRequests<TKey, TRequest>
    where TKey : notnull
    where TRequest : IPendingRequest
{
    private readonly Dictionary<TKey, TRequest> _requests = [];
    private readonly string _protocol;
    private readonly int _capacity;

    /// <summary>Creates an empty table.</summary>
    /// <param name="protocol">The protocol name written on timeout messages (the <c>proto</c> key).</param>
    /// <param name="capacity">The most requests kept at once; at least 1.</param>
    public PendingRequests(string protocol, int capacity)
    {
        ArgumentException.ThrowIfNullOrEmpty(protocol);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _protocol = protocol;
        _capacity = capacity;
    }

    /// <summary>How many requests are waiting.</summary>
    public int Count => _requests.Count;

    /// <summary>Remembers a request, replacing one with the same key (a reused id means the old one was abandoned).</summary>
    /// <param name="key">The correlation key.</param>
    /// <param name="request">The request.</param>
    public void Remember(TKey key, TRequest request)
    {
        if (_requests.Count >= _capacity && !_requests.ContainsKey(key))
        {
            _requests.Remove(_requests.MinBy(entry => entry.Value.Frame).Key);
        }

        _requests[key] = request;
    }

    /// <summary>Looks a request up without removing it (for a response that comes in several parts).</summary>
    /// <param name="key">The correlation key.</param>
    /// <param name="request">The request, when found.</param>
    /// <returns>Whether a request waits under <paramref name="key"/>.</returns>
    public bool TryPeek(TKey key, [MaybeNullWhen(false)] out TRequest request) => _requests.TryGetValue(key, out request);

    /// <summary>Takes the request a final response answers.</summary>
    /// <param name="key">The correlation key.</param>
    /// <param name="request">The request, when found.</param>
    /// <returns>Whether a request waited under <paramref name="key"/>.</returns>
    public bool TryTake(TKey key, [MaybeNullWhen(false)] out TRequest request) => _requests.Remove(key, out request);

    /// <summary>
    /// The flow ended: reports every waiting request, oldest first, as a <see cref="MessageStatus.Timeout"/>
    /// message dated at the flow's last frame and pointing back at the request's frame, then forgets them.
    /// </summary>
    /// <param name="flowEnd">The flow's last frame.</param>
    /// <param name="sink">Where the timeout messages go.</param>
    public void ReportTimeouts(in DissectContext flowEnd, IOtMessageSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        foreach (TRequest request in _requests.Values.OrderBy(r => r.Frame))
        {
            sink.OnMessage(new OtMessage
            {
                Frame = flowEnd.Frame,
                Timestamp = flowEnd.Timestamp,
                Protocol = _protocol,
                Source = request.Source,
                Destination = request.Destination,
                Transport = flowEnd.Transport,
                Direction = MessageDirection.Request,
                Operation = request.Operation,
                Function = request.Function,
                FunctionName = request.FunctionName,
                Status = MessageStatus.Timeout,
                RequestFrame = request.Frame,
            });
        }

        _requests.Clear();
    }
}
