namespace OtSecurity.Response.Policies;

/// <summary>A rule of the response engine or of a built-in policy: its stable id and what it decides.</summary>
/// <param name="Id">The stable rule id, <c>OTR-&lt;AREA&gt;-NNN</c>.</param>
/// <param name="Title">What the rule decides, in one line.</param>
public sealed record ResponseRule(string Id, string Title)
{
    /// <inheritdoc />
    public override string ToString() => $"{Id} {Title}";
}

/// <summary>
/// Every rule id the engine and the built-in policies use (docs/response.md lists them with their semantics).
/// Ids are stable: a rule may be retired but its id is never reused.
/// </summary>
public static class ResponseRules
{
    /// <summary>OTR-SIS-000: the blast radius holds no SIS or safety-related asset and no conduit they depend on.</summary>
    public static ResponseRule SisClear { get; } = new("OTR-SIS-000", "The blast radius holds no SIS or safety-related asset and no conduit they depend on.");

    /// <summary>OTR-SIS-001: the blast radius holds a SIS or safety-related asset.</summary>
    public static ResponseRule SisAsset { get; } = new("OTR-SIS-001", "The blast radius holds a safety instrumented function or a safety-related asset.");

    /// <summary>OTR-SIS-002: the blast radius holds a conduit a SIS or safety-related asset depends on.</summary>
    public static ResponseRule SisConduit { get; } = new("OTR-SIS-002", "The blast radius holds a conduit a safety instrumented function or safety-related asset depends on.");

    /// <summary>OTR-SIS-003: the blast radius names assets, conduits or zones the site does not hold, so it cannot be shown to spare the safety functions.</summary>
    public static ResponseRule SisUnknown { get; } = new("OTR-SIS-003", "The blast radius names assets, conduits, zones or targets the site does not hold; it cannot be shown to spare the safety functions.");

    /// <summary>OTR-ESD-000: the action cannot block or delay an emergency-stop path.</summary>
    public static ResponseRule EStopClear { get; } = new("OTR-ESD-000", "The action cannot block or delay an emergency-stop path.");

    /// <summary>OTR-ESD-001: the blast radius holds an emergency-stop asset.</summary>
    public static ResponseRule EStopAsset { get; } = new("OTR-ESD-001", "The blast radius holds an emergency-stop asset.");

    /// <summary>OTR-ESD-002: the blast radius holds a conduit an emergency-stop path depends on.</summary>
    public static ResponseRule EStopConduit { get; } = new("OTR-ESD-002", "The blast radius holds a conduit an emergency-stop path depends on.");

    /// <summary>OTR-ESD-003: the action delays traffic in a zone that holds an emergency stop.</summary>
    public static ResponseRule EStopDelay { get; } = new("OTR-ESD-003", "The action adds latency or inspection to traffic of a zone that holds an emergency stop.");

    /// <summary>OTR-ESD-004: the blast radius names things the site does not hold, so it cannot be shown to spare the emergency stops.</summary>
    public static ResponseRule EStopUnknown { get; } = new("OTR-ESD-004", "The blast radius names assets, conduits, zones or targets the site does not hold; it cannot be shown to spare the emergency stops.");

    /// <summary>OTR-PI-000: the expected downtime cost is at or below the approval threshold.</summary>
    public static ResponseRule CostBelowThreshold { get; } = new("OTR-PI-000", "The expected downtime cost is at or below the approval threshold.");

    /// <summary>OTR-PI-001: the expected downtime cost exceeds the approval threshold: one person approves.</summary>
    public static ResponseRule CostNeedsApproval { get; } = new("OTR-PI-001", "The expected downtime cost exceeds the approval threshold: one person must approve.");

    /// <summary>OTR-PI-002: the expected downtime cost exceeds the two-person threshold: two different people approve.</summary>
    public static ResponseRule CostNeedsTwoPeople { get; } = new("OTR-PI-002", "The expected downtime cost exceeds the two-person threshold: two different people must approve.");

