using System.Diagnostics.CodeAnalysis;

namespace OtSecurity.Capture.Reassembly;

/// <summary>
/// The flows of a capture by <see cref="FlowKey"/>, with an intrusive least-recently-active list so that idle and
/// over-limit eviction look only at the oldest entries (O(1) per packet).
/// </summary>
internal sealed class FlowTable
{
    private readonly Dictionary<FlowKey, Flow> _flows = [];
    private Flow? _newest;
    private Flow? _oldest;

    public int Count => _flows.Count;

    /// <summary>The least recently active flow.</summary>
    public Flow? Oldest => _oldest;

    public IEnumerable<Flow> Flows => _flows.Values;

    public bool TryGet(in FlowKey key, [NotNullWhen(true)] out Flow? flow) => _flows.TryGetValue(key, out flow);

    public void Add(Flow flow, DateTime now)
    {
        _flows.Add(flow.Key, flow);
        flow.LastSeen = now;
        Link(flow);
    }

    /// <summary>Marks a flow as the most recently active.</summary>
    public void Touch(Flow flow, DateTime now)
    {
        flow.LastSeen = now;
        if (ReferenceEquals(flow, _newest))
        {
            return;
        }

        Unlink(flow);
        Link(flow);
    }

    public void Remove(Flow flow)
    {
        if (_flows.Remove(flow.Key))
        {
            Unlink(flow);
        }
    }

    public void Clear()
    {
        _flows.Clear();
        _newest = null;
        _oldest = null;
    }

    private void Link(Flow flow)
    {
        flow.Older = _newest;
        flow.Newer = null;
        if (_newest is not null)
        {
            _newest.Newer = flow;
        }

        _newest = flow;
        _oldest ??= flow;
    }

    private void Unlink(Flow flow)
    {
        if (flow.Newer is not null)
        {
            flow.Newer.Older = flow.Older;
        }
        else
        {
            _newest = flow.Older;
        }

        if (flow.Older is not null)
        {
            flow.Older.Newer = flow.Newer;
        }
        else
        {
            _oldest = flow.Newer;
        }

        flow.Newer = null;
        flow.Older = null;
    }
}
