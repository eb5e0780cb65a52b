using FsCheck.Xunit;
using OtSecurity.Model.Alerts;
using OtSecurity.Model.Serialization;
using OtSecurity.Model.Tests.Support;

namespace OtSecurity.Model.Tests.Serialization;

public class AlertJsonTests
{
    private const string Sample = """
        {
          "id": "alt-0001",
          "time": "2026-11-01T09:14:03.512+01:00",
          "ruleId": "OTM-DET-004",
          "severity": "high",
          "techniques": ["T0855", "T0836"],
          "affectedAssets": ["c1-plc"],
          "evidence": [
            { "name": "flow", "value": "10.10.40.21:50512 -> 10.10.11.10:102/tcp" },
            { "name": "frames", "value": "1412,1415" }
          ],
          "message": "An enterprise workstation wrote to the line 1 PLC."
        }
        """;

    [Fact]
    public void TryParse_Sample_ReadsEveryField()
    {
        Assert.True(AlertJson.TryParse(Sample, out Alert? alert, out JsonLoadError? error), error?.ToString());
        Assert.Equal("alt-0001", alert.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 9, 14, 3, 512, TimeSpan.FromHours(1)), alert.Time);
        Assert.Equal(AlertSeverity.High, alert.Severity);
        Assert.Equal(["T0855", "T0836"], alert.Techniques);
        Assert.Equal(["c1-plc"], alert.AffectedAssets);
        Assert.Equal("frames", alert.Evidence[1].Name);
    }

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public bool SaveThenLoad_ReturnsAnEqualAlert(Alert alert) =>
        AlertJson.TryParse(AlertJson.Serialize(alert), out Alert? loaded, out _) && loaded == alert;

    [Fact]
    public void List_RoundTrips()
    {
        Assert.True(AlertJson.TryParse(Sample, out Alert? alert, out _));
        EquatableArray<Alert> alerts = [alert, alert with { Id = "alt-0002", Severity = AlertSeverity.Critical }];
        Assert.True(AlertJson.TryParseList(AlertJson.Serialize(alerts), out EquatableArray<Alert> loaded, out _));
        Assert.Equal(alerts, loaded);
    }

    [Fact]
    public void TryParse_UnknownSeverity_ReportsPathAndLine()
    {
        Assert.False(AlertJson.TryParse(Sample.Replace("\"high\"", "\"urgent\"", StringComparison.Ordinal), out _, out JsonLoadError? error));
        Assert.Equal("$.severity", error.JsonPath);
        Assert.Equal(5, error.LineNumber);
        Assert.Contains("expected one of: info, low, medium, high, critical", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoad_Stream_Works_AndListRejectsAnObject()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Sample));
        Assert.True(AlertJson.TryLoad(stream, out Alert? alert, out _));
        Assert.Equal("OTM-DET-004", alert.RuleId);
        Assert.False(AlertJson.TryParseList(Sample, out _, out JsonLoadError? error));
        Assert.Equal("$", error.JsonPath);
        Assert.Contains("Expected an array", error.Message, StringComparison.Ordinal);
    }
}
