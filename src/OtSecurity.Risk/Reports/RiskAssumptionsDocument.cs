using System.Text.Json;
using System.Text.Json.Serialization;

namespace OtSecurity.Risk.Reports;

// The JSON shape of a risk assumptions file (docs/risk.md §10). Every member is optional: what is absent keeps its
// default. Keys that name asset kinds, criticalities or environment classes are strings here and are checked against
// the enums by RiskAssumptionsFile, so each bad key is reported with its own JSON path.

/// <summary>The root object of a risk assumptions file.</summary>
internal sealed class RiskAssumptionsDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    [JsonPropertyName("$comment")]
    public string? Comment { get; init; }

    public string? Site { get; init; }

    public string? Currency { get; init; }

    public DowntimeDocument? Downtime { get; init; }

    public Dictionary<string, PertDocument>? OutageHours { get; init; }

    public Dictionary<string, double>? ProductionImpact { get; init; }

    public Dictionary<string, double>? PatchHours { get; init; }

    public double? RollbackHoursFactor { get; init; }

    public SusceptibilityDocument? Susceptibility { get; init; }

    public PertDocument? BaseThreatEventFrequency { get; init; }

    public PertDocument? ResponseCost { get; init; }

    public PertDocument? ReplacementCost { get; init; }

    public IntervalDocument? Fines { get; init; }

    public List<string>? AssetsWithTestEnvironment { get; init; }

    public List<string>? VendorsWithSessionLogging { get; init; }
}

/// <summary>The <c>downtime</c> object: hourly costs per site, zone, production line and asset, and restart times.</summary>
internal sealed class DowntimeDocument
{
    [JsonPropertyName("$comment")]
    public string? Comment { get; init; }

    public HourlyCostDocument? Site { get; init; }

    public Dictionary<string, HourlyCostDocument>? Zones { get; init; }

    public Dictionary<string, HourlyCostDocument>? ProductionLines { get; init; }

    public Dictionary<string, HourlyCostDocument>? Assets { get; init; }

    public Dictionary<string, double>? FixedRestartHours { get; init; }

    public Dictionary<string, double>? RestartHoursPerOutageHour { get; init; }
}

/// <summary>An hourly cost: <c>{ "low": 50000, "high": 180000, "openEnded": false }</c>, or one number for a fixed figure.</summary>
[JsonConverter(typeof(HourlyCostDocumentConverter))]
internal sealed class HourlyCostDocument
{
    public double Low { get; init; }

    public double High { get; init; }

    public bool OpenEnded { get; init; }

    /// <summary>True when the figure was written as a single number.</summary>
    public bool Fixed { get; init; }
}

/// <summary>A PERT distribution: minimum, most likely, maximum.</summary>
internal sealed class PertDocument
{
    public required double Min { get; init; }

    public required double MostLikely { get; init; }

    public required double Max { get; init; }
}

/// <summary>A lognormal given by its 90% interval (5th and 95th percentiles).</summary>
internal sealed class IntervalDocument
{
    public required double Low { get; init; }

    public required double High { get; init; }
}

/// <summary>Baseline susceptibilities.</summary>
internal sealed class SusceptibilityDocument
{
    public double? Controller { get; init; }

    public double? Other { get; init; }

    public double? Legacy { get; init; }
}

/// <summary>
/// Reads an hourly cost written as an object (<c>low</c>, <c>high</c>, optional <c>openEnded</c>) or as one number (low =
/// high). Unknown, duplicate and missing properties are rejected with the reason; the serializer adds the location.
/// </summary>
internal sealed class HourlyCostDocumentConverter : JsonConverter<HourlyCostDocument>
{
    private const string Expected = "an hourly cost: a number, or an object { \"low\": …, \"high\": …, \"openEnded\": false }";

    public override HourlyCostDocument Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            double value = reader.GetDouble();
            return new HourlyCostDocument { Low = value, High = value, Fixed = true };
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected {Expected}; found {Describe(reader.TokenType)}.");
        }

        double? low = null;
        double? high = null;
        bool? openEnded = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "low":
                    low = Once(low, name, ReadNumber(ref reader, name));
                    break;
                case "high":
                    high = Once(high, name, ReadNumber(ref reader, name));
                    break;
                case "openEnded":
                    if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
                    {
                        throw new JsonException($"'openEnded' must be true or false; found {Describe(reader.TokenType)}.");
                    }

                    openEnded = Once(openEnded, name, reader.TokenType == JsonTokenType.True);
                    break;
                case "$comment":
                    reader.Skip();
                    break;
                default:
                    throw new JsonException($"Unknown property '{name}' in an hourly cost; expected one of: low, high, openEnded.");
            }
        }

        if (low is null || high is null)
        {
            string missing = string.Join(", ", new[] { low is null ? "low" : null, high is null ? "high" : null }.Where(s => s is not null));
            throw new JsonException($"The hourly cost is missing required properties: {missing}.");
        }

        return new HourlyCostDocument { Low = low.Value, High = high.Value, OpenEnded = openEnded ?? false };
    }

    public override void Write(Utf8JsonWriter writer, HourlyCostDocument value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber("low", value.Low);
        writer.WriteNumber("high", value.High);
        writer.WriteBoolean("openEnded", value.OpenEnded);
        writer.WriteEndObject();
    }

    private static double ReadNumber(ref Utf8JsonReader reader, string name) =>
        reader.TokenType == JsonTokenType.Number
            ? reader.GetDouble()
            : throw new JsonException($"'{name}' must be a number (an amount per hour); found {Describe(reader.TokenType)}.");

    private static T Once<T>(T? previous, string name, T value)
        where T : struct =>
        previous is null ? value : throw new JsonException($"The property '{name}' appears more than once; each property may appear only once.");

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}

/// <summary>The source-generated contract of the risk assumptions file: camelCase, strict (no unknown properties, no comments, no duplicates).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowTrailingCommas = false,
    AllowDuplicateProperties = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(RiskAssumptionsDocument))]
internal sealed partial class RiskAssumptionsJsonContext : JsonSerializerContext;
