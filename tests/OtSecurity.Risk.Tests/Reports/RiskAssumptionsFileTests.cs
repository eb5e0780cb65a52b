using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Serialization;
using OtSecurity.Model.Sites;
using OtSecurity.Risk.Downtime;
using OtSecurity.Risk.Reports;

namespace OtSecurity.Risk.Tests.Reports;

public class RiskAssumptionsFileTests
{
    private static SiteModel DemoPlant()
    {
        Assert.True(SiteModelJson.TryLoad(Path.Combine(TestSites.RepositoryRoot(), "samples", "data", "demo-plant.site.json"), out SiteModel? site, out JsonLoadError? error), error?.ToString());
        return site;
    }

    private static string SamplePath => Path.Combine(TestSites.RepositoryRoot(), "samples", "data", "demo-plant.risk-assumptions.json");

    [Fact]
    public void TryLoad_DemoSample_AppliesEveryFigure()
    {
        Assert.True(RiskAssumptionsFile.TryLoad(SamplePath, DemoPlant(), out RiskAssumptions? a, out IReadOnlyList<JsonLoadError> errors), string.Join("\n", errors));

        Assert.Empty(errors);
        Assert.Equal("USD", a.Currency);
        DowntimeCostOverrides d = a.Downtime;
        Assert.Equal(new HourlyCostRange(60_000, 220_000), d.Site);
        Assert.Equal(new HourlyCostRange(55_000, 180_000), d.ProductionLines["line-1"]);
        Assert.Equal(new HourlyCostRange(40_000, 150_000), d.ProductionLines["line-2"]);
        Assert.Equal(new HourlyCostRange(100_000, 400_000, openEnded: true), d.Zones["zone-utilities"]);
        Assert.Equal(new HourlyCostRange(80_000, 240_000), d.Assets["c1-plc"]);
        Assert.Equal(new HourlyCostRange(1_500, 1_500), d.Assets["c1-meter"]); // a single number is a fixed figure
        Assert.Equal(2.0, d.FixedRestartHours[AssetKind.Plc]);
        Assert.Equal(12.0, d.FixedRestartHours[AssetKind.SafetyController]);
        Assert.Equal(0.4, d.RestartHoursPerOutageHour[EnvironmentClass.ProductionLine]);

        // Outage hours: PERT(2, 8, 48) for PLCs (mean (2 + 32 + 48)/6 = 13.6667); other kinds keep the default.
        Assert.Equal(82.0 / 6.0, a.OutageHours(AssetKind.Plc).Mean, 10);
        Assert.Equal(RiskAssumptions.DefaultOutageHours(AssetKind.Switch).Mean, a.OutageHours(AssetKind.Switch).Mean);
        Assert.Equal(3.0, a.PatchHours(AssetKind.Plc));
        Assert.Equal(RiskAssumptions.DefaultPatchHours(AssetKind.Hmi), a.PatchHours(AssetKind.Hmi));
        Assert.Equal((10_000 + (4 * 40_000) + 200_000) / 6.0, a.ResponseCost.Mean, 6);
        Assert.Equal(RiskAssumptions.Default.ReplacementCost.Mean, a.ReplacementCost.Mean);
        Assert.Contains("c1-plc", a.AssetsWithTestEnvironment);
        Assert.Contains("vnd-acme", a.Exposure.VendorsWithSessionLogging);
    }

    [Fact]
    public void TryParse_DocsExample_LoadsAgainstTheDemoPlant()
    {
        // docs/risk.md §10 shows an example between markers; it must load against the demo plant.
        string doc = File.ReadAllText(Path.Combine(TestSites.RepositoryRoot(), "docs", "risk.md"));
        int start = doc.IndexOf("<!-- risk-assumptions-example:start -->", StringComparison.Ordinal);
        int end = doc.IndexOf("<!-- risk-assumptions-example:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/risk.md has the example markers");
        string block = doc[start..end];
        string json = block[(block.IndexOf("```json", StringComparison.Ordinal) + 7)..block.LastIndexOf("```", StringComparison.Ordinal)];

        Assert.True(RiskAssumptionsFile.TryParse(json, DemoPlant(), out RiskAssumptions? a, out IReadOnlyList<JsonLoadError> errors), string.Join("\n", errors));
        Assert.Equal(new HourlyCostRange(180_000, 180_000), a.Downtime.ProductionLines["line-2"]);
        Assert.Equal(new HourlyCostRange(60_000, 60_000), a.Downtime.Zones["zone-cell1"]);
    }

