using System.Diagnostics.CodeAnalysis;
using OtSecurity.Model.Alerts;
using OtSecurity.Model.Serialization;

namespace OtSecurity.Cli.Common;

/// <summary>Loads an <c>ALERT.json</c> (one alert object), or says why it cannot.</summary>
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
}
