using System.Text.Json;

namespace OtSecurity.Cli.Tests.Commands;

public class RespondCommandTests
{
    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    [Fact]
    public void Respond_DemoAlertDryRun_PrintsThePlanWithVerdictsAndRunsNothing()
    {
        CliRunner.Result result = CliRunner.Run("respond", "--alert", Sample("demo-alert.json"), "--dry-run", "--at", "2026-11-03T14:15:00Z");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.Contains("RESPONSE PLAN plan-alt-20261103-0042-20261103T141500000Z (dry run)", result.Output, StringComparison.Ordinal);
        Assert.Contains("T0843 Program Download, T0889 Modify Program", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"snapshot-configuration\s+asset:c1-plc\s+automatic", result.Output);
        Assert.Matches(@"isolate-conduit\s+conduit:cnd-ops-cell1\s+needs 2 approvals\s+OTR-PI-002, OTR-MW-002", result.Output);
        Assert.Matches(@"request-plc-safe-state\s+asset:c1-plc\s+needs 2 approvals\s+OTR-ENG-001", result.Output);
        Assert.Contains("waits for: capture-traffic@zone:zone-cell1, snapshot-configuration@asset:c1-plc", result.Output, StringComparison.Ordinal);
        Assert.Contains("EXECUTION (dry run: nothing was run)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("executed ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_InsideTheMaintenanceWindows_TheWindowNoLongerHoldsTheIsolationBack()
    {
        // Sunday 13:00 Chicago (19:00Z): inside zone-ops (Sat/Sun 08–16) and zone-cell1 (Sun 06–14).
        CliRunner.Result result = CliRunner.Run("respond", "--alert", Sample("demo-alert.json"), "--dry-run", "--at", "2026-11-08T19:00:00Z");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"isolate-conduit\s+conduit:cnd-ops-cell1\s+needs 2 approvals\s+OTR-PI-002\s", result.Output);
    }

    [Fact]
    public void Respond_WithoutDryRun_NotifiesOnStandardErrorAndSkipsWhatHasNoEffector()
    {
        CliRunner.Result result = CliRunner.Run("respond", "--alert", Sample("demo-alert-vendor.json"), "--at", "2026-11-03T02:45:00Z");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("otsec: NOTIFY Riverside Bottling Plant", result.Error, StringComparison.Ordinal);
        Assert.Matches(@"notify@site:Riverside Bottling Plant\s+executed", result.Output);
        Assert.Matches(@"end-vendor-session@vendor:vnd-acme\s+skippedNoEffector", result.Output);
        Assert.Matches(@"disable-vendor-account\s+vendor:vnd-acme\s+automatic", result.Output);
    }

    [Fact]
    public void Respond_Json_IsTheAuditPlan()
    {
        CliRunner.Result result = CliRunner.Run("respond", "--alert", Sample("demo-alert.json"), "--format", "json", "--dry-run", "--at", "2026-11-03T14:15:00Z");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Output);
        JsonElement root = doc.RootElement;
        Assert.Equal("alt-20261103-0042", root.GetProperty("alertId").GetString());
        Assert.True(root.GetProperty("dryRun").GetBoolean());
        JsonElement isolate = root.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "isolate-conduit@conduit:cnd-ops-cell1");
        Assert.Equal("needsApproval", isolate.GetProperty("verdict").GetString());
        Assert.Equal(2, isolate.GetProperty("requiredApprovals").GetInt32());
        Assert.Equal("cnd-ops-cell1", isolate.GetProperty("blastRadius").GetProperty("conduits")[0].GetString());
        Assert.True(isolate.GetProperty("expectedDowntimeCost").GetProperty("amount").GetDouble() > 100_000);
    }

    [Fact]
    public void Respond_ExplicitSiteAndTableFormat_UsesThatSite()
    {
        // The demo plant renamed: the plan must come from the --site file, not the default.
        string site = CliRunner.TempFile(File.ReadAllText(Sample("demo-plant.site.json")).Replace("\"Riverside Bottling Plant\"", "\"Lakeside Test Plant\"", StringComparison.Ordinal));
        try
        {
            CliRunner.Result result = CliRunner.Run("respond", "--alert", Sample("demo-alert.json"), "--site", site, "--format", "table", "--dry-run", "--at", "2026-11-03T14:15:00Z");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Lakeside Test Plant", result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Riverside Bottling Plant", result.Output, StringComparison.Ordinal);
            Assert.Matches(@"isolate-conduit\s+conduit:cnd-ops-cell1\s+needs 2 approvals", result.Output);
        }
        finally
        {
            File.Delete(site);
        }
    }

    [Fact]
    public void Respond_MissingAlertFile_Exit2WithTheReason()
    {
        CliRunner.Result result = CliRunner.Run("respond", "--alert", "/nonexistent/alert.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("otsec: cannot read the alert", result.Error, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/alert.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_MalformedAlert_Exit2WithLineAndPath()
    {
        string path = CliRunner.TempFile("{\"id\": \"a\", \"severity\": \"apocalyptic\"}", ".json");
        try
        {
            CliRunner.Result result = CliRunner.Run("respond", "--alert", path);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("cannot read the alert", result.Error, StringComparison.Ordinal);
            Assert.Contains("severity", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Respond_UnreadableSite_Exit2()
    {
        CliRunner.Result result = CliRunner.Run("respond", "--alert", Sample("demo-alert.json"), "--site", "/nonexistent/site.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot read the site model", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_BadTime_Exit2()
    {
        CliRunner.Result result = CliRunner.Run("respond", "--alert", Sample("demo-alert.json"), "--at", "next tuesday");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--at 'next tuesday' is not a date and time", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_NoAlertOption_Exit2()
    {
        CliRunner.Result result = CliRunner.Run("respond");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--alert", result.Error, StringComparison.Ordinal);
    }
}
