namespace OtSecurity.Model.Validation;

/// <summary>A validation rule: its stable id, its severity and what it checks (docs/validation-rules.md explains each).</summary>
/// <param name="Id">The stable rule id, <c>OTS-&lt;AREA&gt;-NNN</c>.</param>
/// <param name="Severity">The severity of every finding the rule raises.</param>
/// <param name="Title">What the rule finds, in one line.</param>
public sealed record ValidationRule(string Id, FindingSeverity Severity, string Title)
{
    /// <summary>Creates a finding of this rule.</summary>
    /// <param name="path">Where in the model.</param>
    /// <param name="message">What is wrong, for a plant engineer.</param>
    public ValidationFinding At(string path, string message) => new(Id, Severity, path, message);
}

/// <summary>
/// Every rule <see cref="SiteModelValidator"/> applies. Rule ids are stable: a rule may be retired, but its id is
/// never reused for a different check. Areas: ID identity and references, ZN zone membership, SF safety,
/// CD conduits, SL security levels, AG air gaps, AS assets, VD vendors, TW time windows, SITE the site itself.
/// </summary>
public static class ValidationRules
{
    /// <summary>OTS-ID-001 (error): An item has no id.</summary>
    public static ValidationRule IdMissing { get; } = new("OTS-ID-001", FindingSeverity.Error, "An item has no id.");

    /// <summary>OTS-ID-002 (error): Two items of the same list share an id.</summary>
    public static ValidationRule IdDuplicate { get; } = new("OTS-ID-002", FindingSeverity.Error, "Two items of the same list share an id.");

    /// <summary>OTS-ID-003 (error): A reference names an id that does not exist.</summary>
    public static ValidationRule UnknownReference { get; } = new("OTS-ID-003", FindingSeverity.Error, "A reference names an id that does not exist.");

    /// <summary>OTS-ID-004 (error): A list holds an empty (null) entry.</summary>
    public static ValidationRule NullEntry { get; } = new("OTS-ID-004", FindingSeverity.Error, "A list holds an empty (null) entry.");

    /// <summary>OTS-ZN-001 (error): An asset belongs to no zone.</summary>
    public static ValidationRule AssetInNoZone { get; } = new("OTS-ZN-001", FindingSeverity.Error, "An asset belongs to no zone.");

    /// <summary>OTS-ZN-002 (error): An asset is listed in more than one zone (or twice in one).</summary>
    public static ValidationRule AssetInSeveralZones { get; } = new("OTS-ZN-002", FindingSeverity.Error, "An asset is listed in more than one zone (or twice in one).");

    /// <summary>OTS-SF-001 (error): A safety asset shares its zone with non-safety assets.</summary>
    public static ValidationRule SafetyZoneShared { get; } = new("OTS-SF-001", FindingSeverity.Error, "A safety asset shares its zone with non-safety assets.");

    /// <summary>OTS-SF-002 (error): A wireless channel reaches a safety zone.</summary>
    public static ValidationRule WirelessIntoSafetyZone { get; } = new("OTS-SF-002", FindingSeverity.Error, "A wireless channel reaches a safety zone.");

    /// <summary>OTS-SF-003 (warning): A safety controller has no safety role.</summary>
    public static ValidationRule SafetyControllerWithoutRole { get; } = new("OTS-SF-003", FindingSeverity.Warning, "A safety controller has no safety role.");

    /// <summary>OTS-CD-001 (error): A conduit connects a zone to itself.</summary>
    public static ValidationRule ConduitToItself { get; } = new("OTS-CD-001", FindingSeverity.Error, "A conduit connects a zone to itself.");

    /// <summary>OTS-CD-002 (error): A conduit end names a zone that does not exist.</summary>
    public static ValidationRule ConduitUnknownZone { get; } = new("OTS-CD-002", FindingSeverity.Error, "A conduit end names a zone that does not exist.");

