using System.CommandLine;
using OtSecurity.Cli.Common;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Validation;

namespace OtSecurity.Cli.Commands;

/// <summary>
/// <c>otsec validate [SITE.json] [--format table|json]</c>: checks a site model against every validation rule
/// and prints the findings grouped by severity. Exit code 0 without error findings, 1 with, 2 when the input
/// cannot be read.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        Argument<string?> site = SiteInput.CreateArgument();
        Option<string> format = FormatOption.Create();
        var command = new Command("validate", "Check a site model against the validation rules (docs/validation-rules.md) and print the findings grouped by severity. Exit code 0: no errors; 1: error findings; 2: the input cannot be read.")
        {
            site,
            format,
        };
        command.SetAction(parse => Run(parse.GetValue(site), FormatOption.Get(parse, format), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string? path, OutputFormat format, TextWriter output, TextWriter error)
    {
        if (!SiteInput.TryLoad(path, error, out SiteModel? model, out string source))
        {
            return ExitCodes.UsageOrInput;
        }

        ValidationReport report = SiteModelValidator.Validate(model);
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(output, writer =>
            {
                writer.WriteStartObject();
                FindingsRenderer.WriteSiteJson(writer, model, source);
                FindingsRenderer.WriteSummaryJson(writer, report);
                FindingsRenderer.WriteFindingsJson(writer, report);
                writer.WriteEndObject();
            });
        }
        else
        {
            output.WriteLine($"Validating {model.Name} ({source})");
            output.WriteLine();
            FindingsRenderer.WriteTable(output, report);
        }

        return report.HasErrors ? ExitCodes.Findings : ExitCodes.Success;
    }
}