    [Fact]
    public void TryParse_EmptyObject_KeepsTheBaseline()
    {
        RiskAssumptions baseline = RiskAssumptions.Default with { Currency = "EUR" };
        Assert.True(RiskAssumptionsFile.TryParse("{}"u8, DemoPlant(), baseline, out RiskAssumptions? a, out _));
        Assert.Equal("EUR", a.Currency);
        Assert.Same(baseline.Downtime, a.Downtime);
        Assert.Equal(baseline.OutageHours, a.OutageHours);
    }

    [Fact]
    public void TryParse_MergesWithTheBaselineOverrides()
    {
        RiskAssumptions baseline = RiskAssumptions.Default with
        {
            Downtime = new DowntimeCostOverrides { Zones = new Dictionary<string, HourlyCostRange> { ["zone-ops"] = new(1, 2), ["zone-bms"] = new(3, 4) } },
        };
        Assert.True(RiskAssumptionsFile.TryParse("""{ "downtime": { "zones": { "zone-bms": 7 } } }"""u8, DemoPlant(), baseline, out RiskAssumptions? a, out _));
        Assert.Equal(new HourlyCostRange(1, 2), a.Downtime.Zones["zone-ops"]);
        Assert.Equal(new HourlyCostRange(7, 7), a.Downtime.Zones["zone-bms"]);
    }

