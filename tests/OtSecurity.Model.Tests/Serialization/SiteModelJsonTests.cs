using System.Text;
using FsCheck.Xunit;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Serialization;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Tests.Support;

namespace OtSecurity.Model.Tests.Serialization;

public class SiteModelJsonTests
{
    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public bool SaveThenLoad_ReturnsAnEqualModel(SiteModel model)
    {
        string json = SiteModelJson.Serialize(model);
        return SiteModelJson.TryParse(json, out SiteModel? loaded, out _) && loaded == model;
    }

    [Property(Arbitrary = [typeof(ModelArbitraries)], MaxTest = 50)]
    public bool SaveThenLoad_ThroughStreamAndBytes_ReturnsAnEqualModel(SiteModel model)
    {
        using var stream = new MemoryStream();
        SiteModelJson.Save(model, stream);
        stream.Position = 0;
        bool fromStream = SiteModelJson.TryLoad(stream, out SiteModel? loaded, out _) && loaded == model;
        bool fromBytes = SiteModelJson.TryParse(SiteModelJson.SerializeToUtf8Bytes(model), out SiteModel? parsed, out _) && parsed == model;
        return fromStream && fromBytes;
    }

    [Fact]
    public void Equality_IsStructural_AndNoticesAnyChange()
    {
        Assert.True(SiteModelJson.TryLoad(RepositoryPaths.DemoPlant, out SiteModel? a, out _));
        Assert.True(SiteModelJson.TryLoad(RepositoryPaths.DemoPlant, out SiteModel? b, out _));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Asset changed = b.Assets[5] with { Interfaces = [b.Assets[5].Interfaces[0] with { Vlan = 99 }] };
        Assert.NotEqual(a, b with { Assets = b.Assets.Select(x => x.Id == changed.Id ? changed : x).ToEquatableArray() });
    }

    [Fact]
    public void DemoPlant_Loads_AndSavesBackToTheSameModel()
    {
        Assert.True(SiteModelJson.TryLoad(RepositoryPaths.DemoPlant, out SiteModel? model, out JsonLoadError? error), error?.ToString());
        Assert.Equal("Riverside Bottling Plant", model.Name);
        Assert.Equal(new DateOnly(2026, 11, 1), model.EvaluationDate);
        Assert.InRange(model.Assets.Count, 35, 45);
        Assert.True(SiteModelJson.TryParse(SiteModelJson.Serialize(model), out SiteModel? again, out _));
        Assert.Equal(model, again);
    }

