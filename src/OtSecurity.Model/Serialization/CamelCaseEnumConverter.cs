using System.Text.Json;
using System.Text.Json.Serialization;

namespace OtSecurity.Model.Serialization;

/// <summary>
/// Reads and writes an enum as its camelCase name ("opcScadaServer"); integers and unknown names are rejected
/// with a message that lists the accepted names. Trimming- and AOT-safe (no reflection over open generics).
/// </summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
internal sealed class CamelCaseEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<TEnum, string> _byValue = [];
    private readonly string _expected;

    public CamelCaseEnumConverter()
    {
        foreach (TEnum value in Enum.GetValues<TEnum>())
        {
            string name = JsonNamingPolicy.CamelCase.ConvertName(Enum.GetName(value)!);
            _byName[name] = value;
            _byValue.TryAdd(value, name);
        }

        _expected = string.Join(", ", _byName.Keys);
    }

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a {typeof(TEnum).Name} name as a string ({_expected}); found {JsonText.Describe(reader.TokenType)}.");
        }

        string? text = reader.GetString();
        if (text is not null && _byName.TryGetValue(text, out TEnum value))
        {
            return value;
        }

        throw new JsonException($"'{text}' is not a valid {typeof(TEnum).Name} value; expected one of: {_expected}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        if (!_byValue.TryGetValue(value, out string? name))
        {
            throw new JsonException($"{value} is not a defined {typeof(TEnum).Name} value and cannot be written.");
        }

        writer.WriteStringValue(name);
    }
}
