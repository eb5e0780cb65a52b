using OtSecurity.Model;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Zones;
using OtSecurity.Risk.Downtime;
using OtSecurity.Risk.Patching;
using OtSecurity.Risk.Vulnerabilities;

namespace OtSecurity.Risk.Tests.Patching;

public class PatchDecisionCalculatorTests
{
    private static readonly HourlyCostRange TenThousand = new(10_000, 10_000);
    private static readonly RestartProfile OneHour = new(1, 0);

    private static PatchDecisionInput Input(double ale = 100_000, bool available = true, VendorCertification certification = VendorCertification.Certified, double? days = 30, SafetyRole role = SafetyRole.None) => new()
    {
        AssetId = "plc",
        CveId = "CVE-2000-0001",
        ExpectedAnnualLoss = ale,
        // 2 h patch + 1 h restart = 3 h × 10,000 = 30,000; rollback 4 h + 1 h = 5 h × 10,000 = 50,000.
        PatchOutage = DowntimeCostModel.CostOfOutage(TenThousand, OneHour, 2),
        RollbackOutage = DowntimeCostModel.CostOfOutage(TenThousand, OneHour, 4),
        PatchAvailable = available,
        Certification = certification,
        DaysToNextWindow = days,
        SafetyRole = role,
        Controls = [new CompensatingControl(CompensatingControlKind.Segmentation, "firewall", 0.4, 15_000)],
    };

