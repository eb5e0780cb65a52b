using OtSecurity.Risk.Distributions;
using OtSecurity.Risk.Downtime;
using OtSecurity.Risk.Loss;

namespace OtSecurity.Risk.Tests.Loss;

public class LossScenarioTests
{
    internal static LossMagnitudeModel HandMagnitude(double safety = 2.0) => new(
        outageHours: Distribution.Constant(10),
        hourlyCost: Distribution.Constant(1_000),
        restart: new RestartProfile(2, 0.5),
        responseCost: Distribution.Constant(3_000),
        replacementCost: Distribution.Constant(50_000),
        replacementProbability: 0.1,
        fines: Distribution.Constant(20_000),
        fineProbability: 0.25,
        safetyMultiplier: safety,
        environmentalMultiplier: 1.0);

    internal static LossScenario HandScenario() =>
        new("hand", Distribution.Constant(2), Distribution.Constant(0.25), HandMagnitude());

    [Fact]
    public void ExpectedAnnualLoss_HandComputed()
    {
        // Lost hours = 10 outage + (2 fixed + 0.5 × 10) restart = 17 h; productivity = 17 × 1,000 = 17,000.
        // Response 3,000; replacement 0.1 × 50,000 = 5,000; fines 0.25 × 20,000 = 5,000. Sum = 30,000.
        // × safety 2 × environmental 1 = 60,000 per event.
        // LEF = TEF 2/yr × vulnerability 0.25 = 0.5/yr; ALE = 0.5 × 60,000 = 30,000.
        var s = HandScenario();
        Assert.Equal(17_000, s.Magnitude.ExpectedProductivityLoss, 9);
        Assert.Equal(60_000, s.Magnitude.ExpectedMagnitude, 9);
        Assert.Equal(0.5, s.ExpectedLossEventFrequency, 12);
        Assert.Equal(30_000, s.ExpectedAnnualLoss, 9);
    }

    [Fact]
    public void RestartProfile_ContinuousProcess_RestartOutlastsOutage()
    {
        // Continuous process default: 4 h fixed + 1.5 h per outage hour: an 8 h outage needs 4 + 12 = 16 h to restart (> 8 h).
        var p = new RestartProfile(4, 1.5);
        Assert.Equal(16.0, p.RestartHours(8));
        Assert.Equal(24.0, p.LostProductionHours(8));
        Assert.True(p.RestartOutlastsOutage);
    }

    [Fact]
    public void Magnitude_NegativeAmount_ThrowsNamingTheInput()
    {
        var ex = Assert.Throws<RiskInputException>(() => new LossMagnitudeModel(
            Distribution.Constant(1), Distribution.Pert(-10, 0, 10), new RestartProfile(0, 0),
            Distribution.Constant(0), Distribution.Constant(0), 0, Distribution.Constant(0), 0));
        Assert.Contains("hourly downtime cost", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Magnitude_MultiplierBelowOne_Throws()
    {
        var ex = Assert.Throws<RiskInputException>(() => HandMagnitude(safety: 0.5));
        Assert.Contains("safety multiplier", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Magnitude_ProbabilityAboveOne_Throws()
    {
        Assert.Throws<RiskInputException>(() => new LossMagnitudeModel(
            Distribution.Constant(1), Distribution.Constant(1), new RestartProfile(0, 0),
            Distribution.Constant(0), Distribution.Constant(0), 1.5, Distribution.Constant(0), 0));
    }

    [Fact]
    public void Scenario_VulnerabilityOutsideUnitInterval_Throws()
    {
        var ex = Assert.Throws<RiskInputException>(() => new LossScenario("plc", Distribution.Constant(1), Distribution.Pert(0.1, 0.5, 1.2), HandMagnitude()));
        Assert.Contains("vulnerability of 'plc'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_AbsurdFrequency_Throws()
    {
        var ex = Assert.Throws<RiskInputException>(() => new LossScenario("plc", Distribution.Constant(10_000), Distribution.Constant(1), HandMagnitude()));
        Assert.Contains("operating cost, not a risk", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_LognormalThreatFrequency_BoundedByItsOneInABillionQuantile()
    {
        // Lognormal(μ = 0, σ = 1): 1 − 10⁻⁹ quantile e^5.9978 = 402.55 ≤ 500 → accepted.
        // Lognormal(μ = 0, σ = 1.2): e^(1.2 · 5.9978) = 1,335.9 > 500 → refused, naming the quantile.
        var ok = new LossScenario("plc", Distribution.LogNormal(0, 1), Distribution.Constant(1), HandMagnitude());
        Assert.Equal(402.54505, ok.ThreatEventFrequency.PracticalMaximum, 4);
        Assert.Equal(double.PositiveInfinity, ok.ThreatEventFrequency.Maximum);
        var ex = Assert.Throws<RiskInputException>(() => new LossScenario("plc", Distribution.LogNormal(0, 1.2), Distribution.Constant(1), HandMagnitude()));
        Assert.Contains("1 − 10⁻⁹ quantile", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1,336", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RestartProfile_Negative_Throws()
    {
        Assert.Throws<RiskInputException>(() => new RestartProfile(-1, 0));
        Assert.Throws<RiskInputException>(() => new RestartProfile(0, double.NaN));
    }
}
