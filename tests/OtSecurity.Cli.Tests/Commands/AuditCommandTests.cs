using System.Text.Json;

namespace OtSecurity.Cli.Tests.Commands;

public class AuditCommandTests
{
    [Fact]
    public void Audit_DemoPlantByDefault_PrintsTheSummaryThenTheFindings()
    {
        CliRunner.Result result = CliRunner.Run("audit");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        string output = result.Output;
        string[] sections = ["OT SECURITY AUDIT — Riverside Bottling Plant", "ZONES (9)", "ASSETS BY KIND (42)", "LEGACY ASSETS (6)", "SAFETY ASSETS (3)", "VENDORS WITH REMOTE ACCESS (2)", "VALIDATION FINDINGS", "ERRORS (4)"];
        int last = -1;
        foreach (string section in sections)
        {
            int at = output.IndexOf(section, StringComparison.Ordinal);
            Assert.True(at > last, $"'{section}' missing or out of order in:\n{output}");
            last = at;
        }

        Assert.Matches(@"zone-dmz\s+Industrial DMZ\s+3\.5\s+IAC:3,UC:3,SI:2,DC:2,RDF:3,TRE:2,RA:2\s+IAC:3,UC:2,SI:2,DC:2,RDF:3,TRE:2,RA:2\s+UC-1\s+4", output);
        Assert.Matches(@"zone-bms\s+Building management\s+2\s+IAC:1,UC:1,SI:1,DC:1,RDF:1,TRE:1,RA:1\s+not assessed", output);
        Assert.Matches(@"plc\s+2", output);
        Assert.Matches(@"sup-hmi-2\s+Line 2 operator HMI\s+Windows XP Professional SP3\s+2014-04-08\s+zone-supervisory", output);
        Assert.Matches(@"sf-sis\s+SIS logic solver\s+safetyController\s+safetyInstrumentedFunction\s+zone-safety", output);
        Assert.Matches(@"vnd-acme\s+Acme Automation Services\s+jumpHost\s+zone-ops, zone-supervisory, zone-cell1, zone-cell2\s+none \(always on\)\s+shared account", output);
        Assert.Contains("Tue 08:00-12:00", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_Json_HoldsTheSummaryAndTheFindings()
    {
        CliRunner.Result result = CliRunner.Run("audit", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Output);
        JsonElement root = doc.RootElement;
        Assert.Equal("productionLine", root.GetProperty("site").GetProperty("environment").GetString());
        Assert.Equal("2026-11-01", root.GetProperty("site").GetProperty("evaluationDate").GetString());

        JsonElement[] zones = [.. root.GetProperty("zones").EnumerateArray()];
        Assert.Equal(9, zones.Length);
        JsonElement supervisory = zones.Single(static z => z.GetProperty("id").GetString() == "zone-supervisory");
        Assert.Equal("level2", supervisory.GetProperty("purdueLevel").GetString());
        Assert.Equal("3.5", zones.Single(static z => z.GetProperty("id").GetString() == "zone-dmz").GetProperty("purdue").GetString());
        Assert.Equal(4, supervisory.GetProperty("gaps").GetArrayLength());
        Assert.True(supervisory.GetProperty("wirelessPresent").GetBoolean());
        Assert.Equal(JsonValueKind.Null, zones.Single(static z => z.GetProperty("id").GetString() == "zone-bms").GetProperty("achievedLevel").ValueKind);

        Assert.Equal(2, root.GetProperty("assetsByKind").GetProperty("plc").GetInt32());
        Assert.Equal(42, root.GetProperty("assetCount").GetInt32());
        Assert.Contains(root.GetProperty("legacyAssets").EnumerateArray(), static a => a.GetProperty("id").GetString() == "sup-hmi-2" && a.GetProperty("compensatingControls").GetInt32() == 0);
        Assert.Equal(3, root.GetProperty("safetyAssets").GetArrayLength());
        Assert.Equal(["vnd-acme", "vnd-northwind"], root.GetProperty("remoteAccessVendors").EnumerateArray().Select(static v => v.GetProperty("id").GetString()));
        Assert.Equal(4, root.GetProperty("summary").GetProperty("errors").GetInt32());
        Assert.Contains(root.GetProperty("findings").EnumerateArray(), static f => f.GetProperty("ruleId").GetString() == "OTS-AG-004");
    }
}
