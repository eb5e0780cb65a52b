using OtSecurity.Response.Actions;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Plans;
using OtSecurity.Response.Policies;
using OtSecurity.Response.Tests.Support;

namespace OtSecurity.Response.Tests.Policies;

public class HumanFactorsPolicyTests
{
    private static readonly ResponseEngine Engine = Engines.Create(TestPlant.InsideWindow);

    [Fact]
    public void QuarantineOfAnHmi_RemovesTheView_NeedsApproval()
    {
        ResponseStep step = Judging.Judge(Engine, Judging.Proposal(ResponseActionIds.QuarantineHost, ActionTarget.Asset("hmi-2")));

        Assert.Equal(ResponseRules.OperatorViewLost.Id, step.Decision(PolicyIds.HumanFactors).RuleId);
        Assert.Equal(ResponseVerdict.NeedsApproval, step.Verdict);
        Assert.Contains(PolicyIds.HumanFactors, step.DecidedBy);
    }

    [Fact]
    public void SafeStateOfAPlc_RemovesControl_NeedsApproval()
    {
        ResponseStep step = Judging.Judge(Engine, Judging.Proposal(ResponseActionIds.RequestSafeState, ActionTarget.Asset("plc-2")));

        Assert.Equal(ResponseRules.OperatorControlLost.Id, step.Decision(PolicyIds.HumanFactors).RuleId);
        Assert.Equal(PolicyOutcome.NeedsApproval, step.Decision(PolicyIds.HumanFactors).Outcome);
    }

    [Fact]
    public void QuarantineOfTheEngineeringWorkstation_OperatorsKeepControl()
    {
        ResponseStep step = Judging.Judge(Engine, Judging.Proposal(ResponseActionIds.QuarantineHost, ActionTarget.Asset("ews")));

        Assert.Equal(ResponseRules.OperatorKept.Id, step.Decision(PolicyIds.HumanFactors).RuleId);
        Assert.Equal(PolicyOutcome.Automatic, step.Decision(PolicyIds.HumanFactors).Outcome);
    }
}
