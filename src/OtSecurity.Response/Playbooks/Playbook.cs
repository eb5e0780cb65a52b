using OtSecurity.Model;
using OtSecurity.Model.Sites;
using OtSecurity.Response.Actions;
using OtSecurity.Response.Engine;

namespace OtSecurity.Response.Playbooks;

/// <summary>
/// OT incident-response steps for one site, generated from its model (<see cref="PlaybookGenerator"/>): whom to
/// call, the recovery order, and per zone and per ATT&amp;CK for ICS technique the containment options with
/// their constraints, manual-operation fallbacks and the evidence to keep. Render it with
/// <see cref="PlaybookMarkdown"/>.
/// </summary>
public sealed record Playbook
{
    /// <summary>The site name.</summary>
    public required string SiteName { get; init; }

    /// <summary>The site's environment class.</summary>
    public required EnvironmentClass Environment { get; init; }

    /// <summary>The date the site model describes.</summary>
    public required DateOnly EvaluationDate { get; init; }

    /// <summary>The site's time zone (null: UTC).</summary>
    public string? TimeZone { get; init; }

    /// <summary>True when the site declares restoration first (evidence is kept after restoration).</summary>
    public bool RestorationFirst { get; init; }

    /// <summary>Zones that declare restoration first.</summary>
    public EquatableArray<string> RestorationFirstZones { get; init; }

    /// <summary>Whom to call.</summary>
    public EquatableArray<PlaybookContact> Contacts { get; init; }

    /// <summary>The recovery order, safety first.</summary>
    public EquatableArray<RecoveryStage> RecoveryOrder { get; init; }

    /// <summary>The steps per zone, in site order.</summary>
    public EquatableArray<ZonePlaybook> Zones { get; init; }

    /// <summary>The steps per technique, in id order.</summary>
    public EquatableArray<TechniquePlaybook> Techniques { get; init; }

    /// <summary>Notes about the model (structural errors, missing contacts, missing windows).</summary>
    public EquatableArray<string> Notes { get; init; }
}

/// <summary>Someone to call.</summary>
/// <param name="Who">The vendor, team or support line.</param>
/// <param name="Contact">How to reach them (null when the model does not say: a gap to fix).</param>
/// <param name="Role">Why to call them ("vendor, remote access JumpHost to zone-ops, zone-cell1").</param>
/// <param name="Assets">The assets they support.</param>
/// <param name="Zones">The zones they reach or support.</param>
public sealed record PlaybookContact(string Who, string? Contact, string Role, EquatableArray<string> Assets, EquatableArray<string> Zones);

/// <summary>One stage of the recovery order.</summary>
/// <param name="Order">The stage number, from 1.</param>
/// <param name="Title">What the stage restores.</param>
/// <param name="Assets">The assets of the stage, in site order.</param>
/// <param name="Steps">What to do, in order.</param>
public sealed record RecoveryStage(int Order, string Title, EquatableArray<string> Assets, EquatableArray<string> Steps);

/// <summary>A containment option for a zone, as the engine judges it (maintenance windows stated as a constraint).</summary>
/// <param name="StepId">The step id ("action@kind:id").</param>
/// <param name="ActionName">The action's name.</param>
/// <param name="Target">What it acts on.</param>
/// <param name="Verdict">The engine's verdict outside maintenance windows.</param>
/// <param name="RequiredApprovals">Approvals needed when <paramref name="Verdict"/> is NeedsApproval.</param>
/// <param name="Constraints">Why, and what limits it (rule id: reason), plus the maintenance windows.</param>
/// <param name="Radius">A one-line summary of its blast radius.</param>
/// <param name="ExpectedDowntimeCost">Its expected downtime cost, as text.</param>
public sealed record ContainmentOption(string StepId, string ActionName, ActionTarget Target, ResponseVerdict Verdict, int RequiredApprovals, EquatableArray<string> Constraints, string Radius, string ExpectedDowntimeCost);

/// <summary>The incident-response steps for one zone.</summary>
public sealed record ZonePlaybook
{
    /// <summary>The zone id.</summary>
    public required string ZoneId { get; init; }

    /// <summary>The zone name.</summary>
    public required string Name { get; init; }

    /// <summary>The Purdue level as engineers write it ("1", "3.5").</summary>
    public required string PurdueLevel { get; init; }

    /// <summary>True when the zone holds a safety function or a safety-related asset.</summary>
    public bool HoldsSafety { get; init; }

    /// <summary>The assets, one line each ("c1-plc — PLC, line-1").</summary>
    public EquatableArray<string> Assets { get; init; }

    /// <summary>The conduits, one line each.</summary>
    public EquatableArray<string> Conduits { get; init; }

    /// <summary>The maintenance windows, as text; empty when none are declared.</summary>
    public EquatableArray<string> MaintenanceWindows { get; init; }

    /// <summary>The containment options, as the engine judges them.</summary>
    public EquatableArray<ContainmentOption> Containment { get; init; }

    /// <summary>Whom to call for this zone.</summary>
    public EquatableArray<string> Call { get; init; }

    /// <summary>How to keep operating by hand when the zone's systems are lost or isolated.</summary>
    public EquatableArray<string> ManualFallbacks { get; init; }

    /// <summary>What evidence to keep, in order.</summary>
    public EquatableArray<string> Evidence { get; init; }
}

/// <summary>The incident-response steps for one ATT&amp;CK for ICS technique at this site.</summary>
public sealed record TechniquePlaybook
{
    /// <summary>The technique id.</summary>
    public required string TechniqueId { get; init; }

    /// <summary>The technique name.</summary>
    public required string Name { get; init; }

    /// <summary>The tactics, by name.</summary>
    public EquatableArray<string> Tactics { get; init; }

    /// <summary>The kinds of response the technique calls for.</summary>
    public ResponseFamily Families { get; init; }

    /// <summary>Where the technique could land in this plant (assets, vendors, conduits).</summary>
    public EquatableArray<string> Exposure { get; init; }

    /// <summary>The containment options and their constraints.</summary>
    public EquatableArray<string> Containment { get; init; }

    /// <summary>What evidence to keep.</summary>
    public EquatableArray<string> Evidence { get; init; }

    /// <summary>How to recover.</summary>
    public EquatableArray<string> Recovery { get; init; }
}
