using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Sites;
using OtSecurity.Risk.Ssvc;

namespace OtSecurity.Risk.Tests.Ssvc;

public class SsvcTests
{
    [Theory]
    // Rows of the CISA SSVC Guide (Nov 2022) decision tree, Figure 1.
    [InlineData(SsvcExploitation.None, SsvcAutomatable.No, SsvcTechnicalImpact.Partial, MissionAndWellBeing.Low, SsvcDecision.Track)]
    [InlineData(SsvcExploitation.None, SsvcAutomatable.No, SsvcTechnicalImpact.Total, MissionAndWellBeing.High, SsvcDecision.TrackStar)]
    [InlineData(SsvcExploitation.None, SsvcAutomatable.Yes, SsvcTechnicalImpact.Partial, MissionAndWellBeing.High, SsvcDecision.Attend)]
    [InlineData(SsvcExploitation.PoC, SsvcAutomatable.No, SsvcTechnicalImpact.Partial, MissionAndWellBeing.High, SsvcDecision.TrackStar)]
    [InlineData(SsvcExploitation.PoC, SsvcAutomatable.No, SsvcTechnicalImpact.Total, MissionAndWellBeing.Medium, SsvcDecision.TrackStar)]
    [InlineData(SsvcExploitation.PoC, SsvcAutomatable.Yes, SsvcTechnicalImpact.Partial, MissionAndWellBeing.Medium, SsvcDecision.Track)]
    [InlineData(SsvcExploitation.PoC, SsvcAutomatable.Yes, SsvcTechnicalImpact.Total, MissionAndWellBeing.High, SsvcDecision.Attend)]
    [InlineData(SsvcExploitation.Active, SsvcAutomatable.No, SsvcTechnicalImpact.Partial, MissionAndWellBeing.High, SsvcDecision.Attend)]
    [InlineData(SsvcExploitation.Active, SsvcAutomatable.No, SsvcTechnicalImpact.Total, MissionAndWellBeing.Medium, SsvcDecision.Attend)]
    [InlineData(SsvcExploitation.Active, SsvcAutomatable.No, SsvcTechnicalImpact.Total, MissionAndWellBeing.High, SsvcDecision.Act)]
    [InlineData(SsvcExploitation.Active, SsvcAutomatable.Yes, SsvcTechnicalImpact.Partial, MissionAndWellBeing.Low, SsvcDecision.Attend)]
    [InlineData(SsvcExploitation.Active, SsvcAutomatable.Yes, SsvcTechnicalImpact.Partial, MissionAndWellBeing.High, SsvcDecision.Act)]
    [InlineData(SsvcExploitation.Active, SsvcAutomatable.Yes, SsvcTechnicalImpact.Total, MissionAndWellBeing.Medium, SsvcDecision.Act)]
    public void Decide_GuideRows(SsvcExploitation e, SsvcAutomatable a, SsvcTechnicalImpact t, MissionAndWellBeing m, SsvcDecision expected)
    {
        Assert.Equal(expected, CisaSsvc.Decide(e, a, t, m));
    }

    // The 36 rows of the CISA decision table as published by CERT/CC ("CISA Coordinator" decision table 2.0.3,
    // github.com/CERTCC/SSVC src/ssvc/decision_tables/cisa/cisa_coordinate_dt.py), transcribed independently of the code:
    // exploitation (N none, P PoC, A active) × automatable (N, Y) × technical impact (P partial, T total), then the
    // outcome for mission & well-being low, medium, high (T Track, T* Track*, AT Attend, AC Act).
    private static readonly string[] CertCcRows =
    [
        "N N P: T T T", "N N T: T T T*", "N Y P: T T AT", "N Y T: T T AT",
        "P N P: T T T*", "P N T: T T* AT", "P Y P: T T AT", "P Y T: T T* AT",
        "A N P: T T AT", "A N T: T AT AC", "A Y P: AT AT AC", "A Y T: AT AC AC",
    ];

