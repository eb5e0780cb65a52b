using System.Collections.Frozen;
using OtSecurity.Model.Attack;

namespace OtSecurity.Response.Actions;

/// <summary>
/// Which kinds of response each MITRE ATT&amp;CK for ICS technique calls for. Techniques listed here get their
/// families from the table; any other technique of the catalog gets them from its tactics.
/// </summary>
public static class TechniqueResponseMap
{
    private static readonly FrozenDictionary<string, ResponseFamily> Table = new Dictionary<string, ResponseFamily>(StringComparer.OrdinalIgnoreCase)
    {
        // Initial access and command and control from outside the plant.
        ["T0817"] = ResponseFamily.FromOutside | ResponseFamily.HostCompromise,        // Drive-by Compromise
        ["T0819"] = ResponseFamily.FromOutside,                                         // Exploit Public-Facing Application
        ["T0883"] = ResponseFamily.FromOutside,                                         // Internet Accessible Device
        ["T0865"] = ResponseFamily.FromOutside | ResponseFamily.HostCompromise,         // Spearphishing Attachment
        ["T0869"] = ResponseFamily.FromOutside,                                         // Standard Application Layer Protocol
        ["T0884"] = ResponseFamily.FromOutside | ResponseFamily.HostCompromise,         // Connection Proxy
        ["T0885"] = ResponseFamily.FromOutside,                                         // Commonly Used Port
        ["T0882"] = ResponseFamily.FromOutside,                                         // Theft of Operational Information
        ["T0862"] = ResponseFamily.HostCompromise,                                      // Supply Chain Compromise

        // Remote services and accounts.
        ["T0822"] = ResponseFamily.RemoteAccess | ResponseFamily.FromOutside,           // External Remote Services
        ["T0886"] = ResponseFamily.RemoteAccess | ResponseFamily.LateralMovement,       // Remote Services
        ["T0859"] = ResponseFamily.RemoteAccess | ResponseFamily.CredentialAbuse,       // Valid Accounts
        ["T0812"] = ResponseFamily.RemoteAccess | ResponseFamily.CredentialAbuse,       // Default Credentials
        ["T0891"] = ResponseFamily.RemoteAccess | ResponseFamily.CredentialAbuse,       // Hardcoded Credentials
        ["T0866"] = ResponseFamily.RemoteAccess | ResponseFamily.LateralMovement,       // Exploitation of Remote Services
        ["T0892"] = ResponseFamily.CredentialAbuse | ResponseFamily.ControllerTampering, // Change Credential

        // Lateral movement into control.
        ["T0843"] = ResponseFamily.LateralMovement | ResponseFamily.ControllerTampering | ResponseFamily.ProcessManipulation, // Program Download
        ["T0867"] = ResponseFamily.LateralMovement | ResponseFamily.HostCompromise,     // Lateral Tool Transfer
        ["T0848"] = ResponseFamily.LateralMovement | ResponseFamily.ProcessManipulation, // Rogue Master
        ["T0830"] = ResponseFamily.LateralMovement | ResponseFamily.ProcessManipulation, // Adversary-in-the-Middle
        ["T0847"] = ResponseFamily.HostCompromise,                                      // Replication Through Removable Media
        ["T0864"] = ResponseFamily.HostCompromise | ResponseFamily.LateralMovement,     // Transient Cyber Asset

        // Controller programs, firmware and modes.
        ["T0889"] = ResponseFamily.ControllerTampering | ResponseFamily.ProcessManipulation, // Modify Program
        ["T0821"] = ResponseFamily.ControllerTampering | ResponseFamily.ProcessManipulation, // Modify Controller Tasking
        ["T0839"] = ResponseFamily.ControllerTampering,                                 // Module Firmware
        ["T0857"] = ResponseFamily.ControllerTampering,                                 // System Firmware
        ["T0800"] = ResponseFamily.ControllerTampering,                                 // Activate Firmware Update Mode
        ["T0858"] = ResponseFamily.ControllerTampering | ResponseFamily.ProcessManipulation, // Change Operating Mode
        ["T0873"] = ResponseFamily.ControllerTampering | ResponseFamily.HostCompromise, // Project File Infection
        ["T0845"] = ResponseFamily.Reconnaissance,                                      // Program Upload

        // Process manipulation.
        ["T0855"] = ResponseFamily.ProcessManipulation,                                 // Unauthorized Command Message
        ["T0836"] = ResponseFamily.ProcessManipulation | ResponseFamily.ControllerTampering, // Modify Parameter
        ["T0831"] = ResponseFamily.ProcessManipulation,                                 // Manipulation of Control
        ["T0806"] = ResponseFamily.ProcessManipulation,                                 // Brute Force I/O
        ["T0835"] = ResponseFamily.ProcessManipulation,                                 // Manipulate I/O Image
        ["T0856"] = ResponseFamily.ProcessManipulation,                                 // Spoof Reporting Message
        ["T0832"] = ResponseFamily.ProcessManipulation,                                 // Manipulation of View
        ["T0838"] = ResponseFamily.ProcessManipulation,                                 // Modify Alarm Settings
        ["T0878"] = ResponseFamily.ProcessManipulation,                                 // Alarm Suppression
        ["T0803"] = ResponseFamily.ProcessManipulation,                                 // Block Command Message
        ["T0804"] = ResponseFamily.ProcessManipulation,                                 // Block Reporting Message
        ["T0816"] = ResponseFamily.ProcessManipulation,                                 // Device Restart/Shutdown

        // Safety and protection.
        ["T0880"] = ResponseFamily.SafetyImpact | ResponseFamily.ProcessManipulation,   // Loss of Safety
        ["T0837"] = ResponseFamily.SafetyImpact | ResponseFamily.ProcessManipulation,   // Loss of Protection
        ["T0879"] = ResponseFamily.SafetyImpact,                                        // Damage to Property
        ["T0813"] = ResponseFamily.SafetyImpact | ResponseFamily.ProcessManipulation,   // Denial of Control
        ["T0827"] = ResponseFamily.SafetyImpact | ResponseFamily.ProcessManipulation,   // Loss of Control
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The technique ids with an explicit entry, in id order.</summary>
    public static IEnumerable<string> MappedTechniques => Table.Keys.Order(StringComparer.Ordinal);

    /// <summary>The kinds of response a technique calls for; <see cref="ResponseFamily.None"/> for an id not in the catalog.</summary>
    /// <param name="techniqueId">A technique id, for example "T0843".</param>
    public static ResponseFamily For(string? techniqueId)
    {
        if (techniqueId is null)
        {
            return ResponseFamily.None;
        }

        if (Table.TryGetValue(techniqueId, out ResponseFamily family))
        {
            return family;
        }

        if (!AttackForIcsCatalog.TryGet(techniqueId, out AttackTechnique? technique))
        {
            return ResponseFamily.None;
        }

        ResponseFamily fromTactics = ResponseFamily.None;
        foreach (AttackTactic tactic in technique.Tactics)
        {
            fromTactics |= ForTactic(tactic);
        }

        return fromTactics;
    }

    /// <summary>The kinds of response a tactic calls for when a technique has no entry of its own.</summary>
    /// <param name="tactic">The tactic.</param>
    public static ResponseFamily ForTactic(AttackTactic tactic) => tactic switch
    {
        AttackTactic.InitialAccess => ResponseFamily.FromOutside,
        AttackTactic.CommandAndControl => ResponseFamily.FromOutside,
        AttackTactic.Execution or AttackTactic.Persistence or AttackTactic.Evasion or AttackTactic.PrivilegeEscalation => ResponseFamily.HostCompromise,
        AttackTactic.LateralMovement => ResponseFamily.LateralMovement,
        AttackTactic.Discovery or AttackTactic.Collection => ResponseFamily.Reconnaissance,
        AttackTactic.InhibitResponseFunction => ResponseFamily.ProcessManipulation,
        AttackTactic.ImpairProcessControl => ResponseFamily.ProcessManipulation,
        AttackTactic.Impact => ResponseFamily.SafetyImpact,
        _ => ResponseFamily.None,
    };
}
