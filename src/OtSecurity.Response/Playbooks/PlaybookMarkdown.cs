using System.Globalization;
using System.Text;
using OtSecurity.Response.Engine;

namespace OtSecurity.Response.Playbooks;

/// <summary>Renders a <see cref="Playbook"/> as Markdown.</summary>
public static class PlaybookMarkdown
{
    /// <summary>The playbook as a Markdown document.</summary>
    /// <param name="playbook">The playbook.</param>
    public static string Render(Playbook playbook)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# OT incident response playbook — {playbook.SiteName}").AppendLine().AppendLine();
        md.Append(CultureInfo.InvariantCulture, $"Environment: {playbook.Environment}. Site model of {playbook.EvaluationDate:yyyy-MM-dd}. Time zone: {playbook.TimeZone ?? "UTC"}.").AppendLine();
        md.AppendLine(playbook.RestorationFirst
            ? "This site declares **restoration first**: production is restored before evidence is kept."
            : "Evidence is kept **before** restoration" + (playbook.RestorationFirstZones.IsEmpty ? "." : $", except in {string.Join(", ", playbook.RestorationFirstZones)}, which declare restoration first."));
        md.AppendLine();
        md.AppendLine("Ground rules: security response never acts on a safety instrumented system, a safety-related asset or an emergency-stop path; safe states and shutdowns are requests to operations, never automatic; nothing that removes an operator's view or control runs without approval; a policy that fails denies the action.");
        md.AppendLine();

        if (!playbook.Notes.IsEmpty)
        {
            md.AppendLine("## Gaps in the site model").AppendLine();
            foreach (string note in playbook.Notes)
            {
                md.Append("- ").AppendLine(Escape(note));
            }

            md.AppendLine();
        }

        md.AppendLine("## Whom to call").AppendLine();
        md.AppendLine("| Who | Contact | Role | Zones |");
        md.AppendLine("|---|---|---|---|");
        foreach (PlaybookContact contact in playbook.Contacts)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(contact.Who)} | {Cell(contact.Contact ?? "**none recorded**")} | {Cell(contact.Role)} | {Cell(string.Join(", ", contact.Zones))} |").AppendLine();
        }

        md.AppendLine().AppendLine("## Recovery order").AppendLine();
        foreach (RecoveryStage stage in playbook.RecoveryOrder)
        {
            md.Append(CultureInfo.InvariantCulture, $"{stage.Order}. **{stage.Title}** — {(stage.Assets.IsEmpty ? "nothing at this level" : string.Join(", ", stage.Assets))}").AppendLine();
            foreach (string step in stage.Steps)
            {
                md.Append("   - ").AppendLine(Escape(step));
            }
        }

        md.AppendLine().AppendLine("## Zones").AppendLine();
        foreach (ZonePlaybook zone in playbook.Zones)
        {
            WriteZone(md, zone);
        }

        md.AppendLine("## Techniques (MITRE ATT&CK for ICS)").AppendLine();
        foreach (TechniquePlaybook technique in playbook.Techniques)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {technique.TechniqueId} {technique.Name}").AppendLine().AppendLine();
            md.Append(CultureInfo.InvariantCulture, $"Tactics: {string.Join(", ", technique.Tactics)}. Response: {technique.Families}.").AppendLine().AppendLine();
            Section(md, "In this plant", technique.Exposure);
            Section(md, "Containment", technique.Containment);
            Section(md, "Evidence to keep", technique.Evidence);
            Section(md, "Recovery", technique.Recovery);
        }

        return md.ToString();
    }

    private static void WriteZone(StringBuilder md, ZonePlaybook zone)
    {
        md.Append(CultureInfo.InvariantCulture, $"### {zone.ZoneId} — {zone.Name} (Purdue {zone.PurdueLevel})").AppendLine().AppendLine();
        if (zone.HoldsSafety)
        {
            md.AppendLine("> **Safety zone.** Security response does not act here: every option that touches it is denied. Call the safety contacts below.").AppendLine();
        }

        md.Append("Maintenance windows: ").AppendLine(zone.MaintenanceWindows.IsEmpty ? "none declared (every disruptive action needs approval)." : string.Join("; ", zone.MaintenanceWindows) + ".");
        md.AppendLine();
        Section(md, "Assets", zone.Assets);
        Section(md, "Conduits", zone.Conduits);
        md.AppendLine("**Containment options** (as the engine judges them outside maintenance windows)").AppendLine();
        md.AppendLine("| Option | Verdict | Blast radius | Expected downtime cost | Constraints |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (ContainmentOption option in zone.Containment)
        {
            string verdict = option.Verdict switch
            {
                ResponseVerdict.Automatic => "automatic",
                ResponseVerdict.NeedsApproval => option.RequiredApprovals > 1 ? $"needs {option.RequiredApprovals} approvals" : "needs approval",
                _ => "**denied**",
            };
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(option.ActionName)} — `{option.Target}` | {verdict} | {Cell(option.Radius)} | {Cell(option.ExpectedDowntimeCost)} | {Cell(string.Join(" ", option.Constraints))} |").AppendLine();
        }

        md.AppendLine();
        Section(md, "Whom to call", zone.Call);
        Section(md, "Manual operation", zone.ManualFallbacks);
        Section(md, "Evidence to keep", zone.Evidence);
    }

    private static void Section(StringBuilder md, string title, IEnumerable<string> lines)
    {
        md.Append(CultureInfo.InvariantCulture, $"**{title}**").AppendLine().AppendLine();
        bool any = false;
        foreach (string line in lines)
        {
            any = true;
            md.Append("- ").AppendLine(Escape(line));
        }

        if (!any)
        {
            md.AppendLine("- none");
        }

        md.AppendLine();
    }

    private static string Cell(string text) => Escape(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Escape(string text) => text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