    [Fact]
    public void Decide_All36Combinations_MatchThePublishedTable()
    {
        int checkedRows = 0;
        foreach (string row in CertCcRows)
        {
            string[] parts = row.Split(':');
            string[] inputs = parts[0].Split(' ');
            string[] outcomes = parts[1].Trim().Split(' ');
            SsvcExploitation e = inputs[0] switch { "N" => SsvcExploitation.None, "P" => SsvcExploitation.PoC, _ => SsvcExploitation.Active };
            SsvcAutomatable a = inputs[1] == "Y" ? SsvcAutomatable.Yes : SsvcAutomatable.No;
            SsvcTechnicalImpact t = inputs[2] == "T" ? SsvcTechnicalImpact.Total : SsvcTechnicalImpact.Partial;
            for (int m = 0; m < 3; m++)
            {
                SsvcDecision expected = outcomes[m] switch { "T" => SsvcDecision.Track, "T*" => SsvcDecision.TrackStar, "AT" => SsvcDecision.Attend, _ => SsvcDecision.Act };
                Assert.Equal(expected, CisaSsvc.Decide(e, a, t, (MissionAndWellBeing)m));
                Assert.Equal(expected, CisaSsvc.DecisionTable.Single(r => r.Exploitation == e && r.Automatable == a && r.TechnicalImpact == t && r.MissionAndWellBeing == (MissionAndWellBeing)m).Decision);
                checkedRows++;
            }
        }

        Assert.Equal(36, checkedRows);
    }

    [Fact]
    public void DecisionTable_HasEveryCombinationExactlyOnce()
    {
        // 3 × 2 × 2 × 3 = 36 rows, all distinct inputs, each agreeing with Decide.
        Assert.Equal(36, CisaSsvc.DecisionTable.Count);
        Assert.Equal(36, CisaSsvc.DecisionTable.Select(r => (r.Exploitation, r.Automatable, r.TechnicalImpact, r.MissionAndWellBeing)).Distinct().Count());
        Assert.All(CisaSsvc.DecisionTable, r => Assert.Equal(r.Decision, CisaSsvc.Decide(r.Exploitation, r.Automatable, r.TechnicalImpact, r.MissionAndWellBeing)));
        // Counted from the guide's tree: 18 Track, 4 Track*, 10 Attend, 4 Act.
        Assert.Equal(18, CisaSsvc.DecisionTable.Count(r => r.Decision == SsvcDecision.Track));
        Assert.Equal(4, CisaSsvc.DecisionTable.Count(r => r.Decision == SsvcDecision.TrackStar));
        Assert.Equal(10, CisaSsvc.DecisionTable.Count(r => r.Decision == SsvcDecision.Attend));
        Assert.Equal(4, CisaSsvc.DecisionTable.Count(r => r.Decision == SsvcDecision.Act));
    }

