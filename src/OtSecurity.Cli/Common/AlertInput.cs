using System.Diagnostics.CodeAnalysis;
using OtSecurity.Model;
using OtSecurity.Model.Alerts;
using OtSecurity.Model.Serialization;
using OtSecurity.Model.Sites;

namespace OtSecurity.Cli.Common;

/// <summary>Loads an <c>ALERT.json</c> (one alert object) or an alerts file (one object or an array), or says why it cannot.</summary>
internal static class AlertInput
{
    public static bool TryLoad(string path, TextWriter error, [NotNullWhen(true)] out Alert? alert)
    {
        if (AlertJson.TryLoad(path, out alert, out JsonLoadError? loadError))
        {
            return true;
        }

        error.WriteLine($"otsec: cannot read the alert: {loadError}");
        return false;
    }

    /// <summary>
    /// Loads alerts from monitoring: one alert object or a JSON array of them (AlertJson's two forms). Every alert must
    /// name only assets of <paramref name="site"/>; an unknown asset id is an error with its JSON path.
    /// </summary>
    public static bool TryLoadMany(string path, SiteModel site, TextWriter error, [NotNullWhen(true)] out IReadOnlyList<Alert>? alerts)
    {
        alerts = null;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            string reason = ex switch
            {
                FileNotFoundException or DirectoryNotFoundException => $"The file '{path}' does not exist.",
                UnauthorizedAccessException => $"The file '{path}' cannot be opened: access is denied (or it is a folder).",
                _ => $"The file '{path}' cannot be read: {ex.Message}",
            };
            error.WriteLine($"otsec: cannot read the alerts: {reason}");
            return false;
        }

        bool isArray = text.AsSpan().TrimStart().StartsWith("[", StringComparison.Ordinal);
        Alert[] loaded;
        JsonLoadError? loadError;
        if (isArray)
        {
            bool ok = AlertJson.TryParseList(text, out EquatableArray<Alert> list, out loadError);
            loaded = ok ? [.. list] : [];
        }
        else
        {
            loaded = AlertJson.TryParse(text, out Alert? one, out loadError) ? [one] : [];
        }

        if (loadError is not null)
        {
            error.WriteLine($"otsec: cannot read the alerts: {loadError with { Source = path }}");
            return false;
        }

        var known = new HashSet<string>(site.Assets.Select(a => a.Id), StringComparer.Ordinal);
        bool valid = true;
        for (int i = 0; i < loaded.Length; i++)
        {
            string at = isArray ? $"$[{i}]" : "$";
            int j = 0;
            foreach (string assetId in loaded[i].AffectedAssets)
            {
                if (!known.Contains(assetId))
                {
                    error.WriteLine($"otsec: cannot read the alerts: {path}: {at}.affectedAssets[{j}]: the site has no asset '{assetId}' (alert {loaded[i].Id}).");
                    valid = false;
                }

                j++;
            }
        }

        if (!valid)
        {
            return false;
        }

        alerts = loaded;
        return true;
    }
}
