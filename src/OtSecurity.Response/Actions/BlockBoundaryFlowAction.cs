using OtSecurity.Model.Assets;
using OtSecurity.Model.Conduits;
using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Actions;

/// <summary>
/// Block the affected assets' flows at the IT/OT boundary: at the first conduit on the shortest path from the
/// asset's zone that crosses between the operational zones (Purdue 0–3) and the DMZ or enterprise zones
/// (3.5–5). Only those assets' flows across that conduit stop; the rest of the conduit keeps working. Proposed
/// when the techniques point at traffic from or to outside the plant, or at remote access with no known vendor.
/// </summary>
public sealed class BlockBoundaryFlowAction : ResponseActionBase
{
    /// <summary>Creates the action.</summary>
    public BlockBoundaryFlowAction()
        : base(ResponseActionIds.BlockBoundaryFlow, "Block the flows at the IT/OT boundary", "Adds a deny rule for the affected assets' flows on the firewall of the IT/OT boundary conduit; other flows of the conduit keep working.", ActionPhase.Containment, ActionTraits.None, 0)
    {
    }

    /// <inheritdoc />
    public override IEnumerable<ActionProposal> Propose(ProposalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        bool remoteWithoutVendor = context.Has(ResponseFamily.RemoteAccess) && context.InvolvedVendors.Count == 0;
        if (!context.Has(ResponseFamily.FromOutside) && !remoteWithoutVendor)
        {
            yield break;
        }

        var scopes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (Asset asset in context.AffectedAssets)
        {
            foreach (string zone in context.Graph.ZonesOf(asset.Id))
            {
                if (BoundaryConduit(context.Graph, zone) is { } conduit)
                {
                    if (!scopes.TryGetValue(conduit.Id, out List<string>? scope))
                    {
                        scope = [];
                        scopes.Add(conduit.Id, scope);
                    }

                    if (!scope.Contains(asset.Id, StringComparer.Ordinal))
                    {
                        scope.Add(asset.Id);
                    }
                }
            }
        }

        ResponseFamily why = ResponseFamily.FromOutside | ResponseFamily.RemoteAccess;
        foreach (string conduitId in context.Graph.InConduitOrder(scopes.Keys))
        {
            string[] scope = [.. context.Graph.InAssetOrder(scopes[conduitId])];
            yield return Proposal(
                ActionTarget.Conduit(conduitId),
                $"Block the flows of {string.Join(", ", scope)} across the IT/OT boundary at {conduitId} ({Because(context, why)}).",
                context.TechniquesFor(why),
                scope);
        }
    }

    /// <inheritdoc />
    public override ActionBlastRadius ComputeBlastRadius(ActionProposal proposal, SiteGraph graph)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(graph);
        if (proposal.Target.Kind != ActionTargetKind.Conduit)
        {
            return WrongTarget(proposal, ActionTargetKind.Conduit);
        }

        // With no scope the whole conduit is closed: the radius of an isolation.
        return BlastRadiusCalculator.ConduitCut(graph, [proposal.Target.Id], proposal.Scope.IsEmpty ? null : proposal.Scope.AsImmutableArray());
    }

    /// <summary>
    /// The IT/OT boundary conduit for a zone: the last conduit of the shortest path from the zone to the nearest
    /// zone on the other side of the boundary (operational zones on one side, DMZ and enterprise on the other);
    /// null when no such path exists (an isolated or air-gapped zone).
    /// </summary>
    /// <param name="graph">The site graph.</param>
    /// <param name="zoneId">The zone.</param>
    public static Conduit? BoundaryConduit(SiteGraph graph, string zoneId)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.FindZone(zoneId) is null)
        {
            return null;
        }

        bool operational = graph.IsOperationalZone(zoneId);
        IReadOnlyList<Conduit>? path = graph.ShortestPathTo(zoneId, z => graph.IsOperationalZone(z) != operational);
        return path is { Count: > 0 } ? path[^1] : null;
    }
}
