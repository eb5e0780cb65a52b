using System.CommandLine;

namespace OtSecurity.Cli.Common;

/// <summary>The <c>--site SITE.json</c> option of the commands that also take other inputs; the demo plant by default.</summary>
internal static class SiteOption
{
    public static Option<string?> Create() => new("--site", "-s")
    {
        Description = "The site model to read (a *.site.json file). Default: the bundled demo plant.",
        HelpName = "SITE.json",
    };
}
