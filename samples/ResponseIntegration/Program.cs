// How a product embeds the OT response engine: register it with dependency injection, add a policy of its own,
// plan the response to an alert on a site, and read the verdicts. Run from the repository root:
//   dotnet run --project samples/ResponseIntegration [SITE.json] [ALERT.json]
// Without arguments it uses the bundled demo plant and its sample alert.
using Microsoft.Extensions.DependencyInjection;
using OtSecurity.Model.Alerts;
using OtSecurity.Model.Serialization;
using OtSecurity.Model.Sites;
using OtSecurity.Response.Actions;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Plans;
using OtSecurity.Response.Policies;

string sitePath = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "data", "demo-plant.site.json");
string alertPath = args.Length > 1 ? args[1] : Path.Combine(AppContext.BaseDirectory, "data", "demo-alert.json");
if (!SiteModelJson.TryLoad(sitePath, out SiteModel? site, out JsonLoadError? siteError))
{
    Console.Error.WriteLine($"Cannot read the site model: {siteError}");
    return 2;
}

if (!AlertJson.TryLoad(alertPath, out Alert? alert, out JsonLoadError? alertError))
{
    Console.Error.WriteLine($"Cannot read the alert: {alertError}");
    return 2;
}

var services = new ServiceCollection();
services.AddOtSecurityResponse()
    .AddResponsePolicy<PeakSeasonChangeFreeze>();
using ServiceProvider provider = services.BuildServiceProvider();

ResponseEngine engine = provider.GetRequiredService<ResponseEngine>();
ResponsePlan plan = await engine.PlanAsync(alert, site, dryRun: true);

Console.WriteLine($"Plan {plan.Id} for alert {alert.Id} on {site.Name}:");
foreach (ResponseStep step in plan.Steps)
{
    string approvals = step.Verdict == ResponseVerdict.NeedsApproval ? $" ({step.RequiredApprovals} approval(s))" : string.Empty;
    Console.WriteLine($"  {step.Order,2}. {step.ActionName} — {step.Target}: {step.Verdict}{approvals}; decided by {string.Join(", ", step.DecidedBy)}");
}

Console.WriteLine($"{plan.Steps.Count(s => s.Verdict == ResponseVerdict.Automatic)} automatic, {plan.Steps.Count(s => s.Verdict == ResponseVerdict.NeedsApproval)} need approval, {plan.Steps.Count(s => s.Verdict == ResponseVerdict.Denied)} denied (dry run: nothing was carried out).");
return 0;

/// <summary>
/// A product's own rule: during the customer's peak season no disruptive step runs without a person's approval.
/// Policies can only make a step stricter; the engine's safety guards decide first whatever this one says.
/// </summary>
internal sealed class PeakSeasonChangeFreeze : IResponsePolicy
{
    public string Id => "acme-peak-season-freeze";

    public string Name => "Peak-season change freeze";

    public int Order => 500;

    public ValueTask<PolicyDecision> EvaluateAsync(PolicyContext context, CancellationToken cancellationToken)
    {
        bool peakSeason = context.Now.Month is 11 or 12;
        bool disruptive = context.Step.Traits.HasFlag(ActionTraits.Disruptive);
        return ValueTask.FromResult(peakSeason && disruptive
            ? PolicyDecision.NeedsApproval("ACME-FRZ-1", "Peak season (November–December): disruptive steps need the plant manager's approval.")
            : PolicyDecision.NotApplicable("ACME-FRZ-0", "Outside the peak season, or not disruptive."));
    }
}
