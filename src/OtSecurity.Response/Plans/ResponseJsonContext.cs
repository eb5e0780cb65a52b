using System.Text.Json;
using System.Text.Json.Serialization;
using OtSecurity.Model;
using OtSecurity.Response.Actions;
using OtSecurity.Response.BlastRadius;
using OtSecurity.Response.Engine;
using OtSecurity.Response.Policies;

namespace OtSecurity.Response.Plans;

/// <summary>
/// The source-generated System.Text.Json contract for plans: camelCase names and enum values, nulls omitted,
/// unknown properties rejected. Trimming- and AOT-safe.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowTrailingCommas = false,
    Converters =
    [
        typeof(CamelCaseEnumJsonConverter<ResponseVerdict>),
        typeof(CamelCaseEnumJsonConverter<PolicyOutcome>),
        typeof(CamelCaseEnumJsonConverter<PolicyFailure>),
        typeof(CamelCaseEnumJsonConverter<ActionPhase>),
        typeof(CamelCaseEnumJsonConverter<ActionTraits>),
        typeof(CamelCaseEnumJsonConverter<ActionTargetKind>),
        typeof(CamelCaseEnumJsonConverter<ProcessEffect>),
        typeof(EquatableArrayJsonConverter<string>),
        typeof(EquatableArrayJsonConverter<SupervisionLoss>),
        typeof(EquatableArrayJsonConverter<ResponseStep>),
        typeof(EquatableArrayJsonConverter<PolicyDecisionRecord>),
        typeof(EquatableArrayJsonConverter<Approval>),
        typeof(EquatableArrayJsonConverter<PlanFinding>),
    ])]
[JsonSerializable(typeof(ResponsePlan))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(SupervisionLoss))]
[JsonSerializable(typeof(ResponseStep))]
[JsonSerializable(typeof(PolicyDecisionRecord))]
[JsonSerializable(typeof(Approval))]
[JsonSerializable(typeof(PlanFinding))]
internal sealed partial class ResponseJsonContext : JsonSerializerContext;

/// <summary>Reads and writes an <see cref="EquatableArray{T}"/> as a JSON array, through the context's contract for <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class EquatableArrayJsonConverter<T> : JsonConverter<EquatableArray<T>>
{
    public override EquatableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array; found {reader.TokenType}.");
        }

        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var items = new List<T>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return new EquatableArray<T>(items);
            }

            T? item = JsonSerializer.Deserialize(ref reader, info);
            items.Add(item ?? throw new JsonException("An array holds a null entry."));
        }

        throw new JsonException("The array is not closed.");
    }

    public override void Write(Utf8JsonWriter writer, EquatableArray<T> value, JsonSerializerOptions options)
    {
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (T item in value)
        {
            JsonSerializer.Serialize(writer, item, info);
        }

        writer.WriteEndArray();
    }
}

/// <summary>Reads and writes an enum as its camelCase name (flags as a comma-separated list); AOT-safe.</summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
internal sealed class CamelCaseEnumJsonConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    public CamelCaseEnumJsonConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}
