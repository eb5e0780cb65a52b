using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace OtSecurity.Model.Serialization;

/// <summary>
/// The one place that turns System.Text.Json failures into <see cref="JsonLoadError"/> values with the JSON
/// path, the 1-based line and byte position, and a message that says what was expected.
/// </summary>
internal static partial class JsonLoader
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static bool TryLoadFile<T>(string path, JsonTypeInfo<T> typeInfo, string what, [MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out JsonLoadError? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 16384, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            value = default;
            error = new JsonLoadError { Kind = JsonLoadErrorKind.Unreadable, Message = DescribeIoFailure(path, ex), Source = path };
            return false;
        }

        using (stream)
        {
            bool ok = TryLoadStream(stream, typeInfo, what, out value, out error);
            if (!ok)
            {
                error = error! with { Source = path };
            }

            return ok;
        }
    }

    public static bool TryLoadStream<T>(Stream utf8Json, JsonTypeInfo<T> typeInfo, string what, [MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out JsonLoadError? error)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        try
        {
            return Finish(JsonSerializer.Deserialize(utf8Json, typeInfo), what, out value, out error);
        }
        catch (JsonException ex)
        {
            value = default;
            error = FromJsonException(ex);
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            value = default;
            error = new JsonLoadError { Kind = JsonLoadErrorKind.Unreadable, Message = $"The input could not be read: {ex.Message}" };
            return false;
        }
    }

    public static bool TryParse<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo, string what, [MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out JsonLoadError? error)
    {
        if (utf8Json.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }

        try
        {
            return Finish(JsonSerializer.Deserialize(utf8Json, typeInfo), what, out value, out error);
        }
        catch (JsonException ex)
        {
            value = default;
            error = FromJsonException(ex);
            return false;
        }
    }

    public static bool TryParse<T>(string json, JsonTypeInfo<T> typeInfo, string what, [MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out JsonLoadError? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return Finish(JsonSerializer.Deserialize(json, typeInfo), what, out value, out error);
        }
        catch (JsonException ex)
        {
            value = default;
            error = FromJsonException(ex);
            return false;
        }
    }

    private static bool Finish<T>(T? result, string what, [MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out JsonLoadError? error)
    {
        if (result is null)
        {
            value = default;
            error = new JsonLoadError
            {
                Kind = JsonLoadErrorKind.Content,
                Message = $"The document is null; expected {what}.",
                JsonPath = "$",
                LineNumber = 1,
                BytePositionInLine = 1,
            };
            return false;
        }

        value = result;
        error = null;
        return true;
    }

    private static string DescribeIoFailure(string path, Exception ex) => ex switch
    {
        FileNotFoundException => $"The file '{path}' does not exist.",
        DirectoryNotFoundException => $"The folder of '{path}' does not exist.",
        UnauthorizedAccessException => $"The file '{path}' cannot be opened: access is denied (or it is a folder).",
        _ => $"The file '{path}' cannot be read: {ex.Message}",
    };

    internal static JsonLoadError FromJsonException(JsonException ex)
    {
        // A malformed document surfaces as a JsonException wrapping the reader's own JsonException.
        bool syntax = ex.InnerException is JsonException;
        string raw = syntax ? ex.InnerException!.Message : ex.Message;
        return new JsonLoadError
        {
            Kind = syntax ? JsonLoadErrorKind.Syntax : JsonLoadErrorKind.Content,
            Message = syntax ? SyntaxMessage(StripLocation(raw)) : Rewrite(StripLocation(raw), ex.InnerException),
            JsonPath = ex.Path ?? "$",
            LineNumber = ex.LineNumber + 1,
            BytePositionInLine = ex.BytePositionInLine + 1,
        };
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

    private static string SyntaxMessage(string message) => $"The JSON is malformed: {message}";

    private static string Rewrite(string message, Exception? inner)
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
            string known = ModelTypes.KnownProperties(type);
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

        return message;
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string DescribeObject(string typeName)
    {
        int dot = typeName.LastIndexOf('.');
        string name = dot >= 0 ? typeName[(dot + 1)..] : typeName;
        return $"the {name} object";
    }

    private static string DescribeType(string typeName)
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
            "System.Boolean" => "true or false",
            "System.DateTimeOffset" => "a date and time such as \"2026-11-01T08:15:00Z\"",
            _ => $"a {DescribeObject(typeName)[4..]}",
        };
    }

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