    // Each document puts the faulty value on a known line; the error names its JSON path, line and what is wrong.
    [Theory]
    [InlineData("{\n \"downtime\": {\n  \"zones\": { \"zone-x\": 5 } } }", "$.downtime.zones.zone-x", 3, "The site has no zone 'zone-x'")]
    [InlineData("{\n \"downtime\": {\n  \"productionLines\": {\n   \"line-9\": 5 } } }", "$.downtime.productionLines.line-9", 4, "The site has no production line 'line-9'")]
    [InlineData("{ \"downtime\": {\n \"assets\": {\n \"ghost\": { \"low\": 1, \"high\": 2 } } } }", "$.downtime.assets.ghost", 3, "The site has no asset 'ghost'")]
    [InlineData("{ \"downtime\": { \"productionLines\": { \"line-1\": {\n \"low\": 9,\n \"high\": 3 } } } }", "$.downtime.productionLines.line-1.high", 3, "is below the low one (9); expected low ≤ high")]
    [InlineData("{ \"downtime\": {\n \"site\": { \"low\": -5, \"high\": 3 } } }", "$.downtime.site.low", 2, "is negative")]
    [InlineData("{ \"downtime\": {\n \"assets\": { \"c1-plc\": -1 } } }", "$.downtime.assets.c1-plc", 2, "The hourly cost -1 is negative")]
    [InlineData("{ \"downtime\": { \"site\": {\n \"low\": 0,\n \"high\": 3,\n \"openEnded\": true } } }", "$.downtime.site.openEnded", 4, "needs 0 < low < high")]
    [InlineData("{ \"downtime\": {\n \"fixedRestartHours\": {\n \"plc\": -2 } } }", "$.downtime.fixedRestartHours.plc", 3, "-2 is negative; expected fixed restart hours ≥ 0")]
    [InlineData("{ \"downtime\": {\n \"fixedRestartHours\": {\n \"robot\": 2 } } }", "$.downtime.fixedRestartHours.robot", 3, "'robot' is not an asset kind; expected one of:")]
    [InlineData("{ \"downtime\": {\n \"restartHoursPerOutageHour\": { \"factory\": 1 } } }", "$.downtime.restartHoursPerOutageHour.factory", 2, "'factory' is not an environment class")]
    [InlineData("{\n \"outageHours\": {\n  \"plc\": { \"min\": 2,\n \"mostLikely\": 80, \"max\": 48 } } }", "$.outageHours.plc.mostLikely", 4, "The most likely value (80) is above the maximum (48)")]
    [InlineData("{\n \"outageHours\": {\n  \"plc\": { \"min\": 2, \"mostLikely\": 1, \"max\": 48 } } }", "$.outageHours.plc.mostLikely", 3, "The most likely value (1) is below the minimum (2)")]
    [InlineData("{\n \"responseCost\": { \"min\": 9, \"mostLikely\": 9,\n \"max\": 1 } }", "$.responseCost.max", 3, "The maximum (1) is below the minimum (9)")]
    [InlineData("{\n \"baseThreatEventFrequency\": {\n \"min\": -0.1, \"mostLikely\": 0.1, \"max\": 0.5 } }", "$.baseThreatEventFrequency.min", 3, "is negative")]
    [InlineData("{\n \"productionImpact\": {\n \"critical\": 1.5 } }", "$.productionImpact.critical", 3, "1.5 is outside 0–1")]
    [InlineData("{\n \"productionImpact\": {\n \"vital\": 1 } }", "$.productionImpact.vital", 3, "'vital' is not a criticality; expected one of: low, medium, high, critical")]
    [InlineData("{\n \"susceptibility\": {\n \"legacy\": 2 } }", "$.susceptibility.legacy", 3, "2 is outside 0–1")]
    [InlineData("{\n \"patchHours\": { \"plc\": -1 } }", "$.patchHours.plc", 2, "-1 is negative")]
    [InlineData("{\n \"rollbackHoursFactor\": -1 }", "$.rollbackHoursFactor", 2, "-1 is negative")]
    [InlineData("{\n \"fines\": { \"low\": 0, \"high\": 5 } }", "$.fines.low", 2, "must be greater than zero")]
    [InlineData("{\n \"currency\": \"usd\" }", "$.currency", 2, "'usd' is not a currency code")]
    [InlineData("{ \"assetsWithTestEnvironment\": [\n \"c1-plc\",\n \"c9-plc\" ] }", "$.assetsWithTestEnvironment[1]", 3, "The site has no asset 'c9-plc'")]
    [InlineData("{ \"vendorsWithSessionLogging\": [\n \"vnd-nobody\" ] }", "$.vendorsWithSessionLogging[0]", 2, "The site has no vendor 'vnd-nobody'")]
    public void TryParse_InvalidValue_ReportsPathLineAndReason(string json, string path, long line, string reason)
    {
        Assert.False(RiskAssumptionsFile.TryParse(json, DemoPlant(), out RiskAssumptions? a, out IReadOnlyList<JsonLoadError> errors));

        Assert.Null(a);
        JsonLoadError error = Assert.Single(errors);
        Assert.Equal(JsonLoadErrorKind.Content, error.Kind);
        Assert.Equal(path, error.JsonPath);
        Assert.Equal(line, error.LineNumber);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n \"downtime\": {\n  \"zone\": {} } }", JsonLoadErrorKind.Content, "$.downtime.zone", 3, "Unknown property 'zone' in the downtime object; expected one of:")]
    [InlineData("{\n \"downtimes\": {} }", JsonLoadErrorKind.Content, "$.downtimes", 2, "Unknown property 'downtimes' in the risk assumptions object")]
    [InlineData("{ \"downtime\": { \"site\": {\n \"low\": \"lots\", \"high\": 3 } } }", JsonLoadErrorKind.Content, "$.downtime.site", 2, "'low' must be a number")]
    [InlineData("{ \"downtime\": { \"site\": {\n \"low\": 1 } } }", JsonLoadErrorKind.Content, "$.downtime.site", 2, "missing required properties: high")]
    [InlineData("{ \"downtime\": { \"site\": { \"low\": 1, \"high\": 2,\n \"max\": 3 } } }", JsonLoadErrorKind.Content, "$.downtime.site", 2, "Unknown property 'max' in an hourly cost")]
    [InlineData("{\n \"outageHours\": {\n \"plc\": { \"min\": 2 } } }", JsonLoadErrorKind.Content, "$.outageHours.plc", 3, "is missing required properties: 'mostLikely', 'max'")]
    [InlineData("{\n \"rollbackHoursFactor\": \"two\" }", JsonLoadErrorKind.Content, "$.rollbackHoursFactor", 2, "Expected a number; found a string.")]
    [InlineData("{\n \"productionImpact\": {\n \"high\": null } }", JsonLoadErrorKind.Content, "$.productionImpact.high", 3, "Expected a number; found null.")]
    [InlineData("{\n \"assetsWithTestEnvironment\": \"c1-plc\" }", JsonLoadErrorKind.Content, "$.assetsWithTestEnvironment", 2, "Expected an array of strings.")]
    [InlineData("{\n \"currency\": \"USD\"\n \"site\": \"x\" }", JsonLoadErrorKind.Syntax, "$", 3, "The JSON is malformed")]
    [InlineData("[]", JsonLoadErrorKind.Content, "$", 1, "Expected")]
    [InlineData("{ \"downtime\": { \"zones\": { \"zone-bms\": 1,\n \"zone-bms\": 2 } } }", JsonLoadErrorKind.Content, "$.downtime.zones.zone-bms", 2, "more than once")]
    [InlineData("{ \"currency\": \"USD\",\n \"currency\": \"EUR\" }", JsonLoadErrorKind.Content, "$.currency", 2, "appears more than once")]
    public void TryParse_BadDocument_ReportsPathLineAndReason(string json, JsonLoadErrorKind kind, string path, long line, string reason)
    {
        Assert.False(RiskAssumptionsFile.TryParse(json, DemoPlant(), out _, out IReadOnlyList<JsonLoadError> errors));

        JsonLoadError error = Assert.Single(errors);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(path, error.JsonPath);
        Assert.Equal(line, error.LineNumber);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_SeveralProblems_ReportsEach()
    {
        const string Json = """
            {
              "downtime": {
                "zones": { "zone-x": 5, "zone-y": 6 },
                "productionLines": { "line-1": { "low": 9, "high": 3 } }
              },
              "outageHours": { "plc": { "min": 2, "mostLikely": 80, "max": 48 } }
            }
            """;
        Assert.False(RiskAssumptionsFile.TryParse(Json, DemoPlant(), out _, out IReadOnlyList<JsonLoadError> errors));

        Assert.Equal(["$.downtime.zones.zone-x", "$.downtime.zones.zone-y", "$.downtime.productionLines.line-1.high", "$.outageHours.plc.mostLikely"], errors.Select(e => e.JsonPath));
        Assert.Equal([3L, 3L, 4L, 6L], errors.Select(e => e.LineNumber!.Value));
    }

    [Fact]
    public void TryLoad_File_ErrorsNameTheFileLineAndPath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"otsec-{Guid.NewGuid():N}.risk-assumptions.json");
        File.WriteAllText(path, "{\n  \"downtime\": {\n    \"zones\": { \"zone-x\": 5 }\n  }\n}\n");
        try
        {
            Assert.False(RiskAssumptionsFile.TryLoad(path, DemoPlant(), out _, out IReadOnlyList<JsonLoadError> errors));
            JsonLoadError error = Assert.Single(errors);
            Assert.Equal(path, error.Source);
            Assert.StartsWith($"{path}:3:", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("$.downtime.zones.zone-x: The site has no zone 'zone-x'", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TryLoad_MissingFile_IsUnreadable()
    {
        Assert.False(RiskAssumptionsFile.TryLoad("/nonexistent/plant.risk-assumptions.json", DemoPlant(), out _, out IReadOnlyList<JsonLoadError> errors));
        JsonLoadError error = Assert.Single(errors);
        Assert.Equal(JsonLoadErrorKind.Unreadable, error.Kind);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ByteOrderMark_IsSkipped()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. "{ \"currency\": \"EUR\" }"u8];
        Assert.True(RiskAssumptionsFile.TryParse(json, DemoPlant(), RiskAssumptions.Default, out RiskAssumptions? a, out _));
        Assert.Equal("EUR", a.Currency);
    }

    [Property]
    public void TryParse_ArbitraryBytes_NeverThrows(byte[] bytes)
    {
        bool ok = RiskAssumptionsFile.TryParse(bytes, DemoPlant(), RiskAssumptions.Default, out RiskAssumptions? a, out IReadOnlyList<JsonLoadError> errors);
        Assert.Equal(ok, a is not null);
        Assert.Equal(ok, errors.Count == 0);
    }

    [Property]
    public Property TryParse_HourlyCost_ValidExactlyWhenOrderedAndNonNegative(int low, int high)
    {
        string json = $"{{ \"downtime\": {{ \"zones\": {{ \"zone-ops\": {{ \"low\": {low}, \"high\": {high} }} }} }} }}";
        bool ok = RiskAssumptionsFile.TryParse(json, DemoPlant(), out RiskAssumptions? a, out IReadOnlyList<JsonLoadError> errors);
        bool expected = low >= 0 && high >= low;
        return (ok == expected
            && (!ok || a!.Downtime.Zones["zone-ops"] == new HourlyCostRange(low, high))
            && (ok || errors.All(e => e.JsonPath!.StartsWith("$.downtime.zones.zone-ops.", StringComparison.Ordinal) && e.LineNumber == 1))).ToProperty();
    }
}
