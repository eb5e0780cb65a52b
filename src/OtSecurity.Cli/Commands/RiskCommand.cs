using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OtSecurity.Cli.Common;
using OtSecurity.Model.Alerts;
using OtSecurity.Model.Serialization;
using OtSecurity.Model.Sites;
using OtSecurity.Risk;
using OtSecurity.Risk.Downtime;
using OtSecurity.Risk.Exposure;
using OtSecurity.Risk.Patching;
using OtSecurity.Risk.Reports;
using OtSecurity.Risk.Simulation;
using OtSecurity.Risk.Ssvc;
using OtSecurity.Risk.Vulnerabilities;

namespace OtSecurity.Cli.Commands;

/// <summary>
/// <c>otsec risk [SITE.json] [--vulns FILE] [--assumptions FILE] [--alerts FILE] [--seed N] [--samples N] [--format table|json]</c>: the site risk report in
/// currency — zones and assets ranked by expected annual loss with their top contributing factors, SSVC, Now / Next /
/// Never and patch decisions per vulnerability, what each segmentation upgrade would save, and a seeded Monte Carlo of
/// the annual loss. <c>--assumptions</c> applies a risk assumptions file (the site's own downtime cost per site, zone,
/// production line and asset, restart times and other figures; docs/risk.md §10) and <c>--alerts</c> feeds alerts from
/// monitoring into the exposure as observed findings. Defaults: the bundled demo plant and its vulnerability file, the
/// default assumptions, no alerts. Exit code 0; 2 when an input cannot be read or an option is invalid.
/// </summary>
internal static class RiskCommand
{
    /// <summary>The default number of simulated years for a site report.</summary>
    public const int DefaultSamples = 20_000;

    /// <summary>The demo plant's vulnerability file copied next to the executable.</summary>
    public static string DefaultVulnerabilitiesPath => Path.Combine(AppContext.BaseDirectory, "data", "demo-plant.vulns.json");

