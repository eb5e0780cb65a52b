using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using OtSecurity.Response.Actions;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Plans;
using OtSecurity.Response.Policies;
using OtSecurity.Response.Tests.Support;

namespace OtSecurity.Response.Tests.Properties;

/// <summary>
/// The acceptance properties of the response engine over random site models, alerts, action sets and
/// adversarial policies (<see cref="RandomPlant"/>).
/// </summary>
public class SafetyInvariantProperties
{
    internal static ResponsePlan Run(Scenario scenario, ResponseOptions? options = null, IEnumerable<IResponsePolicy>? policies = null)
    {
        ResponseEngine engine = ResponseEngine.Create(
            options,
            scenario.HourlyRate < 0 ? new RiskDowntimeCostEstimator() : new FlatRateEstimator(scenario.HourlyRate),
            new FakeTimeProvider(scenario.Now),
            scenario.ExtraActions,
            policies ?? scenario.Policies);
        return (scenario.Proposals is null
            ? engine.PlanAsync(scenario.Alert, scenario.Site)
            : engine.EvaluateAsync(scenario.Alert, scenario.Site, scenario.Proposals)).GetAwaiter().GetResult();
    }

    /// <summary>
    /// No step whose blast radius touches a SIS, safety-related or emergency-stop asset, or a conduit they depend on
    /// (or names something that cannot be checked), is ever automatic — whatever the other policies say, including
    /// policies that approve everything or claim a guard's id. On a structurally sound model the guards deny it.
    /// </summary>
    [Property(MaxTest = 2000, Arbitrary = [typeof(SeedArbitrary)])]
    public void NoStepTouchingSafety_IsEverAutomatic(Seed seed)
    {
        Scenario scenario = RandomPlant.Generate(seed.Value);
        ResponsePlan plan = Run(scenario);

        Assert.False(plan.Refused);
        bool sound = !OtSecurity.Response.BlastRadius.SiteGraph.Build(scenario.Site).StructuralErrors.Any();
        foreach (ResponseStep step in plan.Steps)
        {
            Assert.True(SafetyOracle.HoldsTarget(step), $"seed {seed.Value}: {step.Id} leaves its target out of its radius");
            if (SafetyOracle.TouchesSafety(scenario.Site, step.BlastRadius, out string why))
            {
                Assert.True(step.Verdict != ResponseVerdict.Automatic, $"seed {seed.Value}: {step.Id} touches {why} and is automatic");
                if (sound)
                {
                    Assert.True(step.Verdict == ResponseVerdict.Denied, $"seed {seed.Value}: {step.Id} touches {why} and is {step.Verdict}");
                    Assert.True(step.DecidedBy.Contains(PolicyIds.SisGuard) || step.DecidedBy.Contains(PolicyIds.EmergencyStopGuard) || step.DecidedBy.Contains(PolicyIds.Engine), $"seed {seed.Value}: {step.Id} denied by {string.Join(",", step.DecidedBy)}");
                }
            }
        }
    }

    /// <summary>A policy that throws, faults, or returns no or a malformed decision never yields an automatic step, except a notification that touches nothing.</summary>
    [Property(MaxTest = 500, Arbitrary = [typeof(SeedArbitrary)])]
    public void FailingPolicy_NeverYieldsApproval(Seed seed)
    {
        Scenario scenario = RandomPlant.Generate(seed.Value);
        IResponsePolicy failing = (seed.Value % 5) switch
        {
            0 => new ThrowingPolicy(),
            1 => new FaultingAsyncPolicy(),
            2 => new NullPolicy(),
            _ => new MalformedPolicy(seed.Value % 4),
        };
        ResponsePlan plan = Run(scenario, policies: [.. scenario.Policies, failing, new AlwaysApprovePolicy()]);

        foreach (ResponseStep step in plan.Steps)
        {
            bool exempt = (step.Traits & ActionTraits.NotificationOnly) != 0 && step.BlastRadius.IsEmpty;
            Assert.True(exempt || step.Verdict == ResponseVerdict.Denied, $"seed {seed.Value}: {step.Id} is {step.Verdict} although a policy failed");
            Assert.Contains(step.Decisions, d => d.Failure != PolicyFailure.None);
        }
    }

    /// <summary>A policy that hangs (never answers) or blocks its thread past the timeout never yields approval either.</summary>
    [Property(MaxTest = 40, Arbitrary = [typeof(SeedArbitrary)])]
    public void HangingPolicy_NeverYieldsApproval(Seed seed)
    {
        Scenario scenario = RandomPlant.Generate(seed.Value);
        IResponsePolicy hanging = seed.Value % 2 == 0 ? new HangingPolicy() : new BlockingPolicy(TimeSpan.FromMilliseconds(200));
        var options = new ResponseOptions { PolicyTimeout = TimeSpan.FromMilliseconds(20) };
        ResponsePlan plan = Run(scenario, options, [.. scenario.Policies, hanging, new AlwaysApprovePolicy()]);

        foreach (ResponseStep step in plan.Steps)
        {
            bool exempt = (step.Traits & ActionTraits.NotificationOnly) != 0 && step.BlastRadius.IsEmpty;
            Assert.True(exempt || step.Verdict == ResponseVerdict.Denied, $"seed {seed.Value}: {step.Id} is {step.Verdict} although a policy hung");
        }
    }

    /// <summary>The same inputs give the same plan, byte for byte.</summary>
    [Property(MaxTest = 500, Arbitrary = [typeof(SeedArbitrary)])]
    public void SameInputs_SamePlan(Seed seed)
    {
        string first = ResponsePlanJson.Serialize(Run(RandomPlant.Generate(seed.Value)));
        string second = ResponsePlanJson.Serialize(Run(RandomPlant.Generate(seed.Value)));

        Assert.Equal(first, second);
    }

    /// <summary>Policies compose: registering them in another order changes no verdict.</summary>
    [Property(MaxTest = 500, Arbitrary = [typeof(SeedArbitrary)])]
    public void PolicyOrder_ChangesNoVerdict(Seed seed)
    {
        Scenario scenario = RandomPlant.Generate(seed.Value);
        IResponsePolicy[] policies = [.. BuiltInPolicies.CreateDefaults(), .. scenario.Policies, new FixedPolicy("needs-two", PolicyDecision.NeedsApproval("X-2", "two", 2), order: seed.Value % 7)];
        IResponsePolicy[] shuffled = [.. policies.OrderBy(p => (p.Id.GetHashCode(StringComparison.Ordinal) ^ seed.Value) & 0xFFFF)];

        ResponsePlan a = Run(scenario, policies: policies);
        ResponsePlan b = Run(scenario, policies: shuffled);

        Assert.Equal(a.Steps.Select(static s => (s.Id, s.Verdict, s.RequiredApprovals)), b.Steps.Select(static s => (s.Id, s.Verdict, s.RequiredApprovals)));
    }

    /// <summary>A plan survives its audit JSON: what is read back equals what was written.</summary>
    [Property(MaxTest = 300, Arbitrary = [typeof(SeedArbitrary)])]
    public void Plan_RoundTripsThroughJson(Seed seed)
    {
        ResponsePlan plan = Run(RandomPlant.Generate(seed.Value));

        Assert.True(ResponsePlanJson.TryParse(ResponsePlanJson.Serialize(plan), out ResponsePlan? read, out string? error), error);
        Assert.Equal(plan, read);
    }
}