    /// <summary>OTS-CD-003 (error): An enterprise zone (Purdue 4–5) connects straight to a control zone (Purdue 0–2) without a DMZ.</summary>
    public static ValidationRule EnterpriseToControlWithoutDmz { get; } = new("OTS-CD-003", FindingSeverity.Error, "An enterprise zone (Purdue 4–5) connects straight to a control zone (Purdue 0–2) without a DMZ.");

    /// <summary>OTS-CD-004 (error): Segmentation between an IT zone and an OT zone is weaker than a firewall.</summary>
    public static ValidationRule ItOtBelowFirewall { get; } = new("OTS-CD-004", FindingSeverity.Error, "Segmentation between an IT zone and an OT zone is weaker than a firewall.");

    /// <summary>OTS-CD-005 (error): An allowed flow is initiated by a zone the conduit does not connect.</summary>
    public static ValidationRule FlowInitiatorNotAnEnd { get; } = new("OTS-CD-005", FindingSeverity.Error, "An allowed flow is initiated by a zone the conduit does not connect.");

    /// <summary>OTS-CD-006 (error): An allowed flow's port is outside 1–65535.</summary>
    public static ValidationRule FlowPortOutOfRange { get; } = new("OTS-CD-006", FindingSeverity.Error, "An allowed flow's port is outside 1–65535.");

    /// <summary>OTS-SL-001 (warning): The achieved security level (SL-A) is below the target (SL-T) for a foundational requirement.</summary>
    public static ValidationRule AchievedBelowTarget { get; } = new("OTS-SL-001", FindingSeverity.Warning, "The achieved security level (SL-A) is below the target (SL-T) for a foundational requirement.");

    /// <summary>OTS-SL-002 (warning): The capability security level (SL-C) is below the target (SL-T) for a foundational requirement.</summary>
    public static ValidationRule CapabilityBelowTarget { get; } = new("OTS-SL-002", FindingSeverity.Warning, "The capability security level (SL-C) is below the target (SL-T) for a foundational requirement.");

    /// <summary>OTS-SL-003 (info): A zone has no target security level (SL-T).</summary>
    public static ValidationRule NoTarget { get; } = new("OTS-SL-003", FindingSeverity.Info, "A zone has no target security level (SL-T).");

    /// <summary>OTS-SL-004 (info): A zone with a target has no achieved security level (SL-A) assessment.</summary>
    public static ValidationRule NoAchievedAssessment { get; } = new("OTS-SL-004", FindingSeverity.Info, "A zone with a target has no achieved security level (SL-A) assessment.");

    /// <summary>OTS-AG-001 (error): A zone declared air-gapped has a wired network conduit.</summary>
    public static ValidationRule AirGapNetworkConduit { get; } = new("OTS-AG-001", FindingSeverity.Error, "A zone declared air-gapped has a wired network conduit.");

    /// <summary>OTS-AG-002 (error): A zone declared air-gapped is reachable by vendor remote access.</summary>
    public static ValidationRule AirGapVendorAccess { get; } = new("OTS-AG-002", FindingSeverity.Error, "A zone declared air-gapped is reachable by vendor remote access.");

    /// <summary>OTS-AG-003 (warning): A zone declared air-gapped exchanges removable media.</summary>
    public static ValidationRule AirGapRemovableMedia { get; } = new("OTS-AG-003", FindingSeverity.Warning, "A zone declared air-gapped exchanges removable media.");

    /// <summary>OTS-AG-004 (error): A zone declared air-gapped has a temporary connection.</summary>
    public static ValidationRule AirGapTemporaryConnection { get; } = new("OTS-AG-004", FindingSeverity.Error, "A zone declared air-gapped has a temporary connection.");

    /// <summary>OTS-AG-005 (error): A zone declared air-gapped has a wireless path.</summary>
    public static ValidationRule AirGapWireless { get; } = new("OTS-AG-005", FindingSeverity.Error, "A zone declared air-gapped has a wireless path.");

