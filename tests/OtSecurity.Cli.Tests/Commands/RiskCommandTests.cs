using System.Text.Json;

namespace OtSecurity.Cli.Tests.Commands;

public class RiskCommandTests
{
    private static string DemoSite => Path.Combine(AppContext.BaseDirectory, "data", "demo-plant.site.json");

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
}
