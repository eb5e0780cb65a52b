using System.CommandLine;
using OtSecurity.Cli.Common;
using OtSecurity.Model.Sites;
using OtSecurity.Response.Playbooks;

namespace OtSecurity.Cli.Commands;

/// <summary>
/// <c>otsec playbook [--site SITE.json] [--out FILE.md]</c>: the OT incident-response playbook of a site as
/// Markdown (whom to call, recovery order, per zone and per ATT&amp;CK technique: containment options with their
/// constraints, manual fallbacks, evidence to keep). Exit code 0 when written, 2 when the site cannot be read or
/// the output cannot be written.
/// </summary>
internal static class PlaybookCommand
{
    public static Command Create()
    {
        Option<string?> site = SiteOption.Create();
        var outFile = new Option<string?>("--out", "-o")
        {
            Description = "Write the Markdown to this file instead of standard output.",
            HelpName = "FILE.md",
        };
        var command = new Command("playbook", "Generate the OT incident-response playbook of a site as Markdown: whom to call, recovery order (safety first), and per zone and per ATT&CK for ICS technique the containment options with their constraints, manual-operation fallbacks and evidence to keep. Default site: the bundled demo plant. Exit code 0: written; 2: the site cannot be read or the output cannot be written.")
        {
            site,
            outFile,
        };
        command.SetAction(parse => Run(parse.GetValue(site), parse.GetValue(outFile), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string? sitePath, string? outPath, TextWriter output, TextWriter error)
    {
        if (!SiteInput.TryLoad(sitePath, error, out SiteModel? site, out _))
        {
            return ExitCodes.UsageOrInput;
        }

        Playbook playbook = new PlaybookGenerator().GenerateAsync(site).GetAwaiter().GetResult();
        string markdown = PlaybookMarkdown.Render(playbook);
        if (outPath is null)
        {
            output.Write(markdown);
            return ExitCodes.Success;
        }

        try
        {
            File.WriteAllText(outPath, markdown);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            error.WriteLine($"otsec: cannot write the playbook to '{outPath}': {ex.Message}");
            return ExitCodes.UsageOrInput;
        }

        error.WriteLine($"otsec: playbook for {site.Name} written to {outPath} ({playbook.Zones.Count} zones, {playbook.Techniques.Count} techniques)");
        return ExitCodes.Success;
    }
}
