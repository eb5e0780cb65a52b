using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OtSecurity.Model.Serialization;

/// <summary>
/// The one place that turns System.Text.Json failures into <see cref="JsonLoadError"/> values with the JSON
/// path, the 1-based line and byte position, and a message that says what was expected.
/// </summary>
internal static class JsonLoader
{
    private static readonly ModelErrorTranslator Translator = new();

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

    internal static JsonLoadError FromJsonException(JsonException ex) => Translator.Translate(ex);

    /// <summary>The model's documents: unknown properties are answered with the properties the type accepts.</summary>
    private sealed class ModelErrorTranslator : JsonErrorTranslator
    {
        protected override string KnownProperties(string typeName) => ModelTypes.KnownProperties(typeName);
    }
}
