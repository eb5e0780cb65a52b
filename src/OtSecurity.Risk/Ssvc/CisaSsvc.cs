namespace OtSecurity.Risk.Ssvc;

/// <summary>One row of the CISA SSVC decision table.</summary>
/// <param name="Exploitation">Exploitation.</param>
/// <param name="Automatable">Automatable.</param>
/// <param name="TechnicalImpact">Technical impact.</param>
/// <param name="MissionAndWellBeing">Mission &amp; well-being.</param>
/// <param name="Decision">The decision.</param>
public readonly record struct SsvcTableRow(
    SsvcExploitation Exploitation,
    SsvcAutomatable Automatable,
    SsvcTechnicalImpact TechnicalImpact,
    MissionAndWellBeing MissionAndWellBeing,
    SsvcDecision Decision);

/// <summary>
/// The CISA SSVC decision: "CISA Stakeholder-Specific Vulnerability Categorization Guide", CISA, November 2022,
/// https://www.cisa.gov/sites/default/files/publications/cisa-ssvc-guide%20508c.pdf — the decision tree (Figure 1) as
/// a complete table of 3 × 2 × 2 × 3 = 36 rows, and the Mission &amp; Well-being table (Table 8). The same table is
/// published by CERT/CC as "CISA Coordinator" decision table 2.0.3 (github.com/CERTCC/SSVC,
/// src/ssvc/decision_tables/cisa/cisa_coordinate_dt.py).
/// </summary>
public static class CisaSsvc
{
    private const SsvcDecision T = SsvcDecision.Track;
    private const SsvcDecision R = SsvcDecision.TrackStar;
    private const SsvcDecision A = SsvcDecision.Attend;
    private const SsvcDecision C = SsvcDecision.Act;

    // Indexed [exploitation, automatable, technical impact, mission & well-being] in enum order:
    // exploitation none/PoC/active, automatable no/yes, technical impact partial/total, mission & well-being low/medium/high.
    private static readonly SsvcDecision[] Table =
    [
        // Exploitation: none
        T, T, T,   // automatable no,  partial: low medium high
        T, T, R,   // automatable no,  total
        T, T, A,   // automatable yes, partial
        T, T, A,   // automatable yes, total
        // Exploitation: PoC
        T, T, R,   // no,  partial
        T, R, A,   // no,  total
        T, T, A,   // yes, partial
        T, R, A,   // yes, total
        // Exploitation: active
        T, T, A,   // no,  partial
        T, A, C,   // no,  total
        A, A, C,   // yes, partial
        A, C, C,   // yes, total
    ];

    // Table 8: rows mission prevalence minimal/support/essential, columns public well-being minimal/material/irreversible.
    private static readonly MissionAndWellBeing[] MissionWellBeingTable =
    [
        MissionAndWellBeing.Low, MissionAndWellBeing.Medium, MissionAndWellBeing.High,      // minimal
        MissionAndWellBeing.Medium, MissionAndWellBeing.Medium, MissionAndWellBeing.High,   // support
        MissionAndWellBeing.High, MissionAndWellBeing.High, MissionAndWellBeing.High,       // essential
    ];

    /// <summary>The decision for one combination of the four decision points.</summary>
    /// <param name="exploitation">Exploitation.</param>
    /// <param name="automatable">Automatable.</param>
    /// <param name="technicalImpact">Technical impact.</param>
    /// <param name="missionAndWellBeing">Mission &amp; well-being.</param>
    /// <returns>Track, Track*, Attend or Act.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not one the guide defines.</exception>
    public static SsvcDecision Decide(SsvcExploitation exploitation, SsvcAutomatable automatable, SsvcTechnicalImpact technicalImpact, MissionAndWellBeing missionAndWellBeing)
    {
        if ((uint)exploitation > (uint)SsvcExploitation.Active)
        {
            throw new ArgumentOutOfRangeException(nameof(exploitation), exploitation, "Exploitation must be none, PoC or active.");
        }

        if ((uint)automatable > (uint)SsvcAutomatable.Yes)
        {
            throw new ArgumentOutOfRangeException(nameof(automatable), automatable, "Automatable must be no or yes.");
        }

        if ((uint)technicalImpact > (uint)SsvcTechnicalImpact.Total)
        {
            throw new ArgumentOutOfRangeException(nameof(technicalImpact), technicalImpact, "Technical impact must be partial or total.");
        }

        if ((uint)missionAndWellBeing > (uint)MissionAndWellBeing.High)
        {
            throw new ArgumentOutOfRangeException(nameof(missionAndWellBeing), missionAndWellBeing, "Mission & well-being must be low, medium or high.");
        }

        int index = ((((int)exploitation * 2) + (int)automatable) * 2 + (int)technicalImpact) * 3 + (int)missionAndWellBeing;
        return Table[index];
    }

    /// <summary>Mission &amp; well-being from mission prevalence and public well-being impact (CISA SSVC Guide, Table 8).</summary>
    /// <param name="prevalence">Mission prevalence.</param>
    /// <param name="wellBeing">Public well-being impact.</param>
    /// <returns>Low, medium or high.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not one the guide defines.</exception>
    public static MissionAndWellBeing DeriveMissionAndWellBeing(MissionPrevalence prevalence, PublicWellBeingImpact wellBeing)
    {
        if ((uint)prevalence > (uint)MissionPrevalence.Essential)
        {
            throw new ArgumentOutOfRangeException(nameof(prevalence), prevalence, "Mission prevalence must be minimal, support or essential.");
        }

        if ((uint)wellBeing > (uint)PublicWellBeingImpact.Irreversible)
        {
            throw new ArgumentOutOfRangeException(nameof(wellBeing), wellBeing, "Public well-being impact must be minimal, material or irreversible.");
        }

        return MissionWellBeingTable[((int)prevalence * 3) + (int)wellBeing];
    }

    /// <summary>Every row of the decision table, in the guide's order (exploitation, automatable, technical impact, mission &amp; well-being).</summary>
    public static IReadOnlyList<SsvcTableRow> DecisionTable { get; } = BuildRows();

    /// <summary>The guide's label of a decision: "Track", "Track*", "Attend" or "Act".</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The label.</returns>
    public static string Label(SsvcDecision decision) => decision switch
    {
        SsvcDecision.Track => "Track",
        SsvcDecision.TrackStar => "Track*",
        SsvcDecision.Attend => "Attend",
        SsvcDecision.Act => "Act",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown SSVC decision."),
    };

    private static SsvcTableRow[] BuildRows()
    {
        var rows = new SsvcTableRow[Table.Length];
        int i = 0;
        foreach (SsvcExploitation e in new[] { SsvcExploitation.None, SsvcExploitation.PoC, SsvcExploitation.Active })
        {
            foreach (SsvcAutomatable a in new[] { SsvcAutomatable.No, SsvcAutomatable.Yes })
            {
                foreach (SsvcTechnicalImpact t in new[] { SsvcTechnicalImpact.Partial, SsvcTechnicalImpact.Total })
                {
                    foreach (MissionAndWellBeing m in new[] { MissionAndWellBeing.Low, MissionAndWellBeing.Medium, MissionAndWellBeing.High })
                    {
                        rows[i] = new SsvcTableRow(e, a, t, m, Table[i]);
                        i++;
                    }
                }
            }
        }

        return rows;
    }
}
