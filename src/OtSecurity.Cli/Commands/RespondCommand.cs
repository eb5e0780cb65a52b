using System.CommandLine;
using System.Globalization;
using OtSecurity.Cli.Common;
using OtSecurity.Model.Alerts;
using OtSecurity.Model.Attack;
using OtSecurity.Model.Sites;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Plans;

namespace OtSecurity.Cli.Commands;

/// <summary>
/// <c>otsec respond --alert ALERT.json [--site SITE.json] [--format table|json] [--dry-run] [--at TIME]</c>: the
/// safety-aware response plan for an alert (docs/response.md). Each step shows its verdict (automatic, needs
/// approval, denied), the policies and rules that decided it, its blast radius and its expected downtime cost.
/// Without <c>--dry-run</c> the automatic steps are handed to the effectors the tool has (it notifies on standard
/// error; other actions need a product's effectors); with it nothing runs. Exit code 0 when a plan was made, 2
/// when an input cannot be read.
/// </summary>
internal static class RespondCommand
{
    public static Command Create()
    {
        var alert = new Option<string>("--alert", "-a")
        {
            Description = "The alert to respond to (one alert object as JSON), for example samples/data/demo-alert.json.",
            HelpName = "ALERT.json",
            Required = true,
        };
        Option<string?> site = SiteOption.Create();
        Option<string> format = FormatOption.Create();
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Make the plan but run nothing (not even the notification).",
        };
        var at = new Option<string?>("--at")
        {
            Description = "Decide as of this instant (ISO 8601, for example 2026-11-08T13:00:00Z) instead of now; maintenance windows depend on it.",
            HelpName = "TIME",
        };
        var command = new Command("respond", "Plan the response to an alert: each action with its verdict (automatic / needs approval / denied), the policies and rules that decided it, its blast radius and its expected downtime cost. Never acts on safety systems. Default site: the bundled demo plant. Exit code 0: a plan was made; 2: an input cannot be read.")
        {
            alert,
            site,
            format,
            dryRun,
            at,
        };
        command.SetAction(parse => Run(
            parse.GetValue(alert)!,
            parse.GetValue(site),
            FormatOption.Get(parse, format),
            parse.GetValue(dryRun),
            parse.GetValue(at),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string alertPath, string? sitePath, OutputFormat format, bool dryRun, string? at, TextWriter output, TextWriter error)
    {
        TimeProvider time = TimeProvider.System;
        if (at is not null)
        {
            if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset instant))
            {
                error.WriteLine($"otsec: --at '{at}' is not a date and time; expected ISO 8601, for example 2026-11-08T13:00:00Z.");
                return ExitCodes.UsageOrInput;
            }

            time = new FixedTimeProvider(instant);
        }

        if (!AlertInput.TryLoad(alertPath, error, out Alert? alert) || !SiteInput.TryLoad(sitePath, error, out SiteModel? site, out string source))
        {
            return ExitCodes.UsageOrInput;
        }

        ResponseEngine engine = ResponseEngine.Create(timeProvider: time);
        ResponsePlan plan = engine.PlanAsync(alert, site, dryRun).GetAwaiter().GetResult();
        var executor = new ResponseExecutor([new ConsoleNotifyEffector(error)], Microsoft.Extensions.Options.Options.Create(engine.Options), time);
        ExecutionReport execution = executor.ExecuteAsync(plan).GetAwaiter().GetResult();

        if (format == OutputFormat.Json)
        {
            output.WriteLine(ResponsePlanJson.Serialize(plan));
        }
        else
        {
            PlanTable.Write(output, plan, alert, site, source, execution);
        }