    /// <summary>OTS-AS-001 (warning): A legacy asset (past end of support) sits in a zone with SL-T 2 or higher and no compensating control.</summary>
    public static ValidationRule LegacyWithoutCompensation { get; } = new("OTS-AS-001", FindingSeverity.Warning, "A legacy asset (past end of support) sits in a zone with SL-T 2 or higher and no compensating control.");

    /// <summary>OTS-AS-002 (warning): Two assets have the same IP address.</summary>
    public static ValidationRule DuplicateIpAddress { get; } = new("OTS-AS-002", FindingSeverity.Warning, "Two assets have the same IP address.");

    /// <summary>OTS-AS-003 (error): A network interface names a VLAN outside 1–4094.</summary>
    public static ValidationRule VlanOutOfRange { get; } = new("OTS-AS-003", FindingSeverity.Error, "A network interface names a VLAN outside 1–4094.");

    /// <summary>OTS-VD-001 (warning): A vendor uses a shared account.</summary>
    public static ValidationRule VendorSharedAccount { get; } = new("OTS-VD-001", FindingSeverity.Warning, "A vendor uses a shared account.");

    /// <summary>OTS-VD-002 (warning): A vendor's credentials have never been rotated.</summary>
    public static ValidationRule VendorNeverRotated { get; } = new("OTS-VD-002", FindingSeverity.Warning, "A vendor's credentials have never been rotated.");

    /// <summary>OTS-VD-003 (warning): A vendor has remote access without an access window.</summary>
    public static ValidationRule VendorAlwaysOn { get; } = new("OTS-VD-003", FindingSeverity.Warning, "A vendor has remote access without an access window.");

    /// <summary>OTS-VD-004 (warning): A vendor's credentials were last rotated more than a year before the evaluation date.</summary>
    public static ValidationRule VendorStaleCredentials { get; } = new("OTS-VD-004", FindingSeverity.Warning, "A vendor's credentials were last rotated more than a year before the evaluation date.");

    /// <summary>OTS-VD-005 (warning): A vendor has remote access but no allowed zones.</summary>
    public static ValidationRule VendorNoScope { get; } = new("OTS-VD-005", FindingSeverity.Warning, "A vendor has remote access but no allowed zones.");

    /// <summary>OTS-TW-001 (error): A maintenance or access window lists no days.</summary>
    public static ValidationRule WindowNeverOpens { get; } = new("OTS-TW-001", FindingSeverity.Error, "A maintenance or access window lists no days.");

    /// <summary>OTS-SITE-001 (warning): The site's time zone is not known on this machine.</summary>
    public static ValidationRule UnknownTimeZone { get; } = new("OTS-SITE-001", FindingSeverity.Warning, "The site's time zone is not known on this machine.");

    /// <summary>Every rule, in id order within each area.</summary>
    public static EquatableArray<ValidationRule> All { get; } =
    [
        IdMissing,
        IdDuplicate,
        UnknownReference,
        NullEntry,
        AssetInNoZone,
        AssetInSeveralZones,
        SafetyZoneShared,
        WirelessIntoSafetyZone,
        SafetyControllerWithoutRole,
        ConduitToItself,
        ConduitUnknownZone,
        EnterpriseToControlWithoutDmz,
        ItOtBelowFirewall,
        FlowInitiatorNotAnEnd,
        FlowPortOutOfRange,
        AchievedBelowTarget,
        CapabilityBelowTarget,
        NoTarget,
        NoAchievedAssessment,
        AirGapNetworkConduit,
        AirGapVendorAccess,
        AirGapRemovableMedia,
        AirGapTemporaryConnection,
        AirGapWireless,
        LegacyWithoutCompensation,
        DuplicateIpAddress,
        VlanOutOfRange,
        VendorSharedAccount,
        VendorNeverRotated,
        VendorAlwaysOn,
        VendorStaleCredentials,
        VendorNoScope,
        WindowNeverOpens,
        UnknownTimeZone,
    ];

    /// <summary>Finds a rule by id.</summary>
    /// <param name="id">A rule id such as "OTS-CD-003".</param>
    public static ValidationRule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
}
