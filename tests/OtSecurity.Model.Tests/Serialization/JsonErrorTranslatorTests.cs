using System.Text.Json;
using System.Text.Json.Serialization;
using OtSecurity.Model.Serialization;

namespace OtSecurity.Model.Tests.Serialization;

/// <summary>The translator other packages derive from to report their own JSON documents' errors like the model's.</summary>
public class JsonErrorTranslatorTests
{
    public sealed record Sample(int Count, string Name);

    private sealed class SampleTranslator : JsonErrorTranslator
    {
        protected override string DescribeObject(string typeName) => $"the {ShortName(typeName).ToLowerInvariant()} settings";

        protected override string KnownProperties(string typeName) => ShortName(typeName) == nameof(Sample) ? "count, name" : string.Empty;
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static JsonLoadError Translate(string json, JsonErrorTranslator translator)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Sample>(json, Options));
        return translator.Translate(ex);
    }

    [Fact]
    public void UnknownProperty_NamesTheObjectTheDerivedWay_AndListsWhatItAccepts()
    {
        JsonLoadError error = Translate("{\n  \"count\": 1,\n  \"colour\": \"red\"\n}", new SampleTranslator());

        Assert.Equal(JsonLoadErrorKind.Content, error.Kind);
        Assert.Equal("Unknown property 'colour' in the sample settings; expected one of: count, name.", error.Message);
        Assert.Equal("$.colour", error.JsonPath);
        Assert.Equal(3, error.LineNumber);
    }

    [Fact]
    public void WrongType_SaysWhatWasExpected_NotTheDotNetType()
    {
        JsonLoadError error = Translate("{ \"count\": \"three\", \"name\": \"x\" }", new JsonErrorTranslator());

        Assert.Equal("Expected a number; found a string.", error.Message);
        Assert.Equal("$.count", error.JsonPath);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void MalformedDocument_IsASyntaxError_WithItsLine()
    {
        JsonLoadError error = Translate("{\n  \"count\": 1,\n  \"name\": \"x\",\n}", new JsonErrorTranslator());

        Assert.Equal(JsonLoadErrorKind.Syntax, error.Kind);
        Assert.StartsWith("The JSON is malformed: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.LineNumber);
    }
}
