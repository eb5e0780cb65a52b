using System.Text.Json;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Serialization;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Validation;
using OtSecurity.Model.Zones;

namespace OtSecurity.Cli.Tests.Commands;

public class ValidateCommandTests
{
    [Fact]
    public void Validate_DemoPlantByDefault_PrintsFindingsGroupedBySeverity_AndExits1()
    {
        CliRunner.Result result = CliRunner.Run("validate");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.Contains("Validating Riverside Bottling Plant", result.Output, StringComparison.Ordinal);
        int errors = result.Output.IndexOf("ERRORS (4)", StringComparison.Ordinal);
        int warnings = result.Output.IndexOf("WARNINGS (", StringComparison.Ordinal);
        int info = result.Output.IndexOf("INFO (", StringComparison.Ordinal);
        Assert.True(errors >= 0 && errors < warnings && warnings < info, result.Output);
        Assert.Contains("  OTS-SF-001  zones[zone-safety]", result.Output, StringComparison.Ordinal);
        Assert.Contains("  OTS-CD-003  conduits[cnd-ent-bms]", result.Output, StringComparison.Ordinal);
        Assert.Contains("  OTS-AS-001  assets[sup-hmi-2]", result.Output, StringComparison.Ordinal);
        Assert.Contains("Windows XP Professional SP3", result.Output, StringComparison.Ordinal);
        Assert.Contains("4 errors,", result.Output, StringComparison.Ordinal);
        Assert.Contains("validation FAILED", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Json_PrintsEveryFindingAsJson()
    {
        CliRunner.Result result = CliRunner.Run("validate", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(result.Output);
        JsonElement root = doc.RootElement;
        Assert.Equal("Riverside Bottling Plant", root.GetProperty("site").GetProperty("name").GetString());
        Assert.Equal(4, root.GetProperty("summary").GetProperty("errors").GetInt32());
        Assert.False(root.GetProperty("summary").GetProperty("passed").GetBoolean());

        Assert.True(SiteModelJson.TryLoad(Path.Combine(AppContext.BaseDirectory, "data", "demo-plant.site.json"), out SiteModel? demo, out _));
        ValidationReport expected = SiteModelValidator.Validate(demo);
        JsonElement[] findings = [.. root.GetProperty("findings").EnumerateArray()];
        Assert.Equal(expected.Findings.Count, findings.Length);
        for (int i = 0; i < findings.Length; i++)
        {
            Assert.Equal(expected.Findings[i].RuleId, findings[i].GetProperty("ruleId").GetString());
            Assert.Equal(expected.Findings[i].Severity.ToString().ToLowerInvariant(), findings[i].GetProperty("severity").GetString());
            Assert.Equal(expected.Findings[i].Path, findings[i].GetProperty("path").GetString());
            Assert.Equal(expected.Findings[i].Message, findings[i].GetProperty("message").GetString());
        }
    }

    [Fact]
    public void Validate_ModelWithoutErrors_Exits0()
    {
        SiteModel site = new SiteModelBuilder("Small plant", EnvironmentClass.Warehouse, new DateOnly(2026, 11, 1))
            .AddZone(new Zone { Id = "z1", Name = "Conveyors", PurdueLevel = PurdueLevel.Level1 })
            .AddAsset(new Asset { Id = "plc", Name = "Conveyor PLC", Kind = AssetKind.Plc }, "z1")
            .Build();
        string path = CliRunner.TempFile(SiteModelJson.Serialize(site));
        try
        {
            CliRunner.Result result = CliRunner.Run("validate", path);
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("OTS-SL-003  zones[z1]", result.Output, StringComparison.Ordinal);
            Assert.Contains("0 errors, 0 warnings, 1 info — validation passed", result.Output, StringComparison.Ordinal);

            CliRunner.Result json = CliRunner.Run("validate", path, "-f", "json");
            Assert.Equal(0, json.ExitCode);
            using JsonDocument doc = JsonDocument.Parse(json.Output);
            Assert.True(doc.RootElement.GetProperty("summary").GetProperty("passed").GetBoolean());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("audit")]
    public void BrokenFile_Exits2_WithFileLineAndPathOnStderr(string command)
    {
        string path = CliRunner.TempFile("{\n  \"name\": \"Plant\",\n  \"environment\": \"factory\",\n  \"evaluationDate\": \"2026-11-01\"\n}\n");
        try
        {
            CliRunner.Result result = CliRunner.Run(command, path);
            Assert.Equal(2, result.ExitCode);
            Assert.Equal(string.Empty, result.Output);
            Assert.Contains($"{path}:3:", result.Error, StringComparison.Ordinal);
            Assert.Contains("$.environment", result.Error, StringComparison.Ordinal);
            Assert.Contains("expected one of: officeIt, warehouse, productionLine, continuousProcess", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("audit")]
    public void MalformedJson_Exits2_WithTheLine(string command)
    {
        string path = CliRunner.TempFile("{\n  \"name\": \"Plant\"\n  \"environment\": \"warehouse\"\n}\n");
        try
        {
            CliRunner.Result result = CliRunner.Run(command, path, "--format", "json");
            Assert.Equal(2, result.ExitCode);
            Assert.Equal(string.Empty, result.Output);
            Assert.Contains($"{path}:3:", result.Error, StringComparison.Ordinal);
            Assert.Contains("malformed", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("audit")]
    public void MissingFile_Exits2_SayingSo(string command)
    {
        string path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.site.json");
        CliRunner.Result result = CliRunner.Run(command, path);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains($"The file '{path}' does not exist.", result.Error, StringComparison.Ordinal);
    }
}
