using System.Text.Json;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Validation;

namespace OtSecurity.Cli.Common;

/// <summary>Prints validation findings grouped by severity (table) or as JSON.</summary>
internal static class FindingsRenderer
{
    private static readonly FindingSeverity[] Order = [FindingSeverity.Error, FindingSeverity.Warning, FindingSeverity.Info];

    public static void WriteTable(TextWriter output, ValidationReport report)
    {
        if (report.Findings.IsEmpty)
        {
            output.WriteLine("No findings.");
        }

        foreach (FindingSeverity severity in Order)
        {
            ValidationFinding[] findings = [.. report.WithSeverity(severity)];
            if (findings.Length == 0)
            {
                continue;
            }

            output.WriteLine($"{Heading(severity)} ({findings.Length})");
            foreach (ValidationFinding finding in findings)
            {
                output.WriteLine($"  {finding.RuleId}  {finding.Path}");
                output.WriteLine($"      {finding.Message}");
            }

            output.WriteLine();
        }

        output.WriteLine(Summary(report));
    }

    public static string Summary(ValidationReport report)
    {
        int errors = report.Count(FindingSeverity.Error);
        int warnings = report.Count(FindingSeverity.Warning);
        int info = report.Count(FindingSeverity.Info);
        string verdict = errors > 0 ? "FAILED: the model has error findings" : "passed: no error findings";
        return $"{Plural(errors, "error")}, {Plural(warnings, "warning")}, {info} info — validation {verdict}.";
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

    private static string Heading(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "ERRORS",
        FindingSeverity.Warning => "WARNINGS",
        _ => "INFO",
    };

    public static void WriteSummaryJson(Utf8JsonWriter writer, ValidationReport report)
    {
        writer.WriteStartObject("summary");
        writer.WriteNumber("errors", report.Count(FindingSeverity.Error));
        writer.WriteNumber("warnings", report.Count(FindingSeverity.Warning));
        writer.WriteNumber("info", report.Count(FindingSeverity.Info));
        writer.WriteBoolean("passed", !report.HasErrors);
        writer.WriteEndObject();
    }

    public static void WriteFindingsJson(Utf8JsonWriter writer, ValidationReport report)
    {
        writer.WriteStartArray("findings");
        foreach (ValidationFinding finding in report.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString("ruleId", finding.RuleId);
            writer.WriteString("severity", JsonOutput.Name(finding.Severity));
            writer.WriteString("path", finding.Path);
            writer.WriteString("message", finding.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteSiteJson(Utf8JsonWriter writer, SiteModel site, string source)
    {
        writer.WriteStartObject("site");
        writer.WriteString("name", site.Name);
        writer.WriteString("environment", JsonOutput.Name(site.Environment));
        writer.WriteString("evaluationDate", site.EvaluationDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (site.TimeZone is not null)
        {
            writer.WriteString("timeZone", site.TimeZone);
        }

        writer.WriteString("source", source);
        writer.WriteEndObject();
    }
}
