using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OtSecurity.Cli.Common;
using OtSecurity.Model;
using OtSecurity.Model.Assets;
using OtSecurity.Model.SecurityLevels;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Validation;
using OtSecurity.Model.Vendors;

namespace OtSecurity.Cli.Commands;

/// <summary>
/// <c>otsec audit [SITE.json] [--format table|json]</c>: the site summary (zones with Purdue level and
/// SL-T/SL-A, assets by kind, legacy assets, safety assets, vendors with remote access) followed by the
/// validation findings. Exit codes as <c>otsec validate</c>.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        Argument<string?> site = SiteInput.CreateArgument();
        Option<string> format = FormatOption.Create();
        var command = new Command("audit", "Audit a site model: zones and security levels, assets by kind, legacy and safety assets, vendor remote access, then the validation findings. Default input: the bundled demo plant. Exit code 0: no errors; 1: error findings; 2: the input cannot be read.")
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

        var summary = new SiteSummary(model);
        ValidationReport report = SiteModelValidator.Validate(model);
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(output, writer => WriteJson(writer, summary, report, source));
        }
        else
        {
            WriteTable(output, summary, report, source);
        }

        return report.HasErrors ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Date(DateOnly? date) => date is { } d ? Date(d) : "unknown";

    private static string Environment(EnvironmentClass environment) => environment switch
    {
        EnvironmentClass.OfficeIt => "office IT",
        EnvironmentClass.Warehouse => "warehouse",
        EnvironmentClass.ProductionLine => "production line",
        EnvironmentClass.ContinuousProcess => "continuous process",
        _ => JsonOutput.Name(environment),
    };

    private static string Windows(EquatableArray<WeeklyWindow> windows) =>
        windows.IsEmpty ? "none (always on)" : string.Join("; ", windows.Where(static w => w is not null).Select(static w => w.ToString()));

    private static string Credentials(VendorCredentials? credentials) => credentials switch
    {
        null => "none held",
        _ => string.Join(", ", new[]
        {
            credentials.SharedAccount ? "shared account" : "named accounts",
            credentials.MultiFactor ? "MFA" : "no MFA",
            credentials.LastRotated is { } rotated ? $"rotated {Date(rotated)}" : "never rotated",
        }),
    };

    private static void WriteTable(TextWriter output, SiteSummary summary, ValidationReport report, string source)
    {
        SiteModel site = summary.Site;
        output.WriteLine($"OT SECURITY AUDIT — {site.Name}");
        output.WriteLine($"Environment: {Environment(site.Environment)} · evaluated {Date(site.EvaluationDate)}" + (site.TimeZone is null ? string.Empty : $" · time zone {site.TimeZone}"));
        output.WriteLine($"Source: {source}");
        output.WriteLine();

        output.WriteLine($"ZONES ({summary.Zones.Count})");
        var zones = new TextTable("Zone", "Name", "Purdue", "SL-T", "SL-A", "Gap", "Assets", "Air gap", "Wireless");
        foreach (SiteSummary.ZoneLine line in summary.Zones)
        {
            zones.AddRow(
                line.Zone.Id,
                line.Zone.Name,
                line.Zone.PurdueLevel.ToDisplayString(),
                line.Zone.TargetLevel?.ToString() ?? "not set",
                line.Zone.AchievedLevel?.ToString() ?? "not assessed",
                line.Gaps is { } gaps ? (gaps.MeetsTarget ? "none" : string.Join(",", gaps.Shortfalls.Select(static g => $"{g.Requirement.GetAbbreviation()}-{g.Shortfall}"))) : "-",
                line.AssetCount.ToString(CultureInfo.InvariantCulture),
                line.Zone.AirGapped ? "declared" : "no",
                line.Zone.WirelessPresent ? "yes" : "no");
        }

        zones.WriteTo(output);
        output.WriteLine();

        output.WriteLine($"ASSETS BY KIND ({summary.AssetCount})");
        var kinds = new TextTable("Kind", "Count");
        foreach ((AssetKind kind, int count) in summary.AssetsByKind)
        {
            kinds.AddRow(JsonOutput.Name(kind), count.ToString(CultureInfo.InvariantCulture));
        }

        kinds.WriteTo(output);
        output.WriteLine();

        output.WriteLine($"LEGACY ASSETS ({summary.Legacy.Count}) — operating system past end of support on {Date(site.EvaluationDate)}");
        if (summary.Legacy.Count == 0)
        {
            output.WriteLine("  none");
        }
        else
        {
            var legacy = new TextTable("Asset", "Name", "Operating system", "End of support", "Zone", "Compensating controls", "Patchability");
            foreach (SiteSummary.AssetLine line in summary.Legacy)
            {
                legacy.AddRow(
                    line.Asset.Id,
                    line.Asset.Name,
                    line.Asset.OperatingSystem?.ToString(),
                    Date(line.Asset.OperatingSystem?.EndOfSupport),
                    line.Zone?.Id ?? "(no zone)",
                    line.Zone is null ? "-" : line.Zone.CompensatingControls.Count.ToString(CultureInfo.InvariantCulture),
                    line.Asset.Patchability is { } p ? JsonOutput.Name(p) : "unknown");
            }

            legacy.WriteTo(output);
        }

        output.WriteLine();
        output.WriteLine($"SAFETY ASSETS ({summary.Safety.Count})");
        if (summary.Safety.Count == 0)
        {
            output.WriteLine("  none");
        }
        else
        {
            var safety = new TextTable("Asset", "Name", "Kind", "Safety role", "Zone");
            foreach (SiteSummary.AssetLine line in summary.Safety)
            {
                safety.AddRow(line.Asset.Id, line.Asset.Name, JsonOutput.Name(line.Asset.Kind), JsonOutput.Name(line.Asset.SafetyRole), line.Zone?.Id ?? "(no zone)");
            }

            safety.WriteTo(output);
        }

        output.WriteLine();
        output.WriteLine($"VENDORS WITH REMOTE ACCESS ({summary.RemoteVendors.Count})");
        if (summary.RemoteVendors.Count == 0)
        {
            output.WriteLine("  none");
        }
        else
        {
            var vendors = new TextTable("Vendor", "Name", "Method", "Allowed zones", "Access windows", "Credentials");
            foreach (Vendor vendor in summary.RemoteVendors)
            {
                vendors.AddRow(
                    vendor.Id,
                    vendor.Name,
                    JsonOutput.Name(vendor.RemoteAccess),
                    vendor.AllowedZones.IsEmpty ? "none listed" : string.Join(", ", vendor.AllowedZones),
                    Windows(vendor.AccessWindows),
                    Credentials(vendor.Credentials));
            }

            vendors.WriteTo(output);
        }

        output.WriteLine();
        output.WriteLine("VALIDATION FINDINGS");
        FindingsRenderer.WriteTable(output, report);
    }

    private static void WriteJson(Utf8JsonWriter writer, SiteSummary summary, ValidationReport report, string source)
    {
        SiteModel site = summary.Site;
        writer.WriteStartObject();
        FindingsRenderer.WriteSiteJson(writer, site, source);

        writer.WriteStartArray("zones");
        foreach (SiteSummary.ZoneLine line in summary.Zones)
        {
            writer.WriteStartObject();
            writer.WriteString("id", line.Zone.Id);
            writer.WriteString("name", line.Zone.Name);
            writer.WriteString("purdueLevel", JsonOutput.Name(line.Zone.PurdueLevel));
            writer.WriteString("purdue", line.Zone.PurdueLevel.ToDisplayString());
            WriteVector(writer, "targetLevel", line.Zone.TargetLevel);
            WriteVector(writer, "achievedLevel", line.Zone.AchievedLevel);
            writer.WriteStartArray("gaps");
            foreach (SecurityLevelGap gap in line.Gaps?.Shortfalls ?? [])
            {
                writer.WriteStartObject();
                writer.WriteString("requirement", gap.Requirement.GetAbbreviation());
                writer.WriteNumber("target", (int)gap.Target);
                writer.WriteNumber("achieved", (int)gap.Actual);
                writer.WriteNumber("shortfall", gap.Shortfall);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("assetCount", line.AssetCount);
            writer.WriteBoolean("airGapped", line.Zone.AirGapped);
            writer.WriteBoolean("wirelessPresent", line.Zone.WirelessPresent);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartObject("assetsByKind");
        foreach ((AssetKind kind, int count) in summary.AssetsByKind)
        {
            writer.WriteNumber(JsonOutput.Name(kind), count);
        }

        writer.WriteEndObject();
        writer.WriteNumber("assetCount", summary.AssetCount);

        writer.WriteStartArray("legacyAssets");
        foreach (SiteSummary.AssetLine line in summary.Legacy)
        {
            writer.WriteStartObject();
            writer.WriteString("id", line.Asset.Id);
            writer.WriteString("name", line.Asset.Name);
            writer.WriteString("operatingSystem", line.Asset.OperatingSystem?.ToString());
            writer.WriteString("endOfSupport", Date(line.Asset.OperatingSystem?.EndOfSupport));
            writer.WriteString("zone", line.Zone?.Id);
            writer.WriteNumber("compensatingControls", line.Zone?.CompensatingControls.Count ?? 0);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("safetyAssets");
        foreach (SiteSummary.AssetLine line in summary.Safety)
        {
            writer.WriteStartObject();
            writer.WriteString("id", line.Asset.Id);
            writer.WriteString("name", line.Asset.Name);
            writer.WriteString("kind", JsonOutput.Name(line.Asset.Kind));
            writer.WriteString("safetyRole", JsonOutput.Name(line.Asset.SafetyRole));
            writer.WriteString("zone", line.Zone?.Id);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("remoteAccessVendors");
        foreach (Vendor vendor in summary.RemoteVendors)
        {
            writer.WriteStartObject();
            writer.WriteString("id", vendor.Id);
            writer.WriteString("name", vendor.Name);
            writer.WriteString("remoteAccess", JsonOutput.Name(vendor.RemoteAccess));
            writer.WriteStartArray("allowedZones");
            foreach (string zone in vendor.AllowedZones)
            {
                writer.WriteStringValue(zone);
            }

            writer.WriteEndArray();
            writer.WriteNumber("accessWindows", vendor.AccessWindows.Count);
            writer.WriteBoolean("sharedAccount", vendor.Credentials?.SharedAccount ?? false);
            writer.WriteString("credentialsLastRotated", vendor.Credentials?.LastRotated is { } rotated ? Date(rotated) : null);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        FindingsRenderer.WriteSummaryJson(writer, report);
        FindingsRenderer.WriteFindingsJson(writer, report);
        writer.WriteEndObject();
    }

    private static void WriteVector(Utf8JsonWriter writer, string name, SecurityLevelVector? vector)
    {
        if (vector is { } v)
        {
            writer.WriteString(name, v.ToString());
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