        return ExitCodes.Success;
    }

    /// <summary>The tool's notify effector: the notification goes to standard error.</summary>
    private sealed class ConsoleNotifyEffector(TextWriter error) : IResponseEffector
    {
        public string ActionId => Response.Actions.ResponseActionIds.Notify;

        public ValueTask<string> ExecuteAsync(ResponsePlan plan, ResponseStep step, CancellationToken cancellationToken)
        {
            error.WriteLine($"otsec: NOTIFY {plan.SiteName}: {step.Reason} ({plan.Count(ResponseVerdict.Automatic)} automatic, {plan.Count(ResponseVerdict.NeedsApproval)} need approval, {plan.Count(ResponseVerdict.Denied)} denied; plan {plan.Id})");
            return ValueTask.FromResult("notification written to standard error");
        }
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Writes a plan for people.</summary>
    internal static class PlanTable
    {
        public static void Write(TextWriter output, ResponsePlan plan, Alert alert, SiteModel site, string source, ExecutionReport execution)
        {
            output.WriteLine($"RESPONSE PLAN {plan.Id}{(plan.DryRun ? " (dry run)" : string.Empty)}");
            output.WriteLine($"Site: {site.Name} ({source})");
            string techniques = string.Join(", ", alert.Techniques.Select(static t => AttackForIcsCatalog.TryGet(t, out AttackTechnique? k) ? $"{k.Id} {k.Name}" : t));
            output.WriteLine($"Alert: {alert.Id} ({JsonOutput.Name(alert.Severity)}) at {alert.Time:yyyy-MM-dd'T'HH:mm:ss'Z'} — {(techniques.Length == 0 ? "no technique" : techniques)}");
            output.WriteLine($"  {alert.Message}");
            output.WriteLine($"Decided at {plan.CreatedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} (site time {site.ToSiteLocalTime(plan.CreatedAt):ddd yyyy-MM-dd HH:mm} {site.TimeZone ?? "UTC"})");
            output.WriteLine($"Verdicts: {plan.Count(ResponseVerdict.Automatic)} automatic, {plan.Count(ResponseVerdict.NeedsApproval)} need approval, {plan.Count(ResponseVerdict.Denied)} denied");
            output.WriteLine();

            var table = new TextTable("#", "Action", "Target", "Verdict", "Decided by", "Cost", "Blast radius");
            foreach (ResponseStep step in plan.Steps)
            {
                table.AddRow(
                    step.Order.ToString(CultureInfo.InvariantCulture),
                    step.ActionId,
                    step.Target.ToString(),
                    Verdict(step),
                    string.Join(", ", step.RuleIds),
                    step.ExpectedDowntimeCost is { } cost ? string.Create(CultureInfo.InvariantCulture, $"{cost.Amount:#,0} {cost.Currency}") : "unknown",
                    step.BlastRadius.Summarize());
            }

            table.WriteTo(output);
            output.WriteLine();

            output.WriteLine("WHY");
            foreach (ResponseStep step in plan.Steps)
            {
                output.WriteLine($"  {step.Order}. {step.ActionName} — {step.Target}: {Verdict(step)}");
                output.WriteLine($"     {step.Reason}");
                foreach (PolicyDecisionRecord decision in step.Decisions.Where(d => d.Contribution == step.Verdict && (step.Verdict != ResponseVerdict.Automatic || d.PolicyId == "engine")))
                {
                    output.WriteLine($"     {decision.RuleId} ({decision.PolicyId}): {decision.Reason}");
                }

                if (step.ExpectedDowntimeCost is { Amount: > 0 } cost)
                {
                    output.WriteLine($"     cost: {cost.Basis}");
                }

                if (!step.DependsOn.IsEmpty)
                {
                    output.WriteLine($"     waits for: {string.Join(", ", step.DependsOn)}");
                }
            }

            if (!plan.Findings.IsEmpty)
            {
                output.WriteLine();
                output.WriteLine("FINDINGS");
                foreach (PlanFinding finding in plan.Findings)
                {
                    output.WriteLine($"  {finding.RuleId}: {finding.Message}");
                }
            }

            output.WriteLine();
            output.WriteLine(plan.DryRun ? "EXECUTION (dry run: nothing was run)" : "EXECUTION");
            var runs = new TextTable("#", "Step", "Status", "Detail");
            int i = 0;
            foreach (StepExecution run in execution.Steps)
            {
                runs.AddRow((++i).ToString(CultureInfo.InvariantCulture), run.StepId, JsonOutput.Name(run.Status), run.Detail);
            }

            runs.WriteTo(output);
        }

        private static string Verdict(ResponseStep step) => step.Verdict switch
        {
            ResponseVerdict.Automatic => "automatic",
            ResponseVerdict.NeedsApproval => step.RequiredApprovals > 1 ? $"needs {step.RequiredApprovals} approvals" : "needs approval",
            _ => "DENIED",
        };
    }
}