    /// <summary>OTR-PI-003: the expected downtime cost could not be estimated for an action that interrupts production.</summary>
    public static ResponseRule CostUnknown { get; } = new("OTR-PI-003", "The expected downtime cost of an action that interrupts production could not be estimated.");

    /// <summary>OTR-MW-000: the action is not disruptive; maintenance windows do not apply.</summary>
    public static ResponseRule WindowNotNeeded { get; } = new("OTR-MW-000", "The action is not disruptive; maintenance windows do not apply.");

    /// <summary>OTR-MW-001: every affected zone is inside a declared maintenance window.</summary>
    public static ResponseRule WindowOpen { get; } = new("OTR-MW-001", "Every affected zone is inside one of its declared maintenance windows.");

    /// <summary>OTR-MW-002: an affected zone is outside its maintenance windows.</summary>
    public static ResponseRule WindowClosed { get; } = new("OTR-MW-002", "An affected zone is outside its declared maintenance windows.");

    /// <summary>OTR-MW-003: an affected zone declares no maintenance window.</summary>
    public static ResponseRule WindowNone { get; } = new("OTR-MW-003", "An affected zone declares no maintenance window.");

    /// <summary>OTR-MW-004: the site's time zone is not known on this machine, so local time cannot be told.</summary>
    public static ResponseRule WindowTimeZoneUnknown { get; } = new("OTR-MW-004", "The site's time zone is not known on this machine, so the local time cannot be told.");

    /// <summary>OTR-MW-005: a disruptive action names no zone, so its windows cannot be checked.</summary>
    public static ResponseRule WindowNoZone { get; } = new("OTR-MW-005", "A disruptive action names no zone, so its maintenance windows cannot be checked.");

    /// <summary>OTR-HF-000: operators keep the view and control of the process.</summary>
    public static ResponseRule OperatorKept { get; } = new("OTR-HF-000", "Operators keep the view and control of the process.");

    /// <summary>OTR-HF-001: the action removes an operator's view of the process.</summary>
    public static ResponseRule OperatorViewLost { get; } = new("OTR-HF-001", "The action removes an operator's view of the process.");

    /// <summary>OTR-HF-002: the action removes an operator's control of the process.</summary>
    public static ResponseRule OperatorControlLost { get; } = new("OTR-HF-002", "The action removes an operator's control of the process.");

    /// <summary>OTR-EVD-000: the step is not a restoration; evidence ordering does not apply.</summary>
    public static ResponseRule EvidenceNotRestoration { get; } = new("OTR-EVD-000", "The step is not a restoration; evidence ordering does not apply.");

    /// <summary>OTR-EVD-001: the evidence steps for what is restored come before it and may run.</summary>
    public static ResponseRule EvidenceFirst { get; } = new("OTR-EVD-001", "The evidence steps for what is restored come before it and may run.");

    /// <summary>OTR-EVD-002: restoration would overwrite evidence that no earlier step preserves (missing, later or denied).</summary>
    public static ResponseRule EvidenceMissing { get; } = new("OTR-EVD-002", "Restoration would overwrite evidence that no earlier, runnable step preserves.");

    /// <summary>OTR-EVD-003: an evidence step for what is restored awaits approval; restoration waits for it.</summary>
    public static ResponseRule EvidencePending { get; } = new("OTR-EVD-003", "An evidence step for what is restored awaits approval; restoration waits for it.");

    /// <summary>OTR-EVD-004: the site (or zone) declares restoration first.</summary>
    public static ResponseRule RestorationFirstDeclared { get; } = new("OTR-EVD-004", "The site or zone declares restoration first.");

    /// <summary>OTR-FS-001: a policy threw: the step is denied (notifications stay allowed).</summary>
    public static ResponseRule PolicyThrew { get; } = new("OTR-FS-001", "A policy threw an exception: the step is denied (a notification that touches nothing stays allowed).");

