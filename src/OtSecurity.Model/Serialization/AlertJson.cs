using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using OtSecurity.Model.Alerts;

namespace OtSecurity.Model.Serialization;

/// <summary>
/// Loads and saves <see cref="Alert"/> documents: one alert as a JSON object (<c>ALERT.json</c>) or a list
/// of alerts as a JSON array. Loading never throws on bad input; the error gives the JSON path, line and
/// byte position.
/// </summary>
public static class AlertJson
{
    private const string What = "an alert object";
    private const string WhatList = "an array of alert objects";

    /// <summary>Loads one alert from a file.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="alert">The alert, when loaded.</param>
    /// <param name="error">Why it could not be loaded.</param>
    /// <returns>True when the alert was loaded.</returns>
    public static bool TryLoad(string path, [NotNullWhen(true)] out Alert? alert, [NotNullWhen(false)] out JsonLoadError? error) =>
        JsonLoader.TryLoadFile(path, ModelJsonContext.Default.Alert, What, out alert, out error);

    /// <summary>Loads one alert from a UTF-8 stream.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="alert">The alert, when loaded.</param>
    /// <param name="error">Why it could not be loaded.</param>
    /// <returns>True when the alert was loaded.</returns>
    public static bool TryLoad(Stream utf8Json, [NotNullWhen(true)] out Alert? alert, [NotNullWhen(false)] out JsonLoadError? error) =>
        JsonLoader.TryLoadStream(utf8Json, ModelJsonContext.Default.Alert, What, out alert, out error);

    /// <summary>Parses one alert from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="alert">The alert, when parsed.</param>
    /// <param name="error">Why it could not be parsed.</param>
    /// <returns>True when the alert was parsed.</returns>
    public static bool TryParse(string json, [NotNullWhen(true)] out Alert? alert, [NotNullWhen(false)] out JsonLoadError? error) =>
        JsonLoader.TryParse(json, ModelJsonContext.Default.Alert, What, out alert, out error);

    /// <summary>Loads a list of alerts (a JSON array) from a file.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="alerts">The alerts, when loaded.</param>
    /// <param name="error">Why they could not be loaded.</param>
    /// <returns>True when the alerts were loaded.</returns>
    public static bool TryLoadList(string path, out EquatableArray<Alert> alerts, [NotNullWhen(false)] out JsonLoadError? error)
    {
        bool ok = JsonLoader.TryLoadFile(path, ModelJsonContext.Default.ImmutableArrayAlert, WhatList, out ImmutableArray<Alert> list, out error);
        alerts = list;
        return ok;
    }

    /// <summary>Parses a list of alerts (a JSON array) from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="alerts">The alerts, when parsed.</param>
    /// <param name="error">Why they could not be parsed.</param>
    /// <returns>True when the alerts were parsed.</returns>
    public static bool TryParseList(string json, out EquatableArray<Alert> alerts, [NotNullWhen(false)] out JsonLoadError? error)
    {
        bool ok = JsonLoader.TryParse(json, ModelJsonContext.Default.ImmutableArrayAlert, WhatList, out ImmutableArray<Alert> list, out error);
        alerts = list;
        return ok;
    }

    /// <summary>Returns <paramref name="alert"/> as indented JSON text.</summary>
    /// <param name="alert">The alert.</param>
    public static string Serialize(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return JsonSerializer.Serialize(alert, ModelJsonContext.Default.Alert);
    }

    /// <summary>Returns <paramref name="alerts"/> as an indented JSON array.</summary>
    /// <param name="alerts">The alerts.</param>
    public static string Serialize(EquatableArray<Alert> alerts) =>
        JsonSerializer.Serialize(alerts.AsImmutableArray(), ModelJsonContext.Default.ImmutableArrayAlert);

    /// <summary>Writes <paramref name="alert"/> as indented UTF-8 JSON.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="destination">The stream to write to (not closed).</param>
    public static void Save(Alert alert, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(destination);
        JsonSerializer.Serialize(destination, alert, ModelJsonContext.Default.Alert);
    }
}
