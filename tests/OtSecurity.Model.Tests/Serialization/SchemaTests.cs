using System.Text.Json.Nodes;
using FsCheck.Xunit;
using Json.Schema;
using OtSecurity.Model.Alerts;
using OtSecurity.Model.Serialization;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Tests.Support;

namespace OtSecurity.Model.Tests.Serialization;

public class SchemaTests
{
    private static readonly Lazy<JsonSchema> SiteSchema = new(() => JsonSchema.FromFile(RepositoryPaths.Schema));
    private static readonly Lazy<JsonSchema> AlertSchema = new(() => JsonSchema.FromFile(Path.Combine(RepositoryPaths.Root, "docs", "schema", "alert.schema.json")));

    private static EvaluationResults Evaluate(JsonSchema schema, string json) =>
        schema.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Errors(EvaluationResults results) =>
        string.Join("\n", results.Details.Where(static d => d.HasErrors).SelectMany(static d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    [Fact]
    public void DemoPlant_ValidatesAgainstTheSchema()
    {
        EvaluationResults results = Evaluate(SiteSchema.Value, File.ReadAllText(RepositoryPaths.DemoPlant));
        Assert.True(results.IsValid, Errors(results));
    }

    [Property(Arbitrary = [typeof(ModelArbitraries)], MaxTest = 100)]
    public void EverySavedModel_ValidatesAgainstTheSchema(SiteModel model)
    {
        EvaluationResults results = Evaluate(SiteSchema.Value, SiteModelJson.Serialize(model));
        Assert.True(results.IsValid, Errors(results));
    }

    [Property(Arbitrary = [typeof(ModelArbitraries)], MaxTest = 50)]
    public void EverySavedAlert_ValidatesAgainstTheAlertSchema(Alert alert)
    {
        EvaluationResults results = Evaluate(AlertSchema.Value, AlertJson.Serialize(alert));
        Assert.True(results.IsValid, Errors(results));
    }

    [Theory]
    [InlineData("\"kind\": \"plc\"", "\"kind\": \"robot\"")]
    [InlineData("\"purdueLevel\": \"level2\"", "\"purdueLevel\": \"2\"")]
    [InlineData("\"segmentation\": \"firewall\"", "\"segmentation\": \"wall\"")]
    [InlineData("\"evaluationDate\": \"2026-11-01\"", "\"evaluationDate\": \"01.11.2026\"")]
    [InlineData("\"safetyRole\": \"none\"", "\"safetyRole\": \"maybe\"")]
    [InlineData("\"airGapped\": false", "\"airGapped\": \"no\"")]
    [InlineData("\"name\": \"Riverside Bottling Plant\"", "\"name\": \"Riverside Bottling Plant\", \"owner\": \"x\"")]
    public void Schema_RejectsWhatTheLoaderRejects(string original, string replacement)
    {
        string demo = File.ReadAllText(RepositoryPaths.DemoPlant);
        Assert.Contains(original, demo, StringComparison.Ordinal);
        string broken = ReplaceFirst(demo, original, replacement);
        Assert.False(Evaluate(SiteSchema.Value, broken).IsValid);
        Assert.False(SiteModelJson.TryParse(broken, out _, out _));
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
