using OtSecurity.Model.Assets;
using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Actions;

/// <summary>A convenient base for <see cref="IResponseAction"/> implementations: metadata and proposal helpers.</summary>
public abstract class ResponseActionBase : IResponseAction
{
    /// <summary>Creates the action.</summary>
    /// <param name="id">The action id.</param>
    /// <param name="name">The name for people.</param>
    /// <param name="description">What it does.</param>
    /// <param name="phase">Where it sits in a plan.</param>
    /// <param name="traits">What kind of action it is.</param>
    /// <param name="expectedOutageHours">Expected hours of lost production for what it affects.</param>
    protected ResponseActionBase(string id, string name, string description, ActionPhase phase, ActionTraits traits, double expectedOutageHours)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedOutageHours);
        Id = id;
        Name = name;
        Description = description ?? string.Empty;
        Phase = phase;
        Traits = traits;
        ExpectedOutageHours = expectedOutageHours;
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public ActionPhase Phase { get; }

    /// <inheritdoc />
    public ActionTraits Traits { get; }

    /// <inheritdoc />
    public double ExpectedOutageHours { get; }

    /// <inheritdoc />
    public abstract IEnumerable<ActionProposal> Propose(ProposalContext context);

    /// <inheritdoc />
    public abstract ActionBlastRadius ComputeBlastRadius(ActionProposal proposal, SiteGraph graph);

    /// <summary>True for the computers a quarantine can take off the network (workstations, servers, HMIs, gateways).</summary>
    /// <param name="asset">An asset.</param>
    protected internal static bool IsHost(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return asset.Kind is AssetKind.EngineeringWorkstation or AssetKind.Workstation or AssetKind.Server or AssetKind.Historian
            or AssetKind.Hmi or AssetKind.OpcScadaServer or AssetKind.RemoteAccessGateway;
    }

    /// <summary>True for controllers (PLC, safety controller, DCS controller, RTU, IED).</summary>
    /// <param name="asset">An asset.</param>
    protected internal static bool IsController(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return asset.Kind is AssetKind.Plc or AssetKind.SafetyController or AssetKind.DcsController or AssetKind.Rtu or AssetKind.Ied;
    }

    /// <summary>Creates a proposal of this action.</summary>
    /// <param name="target">The target.</param>
    /// <param name="reason">Why.</param>
    /// <param name="techniques">The techniques that led to it.</param>
    /// <param name="scope">The assets it is restricted to.</param>
    protected ActionProposal Proposal(ActionTarget target, string reason, IEnumerable<string>? techniques = null, IEnumerable<string>? scope = null) => new()
    {
        ActionId = Id,
        Target = target,
        Reason = reason,
        Techniques = [.. techniques ?? []],
        Scope = [.. scope ?? []],
    };

    /// <summary>A radius for a proposal whose target is not of the kind this action acts on: the guards deny it.</summary>
    /// <param name="proposal">The proposal.</param>
    /// <param name="expected">The target kind the action acts on.</param>
    protected ActionBlastRadius WrongTarget(ActionProposal proposal, ActionTargetKind expected)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return new ActionBlastRadius
        {
            UnknownReferences = [$"target:{proposal.Target}"],
            Notes = [$"{Id} acts on a {ActionTarget.KindName(expected)} of the site; {proposal.Target} is not one, so the radius cannot be computed."],
        };
    }

    /// <summary>"T0843 Program Download, T0889 Modify Program" for the notes.</summary>
    /// <param name="context">The context.</param>
    /// <param name="family">The families.</param>
    protected static string Because(ProposalContext context, ResponseFamily family)
    {
        ArgumentNullException.ThrowIfNull(context);
        return string.Join(", ", context.Techniques.Where(t => (TechniqueResponseMap.For(t.Id) & family) != 0).Select(static t => $"{t.Id} {t.Name}"));
    }
}
