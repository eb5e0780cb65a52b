using OtSecurity.Model;

namespace OtSecurity.Response.BlastRadius;

/// <summary>
/// What an action would affect: the assets, zones, production lines, conduits and vendors, what it does to the
/// process, and whether an operator would lose the view or control of the process. Computed by the action over
/// the site's zone/conduit graph (<see cref="SiteGraph"/>) and closed by the engine (<see cref="BlastRadiusRules.Closure"/>):
/// the zones and lines of every affected asset and both end zones of every affected conduit are added, ids the
/// site does not know are moved to <see cref="UnknownReferences"/>, and every list is in site-model order.
/// </summary>
public sealed record ActionBlastRadius
{
    /// <summary>The ids of the assets whose operation or communication the action changes or reads.</summary>
    public EquatableArray<string> Assets { get; init; }

    /// <summary>The ids of the zones the action reaches.</summary>
    public EquatableArray<string> Zones { get; init; }

    /// <summary>The ids of the production lines served by affected assets.</summary>
    public EquatableArray<string> ProductionLines { get; init; }

    /// <summary>The ids of the conduits whose traffic the action cuts or changes, wholly or in part.</summary>
    public EquatableArray<string> Conduits { get; init; }

    /// <summary>The ids of the vendors whose access the action changes.</summary>
    public EquatableArray<string> Vendors { get; init; }

    /// <summary>What the action does to the process.</summary>
    public ProcessEffect Effect { get; init; }

    /// <summary>True when an operator would lose the view of the process (an HMI cut off from a controller it shows).</summary>
    public bool RemovesOperatorView { get; init; }

    /// <summary>True when an operator would lose the control of the process (an HMI cut off, or a controller stopped).</summary>
    public bool RemovesOperatorControl { get; init; }

    /// <summary>True when the action adds latency or inspection to the traffic of its conduits and zones (inline filtering, rate limiting).</summary>
    public bool DelaysTraffic { get; init; }

    /// <summary>The operator stations that would lose a controller they supervise.</summary>
    public EquatableArray<SupervisionLoss> LostSupervision { get; init; }

    /// <summary>Ids the action named that the site model does not hold (as "asset:ID", "conduit:ID", "zone:ID", "line:ID", "vendor:ID").</summary>
    public EquatableArray<string> UnknownReferences { get; init; }

    /// <summary>The blast-radius rules (<see cref="BlastRadiusRules"/>) that built the radius, in the order applied.</summary>
    public EquatableArray<string> Rules { get; init; }

    /// <summary>How the radius was computed, in words, one line per step.</summary>
    public EquatableArray<string> Notes { get; init; }

    /// <summary>True when the action touches nothing: no asset, zone, line, conduit or vendor, and no effect on the process.</summary>
    public bool IsEmpty =>
        Assets.IsEmpty && Zones.IsEmpty && ProductionLines.IsEmpty && Conduits.IsEmpty && Vendors.IsEmpty
        && UnknownReferences.IsEmpty && Effect <= ProcessEffect.Observational && !RemovesOperatorView && !RemovesOperatorControl && !DelaysTraffic;

    /// <summary>The radius of an action that changes nothing outside the security team (<see cref="BlastRadiusRules.None"/>).</summary>
    public static ActionBlastRadius None { get; } = new()
    {
        Effect = ProcessEffect.None,
        Rules = [BlastRadiusRules.None],
        Notes = ["BR-NONE: nothing outside the security team changes."],
    };

    /// <summary>A one-line summary for people: "12 asset(s); conduits cnd-ops-cell1; lines line-1; interrupts communication".</summary>
    public string Summarize()
    {
        if (Effect <= ProcessEffect.Observational && Assets.IsEmpty && Conduits.IsEmpty)
        {
            return Effect == ProcessEffect.None ? "touches nothing" : "passive: touches nothing";
        }

        var parts = new List<string> { $"{Assets.Count} asset(s)" };
        if (!Conduits.IsEmpty)
        {
            parts.Add($"conduits {string.Join(", ", Conduits)}");
        }

        if (!ProductionLines.IsEmpty)
        {
            parts.Add($"lines {string.Join(", ", ProductionLines)}");
        }

        parts.Add(Effect switch
        {
            ProcessEffect.Observational => "read only",
            ProcessEffect.InterruptsCommunication => "interrupts communication",
            ProcessEffect.StopsProcess => "stops the process",
            _ => "no effect",
        });
        if (RemovesOperatorView || RemovesOperatorControl)
        {
            parts.Add(RemovesOperatorView && RemovesOperatorControl ? "removes operator view and control" : RemovesOperatorView ? "removes operator view" : "removes operator control");
        }

        return string.Join("; ", parts);
    }
}