    [Fact]
    public void Save_ToFile_ThenTryLoad_RoundTrips()
    {
        Assert.True(SiteModelJson.TryLoad(RepositoryPaths.DemoPlant, out SiteModel? model, out _));
        string path = Path.Combine(Path.GetTempPath(), $"otsec-{Guid.NewGuid():N}.site.json");
        try
        {
            SiteModelJson.Save(model, path);
            Assert.True(SiteModelJson.TryLoad(path, out SiteModel? loaded, out _));
            Assert.Equal(model, loaded);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // Line numbers below refer to this document (1-based).
    private static readonly string[] Document =
    [
        "{",                                       // 1
        "  \"name\": \"Plant\",",                  // 2
        "  \"environment\": \"productionLine\",",  // 3
        "  \"evaluationDate\": \"2026-11-01\",",   // 4
        "  \"zones\": [",                          // 5
        "    {",                                   // 6
        "      \"id\": \"zone-1\",",               // 7
        "      \"name\": \"Cell\",",               // 8
        "      \"purdueLevel\": \"level1\"",       // 9
        "    }",                                   // 10
        "  ],",                                    // 11
        "  \"assets\": [",                         // 12
        "    {",                                   // 13
        "      \"id\": \"plc-1\",",                // 14
        "      \"name\": \"PLC\",",                // 15
        "      \"kind\": \"plc\"",                 // 16
        "    }",                                   // 17
        "  ]",                                     // 18
        "}",                                       // 19
    ];

    private static string With(int line, string replacement)
    {
        string[] lines = [.. Document];
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }

    [Fact]
    public void BaseDocument_Loads()
    {
        Assert.True(SiteModelJson.TryParse(string.Join('\n', Document), out SiteModel? model, out JsonLoadError? error), error?.ToString());
        Assert.Equal(PurdueLevel.Level1, model.Zones[0].PurdueLevel);
    }

    public static TheoryData<string, JsonLoadErrorKind, string, long, string> MalformedCases => new()
    {
        // document, kind, JSON path, line, part of the message
        { With(9, "      \"purdueLevel\": \"level9\""), JsonLoadErrorKind.Content, "$.zones[0].purdueLevel", 9, "'level9' is not a valid PurdueLevel value; expected one of: level0, level1, level2, level3, dmz, level4, level5" },
        { With(16, "      \"kind\": 3"), JsonLoadErrorKind.Content, "$.assets[0].kind", 16, "found a number" },
        { With(15, "      \"name\": 42,"), JsonLoadErrorKind.Content, "$.assets[0].name", 15, "Expected a string; found a number" },
        { With(4, "  \"evaluationDate\": \"2026-13-01\","), JsonLoadErrorKind.Content, "$.evaluationDate", 4, "expected YYYY-MM-DD" },
        { With(8, "      \"name\": \"Cell\", \"targetLevel\": \"IAC:9\","), JsonLoadErrorKind.Content, "$.zones[0].targetLevel", 8, "expected a security level from 0 to 4" },
        { With(8, "      \"name\": \"Cell\", \"airGapped\": \"yes\","), JsonLoadErrorKind.Content, "$.zones[0].airGapped", 8, "Expected a boolean; found a string" },
        { With(8, "      \"name\": \"Cell\", \"assetIds\": \"plc-1\","), JsonLoadErrorKind.Content, "$.zones[0].assetIds", 8, "Expected an array" },
        { With(8, "      \"colour\": \"red\","), JsonLoadErrorKind.Content, "$.zones[0].colour", 8, "Unknown property 'colour' in the Zone object; expected one of: id, name, purdueLevel" },
        { With(3, "  \"environment\": \"factory\","), JsonLoadErrorKind.Content, "$.environment", 3, "expected one of: officeIt, warehouse, productionLine, continuousProcess" },
        { With(14, "      \"id\": \"plc-1\""), JsonLoadErrorKind.Syntax, "$.assets[0]", 15, "malformed" },
        { With(11, "  ]"), JsonLoadErrorKind.Syntax, "$", 12, "malformed" },
        { With(14, "      \"id\": \"plc-1\", \"interfaces\": [{ \"ipAddress\": \"10.10.300.1\" }],"), JsonLoadErrorKind.Content, "$.assets[0].interfaces[0].ipAddress", 14, "'10.10.300.1' is not an IP address" },
        { With(14, "      \"id\": \"plc-1\", \"interfaces\": [{ \"macAddress\": \"00:1b:1b\" }],"), JsonLoadErrorKind.Content, "$.assets[0].interfaces[0].macAddress", 14, "is not a MAC address" },
        { With(14, "      \"id\": \"plc-1\", \"id\": \"plc-2\","), JsonLoadErrorKind.Content, "$.assets[0].id", 14, "appears more than once" },
        { With(15, "      \"name\": null,"), JsonLoadErrorKind.Content, "$.assets[0].name", 15, "'name' of the Asset object must not be null" },
        { With(17, "    },"), JsonLoadErrorKind.Syntax, "$.assets[1]", 18, "malformed" },
        { With(2, "  // the plant\n  \"name\": \"Plant\","), JsonLoadErrorKind.Syntax, "$", 2, "malformed" },
    };

    [Theory]
    [MemberData(nameof(MalformedCases))]
    public void TryParse_BadDocument_ReportsPathLineAndWhatWasExpected(string json, JsonLoadErrorKind kind, string path, long line, string message)
    {
        Assert.False(SiteModelJson.TryParse(json, out SiteModel? model, out JsonLoadError? error));
        Assert.Null(model);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(path, error.JsonPath);
        Assert.Equal(line, error.LineNumber);
        Assert.NotNull(error.BytePositionInLine);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains($"line {line}", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_UnknownEnum_ReportsBytePositionAfterTheValue()
    {
        string json = With(9, "      \"purdueLevel\": \"level9\"");
        Assert.False(SiteModelJson.TryParse(json, out _, out JsonLoadError? error));
        // The position is where the reader stopped: just after the offending value, whose closing quote is byte 29.
        Assert.Equal(30, error.BytePositionInLine);
    }

    [Fact]
    public void TryParse_TextAfterTheDocument_IsASyntaxError()
    {
        Assert.False(SiteModelJson.TryParse(string.Join('\n', Document) + "\ntrailing", out _, out JsonLoadError? error));
        Assert.Equal(JsonLoadErrorKind.Syntax, error.Kind);
        Assert.Equal(20, error.LineNumber);
    }

    [Fact]
    public void TryParse_MissingRequiredProperty_NamesIt()
    {
        string json = string.Join('\n', Document.Where((_, i) => i != 2));
        Assert.False(SiteModelJson.TryParse(json, out _, out JsonLoadError? error));
        Assert.Equal(JsonLoadErrorKind.Content, error.Kind);
        Assert.Equal("$", error.JsonPath);
        Assert.Contains("missing required properties: 'environment'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", JsonLoadErrorKind.Syntax, "does not contain any JSON")]
    [InlineData("null", JsonLoadErrorKind.Content, "The document is null; expected a site model object")]
    [InlineData("[]", JsonLoadErrorKind.Content, "Expected a SiteModel object")]
    public void TryParse_NotASiteModel_Fails(string json, JsonLoadErrorKind kind, string message)
    {
        Assert.False(SiteModelJson.TryParse(json, out _, out JsonLoadError? error));
        Assert.Equal(kind, error.Kind);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoad_MissingFile_ReportsUnreadableWithTheFileName()
    {
        string path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.site.json");
        Assert.False(SiteModelJson.TryLoad(path, out _, out JsonLoadError? error));
        Assert.Equal(JsonLoadErrorKind.Unreadable, error.Kind);
        Assert.Equal(path, error.Source);
        Assert.Null(error.JsonPath);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoad_FileWithError_NamesTheFileLineAndPath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"otsec-{Guid.NewGuid():N}.site.json");
        File.WriteAllText(path, With(16, "      \"kind\": \"robot\""));
        try
        {
            Assert.False(SiteModelJson.TryLoad(path, out _, out JsonLoadError? error));
            Assert.StartsWith($"{path}:16:", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("$.assets[0].kind", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TryParse_Utf8WithByteOrderMark_Loads()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(string.Join('\n', Document))];
        Assert.True(SiteModelJson.TryParse(bytes, out SiteModel? model, out _));
        Assert.Equal("Plant", model.Name);
    }

    [Property(MaxTest = 300)]
    public bool TryParse_ArbitraryText_NeverThrows(string? text) =>
        text is null || SiteModelJson.TryParse(text, out _, out _) || true;
}