    [Fact]
    public void Decide_HandComputed_NextWindowWins()
    {
        // Certified → rollback probability 2%.
        // Patch now: 30,000 downtime + 0.02 × 50,000 = 1,000 rollback + 2,000 labour = 33,000.
        // Next window (30 days): 100,000 × 30/365 = 8,219.18 + 0 + 1,000 + 2,000 = 11,219.18.
        // Compensate: 15,000 + 100,000 × 0.4 = 55,000. Accept: 100,000.
        PatchDecision d = PatchDecisionCalculator.Decide(Input());
        Assert.Equal(PatchOption.PatchAtNextWindow, d.Recommendation);
        Assert.Equal(33_000, Cost(d, PatchOption.PatchNow), 6);
        Assert.Equal(11_219.178, Cost(d, PatchOption.PatchAtNextWindow), 2);
        Assert.Equal(55_000, Cost(d, PatchOption.Compensate), 6);
        Assert.Equal(100_000, Cost(d, PatchOption.Accept), 6);
        Assert.All(d.Options, o => Assert.Equal(o.ExpectedCost, o.Lines.Sum(l => l.Amount), 6));
        Assert.Contains("patch at the next window", d.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoPatch_Compensates()
    {
        PatchDecision d = PatchDecisionCalculator.Decide(Input(available: false));
        Assert.Equal(PatchOption.Compensate, d.Recommendation);
        Assert.False(d.Options.Single(o => o.Option == PatchOption.PatchNow).Feasible);
        Assert.Equal("no patch is available", d.Options.Single(o => o.Option == PatchOption.PatchAtNextWindow).Reason);
    }

    [Fact]
    public void Decide_SafetyFunctionWithUncertifiedPatch_NeverPatches()
    {
        PatchDecision d = PatchDecisionCalculator.Decide(Input(certification: VendorCertification.Pending, role: SafetyRole.SafetyInstrumentedFunction));
        Assert.False(d.Options.Single(o => o.Option == PatchOption.PatchNow).Feasible);
        Assert.False(d.Options.Single(o => o.Option == PatchOption.PatchAtNextWindow).Feasible);
        Assert.Contains("safety function", d.Options[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_CertificationRequiredButPending_Compensates()
    {
        PatchDecision d = PatchDecisionCalculator.Decide(Input(certification: VendorCertification.Pending) with { RequiresVendorCertification = true });
        Assert.Equal(PatchOption.Compensate, d.Recommendation);
        Assert.Contains("only vendor-certified patches", d.Options[0].Reason, StringComparison.Ordinal);
        // Without that requirement a pending certification only raises the rollback risk (10%).
        PatchDecision free = PatchDecisionCalculator.Decide(Input(certification: VendorCertification.Pending));
        Assert.True(free.Options[0].Feasible);
    }

    [Fact]
    public void Decide_NoWindow_PatchNowWhenWorthIt()
    {
        // No window: patch now (33,000) beats compensate (55,000) and accept (100,000).
        PatchDecision d = PatchDecisionCalculator.Decide(Input(days: null));
        Assert.Equal(PatchOption.PatchNow, d.Recommendation);
    }

    [Fact]
    public void Decide_SmallLoss_Accepts()
    {
        // ALE 1,000: accept 1,000 < next window 1,000 × 30/365 + 1,000 + 2,000 = 3,082.19.
        Assert.Equal(PatchOption.Accept, PatchDecisionCalculator.Decide(Input(ale: 1_000)).Recommendation);
    }

    [Fact]
    public void Decide_DefaultControls_ChoosesCheapestSet()
    {
        // ALE 1,000,000 with segmentation (0.4, 15,000), monitoring (0.7, 10,000), access restriction (0.5, 5,000):
        // S 415,000; M 710,000; A 505,000; S+M 305,000; S+A 220,000; M+A 365,000; S+M+A 0.14 → 140,000 + 30,000 = 170,000.
        PatchDecision d = PatchDecisionCalculator.Decide(Input(ale: 1_000_000, available: false) with { Controls = CompensatingControl.Defaults });
        Assert.Equal(170_000, Cost(d, PatchOption.Compensate), 6);
        Assert.Equal(4, d.Options.Single(o => o.Option == PatchOption.Compensate).Lines.Count);
    }

    [Theory]
    // Each compensating control alone (no patch, ALE 100,000 over a year): cost = annual cost + ALE × its frequency factor.
    [InlineData(CompensatingControlKind.Segmentation, 0.4, 15_000, 55_000)]     // 15,000 + 40,000
    [InlineData(CompensatingControlKind.Monitoring, 0.7, 10_000, 80_000)]       // 10,000 + 70,000
    [InlineData(CompensatingControlKind.AccessRestriction, 0.5, 5_000, 55_000)] // 5,000 + 50,000
    public void Decide_EachDefaultControl_ReducesFrequencyByItsFactor(CompensatingControlKind kind, double factor, double annualCost, double expected)
    {
        CompensatingControl control = CompensatingControl.Defaults.Single(c => c.Kind == kind);
        Assert.Equal(factor, control.FrequencyFactor);
        Assert.Equal(annualCost, control.AnnualCost);
        PatchDecision d = PatchDecisionCalculator.Decide(Input(available: false) with { Controls = [control] });
        PatchOptionAssessment compensate = d.Options.Single(o => o.Option == PatchOption.Compensate);
        Assert.Equal(expected, compensate.ExpectedCost, 6);
        Assert.Equal(100_000 * factor, compensate.Lines.Single(l => l.Label == "residual expected loss").Amount, 6);
        Assert.Equal(PatchOption.Compensate, d.Recommendation); // cheaper than accepting 100,000
    }

    [Fact]
    public void Decide_TestEnvironment_HalvesTheRollbackRisk()
    {
        // Not certified by the vendor: rollback probability 25%, 12.5% with a test environment.
        // Patch now = 30,000 downtime + p × 50,000 rollback + 2,000 labour: 44,500 without, 38,250 with a test environment.
        PatchDecision without = PatchDecisionCalculator.Decide(Input(certification: VendorCertification.NotCertified));
        PatchDecision with = PatchDecisionCalculator.Decide(Input(certification: VendorCertification.NotCertified) with { TestEnvironmentAvailable = true });
        Assert.Equal(44_500, Cost(without, PatchOption.PatchNow), 6);
        Assert.Equal(38_250, Cost(with, PatchOption.PatchNow), 6);
        Assert.Contains("tested first in a test environment", with.Options[0].Reason, StringComparison.Ordinal);
        Assert.Contains("no test environment", without.Options[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RollbackProbability_DefaultsByCertificationAndTestEnvironment()
    {
        Assert.Equal(0.25, Input(certification: VendorCertification.NotCertified).EffectiveRollbackProbability);
        Assert.Equal(0.05, (Input(certification: VendorCertification.Pending) with { TestEnvironmentAvailable = true }).EffectiveRollbackProbability);
    }

    [Fact]
    public void Decide_InvalidInputs_Throw()
    {
        Assert.Throws<RiskInputException>(() => PatchDecisionCalculator.Decide(Input(ale: -1)));
        Assert.Throws<RiskInputException>(() => PatchDecisionCalculator.Decide(Input() with { RollbackProbability = 1.5 }));
        Assert.Throws<RiskInputException>(() => PatchDecisionCalculator.Decide(Input() with { Controls = [new CompensatingControl(CompensatingControlKind.Monitoring, "x", 0, 1)] }));
        Assert.Throws<RiskInputException>(() => PatchDecisionCalculator.Decide(Input(days: -3)));
    }

    [Fact]
    public void DaysToNextWindow_FromSundayMidnight()
    {
        var zone = new Zone
        {
            Id = "z",
            Name = "z",
            PurdueLevel = PurdueLevel.Level1,
            MaintenanceWindows = [new WeeklyWindow { Days = [DayOfWeek.Saturday], Start = new TimeOnly(22, 0), End = new TimeOnly(6, 0) }],
        };
        // 2026-11-01 is a Sunday: at 00:00 the Saturday 22:00–06:00 window is open → 0 days.
        Assert.Equal(0.0, MaintenanceSchedule.DaysToNextWindow(zone, new DateTime(2026, 11, 1, 0, 0, 0)));
        // At Sunday 07:00 the next start is Saturday 22:00: 6 days 15 hours = 6.625 days.
        Assert.Equal(6.625, MaintenanceSchedule.DaysToNextWindow(zone, new DateTime(2026, 11, 1, 7, 0, 0))!.Value, 9);
        Assert.Null(MaintenanceSchedule.DaysToNextWindow(zone with { MaintenanceWindows = [] }, new DateTime(2026, 11, 1)));
    }

    private static double Cost(PatchDecision d, PatchOption option) => d.Options.Single(o => o.Option == option).ExpectedCost;
}
