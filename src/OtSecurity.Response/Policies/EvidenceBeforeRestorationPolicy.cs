using OtSecurity.Response.Actions;
using OtSecurity.Response.Plans;

namespace OtSecurity.Response.Policies;

/// <summary>
/// Restoration overwrites what the evidence would show, so a restoration step must come after an evidence step
/// that preserves what it restores (a configuration snapshot or program upload of the asset) — unless the site,
/// or the zone of what is restored, declares restoration first (<see cref="Engine.ResponseOptions.RestorationFirst"/>,
/// <see cref="Engine.ResponseOptions.RestorationFirstZones"/>). Missing or later evidence denies the restoration.
/// The engine also holds a restoration back while its evidence steps are denied or await approval (their verdicts
/// are known only after every policy has spoken).
/// </summary>
public sealed class EvidenceBeforeRestorationPolicy : IResponsePolicy
{
    /// <inheritdoc />
    public string Id => PolicyIds.EvidenceBeforeRestoration;

    /// <inheritdoc />
    public string Name => "Evidence before restoration";

    /// <inheritdoc />
    public int Order => 400;

    /// <inheritdoc />
    public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(Evaluate(context));
    }

    private static PolicyDecision Evaluate(PolicyContext context)
    {
        ProposedStep step = context.Step;
        if (!step.Has(ActionTraits.Restoration))
        {
            return PolicyDecision.NotApplicable(ResponseRules.EvidenceNotRestoration.Id, "The step restores nothing.");
        }

        string[] zones = [.. step.BlastRadius.Zones];
        if (context.Options.RestorationFirst || zones.Any(context.Options.IsRestorationFirst))
        {
            return PolicyDecision.Automatic(ResponseRules.RestorationFirstDeclared.Id, context.Options.RestorationFirst
                ? "The site declares restoration first: production is restored before evidence is kept."
                : $"{string.Join(", ", zones.Where(context.Options.IsRestorationFirst))} declare restoration first.");
        }

        string restored = step.Target.Id;
        ProposedStep[] before = [.. context.Plan.Take(context.StepIndex).Where(s => s.Has(ActionTraits.Evidence)
            && s.Target.Kind == ActionTargetKind.Asset && string.Equals(s.Target.Id, restored, StringComparison.Ordinal))];
        if (before.Length == 0)
        {
            bool later = context.Plan.Skip(context.StepIndex + 1).Any(s => s.Has(ActionTraits.Evidence) && string.Equals(s.Target.Id, restored, StringComparison.Ordinal));
            return PolicyDecision.Denied(ResponseRules.EvidenceMissing.Id, later
                ? $"The evidence step for {restored} comes after its restoration; restoring first would overwrite the evidence."
                : $"No step preserves the state of {restored} (program upload or configuration snapshot) before it is restored; add one, or declare restoration first.");
        }

        return PolicyDecision.Automatic(ResponseRules.EvidenceFirst.Id, $"{string.Join(", ", before.Select(static s => s.Id))} preserve{(before.Length == 1 ? "s" : string.Empty)} the state of {restored} before it is restored.");
    }
}
