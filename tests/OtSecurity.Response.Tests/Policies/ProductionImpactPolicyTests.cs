using OtSecurity.Model.Sites;
using OtSecurity.Response.Actions;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Plans;
using OtSecurity.Response.Policies;
using OtSecurity.Response.Tests.Support;

namespace OtSecurity.Response.Tests.Policies;

public class ProductionImpactPolicyTests
{
    // Isolating cnd-ops-bldg: 1 h outage; the flat estimator charges 1 h × rate × 1 unit.
    private static ResponseStep Isolate(double rate, ResponseOptions? options = null, IDowntimeCostEstimator? estimator = null) =>
        Judging.Judge(Engines.Create(TestPlant.InsideWindow, options, estimator: estimator ?? new FlatRateEstimator(rate)), Judging.Proposal(ResponseActionIds.IsolateConduit, ActionTarget.Conduit("cnd-ops-bldg")));

    [Fact]
    public void CostWithinThreshold_Automatic()
    {
        ResponseStep step = Isolate(5_000);

        Assert.Equal(5_000, step.ExpectedDowntimeCost!.Amount);
        Assert.Equal(ResponseRules.CostBelowThreshold.Id, step.Decision(PolicyIds.ProductionImpact).RuleId);
        Assert.Equal(ResponseVerdict.Automatic, step.Verdict);
    }

    [Fact]
    public void CostAboveApprovalThreshold_OnePersonApproves()
    {
        ResponseStep step = Isolate(50_000);

        Assert.Equal(ResponseVerdict.NeedsApproval, step.Verdict);
        Assert.Equal(1, step.RequiredApprovals);
        Assert.Equal(ResponseRules.CostNeedsApproval.Id, step.Decision(PolicyIds.ProductionImpact).RuleId);
    }

    [Fact]
    public void CostAboveTwoPersonThreshold_TwoPeopleApprove()
    {
        ResponseStep step = Isolate(500_000);

        Assert.Equal(ResponseVerdict.NeedsApproval, step.Verdict);
        Assert.Equal(2, step.RequiredApprovals);
        Assert.Equal(ResponseRules.CostNeedsTwoPeople.Id, step.Decision(PolicyIds.ProductionImpact).RuleId);
        Assert.Equal([PolicyIds.ProductionImpact], step.DecidedBy);
    }

    [Fact]
    public void Thresholds_AreTakenFromTheOptions()
    {
        var options = new ResponseOptions { ApprovalThreshold = 100, TwoPersonThreshold = 1_000 };

        Assert.Equal(2, Isolate(5_000, options).RequiredApprovals);
    }

    [Fact]
    public void EstimatorFails_DisruptiveStepDenied()
    {
        ResponseStep step = Isolate(0, estimator: new ThrowingEstimator());

        Assert.Null(step.ExpectedDowntimeCost);
        Assert.Contains("model offline", step.DowntimeCostError, StringComparison.Ordinal);
        Assert.Equal(ResponseVerdict.Denied, step.Verdict);
        Assert.Equal(ResponseRules.CostUnknown.Id, step.Decision(PolicyIds.ProductionImpact).RuleId);
    }

    [Fact]
    public void EstimatorFails_StepThatInterruptsNothing_NotEvenAsked()
    {
        var estimator = new ThrowingEstimator();
        ResponseStep step = Judging.Judge(Engines.Create(TestPlant.InsideWindow, estimator: estimator), Judging.Proposal(ResponseActionIds.CaptureTraffic, ActionTarget.Zone("z-cell1")));

        Assert.Equal(0, step.ExpectedDowntimeCost!.Amount);
        Assert.Equal(ResponseVerdict.Automatic, step.Verdict);
    }

    [Fact]
    public void Evaluate_NaNCost_DeniedForDisruptiveStep()
    {
        var step = new ProposedStep
        {
            Id = "x", ActionId = "x", ActionName = "x", Phase = ActionPhase.Containment, Traits = ActionTraits.Disruptive, Target = ActionTarget.Conduit("c"), Reason = "r",
            BlastRadius = new ActionBlastRadius { Effect = ProcessEffect.InterruptsCommunication }, ExpectedOutageHours = 1,
            ExpectedDowntimeCost = new DowntimeCostEstimate { Amount = double.NaN, Currency = "USD", OutageHours = 1, LostProductionHours = 1, Basis = "b" },
        };

        Assert.Equal(PolicyOutcome.Denied, ProductionImpactPolicy.Evaluate(step, new ResponseOptions()).Outcome);
    }

    private sealed class ThrowingEstimator : IDowntimeCostEstimator
    {
        public string Currency => "USD";

        public DowntimeCostEstimate Estimate(SiteModel site, ActionBlastRadius radius, double outageHours) => throw new InvalidOperationException("model offline");
    }
}
