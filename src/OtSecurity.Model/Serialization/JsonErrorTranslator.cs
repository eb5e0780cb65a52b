using System.Text.Json;
using System.Text.RegularExpressions;

namespace OtSecurity.Model.Serialization;

/// <summary>
/// Turns a System.Text.Json <see cref="JsonException"/> into a <see cref="JsonLoadError"/>: the JSON path, the
/// 1-based line and byte position, and a message that says what was expected instead of naming .NET types. The
/// model's own documents use it as it is; a package with JSON documents of its own derives from it to name its
/// object types and their properties, so that every file the SDK reads reports errors the same way.
/// </summary>
public partial class JsonErrorTranslator
{
    /// <summary>Translates the exception that deserialization threw.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The located error; <see cref="JsonLoadError.Source"/> is left for the caller to set.</returns>
    public JsonLoadError Translate(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        // A malformed document surfaces as a JsonException wrapping the reader's own JsonException.
        bool syntax = exception.InnerException is JsonException;
        string raw = StripLocation(syntax ? exception.InnerException!.Message : exception.Message);
        return new JsonLoadError
        {
            Kind = syntax ? JsonLoadErrorKind.Syntax : JsonLoadErrorKind.Content,
            Message = syntax ? $"The JSON is malformed: {raw}" : Rewrite(raw, exception.InnerException),
            JsonPath = exception.Path ?? "$",
            LineNumber = exception.LineNumber + 1,
            BytePositionInLine = exception.BytePositionInLine + 1,
        };
    }

    /// <summary>How an object of a deserialized type is named in messages ("the Zone object").</summary>
    /// <param name="typeName">The full .NET type name from the serializer's message.</param>
    /// <returns>A phrase that starts with an article.</returns>
    protected virtual string DescribeObject(string typeName) => $"the {ShortName(typeName)} object";

    /// <summary>What a value of a type looks like in JSON ("a string", "an array").</summary>
    /// <param name="typeName">The full .NET type name from the serializer's message.</param>
    /// <returns>A phrase that starts with an article.</returns>
    protected virtual string DescribeType(string typeName)
    {
        const string NullablePrefix = "System.Nullable`1[";
        if (typeName.StartsWith(NullablePrefix, StringComparison.Ordinal) && typeName.EndsWith(']'))
        {
            return DescribeType(typeName[NullablePrefix.Length..^1]);
        }

        if (typeName.StartsWith("System.Collections.Immutable.ImmutableArray`1[", StringComparison.Ordinal))
        {
            return "an array";
        }

        return typeName switch
        {
            "System.String" => "a string",
            "System.Int32" or "System.Int64" => "an integer",
            "System.Double" => "a number",
            "System.Boolean" => "true or false",
            "System.DateTimeOffset" => "a date and time such as \"2026-11-01T08:15:00Z\"",
            _ => $"a {ShortName(typeName)} object",
        };
    }

    /// <summary>The JSON property names an object type accepts, listed after an unknown property.</summary>
    /// <param name="typeName">The full .NET type name from the serializer's message.</param>
    /// <returns>A comma-separated list, or empty when not known.</returns>
    protected virtual string KnownProperties(string typeName) => string.Empty;

    /// <summary>The message for a failure none of the known patterns matched.</summary>
    /// <param name="message">The serializer's message without its location.</param>
    /// <returns>The message to report.</returns>
    protected virtual string Unrecognised(string message) => message;

    /// <summary>The type's own name: the last segment of a dotted (or nested, <c>+</c>) type name.</summary>
    /// <param name="typeName">A type name.</param>
    /// <returns>The name after the last dot or plus sign.</returns>
    protected static string ShortName(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        return typeName[(typeName.LastIndexOfAny(['.', '+']) + 1)..];
    }

    private static string StripLocation(string message)
    {
        foreach (string marker in (ReadOnlySpan<string>)[" Path: ", " LineNumber: ", " Path:"])
        {
            int at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }

        return message.Trim();
    }

    private string Rewrite(string message, Exception? inner)
    {
        Match match;
        if (inner is InvalidOperationException && (match = WrongToken().Match(inner.Message)).Success)
        {
            return $"Expected a {match.Groups["expected"].Value}; found {DescribeToken(match.Groups["found"].Value)}.";
        }

        match = CannotConvert().Match(message);
        if (match.Success)
        {
            return $"Expected {DescribeType(match.Groups["type"].Value)}.";
        }

        match = MissingRequired().Match(message);
        if (match.Success)
        {
            return $"{Capitalize(DescribeObject(match.Groups["type"].Value))} is missing required properties: {match.Groups["props"].Value.TrimEnd('.')}.";
        }

        match = UnknownProperty().Match(message);
        if (match.Success)
        {
            string type = match.Groups["type"].Value;
            string known = KnownProperties(type);
            return $"Unknown property '{match.Groups["prop"].Value}' in {DescribeObject(type)}" + (known.Length > 0 ? $"; expected one of: {known}." : ".");
        }

        match = NullNotAllowed().Match(message);
        if (match.Success)
        {
            string prop = match.Groups["prop"].Value;
            prop = prop.Length > 0 ? char.ToLowerInvariant(prop[0]) + prop[1..] : prop;
            return $"'{prop}' of {DescribeObject(match.Groups["type"].Value)} must not be null.";
        }

        match = DuplicateProperty().Match(message);
        if (match.Success)
        {
            return $"The property '{match.Groups["prop"].Value}' appears more than once; each property may appear only once.";
        }

        return Unrecognised(message);
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string DescribeToken(string token) => token switch
    {
        "String" or "PropertyName" => "a string",
        "Number" => "a number",
        "True" or "False" => "a boolean",
        "StartObject" => "an object",
        "StartArray" => "an array",
        "Null" => "null",
        _ => token,
    };

    [GeneratedRegex(@"Cannot get the value of a token type '(?<found>\w+)' as a (?<expected>\w+)")]
    private static partial Regex WrongToken();

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>\S+?)\.?$")]
    private static partial Regex CannotConvert();

    [GeneratedRegex(@"^JSON deserialization for type '(?<type>[^']+)' was missing required properties including: (?<props>.+)$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"^The JSON property '(?<prop>[^']+)' could not be mapped to any \.NET member contained in type '(?<type>[^']+)'")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"^The (?:property or field|constructor parameter) '(?<prop>[^']+)' on type '(?<type>[^']+)' doesn't allow (?:setting |getting )?null values")]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex(@"Duplicate property '(?<prop>[^']+)'")]
    private static partial Regex DuplicateProperty();
}
