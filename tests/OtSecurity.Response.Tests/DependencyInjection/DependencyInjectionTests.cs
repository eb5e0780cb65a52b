using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OtSecurity.Model.Alerts;
using OtSecurity.Response.Actions;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Plans;
using OtSecurity.Response.Policies;
using OtSecurity.Response.Tests.Support;

namespace OtSecurity.Response.Tests.DependencyInjection;

public class DependencyInjectionTests
{
    private static readonly Alert VendorOnSis = TestPlant.Alert(["T0822"], ["sis-1"], AlertSeverity.Critical, new AlertEvidence { Name = "vendor", Value = "vnd-sis" });

    private static ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestPlant.InsideWindow));
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void AddOtSecurityResponse_RegistersEngineCatalogPoliciesAndEstimator()
    {
        using ServiceProvider provider = Build(s => s.AddOtSecurityResponse());

        ResponseEngine engine = provider.GetRequiredService<ResponseEngine>();
        Assert.Equal(BuiltInActions.Create().Select(static a => a.Id), engine.Actions.Select(static a => a.Id));
        Assert.Equal([PolicyIds.SisGuard, PolicyIds.EmergencyStopGuard, PolicyIds.HumanFactors, PolicyIds.ProductionImpact, PolicyIds.MaintenanceWindow, PolicyIds.EvidenceBeforeRestoration], engine.Policies.Select(static p => p.Id));
        Assert.IsType<RiskDowntimeCostEstimator>(provider.GetRequiredService<IDowntimeCostEstimator>());
        Assert.NotNull(provider.GetRequiredService<ResponseExecutor>());
    }

    [Fact]
    public void AddOtSecurityResponse_Twice_RegistersEverythingOnce()
    {
        Type[] types = [typeof(IResponseAction), typeof(IResponsePolicy), typeof(IResponseEffector), typeof(ResponseEngine), typeof(ResponseExecutor), typeof(IDowntimeCostEstimator), typeof(IValidateOptions<ResponseOptions>), typeof(TimeProvider)];
        var once = new ServiceCollection();
        once.AddOtSecurityResponse();
        var twice = new ServiceCollection();
        twice.AddOtSecurityResponse();
        twice.AddOtSecurityResponse().AddResponsePolicy<HumanFactorsPolicy>();

        foreach (Type type in types)
        {
            Assert.Equal(once.Count(d => d.ServiceType == type), twice.Count(d => d.ServiceType == type));
        }

        Assert.Equal(13, twice.Count(static d => d.ServiceType == typeof(IResponseAction)));
        Assert.Equal(6, twice.Count(static d => d.ServiceType == typeof(IResponsePolicy)));
    }

    [Fact]
    public void Options_AreValidated()
    {
        using ServiceProvider provider = Build(s => s.AddOtSecurityResponse(o => o.TwoPersonThreshold = 1));

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ResponseEngine>());
        Assert.Contains("TwoPersonThreshold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductPolicyActionAndEffector_AreAdded()
    {
        using ServiceProvider provider = Build(s => s.AddOtSecurityResponse()
            .AddResponsePolicy<ChangeFreezePolicy>()
            .AddResponseAction<PageOnCallAction>()
            .AddResponseEffector<CountingEffector>());

        ResponseEngine engine = provider.GetRequiredService<ResponseEngine>();
        ResponsePlan plan = await engine.PlanAsync(TestPlant.Alert(["T0855"], ["plc-2"], AlertSeverity.High), TestPlant.Build());

        Assert.Contains(plan.Steps, s => s.ActionId == "page-on-call");
        Assert.All(plan.Steps, s => Assert.Contains(s.Decisions, d => d.PolicyId == "change-freeze"));
        await provider.GetRequiredService<ResponseExecutor>().ExecuteAsync(plan);
        Assert.Equal(1, provider.GetServices<IResponseEffector>().OfType<CountingEffector>().Single().Count);
    }

    /// <summary>
    /// A product removes every policy registration, registers an approve-everything policy under the SIS guard's
    /// id first, then re-adds the guards last: the engine's own guards still deny what touches the SIS.
    /// </summary>
    [Fact]
    public async Task SafetyGuards_SurviveRemovalReorderingAndImpersonation()
    {
        using ServiceProvider provider = Build(s =>
        {
            s.AddOtSecurityResponse();
            s.RemoveAll<IResponsePolicy>();
            s.AddSingleton<IResponsePolicy>(new AlwaysApprovePolicy(PolicyIds.SisGuard, order: int.MinValue));
            s.AddSingleton<IResponsePolicy>(new AlwaysApprovePolicy(PolicyIds.EmergencyStopGuard, order: int.MinValue));
        });

        ResponseEngine engine = provider.GetRequiredService<ResponseEngine>();
        Assert.Equal(PolicyIds.SisGuard, engine.Policies[0].Id);
        Assert.IsType<SafetyInstrumentedSystemGuard>(engine.Policies[0]);
        Assert.IsType<EmergencyStopGuard>(engine.Policies[1]);

        ResponsePlan plan = await engine.PlanAsync(VendorOnSis, TestPlant.Build());
        ResponseStep session = plan.FindStep("end-vendor-session@vendor:vnd-sis")!;
        Assert.Equal(ResponseVerdict.Denied, session.Verdict);
        Assert.Contains(ResponseRules.SisAsset.Id, session.RuleIds);
        Assert.Contains(ResponseRules.EStopZone.Id, session.RuleIds);
        Assert.Contains(session.Decisions, d => d.PolicyId == PolicyIds.SisGuard && d.Outcome == PolicyOutcome.Automatic && d.RuleId == "ADV-001");
    }

    [Fact]
    public async Task SafetyGuards_RegisteredTwice_RunOnce()
    {
        using ServiceProvider provider = Build(s =>
        {
            s.AddOtSecurityResponse();
            s.AddSingleton<IResponsePolicy>(new SafetyInstrumentedSystemGuard());
        });

        ResponsePlan plan = await provider.GetRequiredService<ResponseEngine>().PlanAsync(VendorOnSis, TestPlant.Build());

        Assert.All(plan.Steps, s => Assert.Single(s.Decisions, d => d.PolicyId == PolicyIds.SisGuard));
    }

    private sealed class ChangeFreezePolicy : IResponsePolicy
    {
        public string Id => "change-freeze";

        public string Name => "Change freeze";

        public int Order => 50;

        public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(PolicyDecision.NotApplicable("CF-0", "no freeze today"));
    }

    private sealed class PageOnCallAction : ResponseActionBase
    {
        public PageOnCallAction()
            : base("page-on-call", "Page the on-call engineer", "Pages.", ActionPhase.Notification, ActionTraits.NotificationOnly, 0)
        {
        }

        public override IEnumerable<ActionProposal> Propose(ProposalContext context) =>
            [Proposal(ActionTarget.Site(context.Graph.Site.Name), "page")];

        public override OtSecurity.Response.BlastRadius.ActionBlastRadius ComputeBlastRadius(ActionProposal proposal, OtSecurity.Response.BlastRadius.SiteGraph graph) =>
            OtSecurity.Response.BlastRadius.ActionBlastRadius.None;
    }

    private sealed class CountingEffector : IResponseEffector
    {
        public int Count { get; private set; }

        public string ActionId => "page-on-call";

        public ValueTask<string> ExecuteAsync(ResponsePlan plan, ResponseStep step, CancellationToken cancellationToken)
        {
            Count++;
            return ValueTask.FromResult("paged");
        }
    }
}
