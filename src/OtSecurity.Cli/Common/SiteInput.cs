using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using OtSecurity.Model.Serialization;
using OtSecurity.Model.Sites;

namespace OtSecurity.Cli.Common;

/// <summary>The optional <c>SITE.json</c> argument and how it is loaded; the bundled demo plant is the default.</summary>
internal static class SiteInput
{
    /// <summary>The demo plant copied next to the executable (samples/data/demo-plant.site.json in the repository).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "demo-plant.site.json");

    public static Argument<string?> CreateArgument() => new("SITE.json")
    {
        Description = "The site model to read (a *.site.json file). Default: the bundled demo plant.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>Loads the site, or prints why it cannot be loaded to <paramref name="error"/>.</summary>
    public static bool TryLoad(string? path, TextWriter error, [NotNullWhen(true)] out SiteModel? model, out string source)
    {
        source = string.IsNullOrWhiteSpace(path) ? DefaultPath : path;
        if (SiteModelJson.TryLoad(source, out model, out JsonLoadError? loadError))
        {
            return true;
        }

        error.WriteLine($"otsec: cannot read the site model: {loadError}");
        if (loadError.Kind == JsonLoadErrorKind.Unreadable && string.IsNullOrWhiteSpace(path))
        {
            error.WriteLine("otsec: the bundled demo plant is missing next to the executable; pass a SITE.json path.");
        }

        return false;
    }
}
