using OtSecurity.Model.Assets;
using OtSecurity.Response.BlastRadius;

namespace OtSecurity.Response.Policies;

/// <summary>
/// Denies any step whose blast radius includes a safety instrumented function or a safety-related asset, or a
/// conduit such an asset depends on (<see cref="SiteGraph.SisDependentConduits"/>), or names anything the site
/// does not hold (it then cannot be shown to spare them). Mandatory: the engine always applies its own instance,
/// whatever the DI registrations hold, and its Deny cannot be lowered by any other policy.
/// </summary>
public sealed class SafetyInstrumentedSystemGuard : IResponsePolicy
{
    /// <inheritdoc />
    public string Id => PolicyIds.SisGuard;

    /// <inheritdoc />
    public string Name => "Safety instrumented system guard";

    /// <inheritdoc />
    public int Order => -200;

    /// <inheritdoc />
    public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(Evaluate(context.Step.BlastRadius, context.Graph));
    }

    /// <summary>Judges a blast radius.</summary>
    /// <param name="radius">A closed blast radius.</param>
    /// <param name="graph">The site graph.</param>
    public static PolicyDecision Evaluate(ActionBlastRadius radius, SiteGraph graph)
    {
        ArgumentNullException.ThrowIfNull(radius);
        ArgumentNullException.ThrowIfNull(graph);
        string[] unknown = [.. GuardHelpers.SafetyRelevantUnknowns(radius)];
        if (unknown.Length > 0)
        {
            return PolicyDecision.Denied(ResponseRules.SisUnknown.Id, $"The blast radius names {string.Join(", ", unknown)}, which the site model does not hold; it cannot be shown to spare the safety instrumented functions.");
        }

        string[] safety = [.. radius.Assets.Where(id => graph.FindAsset(id) is { SafetyRole: SafetyRole.SafetyInstrumentedFunction or SafetyRole.SafetyRelated })];
        if (safety.Length > 0)
        {
            return PolicyDecision.Denied(ResponseRules.SisAsset.Id, $"The blast radius holds {GuardHelpers.DescribeAssets(graph, safety)}; security response never acts on a safety instrumented system or what supports it — the process safety engineer and the SIS vendor act through their own procedures.");
        }

        string[] conduits = [.. radius.Conduits.Where(graph.SisDependentConduits.Contains)];
        if (conduits.Length > 0)
        {
            return PolicyDecision.Denied(ResponseRules.SisConduit.Id, $"The blast radius holds {string.Join(", ", conduits)}, which the safety functions depend on (trips, permissives, bypass states and safety alarms cross it); contain elsewhere, upstream of the control zones.");
        }

        return PolicyDecision.Automatic(ResponseRules.SisClear.Id, "No safety instrumented function, safety-related asset or conduit they depend on is in the blast radius.");
    }
}