    [Property]
    public Property EveryInputCombination_HasExactlyOneOutcome()
    {
        Gen<(SsvcExploitation, SsvcAutomatable, SsvcTechnicalImpact, MissionAndWellBeing)> gen =
            from e in Gen.Elements(Enum.GetValues<SsvcExploitation>())
            from a in Gen.Elements(Enum.GetValues<SsvcAutomatable>())
            from t in Gen.Elements(Enum.GetValues<SsvcTechnicalImpact>())
            from m in Gen.Elements(Enum.GetValues<MissionAndWellBeing>())
            select (e, a, t, m);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            SsvcDecision d = CisaSsvc.Decide(x.Item1, x.Item2, x.Item3, x.Item4);
            int matches = CisaSsvc.DecisionTable.Count(r => r.Exploitation == x.Item1 && r.Automatable == x.Item2 && r.TechnicalImpact == x.Item3 && r.MissionAndWellBeing == x.Item4);
            return matches == 1 && Enum.IsDefined(d) && d == CisaSsvc.Decide(x.Item1, x.Item2, x.Item3, x.Item4);
        });
    }

    [Property]
    public Property Decision_IsMonotoneInExploitation()
    {
        // Moving from none to PoC to active never lowers the decision (a sanity property of the published tree).
        Gen<(SsvcAutomatable, SsvcTechnicalImpact, MissionAndWellBeing)> gen =
            from a in Gen.Elements(Enum.GetValues<SsvcAutomatable>())
            from t in Gen.Elements(Enum.GetValues<SsvcTechnicalImpact>())
            from m in Gen.Elements(Enum.GetValues<MissionAndWellBeing>())
            select (a, t, m);
        return Prop.ForAll(gen.ToArbitrary(), x =>
            CisaSsvc.Decide(SsvcExploitation.None, x.Item1, x.Item2, x.Item3) <= CisaSsvc.Decide(SsvcExploitation.PoC, x.Item1, x.Item2, x.Item3)
            && CisaSsvc.Decide(SsvcExploitation.PoC, x.Item1, x.Item2, x.Item3) <= CisaSsvc.Decide(SsvcExploitation.Active, x.Item1, x.Item2, x.Item3));
    }

    [Fact]
    public void DocsTable_MatchesTheCode()
    {
        // docs/risk.md carries the table between markers; every row must agree with CisaSsvc.Decide.
        string doc = File.ReadAllText(Path.Combine(TestSites.RepositoryRoot(), "docs", "risk.md"));
        int start = doc.IndexOf("<!-- ssvc-table:start -->", StringComparison.Ordinal);
        int end = doc.IndexOf("<!-- ssvc-table:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start);
        string[] rows = [.. doc[start..end].Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Exploitation", StringComparison.Ordinal))];
        Assert.Equal(12, rows.Length);
        foreach (string row in rows)
        {
            string[] cells = [.. row.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            var e = cells[0] switch { "none" => SsvcExploitation.None, "PoC" => SsvcExploitation.PoC, _ => SsvcExploitation.Active };
            var a = cells[1] == "yes" ? SsvcAutomatable.Yes : SsvcAutomatable.No;
            var t = cells[2] == "total" ? SsvcTechnicalImpact.Total : SsvcTechnicalImpact.Partial;
            for (int m = 0; m < 3; m++)
            {
                Assert.Equal(cells[3 + m], CisaSsvc.Label(CisaSsvc.Decide(e, a, t, (MissionAndWellBeing)m)));
            }
        }
    }

    [Theory]
    // CISA SSVC Guide Table 8: mission prevalence × public well-being impact.
    [InlineData(MissionPrevalence.Minimal, PublicWellBeingImpact.Minimal, MissionAndWellBeing.Low)]
    [InlineData(MissionPrevalence.Minimal, PublicWellBeingImpact.Material, MissionAndWellBeing.Medium)]
    [InlineData(MissionPrevalence.Minimal, PublicWellBeingImpact.Irreversible, MissionAndWellBeing.High)]
    [InlineData(MissionPrevalence.Support, PublicWellBeingImpact.Minimal, MissionAndWellBeing.Medium)]
    [InlineData(MissionPrevalence.Support, PublicWellBeingImpact.Material, MissionAndWellBeing.Medium)]
    [InlineData(MissionPrevalence.Support, PublicWellBeingImpact.Irreversible, MissionAndWellBeing.High)]
    [InlineData(MissionPrevalence.Essential, PublicWellBeingImpact.Minimal, MissionAndWellBeing.High)]
    [InlineData(MissionPrevalence.Essential, PublicWellBeingImpact.Material, MissionAndWellBeing.High)]
    [InlineData(MissionPrevalence.Essential, PublicWellBeingImpact.Irreversible, MissionAndWellBeing.High)]
    public void MissionAndWellBeing_Table8(MissionPrevalence p, PublicWellBeingImpact w, MissionAndWellBeing expected)
    {
        Assert.Equal(expected, CisaSsvc.DeriveMissionAndWellBeing(p, w));
    }

    [Fact]
    public void Decide_UndefinedValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CisaSsvc.Decide((SsvcExploitation)7, SsvcAutomatable.No, SsvcTechnicalImpact.Partial, MissionAndWellBeing.Low));
        Assert.Throws<ArgumentOutOfRangeException>(() => CisaSsvc.DeriveMissionAndWellBeing(MissionPrevalence.Minimal, (PublicWellBeingImpact)9));
    }

    [Fact]
    public void OtExtension_RaisesForSafetyAndContinuousProcess()
    {
        Assert.Equal(MissionAndWellBeing.High, OtSsvc.Raise(MissionAndWellBeing.Low, SafetyRole.SafetyInstrumentedFunction, EnvironmentClass.OfficeIt).Effective);
        Assert.Equal(MissionAndWellBeing.High, OtSsvc.Raise(MissionAndWellBeing.Low, SafetyRole.EmergencyStop, EnvironmentClass.Warehouse).Effective);
        Assert.Equal(MissionAndWellBeing.Medium, OtSsvc.Raise(MissionAndWellBeing.Low, SafetyRole.SafetyRelated, EnvironmentClass.ProductionLine).Effective);
        Assert.Equal(MissionAndWellBeing.High, OtSsvc.Raise(MissionAndWellBeing.Low, SafetyRole.SafetyRelated, EnvironmentClass.ContinuousProcess).Effective);
        Assert.Equal(MissionAndWellBeing.Medium, OtSsvc.Raise(MissionAndWellBeing.Low, SafetyRole.None, EnvironmentClass.ContinuousProcess).Effective);
        var none = OtSsvc.Raise(MissionAndWellBeing.Medium, SafetyRole.None, EnvironmentClass.ProductionLine);
        Assert.Equal(MissionAndWellBeing.Medium, none.Effective);
        Assert.Contains("no OT raise", none.Reason, StringComparison.Ordinal);
    }

    [Property]
    public Property OtExtension_NeverLowersMissionAndWellBeingOrTheDecision()
    {
        Gen<(SsvcExploitation, SsvcAutomatable, SsvcTechnicalImpact, MissionPrevalence, PublicWellBeingImpact, SafetyRole, EnvironmentClass)> gen =
            from e in Gen.Elements(Enum.GetValues<SsvcExploitation>())
            from a in Gen.Elements(Enum.GetValues<SsvcAutomatable>())
            from t in Gen.Elements(Enum.GetValues<SsvcTechnicalImpact>())
            from p in Gen.Elements(Enum.GetValues<MissionPrevalence>())
            from w in Gen.Elements(Enum.GetValues<PublicWellBeingImpact>())
            from r in Gen.Elements(Enum.GetValues<SafetyRole>())
            from env in Gen.Elements(Enum.GetValues<EnvironmentClass>())
            select (e, a, t, p, w, r, env);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            MissionAndWellBeing baseline = CisaSsvc.DeriveMissionAndWellBeing(x.Item4, x.Item5);
            (SsvcDecision decision, OtMissionAndWellBeing mwb) = OtSsvc.Decide(x.Item1, x.Item2, x.Item3, x.Item4, x.Item5, x.Item6, x.Item7);
            bool safetyFunction = x.Item6 is SafetyRole.SafetyInstrumentedFunction or SafetyRole.EmergencyStop;
            return mwb.Baseline == baseline
                && mwb.Effective >= baseline
                && (!safetyFunction || mwb.Effective == MissionAndWellBeing.High)
                && decision == CisaSsvc.Decide(x.Item1, x.Item2, x.Item3, mwb.Effective)
                && decision >= CisaSsvc.Decide(x.Item1, x.Item2, x.Item3, baseline);
        });
    }

    [Fact]
    public void OtDecide_SafetyControllerTurnsTrackIntoAttend()
    {
        // PoC, automatable, total on a low-criticality (minimal prevalence, minimal well-being → low) asset: Track.
        // The same on a safety instrumented function: mission & well-being high → Attend.
        Assert.Equal(SsvcDecision.Track, OtSsvc.Decide(SsvcExploitation.PoC, SsvcAutomatable.Yes, SsvcTechnicalImpact.Total, MissionPrevalence.Minimal, PublicWellBeingImpact.Minimal, SafetyRole.None, EnvironmentClass.ProductionLine).Decision);
        Assert.Equal(SsvcDecision.Attend, OtSsvc.Decide(SsvcExploitation.PoC, SsvcAutomatable.Yes, SsvcTechnicalImpact.Total, MissionPrevalence.Minimal, PublicWellBeingImpact.Minimal, SafetyRole.SafetyInstrumentedFunction, EnvironmentClass.ProductionLine).Decision);
        Assert.Equal(MissionPrevalence.Essential, OtSsvc.PrevalenceOf(Criticality.Critical));
    }

    [Theory]
    [InlineData(SsvcDecision.Act, true, true, 30.0, false, RemediationBucket.Now, RemediationAction.Patch)]
    [InlineData(SsvcDecision.Act, true, true, 7.0, true, RemediationBucket.Next, RemediationAction.Patch)]
    [InlineData(SsvcDecision.Act, true, false, 7.0, false, RemediationBucket.Now, RemediationAction.Compensate)]
    [InlineData(SsvcDecision.Act, false, false, 7.0, true, RemediationBucket.Now, RemediationAction.Compensate)]
    [InlineData(SsvcDecision.Attend, true, true, 20.0, false, RemediationBucket.Next, RemediationAction.Patch)]
    [InlineData(SsvcDecision.Attend, true, true, 60.0, false, RemediationBucket.Now, RemediationAction.Patch)]
    [InlineData(SsvcDecision.Attend, false, false, 60.0, true, RemediationBucket.Never, RemediationAction.Track)]
    [InlineData(SsvcDecision.Attend, false, false, 60.0, false, RemediationBucket.Now, RemediationAction.Compensate)]
    [InlineData(SsvcDecision.TrackStar, true, true, 200.0, false, RemediationBucket.Next, RemediationAction.Patch)]
    [InlineData(SsvcDecision.TrackStar, false, false, 5.0, false, RemediationBucket.Next, RemediationAction.Compensate)]
    [InlineData(SsvcDecision.Track, true, true, 60.0, false, RemediationBucket.Next, RemediationAction.Patch)]
    [InlineData(SsvcDecision.Track, true, true, 120.0, false, RemediationBucket.Never, RemediationAction.Track)]
    public void Bucket_Rules(SsvcDecision decision, bool available, bool applicable, double days, bool controls, RemediationBucket bucket, RemediationAction action)
    {
        BucketDecision d = RemediationBucketing.Decide(decision, new BucketInputs(available, applicable, days, controls));
        Assert.Equal(bucket, d.Bucket);
        Assert.Equal(action, d.Action);
        Assert.False(string.IsNullOrWhiteSpace(d.Rule));
    }

    [Property]
    public Property Bucket_EveryCombination_HasExactlyOneOutcome()
    {
        Gen<(SsvcDecision, bool, bool, double?, bool)> gen =
            from d in Gen.Elements(Enum.GetValues<SsvcDecision>())
            from available in ArbMap.Default.GeneratorFor<bool>()
            from certified in ArbMap.Default.GeneratorFor<bool>()
            from days in Gen.Elements<double?>(null, 0, 7, 14, 15, 30, 31, 90, 91, 365)
            from controls in ArbMap.Default.GeneratorFor<bool>()
            select (d, available, available && certified, days, controls);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            BucketDecision a = RemediationBucketing.Decide(x.Item1, new BucketInputs(x.Item2, x.Item3, x.Item4, x.Item5));
            BucketDecision b = RemediationBucketing.Decide(x.Item1, new BucketInputs(x.Item2, x.Item3, x.Item4, x.Item5));
            // Defined, deterministic, and never "patch" when no patch may be applied.
            return Enum.IsDefined(a.Bucket) && a == b && (x.Item3 || a.Action != RemediationAction.Patch);
        });
    }
}
