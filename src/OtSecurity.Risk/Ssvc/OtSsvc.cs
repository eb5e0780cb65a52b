using OtSecurity.Model.Assets;
using OtSecurity.Model.Sites;

namespace OtSecurity.Risk.Ssvc;

/// <summary>Mission &amp; well-being after the OT extension, with the reason for any change.</summary>
/// <param name="Baseline">The value from CISA's Table 8 (mission prevalence × public well-being impact).</param>
/// <param name="Effective">The value after the OT extension.</param>
/// <param name="Reason">Why it was raised, or why not.</param>
public sealed record OtMissionAndWellBeing(MissionAndWellBeing Baseline, MissionAndWellBeing Effective, string Reason);

/// <summary>
/// The OT extension of CISA SSVC. In a plant a compromised controller can hurt people and the environment, which the
/// IT-centred inputs understate, so mission &amp; well-being is raised:
/// a safety instrumented function or emergency stop → High;
/// a safety-related asset → one level up;
/// a continuous-process environment → one level up (a trip costs more than the outage and risks a release);
/// the raises add up, and High is the ceiling.
/// Mission prevalence of an asset follows its criticality: low → minimal, medium → support, high and critical → essential.
/// </summary>
public static class OtSsvc
{
    /// <summary>Mission prevalence from the asset's criticality.</summary>
    /// <param name="criticality">The asset's criticality.</param>
    /// <returns>Minimal, support or essential.</returns>
    public static MissionPrevalence PrevalenceOf(Criticality criticality) => criticality switch
    {
        Criticality.Low => MissionPrevalence.Minimal,
        Criticality.Medium => MissionPrevalence.Support,
        _ => MissionPrevalence.Essential,
    };

    /// <summary>Applies the OT extension to a baseline mission &amp; well-being.</summary>
    /// <param name="baseline">The CISA value.</param>
    /// <param name="safetyRole">The asset's safety role.</param>
    /// <param name="environment">The environment class the asset runs in.</param>
    /// <returns>The raised value and why.</returns>
    public static OtMissionAndWellBeing Raise(MissionAndWellBeing baseline, SafetyRole safetyRole, EnvironmentClass environment)
    {
        if (safetyRole.IsSafetyFunction())
        {
            string role = safetyRole == SafetyRole.EmergencyStop ? "an emergency stop" : "a safety instrumented function";
            return new OtMissionAndWellBeing(baseline, MissionAndWellBeing.High, $"raised to high: the asset is {role}");
        }

        int level = (int)baseline;
        var reasons = new List<string>();
        if (safetyRole == SafetyRole.SafetyRelated)
        {
            level++;
            reasons.Add("the asset is safety-related");
        }

        if (environment == EnvironmentClass.ContinuousProcess)
        {
            level++;
            reasons.Add("the site is a continuous process");
        }

        var effective = (MissionAndWellBeing)Math.Min(level, (int)MissionAndWellBeing.High);
        string reason = reasons.Count == 0
            ? "no OT raise (no safety role, not a continuous process)"
            : effective == baseline ? $"already high ({string.Join(" and ", reasons)})" : $"raised from {baseline.ToString().ToLowerInvariant()} to {effective.ToString().ToLowerInvariant()}: {string.Join(" and ", reasons)}";
        return new OtMissionAndWellBeing(baseline, effective, reason);
    }

    /// <summary>The full OT SSVC evaluation of a vulnerability on an asset.</summary>
    /// <param name="exploitation">Exploitation.</param>
    /// <param name="automatable">Automatable.</param>
    /// <param name="technicalImpact">Technical impact.</param>
    /// <param name="prevalence">Mission prevalence.</param>
    /// <param name="wellBeing">Public well-being impact.</param>
    /// <param name="safetyRole">The asset's safety role.</param>
    /// <param name="environment">The environment class.</param>
    /// <returns>The decision and the mission &amp; well-being behind it.</returns>
    public static (SsvcDecision Decision, OtMissionAndWellBeing MissionAndWellBeing) Decide(
        SsvcExploitation exploitation,
        SsvcAutomatable automatable,
        SsvcTechnicalImpact technicalImpact,
        MissionPrevalence prevalence,
        PublicWellBeingImpact wellBeing,
        SafetyRole safetyRole,
        EnvironmentClass environment)
    {
        MissionAndWellBeing baseline = CisaSsvc.DeriveMissionAndWellBeing(prevalence, wellBeing);
        OtMissionAndWellBeing raised = Raise(baseline, safetyRole, environment);
        return (CisaSsvc.Decide(exploitation, automatable, technicalImpact, raised.Effective), raised);
    }
}