    public static Command Create()
    {
        Argument<string?> site = SiteInput.CreateArgument();
        var vulns = new Option<string?>("--vulns")
        {
            Description = "The vulnerability file (docs/risk.md#vulnerability-file). Default: the demo plant's with the demo plant; otherwise SITE.vulns.json next to SITE.site.json when it exists, else none.",
            HelpName = "FILE",
        };
        var assumptions = new Option<string?>("--assumptions")
        {
            Description = "A risk assumptions file (docs/risk.md#10-risk-assumptions-file): hourly downtime cost per site, zone, production line and asset, restart hours per asset kind, and the other figures a plant tunes. Default: the documented defaults.",
            HelpName = "FILE",
        };
        var alerts = new Option<string?>("--alerts")
        {
            Description = "Alerts raised by monitoring (one alert object or an array, as in data/demo-alert.json): each raises the exposure of the assets it names and of their zones (observed findings).",
            HelpName = "FILE",
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of the Monte Carlo (the same seed gives the same figures on every machine).",
            DefaultValueFactory = static _ => MonteCarloOptions.DefaultSeed,
            HelpName = "N",
        };
        var samples = new Option<int>("--samples")
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"Simulated years (1 to {MonteCarloOptions.MaximumSamples:N0})."),
            DefaultValueFactory = static _ => DefaultSamples,
            HelpName = "N",
        };
        samples.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value < 1 || value > MonteCarloOptions.MaximumSamples)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--samples must be between 1 and {MonteCarloOptions.MaximumSamples:N0}, not {value}."));
            }
        });
        Option<string> format = FormatOption.Create();
        var command = new Command("risk", "Price the site's cyber risk in currency: expected annual loss per zone and asset, SSVC and patch decisions per vulnerability, segmentation upgrades and a seeded Monte Carlo (docs/risk.md). Exit code 0; 2: an input cannot be read or an option is invalid.")
        {
            site,
            vulns,
            assumptions,
            alerts,
            seed,
            samples,
            format,
        };
        command.SetAction(parse => Run(
            parse.GetValue(site),
            parse.GetValue(vulns),
            parse.GetValue(assumptions),
            parse.GetValue(alerts),
            parse.GetValue(seed),
            parse.GetValue(samples),
            FormatOption.Get(parse, format),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string? sitePath, string? vulnsPath, string? assumptionsPath, string? alertsPath, ulong seed, int samples, OutputFormat format, TextWriter output, TextWriter error)
    {
        if (!SiteInput.TryLoad(sitePath, error, out SiteModel? model, out string source))
        {
            return ExitCodes.UsageOrInput;
        }

        string? vulnsSource = ResolveVulnerabilities(sitePath, vulnsPath);
        IReadOnlyList<VulnerabilityRecord> records = [];
        if (vulnsSource is not null)
        {
            if (!VulnerabilityFile.TryLoad(vulnsSource, out IReadOnlyList<VulnerabilityRecord>? loaded, out IReadOnlyList<string> problems))
            {
                foreach (string problem in problems)
                {
                    error.WriteLine($"otsec: cannot read the vulnerability file: {problem}");
                }

                return ExitCodes.UsageOrInput;
            }

            IReadOnlyList<string> unknown = VulnerabilityFile.CheckAssets(loaded, model.Assets.Select(a => a.Id));
            if (unknown.Count > 0)
            {
                foreach (string problem in unknown)
                {
                    error.WriteLine($"otsec: {vulnsSource}: {problem}");
                }

                return ExitCodes.UsageOrInput;
            }

            records = loaded;
        }

        RiskAssumptions? assumptions = null;
        if (!string.IsNullOrWhiteSpace(assumptionsPath) && !RiskAssumptionsFile.TryLoad(assumptionsPath, model, out assumptions, out IReadOnlyList<JsonLoadError> assumptionErrors))
        {
            foreach (JsonLoadError problem in assumptionErrors)
            {
                error.WriteLine($"otsec: cannot read the risk assumptions: {problem}");
            }

            return ExitCodes.UsageOrInput;
        }

        IReadOnlyList<Alert> alerts = [];
        if (!string.IsNullOrWhiteSpace(alertsPath))
        {
            if (!AlertInput.TryLoadMany(alertsPath, model, error, out IReadOnlyList<Alert>? loadedAlerts))
            {
                return ExitCodes.UsageOrInput;
            }

            alerts = loadedAlerts;
        }

        var inputs = new Inputs(source, vulnsSource, records.Count, string.IsNullOrWhiteSpace(assumptionsPath) ? null : assumptionsPath, string.IsNullOrWhiteSpace(alertsPath) ? null : alertsPath, alerts.Count);
        SiteRiskReport report;
        try
        {
            report = new SiteRiskAnalyzer(assumptions).Analyze(model, records, new MonteCarloOptions { Samples = samples, Seed = seed }, alerts);
        }
        catch (RiskInputException ex)
        {
            error.WriteLine($"otsec: {ex.Message}");
            return ExitCodes.UsageOrInput;
        }

        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(output, writer => WriteJson(writer, report, inputs));
        }
        else
        {
            WriteTable(output, report, inputs);
        }

        return ExitCodes.Success;
    }

    private static string? ResolveVulnerabilities(string? sitePath, string? vulnsPath)
    {
        if (!string.IsNullOrWhiteSpace(vulnsPath))
        {
            return vulnsPath;
        }

        if (string.IsNullOrWhiteSpace(sitePath))
        {
            return DefaultVulnerabilitiesPath;
        }

        string sibling = sitePath.EndsWith(".site.json", StringComparison.OrdinalIgnoreCase)
            ? string.Concat(sitePath.AsSpan(0, sitePath.Length - ".site.json".Length), ".vulns.json")
            : Path.ChangeExtension(sitePath, ".vulns.json");
        return File.Exists(sibling) ? sibling : null;
    }

    /// <summary>Where the report's inputs came from, for its header.</summary>
    private sealed record Inputs(string Site, string? Vulnerabilities, int VulnerabilityCount, string? Assumptions, string? Alerts, int AlertCount);

    private static void WriteTable(TextWriter output, SiteRiskReport report, Inputs inputs)
    {
        SimulationResult mc = report.Simulation;
        output.WriteLine($"Risk of {report.Site} ({Describe(report.Environment)}, evaluated {report.EvaluationDate:yyyy-MM-dd}) — amounts in {report.Currency} a year");
        output.WriteLine($"  site: {inputs.Site}");
        output.WriteLine(inputs.Vulnerabilities is null ? "  vulnerabilities: none given" : $"  vulnerabilities: {inputs.Vulnerabilities} ({inputs.VulnerabilityCount})");
        if (inputs.Assumptions is not null)
        {
            output.WriteLine($"  assumptions: {inputs.Assumptions}");
        }

        if (inputs.Alerts is not null)
        {
            output.WriteLine($"  observed alerts: {inputs.Alerts} ({inputs.AlertCount})");
        }
        output.WriteLine();
        output.WriteLine($"Expected annual loss {Money(report.ExpectedAnnualLoss)} (closed form)");
        output.WriteLine(Invariant($"Monte Carlo, {mc.Samples:N0} years, seed {mc.Seed}: mean {Money(mc.AnnualizedLossExpectancy)}, P10 {Money(mc.P10)}, P50 {Money(mc.P50)}, P90 {Money(mc.P90)}, P99 {Money(mc.P99)}; a year with any loss: {mc.ProbabilityOfAnyLoss:P0}"));
        output.WriteLine();

        output.WriteLine("ZONES, by expected annual loss");
        var zones = new TextTable("Zone", "Purdue", "Exposure", "Downtime/h", "Expected loss", "Top contributing factor");
        foreach (ZoneRisk zone in report.Zones)
        {
            zones.AddRow(zone.ZoneId, zone.PurdueLevel.ToString(), Invariant($"{zone.Exposure.Score:0} (×{zone.Exposure.ThreatFrequencyMultiplier:0.00})"), zone.HourlyCost.Range.ToString(), Money(zone.ExpectedAnnualLoss), zone.TopFactors.Count > 0 ? Shorten(zone.TopFactors[0].Label) : string.Empty);
        }

        zones.WriteTo(output);
        output.WriteLine();

        const int shown = 15;
        output.WriteLine($"ASSETS, by expected annual loss (top {Math.Min(shown, report.Assets.Count)} of {report.Assets.Count})");
        var assets = new TextTable("Asset", "Zone", "Loss events/yr", "Loss/event", "Expected loss", "Top contributing factors");
        foreach (AssetRisk asset in report.Assets.Take(shown))
        {
            string factors = string.Join("; ", asset.TopFactors.Select(f => $"{Shorten(f.Label)} {Money(f.AnnualLoss)}"));
            assets.AddRow(asset.AssetId, asset.ZoneId ?? "-", Invariant($"{asset.LossEventFrequency:0.000}"), Money(asset.ExpectedMagnitude), Money(asset.ExpectedAnnualLoss), factors);
        }

        assets.WriteTo(output);
        output.WriteLine();

        VulnerabilityRisk[] vulnerabilities = [.. report.Assets.SelectMany(a => a.Vulnerabilities).OrderByDescending(v => v.ExpectedAnnualLoss)];
        if (vulnerabilities.Length > 0)
        {
            output.WriteLine("VULNERABILITIES, by expected annual loss");
            var table = new TextTable("CVE", "Asset", "CVSS", "SSVC", "When", "Action", "Decision", "Expected loss");
            foreach (VulnerabilityRisk v in vulnerabilities)
            {
                table.AddRow(v.Record.CveId, v.Record.AssetId, Invariant($"{v.Record.Cvss:0.0}"), CisaSsvc.Label(v.Ssvc), v.Bucket.Bucket.ToString(), v.Bucket.Action.ToString().ToLowerInvariant(), PatchDecisionCalculator.Name(v.Patch.Recommendation), Money(v.ExpectedAnnualLoss));
            }

            table.WriteTo(output);
            output.WriteLine();
            foreach (VulnerabilityRisk v in vulnerabilities)
            {
                output.WriteLine($"  {v.Record.CveId} on {v.Record.AssetId}: {v.Patch.Summary}");
            }

            output.WriteLine();
        }

        output.WriteLine("SEGMENTATION UPGRADES, by saving");
        var upgrades = new TextTable("Conduit", "Between", "Upgrade", "Saves a year");
        foreach (SegmentationUpgrade upgrade in report.SegmentationUpgrades)
        {
            upgrades.AddRow(upgrade.ConduitId, $"{upgrade.ZoneA} – {upgrade.ZoneB}", $"{upgrade.From} → {upgrade.To}", Money(upgrade.Savings));
        }

        upgrades.WriteTo(output);
        output.WriteLine();

        output.WriteLine("LOSS EXCEEDANCE, P(annual loss > x)");
        var curve = new TextTable("x", "P");
        foreach (ExceedancePoint point in mc.ExceedanceCurve.Where((_, i) => i % 4 == 0 || i == mc.ExceedanceCurve.Count - 1))
        {
            curve.AddRow(Money(point.Threshold), Invariant($"{point.Probability:P1}"));
        }

        curve.WriteTo(output);
        output.WriteLine();
        output.WriteLine("Assumptions and formulas: docs/risk.md. Change the site's figures with --assumptions FILE (docs/risk.md §10), or any default through the OtSecurity.Risk API.");
    }

    private static void WriteJson(Utf8JsonWriter w, SiteRiskReport report, Inputs inputs)
    {
        string? vulnsSource = inputs.Vulnerabilities;
        w.WriteStartObject();
        w.WriteStartObject("site");
        w.WriteString("name", report.Site);
        w.WriteString("source", inputs.Site);
        w.WriteString("environment", JsonOutput.Name(report.Environment));
        w.WriteString("evaluationDate", report.EvaluationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteEndObject();
        if (vulnsSource is null)
        {
            w.WriteNull("vulnerabilities");
        }
        else
        {
            w.WriteString("vulnerabilities", vulnsSource);
        }

        if (inputs.Assumptions is null)
        {
            w.WriteNull("assumptions");
        }
        else
        {
            w.WriteString("assumptions", inputs.Assumptions);
        }

        w.WriteStartObject("alerts");
        if (inputs.Alerts is null)
        {
            w.WriteNull("source");
        }
        else
        {
            w.WriteString("source", inputs.Alerts);
        }

        w.WriteNumber("count", inputs.AlertCount);
        w.WriteEndObject();

        w.WriteString("currency", report.Currency);
        w.WriteNumber("expectedAnnualLoss", Round(report.ExpectedAnnualLoss));

        SimulationResult mc = report.Simulation;
        w.WriteStartObject("simulation");
        w.WriteNumber("samples", mc.Samples);
        w.WriteNumber("seed", mc.Seed);
        w.WriteNumber("annualizedLossExpectancy", Round(mc.AnnualizedLossExpectancy));
        w.WriteNumber("standardDeviation", Round(mc.StandardDeviation));
        w.WriteNumber("p10", Round(mc.P10));
        w.WriteNumber("p50", Round(mc.P50));
        w.WriteNumber("p90", Round(mc.P90));
        w.WriteNumber("p99", Round(mc.P99));
        w.WriteNumber("maximum", Round(mc.Maximum));
        w.WriteNumber("probabilityOfAnyLoss", mc.ProbabilityOfAnyLoss);
        w.WriteNumber("meanLossEvents", mc.MeanLossEvents);
        w.WriteStartArray("exceedanceCurve");
        foreach (ExceedancePoint p in mc.ExceedanceCurve)
        {
            w.WriteStartObject();
            w.WriteNumber("loss", Round(p.Threshold));
            w.WriteNumber("probability", p.Probability);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartArray("zones");
        foreach (ZoneRisk zone in report.Zones)
        {
            w.WriteStartObject();
            w.WriteString("id", zone.ZoneId);
            w.WriteString("name", zone.Name);
            w.WriteString("purdueLevel", JsonOutput.Name(zone.PurdueLevel));
            w.WriteNumber("expectedAnnualLoss", Round(zone.ExpectedAnnualLoss));
            WriteHourly(w, zone.HourlyCost);
            WriteExposure(w, zone.Exposure);
            WriteContributions(w, zone.TopFactors);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("assets");
        foreach (AssetRisk asset in report.Assets)
        {
            w.WriteStartObject();
            w.WriteString("id", asset.AssetId);
            w.WriteString("name", asset.Name);
            w.WriteString("kind", JsonOutput.Name(asset.Kind));
            if (asset.ZoneId is null)
            {
                w.WriteNull("zone");
            }
            else
            {
                w.WriteString("zone", asset.ZoneId);
            }

            w.WriteNumber("expectedAnnualLoss", Round(asset.ExpectedAnnualLoss));
            w.WriteNumber("threatEventFrequency", asset.ThreatEventFrequency);
            w.WriteNumber("vulnerability", asset.Vulnerability);
            w.WriteNumber("lossEventFrequency", asset.LossEventFrequency);
            w.WriteNumber("expectedLossPerEvent", Round(asset.ExpectedMagnitude));
            w.WriteNumber("productionImpact", asset.ProductionImpact);
            WriteHourly(w, asset.HourlyCost);
            w.WriteStartObject("restart");
            w.WriteNumber("fixedHours", asset.Restart.FixedHours);
            w.WriteNumber("hoursPerOutageHour", asset.Restart.HoursPerOutageHour);
            w.WriteEndObject();
            WriteExposure(w, asset.Exposure);
            WriteContributions(w, asset.TopFactors);
            w.WriteStartArray("vulnerabilities");
            foreach (VulnerabilityRisk v in asset.Vulnerabilities)
            {
                WriteVulnerability(w, v);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("segmentationUpgrades");
        foreach (SegmentationUpgrade u in report.SegmentationUpgrades)
        {
            w.WriteStartObject();
            w.WriteString("conduit", u.ConduitId);
            w.WriteString("zoneA", u.ZoneA);
            w.WriteString("zoneB", u.ZoneB);
            w.WriteString("from", JsonOutput.Name(u.From));
            w.WriteString("to", JsonOutput.Name(u.To));
            w.WriteNumber("expectedAnnualLossBefore", Round(u.ExpectedAnnualLossBefore));
            w.WriteNumber("expectedAnnualLossAfter", Round(u.ExpectedAnnualLossAfter));
            w.WriteNumber("savings", Round(u.Savings));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteVulnerability(Utf8JsonWriter w, VulnerabilityRisk v)
    {
        w.WriteStartObject();
        w.WriteString("cve", v.Record.CveId);
        w.WriteNumber("cvss", v.Record.Cvss);
        w.WriteString("exploitation", JsonOutput.Name(v.Record.Exploitation));
        w.WriteBoolean("automatable", v.Record.Automatable == SsvcAutomatable.Yes);
        w.WriteString("technicalImpact", JsonOutput.Name(v.Record.TechnicalImpact));
        w.WriteNumber("exploitProbability", v.ExploitProbability);
        w.WriteNumber("expectedAnnualLoss", Round(v.ExpectedAnnualLoss));
        w.WriteStartObject("ssvc");
        w.WriteString("decision", CisaSsvc.Label(v.Ssvc));
        w.WriteString("missionAndWellBeing", JsonOutput.Name(v.MissionAndWellBeing.Effective));
        w.WriteString("missionAndWellBeingBaseline", JsonOutput.Name(v.MissionAndWellBeing.Baseline));
        w.WriteString("otExtension", v.MissionAndWellBeing.Reason);
        w.WriteEndObject();
        w.WriteStartObject("bucket");
        w.WriteString("when", JsonOutput.Name(v.Bucket.Bucket));
        w.WriteString("action", JsonOutput.Name(v.Bucket.Action));
        w.WriteString("rule", v.Bucket.Rule);
        w.WriteEndObject();
        w.WriteStartObject("patchDecision");
        w.WriteString("recommendation", JsonOutput.Name(v.Patch.Recommendation));
        w.WriteString("summary", v.Patch.Summary);
        w.WriteNumber("rollbackProbability", v.Patch.Input.EffectiveRollbackProbability);
        w.WriteStartArray("options");
        foreach (PatchOptionAssessment option in v.Patch.Options)
        {
            w.WriteStartObject();
            w.WriteString("option", JsonOutput.Name(option.Option));
            w.WriteBoolean("feasible", option.Feasible);
            if (option.Feasible)
            {
                w.WriteNumber("expectedCost", Round(option.ExpectedCost));
            }
            else
            {
                w.WriteNull("expectedCost");
            }

            w.WriteString("reason", option.Reason);
            w.WriteStartArray("lines");
            foreach (CostLine line in option.Lines)
            {
                w.WriteStartObject();
                w.WriteString("label", line.Label);
                w.WriteNumber("amount", Round(line.Amount));
                w.WriteString("formula", line.Formula);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteHourly(Utf8JsonWriter w, ResolvedHourlyCost cost)
    {
        w.WriteStartObject("hourlyDowntimeCost");
        w.WriteNumber("low", cost.Range.Low);
        w.WriteNumber("high", cost.Range.High);
        w.WriteBoolean("openEnded", cost.Range.OpenEnded);
        w.WriteNumber("expected", Round(cost.Range.Expected));
        w.WriteString("source", JsonOutput.Name(cost.Source));
        w.WriteString("pricedAs", JsonOutput.Name(cost.Environment));
        w.WriteEndObject();
    }

    private static void WriteExposure(Utf8JsonWriter w, ExposureScore exposure)
    {
        w.WriteStartObject("exposure");
        w.WriteNumber("score", exposure.Score);
        w.WriteNumber("threatFrequencyMultiplier", exposure.ThreatFrequencyMultiplier);
        if (exposure.WeakestPath is null)
        {
            w.WriteNull("weakestPath");
        }
        else
        {
            w.WriteString("weakestPath", exposure.WeakestPath.ToString());
        }

        w.WriteStartArray("factors");
        foreach (ExposureFactor f in exposure.Factors)
        {
            w.WriteStartObject();
            w.WriteString("kind", JsonOutput.Name(f.Kind));
            w.WriteNumber("points", f.Points);
            w.WriteString("description", f.Description);
            w.WriteString("evidence", f.Evidence);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteContributions(Utf8JsonWriter w, IReadOnlyList<LossContribution> contributions)
    {
        w.WriteStartArray("topFactors");
        foreach (LossContribution c in contributions)
        {
            w.WriteStartObject();
            w.WriteString("factor", c.Label);
            w.WriteNumber("annualLoss", Round(c.AnnualLoss));
            w.WriteString("detail", c.Detail);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static double Round(double amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static string Money(double amount) => amount.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 59), "…");

    private static string Describe(EnvironmentClass environment) => environment switch
    {
        EnvironmentClass.OfficeIt => "office IT",
        EnvironmentClass.Warehouse => "warehouse",
        EnvironmentClass.ProductionLine => "production line",
        EnvironmentClass.ContinuousProcess => "continuous process",
        _ => environment.ToString(),
    };
}
