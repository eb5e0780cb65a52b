using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using OtSecurity.Model.Sites;

namespace OtSecurity.Model.Serialization;

/// <summary>
/// Loads and saves <see cref="SiteModel"/> documents (<c>*.site.json</c>, described by
/// <c>docs/schema/site-model.schema.json</c>). Loading never throws on bad input: it returns false with a
/// <see cref="JsonLoadError"/> that gives the JSON path, line and byte position and says what was expected.
/// Uses System.Text.Json source generation only, so it is safe to trim and to compile ahead of time.
/// </summary>
public static class SiteModelJson
{
    private const string What = "a site model object";

    /// <summary>Loads a site model from a file.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="model">The model, when loaded.</param>
    /// <param name="error">Why it could not be loaded (including a missing or unreadable file).</param>
    /// <returns>True when the model was loaded.</returns>
    public static bool TryLoad(string path, [NotNullWhen(true)] out SiteModel? model, [NotNullWhen(false)] out JsonLoadError? error) =>
        JsonLoader.TryLoadFile(path, ModelJsonContext.Default.SiteModel, What, out model, out error);

    /// <summary>Loads a site model from a UTF-8 stream (read to its end; not closed).</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="model">The model, when loaded.</param>
    /// <param name="error">Why it could not be loaded.</param>
    /// <returns>True when the model was loaded.</returns>
    public static bool TryLoad(Stream utf8Json, [NotNullWhen(true)] out SiteModel? model, [NotNullWhen(false)] out JsonLoadError? error) =>
        JsonLoader.TryLoadStream(utf8Json, ModelJsonContext.Default.SiteModel, What, out model, out error);

    /// <summary>Parses a site model from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="model">The model, when parsed.</param>
    /// <param name="error">Why it could not be parsed.</param>
    /// <returns>True when the model was parsed.</returns>
    public static bool TryParse(string json, [NotNullWhen(true)] out SiteModel? model, [NotNullWhen(false)] out JsonLoadError? error) =>
        JsonLoader.TryParse(json, ModelJsonContext.Default.SiteModel, What, out model, out error);

    /// <summary>Parses a site model from UTF-8 JSON (a leading byte-order mark is skipped).</summary>
    /// <param name="utf8Json">The UTF-8 bytes.</param>
    /// <param name="model">The model, when parsed.</param>
    /// <param name="error">Why it could not be parsed.</param>
    /// <returns>True when the model was parsed.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out SiteModel? model, [NotNullWhen(false)] out JsonLoadError? error) =>
        JsonLoader.TryParse(utf8Json, ModelJsonContext.Default.SiteModel, What, out model, out error);

    /// <summary>Writes <paramref name="model"/> as indented UTF-8 JSON.</summary>
    /// <param name="model">The model.</param>
    /// <param name="destination">The stream to write to (not closed).</param>
    /// <exception cref="JsonException">The model holds a value the format cannot represent (an undefined enum value).</exception>
    public static void Save(SiteModel model, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(destination);
        JsonSerializer.Serialize(destination, model, ModelJsonContext.Default.SiteModel);
    }

    /// <summary>Writes <paramref name="model"/> to a file as indented UTF-8 JSON, replacing the file.</summary>
    /// <param name="model">The model.</param>
    /// <param name="path">The file path.</param>
    public static void Save(SiteModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        using FileStream stream = File.Create(path);
        Save(model, stream);
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Returns <paramref name="model"/> as indented JSON text.</summary>
    /// <param name="model">The model.</param>
    public static string Serialize(SiteModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return JsonSerializer.Serialize(model, ModelJsonContext.Default.SiteModel);
    }

    /// <summary>Returns <paramref name="model"/> as indented UTF-8 JSON.</summary>
    /// <param name="model">The model.</param>
    public static byte[] SerializeToUtf8Bytes(SiteModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return JsonSerializer.SerializeToUtf8Bytes(model, ModelJsonContext.Default.SiteModel);
    }
}