    /// <summary>OTR-FS-002: a policy did not decide in time: the step is denied (notifications stay allowed).</summary>
    public static ResponseRule PolicyTimedOut { get; } = new("OTR-FS-002", "A policy did not decide within the policy timeout: the step is denied (a notification that touches nothing stays allowed).");

    /// <summary>OTR-FS-003: a policy gave no decision or a malformed one: the step is denied (notifications stay allowed).</summary>
    public static ResponseRule PolicyNoDecision { get; } = new("OTR-FS-003", "A policy gave no decision, or a malformed one: the step is denied (a notification that touches nothing stays allowed).");

    /// <summary>OTR-ENG-000: the engine's starting verdict: automatic.</summary>
    public static ResponseRule EngineDefault { get; } = new("OTR-ENG-000", "No rule objects: the step may run automatically.");

    /// <summary>OTR-ENG-001: the action is never automatic.</summary>
    public static ResponseRule NeverAutomatic { get; } = new("OTR-ENG-001", "The action is never automatic: a person must approve it.");

    /// <summary>OTR-ENG-002: the blast radius could not be computed: the step is denied.</summary>
    public static ResponseRule RadiusFailed { get; } = new("OTR-ENG-002", "The blast radius could not be computed: the step is denied.");

    /// <summary>OTR-ENG-003: the site model has structural validation errors (ids, zone membership, conduit ends): anything that touches the plant needs approval.</summary>
    public static ResponseRule InvalidSite { get; } = new("OTR-ENG-003", "The site model has structural validation errors (ids, zone membership, conduit ends), so blast radii may be incomplete: any step that touches the plant needs approval.");

    /// <summary>OTR-ENG-004: the step names an action the catalog does not hold: denied.</summary>
    public static ResponseRule UnknownAction { get; } = new("OTR-ENG-004", "The step names an action the catalog does not hold: it is denied.");

    /// <summary>OTR-INP-001: the alert names an asset the site does not hold.</summary>
    public static ResponseRule UnknownAsset { get; } = new("OTR-INP-001", "The alert names an asset the site model does not hold.");

    /// <summary>OTR-INP-002: the alert names a technique the ATT&amp;CK for ICS catalog does not hold.</summary>
    public static ResponseRule UnknownTechnique { get; } = new("OTR-INP-002", "The alert names a technique the ATT&CK for ICS catalog does not hold.");

    /// <summary>OTR-INP-003: the input cannot be planned for at all (no alert, no site, or a failure building the site graph).</summary>
    public static ResponseRule Unplannable { get; } = new("OTR-INP-003", "The input cannot be planned for (no alert, no site, or the site cannot be read): the engine refuses.");

    /// <summary>OTR-INP-004: an action failed while proposing steps, or two steps or actions share an id.</summary>
    public static ResponseRule ProposalProblem { get; } = new("OTR-INP-004", "An action failed while proposing steps, or two actions or steps share an id; the affected proposals are left out.");

    /// <summary>Every rule, in id order.</summary>
    public static IReadOnlyList<ResponseRule> All { get; } =
    [
        SisClear, SisAsset, SisConduit, SisUnknown,
        EStopClear, EStopAsset, EStopConduit, EStopDelay, EStopUnknown,
        CostBelowThreshold, CostNeedsApproval, CostNeedsTwoPeople, CostUnknown,
        WindowNotNeeded, WindowOpen, WindowClosed, WindowNone, WindowTimeZoneUnknown, WindowNoZone,
        OperatorKept, OperatorViewLost, OperatorControlLost,
        EvidenceNotRestoration, EvidenceFirst, EvidenceMissing, EvidencePending, RestorationFirstDeclared,
        PolicyThrew, PolicyTimedOut, PolicyNoDecision,
        EngineDefault, NeverAutomatic, RadiusFailed, InvalidSite, UnknownAction,
        UnknownAsset, UnknownTechnique, Unplannable, ProposalProblem,
    ];
}
