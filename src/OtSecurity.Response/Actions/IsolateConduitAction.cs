using OtSecurity.Model.Assets;
using OtSecurity.Model.Conduits;
using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Actions;

/// <summary>
/// Isolate a conduit: close every flow between its two zones. Proposed when the techniques point at lateral
/// movement: the conduits on the shortest path between each pair of affected assets in different zones, or,
/// when the affected assets share one zone, the conduits from that zone up to zones of a higher Purdue level.
/// Disruptive: every asset of both end zones loses the traffic it exchanged across the conduit.
/// </summary>
public sealed class IsolateConduitAction : ResponseActionBase
{
    /// <summary>Creates the action.</summary>
    public IsolateConduitAction()
        : base(ResponseActionIds.IsolateConduit, "Isolate a conduit", "Closes every flow of the conduit (firewall deny-all or link down) so the two zones can no longer talk.", ActionPhase.Containment, ActionTraits.Disruptive, 1.0)
    {
    }

    /// <inheritdoc />
    public override IEnumerable<ActionProposal> Propose(ProposalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Has(ResponseFamily.LateralMovement))
        {
            yield break;
        }

        SiteGraph graph = context.Graph;
        var conduits = new List<string>();
        var why = new Dictionary<string, string>(StringComparer.Ordinal);
        Asset[] assets = [.. context.AffectedAssets];
        for (int i = 0; i < assets.Length; i++)
        {
            for (int j = i + 1; j < assets.Length; j++)
            {
                foreach (string from in graph.ZonesOf(assets[i].Id))
                {
                    foreach (string to in graph.ZonesOf(assets[j].Id))
                    {
                        if (graph.ShortestPath(from, to) is { } path)
                        {
                            foreach (Conduit conduit in path)
                            {
                                Add(conduit.Id, $"it lies on the path from {assets[i].Id} ({from}) to {assets[j].Id} ({to})");
                            }
                        }
                    }
                }
            }
        }

        if (conduits.Count == 0)
        {
            foreach (string zone in context.AffectedZones)
            {
                int level = (int)graph.FindZone(zone)!.PurdueLevel;
                foreach ((Conduit conduit, string other) in graph.Neighbours(zone))
                {
                    if ((int)graph.FindZone(other)!.PurdueLevel > level)
                    {
                        Add(conduit.Id, $"it connects {zone} up to {other}");
                    }
                }
            }
        }

        foreach (string id in graph.InConduitOrder(conduits))
        {
            yield return Proposal(ActionTarget.Conduit(id), $"Isolate {id}: {why[id]} ({Because(context, ResponseFamily.LateralMovement)}).", context.TechniquesFor(ResponseFamily.LateralMovement));
        }

        void Add(string id, string reason)
        {
            if (why.TryAdd(id, reason))
            {
                conduits.Add(id);
            }
        }
    }

    /// <inheritdoc />
    public override ActionBlastRadius ComputeBlastRadius(ActionProposal proposal, SiteGraph graph)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(graph);
        return proposal.Target.Kind == ActionTargetKind.Conduit
            ? BlastRadiusCalculator.ConduitCut(graph, [proposal.Target.Id])
            : WrongTarget(proposal, ActionTargetKind.Conduit);
    }
}
