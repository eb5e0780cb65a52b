using System.Text.Json;

namespace OtSecurity.Cli.Tests.Commands;

public class RiskCommandTests
{
    private static string DemoSite => Path.Combine(AppContext.BaseDirectory, "data", "demo-plant.site.json");

    private static string DemoAssumptions => Path.Combine(AppContext.BaseDirectory, "data", "demo-plant.risk-assumptions.json");

    private static string DemoAlert => Path.Combine(AppContext.BaseDirectory, "data", "demo-alert.json");

    private static JsonElement Asset(JsonDocument report, string id) =>
        report.RootElement.GetProperty("assets").EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);

    private static JsonDocument RunJson(params string[] args)
    {
        CliRunner.Result result = CliRunner.Run(["risk", "--format", "json", "--samples", "200", .. args]);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Output);
    }

    [Fact]
    public void Risk_DemoPlantByDefault_PrintsTheReport_AndExits0()
    {
        CliRunner.Result result = CliRunner.Run("risk", "--samples", "500");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.Contains("Risk of Riverside Bottling Plant (production line, evaluated 2026-11-01)", result.Output, StringComparison.Ordinal);
        Assert.Contains("demo-plant.vulns.json (10)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Monte Carlo, 500 years, seed 62443", result.Output, StringComparison.Ordinal);
        Assert.Contains("ZONES, by expected annual loss", result.Output, StringComparison.Ordinal);
        Assert.Contains("CVE-2019-0708 on sup-hmi-2: compensate", result.Output, StringComparison.Ordinal);
        Assert.Contains("SEGMENTATION UPGRADES, by saving", result.Output, StringComparison.Ordinal);
        Assert.Contains("LOSS EXCEEDANCE", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_Json_HasEveryAssetZoneAndVulnerability()
    {
        CliRunner.Result result = CliRunner.Run("risk", "--format", "json", "--samples", "500", "--seed", "7");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Output);
        JsonElement root = doc.RootElement;
        Assert.Equal("Riverside Bottling Plant", root.GetProperty("site").GetProperty("name").GetString());
        Assert.Equal("USD", root.GetProperty("currency").GetString());
        Assert.Equal(7UL, root.GetProperty("simulation").GetProperty("seed").GetUInt64());
        Assert.Equal(500, root.GetProperty("simulation").GetProperty("samples").GetInt32());
        JsonElement[] assets = [.. root.GetProperty("assets").EnumerateArray()];
        Assert.Equal(42, assets.Length);
        double[] losses = [.. assets.Select(a => a.GetProperty("expectedAnnualLoss").GetDouble())];
        Assert.True(losses.Zip(losses.Skip(1)).All(p => p.First >= p.Second), "assets are ranked by expected annual loss");
        Assert.Equal(9, root.GetProperty("zones").GetArrayLength());
        JsonElement[] vulnerabilities = [.. assets.SelectMany(a => a.GetProperty("vulnerabilities").EnumerateArray())];
        Assert.Equal(10, vulnerabilities.Length);
        Assert.All(vulnerabilities, v =>
        {
            Assert.Contains(v.GetProperty("ssvc").GetProperty("decision").GetString(), new[] { "Track", "Track*", "Attend", "Act" });
            Assert.Contains(v.GetProperty("bucket").GetProperty("when").GetString(), new[] { "now", "next", "never" });
            Assert.Equal(4, v.GetProperty("patchDecision").GetProperty("options").GetArrayLength());
        });
        Assert.True(root.GetProperty("segmentationUpgrades").GetArrayLength() > 0);
        JsonElement sim = root.GetProperty("simulation");
        Assert.True(sim.GetProperty("p10").GetDouble() <= sim.GetProperty("p50").GetDouble());
        Assert.True(sim.GetProperty("p90").GetDouble() <= sim.GetProperty("p99").GetDouble());
    }

    [Fact]
    public void Risk_SameSeed_SameOutput()
    {
        CliRunner.Result a = CliRunner.Run("risk", "--format", "json", "--samples", "300", "--seed", "11");
        CliRunner.Result b = CliRunner.Run("risk", "--format", "json", "--samples", "300", "--seed", "11");
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Output.Replace(AppContext.BaseDirectory, string.Empty, StringComparison.Ordinal), b.Output.Replace(AppContext.BaseDirectory, string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Risk_ExplicitSiteVulnsAndTableFormat_SameAsTheDefaults()
    {
        // Naming the demo plant, its vulnerability file and the table format explicitly gives the default output.
        CliRunner.Result defaults = CliRunner.Run("risk", "--samples", "300", "--seed", "3");
        CliRunner.Result explicitly = CliRunner.Run("risk", DemoSite, "--vulns", Path.Combine(AppContext.BaseDirectory, "data", "demo-plant.vulns.json"), "--format", "table", "--samples", "300", "--seed", "3");

        Assert.Equal(0, explicitly.ExitCode);
        Assert.Contains($"site: {DemoSite}", explicitly.Output, StringComparison.Ordinal);
        // The lines after the header (which names the sources) are the same.
        Assert.Equal(defaults.Output.Split('\n').Skip(3), explicitly.Output.Split('\n').Skip(3));
        Assert.Contains("seed 3", explicitly.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_DifferentSeed_DifferentSimulation_SameClosedForm()
    {
        using JsonDocument a = JsonDocument.Parse(CliRunner.Run("risk", "--format", "json", "--samples", "300", "--seed", "1").Output);
        using JsonDocument b = JsonDocument.Parse(CliRunner.Run("risk", "--format", "json", "--samples", "300", "--seed", "2").Output);

        Assert.NotEqual(a.RootElement.GetProperty("simulation").GetProperty("p99").GetDouble(), b.RootElement.GetProperty("simulation").GetProperty("p99").GetDouble());
        Assert.Equal(a.RootElement.GetProperty("expectedAnnualLoss").GetDouble(), b.RootElement.GetProperty("expectedAnnualLoss").GetDouble());
    }

    [Fact]
    public void Risk_MissingSite_Exits2()
    {
        CliRunner.Result result = CliRunner.Run("risk", "/nonexistent/plant.site.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains("cannot read the site model", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_MissingVulnerabilityFile_Exits2()
    {
        CliRunner.Result result = CliRunner.Run("risk", "--vulns", "/nonexistent/x.vulns.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot read the vulnerability file", result.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_InvalidVulnerabilityFile_Exits2_WithThePath()
    {
        string path = CliRunner.TempFile("""{ "vulnerabilities": [ { "assetId": "c2-plc", "cve": "CVE-2021-22681", "cvss": 42 } ] }""", ".vulns.json");
        try
        {
            CliRunner.Result result = CliRunner.Run("risk", "--vulns", path);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("$.vulnerabilities[0].cvss: 42 is outside 0.0–10.0", result.Error, StringComparison.Ordinal);
            Assert.Contains("$.vulnerabilities[0].exploitation", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Risk_VulnerabilityOnUnknownAsset_Exits2()
    {
        string path = CliRunner.TempFile("""
            { "vulnerabilities": [ { "assetId": "ghost", "cve": "CVE-2021-22681", "cvss": 10, "exploitation": "active",
              "automatable": true, "technicalImpact": "total", "patchAvailable": false } ] }
            """, ".vulns.json");
        try
        {
            CliRunner.Result result = CliRunner.Run("risk", "--vulns", path);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("the site has no asset 'ghost'", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--seed", "abc")]
    [InlineData("--seed", "-1")]
    [InlineData("--samples", "0")]
    [InlineData("--samples", "100000000")]
    [InlineData("--format", "xml")]
    public void Risk_InvalidOption_Exits2(string option, string value)
    {
        CliRunner.Result result = CliRunner.Run("risk", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains("Run 'otsec risk --help' for usage.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_SiteWithoutVulnerabilityFile_RunsWithNone()
    {
        string path = CliRunner.TempFile(File.ReadAllText(DemoSite));
        try
        {
            CliRunner.Result result = CliRunner.Run("risk", path, "--samples", "200");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("vulnerabilities: none given", result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("VULNERABILITIES, by", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Risk_SiblingVulnerabilityFile_IsFound()
    {
        string site = CliRunner.TempFile(File.ReadAllText(DemoSite));
        string vulns = site[..^".site.json".Length] + ".vulns.json";
        File.WriteAllText(vulns, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "demo-plant.vulns.json")));
        try
        {
            CliRunner.Result result = CliRunner.Run("risk", site, "--samples", "200");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains($"vulnerabilities: {vulns} (10)", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(site);
            File.Delete(vulns);
        }
    }

    [Fact]
    public void Help_ListsRisk()
    {
        CliRunner.Result result = CliRunner.Run("risk", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--vulns", result.Output, StringComparison.Ordinal);
        Assert.Contains("--seed", result.Output, StringComparison.Ordinal);
        Assert.Contains("table|json", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_DemoAssumptions_LowerTheDemoPlantsLoss_AndNameTheirSource()
    {
        // The sample prices the bottling lines below the production-line default (50,000–500,000/h, mean 197,076/h):
        // line 1 55,000–180,000/h, the line 1 PLC 80,000–240,000/h, so the report goes down.
        using JsonDocument defaults = RunJson();
        using JsonDocument tuned = RunJson("--assumptions", DemoAssumptions);

        Assert.Equal(DemoAssumptions, tuned.RootElement.GetProperty("assumptions").GetString());
        Assert.Equal(JsonValueKind.Null, defaults.RootElement.GetProperty("assumptions").ValueKind);
        Assert.True(tuned.RootElement.GetProperty("expectedAnnualLoss").GetDouble() < defaults.RootElement.GetProperty("expectedAnnualLoss").GetDouble());

        JsonElement plc = Asset(tuned, "c1-plc").GetProperty("hourlyDowntimeCost");
        Assert.Equal("asset", plc.GetProperty("source").GetString());
        Assert.Equal(80_000, plc.GetProperty("low").GetDouble());
        Assert.Equal(240_000, plc.GetProperty("high").GetDouble());
        Assert.Equal("productionLine", Asset(tuned, "c2-plc").GetProperty("hourlyDowntimeCost").GetProperty("source").GetString());
        // "fixedRestartHours": { "plc": 2 } (× 1 on a production line) and "restartHoursPerOutageHour": { "productionLine": 0.4 }.
        Assert.Equal(2.0, Asset(tuned, "c2-plc").GetProperty("restart").GetProperty("fixedHours").GetDouble());
        Assert.Equal(0.4, Asset(tuned, "c2-plc").GetProperty("restart").GetProperty("hoursPerOutageHour").GetDouble());
    }

    [Fact]
    public void Risk_Assumptions_CostlierLine_RaisesItsAssetsLoss_Only()
    {
        string path = CliRunner.TempFile("""{ "downtime": { "productionLines": { "line-2": { "low": 1000000, "high": 3000000 } } } }""", ".risk-assumptions.json");
        try
        {
            using JsonDocument defaults = RunJson();
            using JsonDocument tuned = RunJson("--assumptions", path);

            Assert.True(Asset(tuned, "c2-plc").GetProperty("expectedAnnualLoss").GetDouble() > Asset(defaults, "c2-plc").GetProperty("expectedAnnualLoss").GetDouble());
            Assert.True(tuned.RootElement.GetProperty("expectedAnnualLoss").GetDouble() > defaults.RootElement.GetProperty("expectedAnnualLoss").GetDouble());
            Assert.Equal(Asset(defaults, "c1-plc").GetProperty("expectedAnnualLoss").GetDouble(), Asset(tuned, "c1-plc").GetProperty("expectedAnnualLoss").GetDouble());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Risk_Table_NamesTheAssumptionsAndAlerts()
    {
        CliRunner.Result result = CliRunner.Run("risk", "--samples", "200", "--assumptions", DemoAssumptions, "--alerts", DemoAlert);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"assumptions: {DemoAssumptions}", result.Output, StringComparison.Ordinal);
        Assert.Contains($"observed alerts: {DemoAlert} (1)", result.Output, StringComparison.Ordinal);
        Assert.Contains("60,000–220,000/h", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_DemoAlert_RaisesTheExposureOfItsAssets_Only()
    {
        // demo-alert.json: severity high (8 points) on ops-ews and c1-plc.
        using JsonDocument defaults = RunJson();
        using JsonDocument observed = RunJson("--alerts", DemoAlert);

        Assert.Equal(1, observed.RootElement.GetProperty("alerts").GetProperty("count").GetInt32());
        foreach (string id in new[] { "ops-ews", "c1-plc" })
        {
            JsonElement before = Asset(defaults, id).GetProperty("exposure");
            JsonElement after = Asset(observed, id).GetProperty("exposure");
            Assert.True(after.GetProperty("score").GetDouble() > before.GetProperty("score").GetDouble(), id);
            Assert.Contains(after.GetProperty("factors").EnumerateArray(), f => f.GetProperty("kind").GetString() == "observedFinding" && f.GetProperty("evidence").GetString() == "alt-20261103-0042");
            Assert.True(Asset(observed, id).GetProperty("expectedAnnualLoss").GetDouble() > Asset(defaults, id).GetProperty("expectedAnnualLoss").GetDouble(), id);
        }

        // An asset the alert does not name keeps its exposure.
        Assert.Equal(Asset(defaults, "c2-plc").GetProperty("exposure").GetProperty("score").GetDouble(), Asset(observed, "c2-plc").GetProperty("exposure").GetProperty("score").GetDouble());
    }

    [Fact]
    public void Risk_AlertsArray_SameAsTheSingleAlert()
    {
        string path = CliRunner.TempFile("[" + File.ReadAllText(DemoAlert) + "]", ".alerts.json");
        try
        {
            using JsonDocument single = RunJson("--alerts", DemoAlert);
            using JsonDocument array = RunJson("--alerts", path);
            Assert.Equal(single.RootElement.GetProperty("expectedAnnualLoss").GetDouble(), array.RootElement.GetProperty("expectedAnnualLoss").GetDouble());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Risk_InvalidAssumptions_Exits2_WithFileLineAndPath()
    {
        string path = CliRunner.TempFile("{\n  \"downtime\": {\n    \"zones\": { \"zone-x\": 5 },\n    \"productionLines\": { \"line-1\": { \"low\": 9, \"high\": 3 } }\n  }\n}\n", ".risk-assumptions.json");
        try
        {
            CliRunner.Result result = CliRunner.Run("risk", "--assumptions", path);
            Assert.Equal(2, result.ExitCode);
            Assert.Equal(string.Empty, result.Output);
            Assert.Contains($"{path}:3:", result.Error, StringComparison.Ordinal);
            Assert.Contains("$.downtime.zones.zone-x: The site has no zone 'zone-x'", result.Error, StringComparison.Ordinal);
            Assert.Contains($"{path}:4:", result.Error, StringComparison.Ordinal);
            Assert.Contains("$.downtime.productionLines.line-1.high: The high hourly cost (3) is below the low one (9)", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Risk_MissingAssumptions_Exits2()
    {
        CliRunner.Result result = CliRunner.Run("risk", "--assumptions", "/nonexistent/x.risk-assumptions.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot read the risk assumptions", result.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_AlertOnUnknownAsset_Exits2_WithThePath()
    {
        string path = CliRunner.TempFile(File.ReadAllText(DemoAlert).Replace("\"c1-plc\"]", "\"ghost-plc\"]", StringComparison.Ordinal), ".alert.json");
        try
        {
            CliRunner.Result result = CliRunner.Run("risk", "--alerts", path);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"{path}: $.affectedAssets[1]: the site has no asset 'ghost-plc'", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Risk_MalformedAlerts_Exits2_WithFileAndLine()
    {
        string path = CliRunner.TempFile("[\n  { \"id\": \"a\",\n    \"severity\": \"extreme\" }\n]\n", ".alerts.json");
        try
        {
            CliRunner.Result result = CliRunner.Run("risk", "--alerts", path);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"cannot read the alerts: {path}:3:", result.Error, StringComparison.Ordinal);
            Assert.Contains("$[0].severity", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Help_ListsAssumptionsAndAlerts()
    {
        CliRunner.Result result = CliRunner.Run("risk", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--assumptions", result.Output, StringComparison.Ordinal);
        Assert.Contains("--alerts", result.Output, StringComparison.Ordinal);
    }
}
