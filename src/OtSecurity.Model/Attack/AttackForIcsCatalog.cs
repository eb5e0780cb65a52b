using System.Diagnostics.CodeAnalysis;
using System.Collections.Frozen;

namespace OtSecurity.Model.Attack;

/// <summary>
/// The MITRE ATT&amp;CK for ICS techniques (matrix v15/v16 ids, names and tactics) that the SDK's detections,
/// alerts and reports refer to.
/// </summary>
public static class AttackForIcsCatalog
{
    private static readonly FrozenDictionary<string, AttackTechnique> ById;

    static AttackForIcsCatalog()
    {
        All =
        [
        new("T0800", "Activate Firmware Update Mode", [AttackTactic.InhibitResponseFunction]),
        new("T0801", "Monitor Process State", [AttackTactic.Collection]),
        new("T0802", "Automated Collection", [AttackTactic.Collection]),
        new("T0803", "Block Command Message", [AttackTactic.InhibitResponseFunction]),
        new("T0804", "Block Reporting Message", [AttackTactic.InhibitResponseFunction]),
        new("T0805", "Block Serial COM", [AttackTactic.InhibitResponseFunction]),
        new("T0806", "Brute Force I/O", [AttackTactic.ImpairProcessControl]),
        new("T0807", "Command-Line Interface", [AttackTactic.Execution]),
        new("T0809", "Data Destruction", [AttackTactic.InhibitResponseFunction]),
        new("T0811", "Data from Information Repositories", [AttackTactic.Collection]),
        new("T0812", "Default Credentials", [AttackTactic.LateralMovement]),
        new("T0813", "Denial of Control", [AttackTactic.Impact]),
        new("T0814", "Denial of Service", [AttackTactic.InhibitResponseFunction]),
        new("T0815", "Denial of View", [AttackTactic.Impact]),
        new("T0816", "Device Restart/Shutdown", [AttackTactic.InhibitResponseFunction]),
        new("T0817", "Drive-by Compromise", [AttackTactic.InitialAccess]),
        new("T0819", "Exploit Public-Facing Application", [AttackTactic.InitialAccess]),
        new("T0820", "Exploitation for Evasion", [AttackTactic.Evasion]),
        new("T0821", "Modify Controller Tasking", [AttackTactic.Execution]),
        new("T0822", "External Remote Services", [AttackTactic.InitialAccess]),
        new("T0823", "Graphical User Interface", [AttackTactic.Execution]),
        new("T0826", "Loss of Availability", [AttackTactic.Impact]),
        new("T0827", "Loss of Control", [AttackTactic.Impact]),
        new("T0828", "Loss of Productivity and Revenue", [AttackTactic.Impact]),
        new("T0829", "Loss of View", [AttackTactic.Impact]),
        new("T0830", "Adversary-in-the-Middle", [AttackTactic.Collection]),
        new("T0831", "Manipulation of Control", [AttackTactic.Impact]),
        new("T0832", "Manipulation of View", [AttackTactic.Impact]),
        new("T0834", "Native API", [AttackTactic.Execution]),
        new("T0835", "Manipulate I/O Image", [AttackTactic.InhibitResponseFunction]),
        new("T0836", "Modify Parameter", [AttackTactic.ImpairProcessControl]),
        new("T0837", "Loss of Protection", [AttackTactic.Impact]),
        new("T0838", "Modify Alarm Settings", [AttackTactic.InhibitResponseFunction]),
        new("T0839", "Module Firmware", [AttackTactic.Persistence, AttackTactic.ImpairProcessControl]),
        new("T0840", "Network Connection Enumeration", [AttackTactic.Discovery]),
        new("T0842", "Network Sniffing", [AttackTactic.Discovery]),
        new("T0843", "Program Download", [AttackTactic.LateralMovement]),
        new("T0845", "Program Upload", [AttackTactic.Collection]),
        new("T0846", "Remote System Discovery", [AttackTactic.Discovery]),
        new("T0847", "Replication Through Removable Media", [AttackTactic.InitialAccess]),
        new("T0848", "Rogue Master", [AttackTactic.InitialAccess]),
        new("T0849", "Masquerading", [AttackTactic.Evasion]),
        new("T0851", "Rootkit", [AttackTactic.Evasion, AttackTactic.InhibitResponseFunction]),
        new("T0852", "Screen Capture", [AttackTactic.Collection]),
        new("T0853", "Scripting", [AttackTactic.Execution]),
        new("T0855", "Unauthorized Command Message", [AttackTactic.ImpairProcessControl]),
        new("T0856", "Spoof Reporting Message", [AttackTactic.Evasion, AttackTactic.ImpairProcessControl]),
        new("T0857", "System Firmware", [AttackTactic.Persistence, AttackTactic.InhibitResponseFunction]),
        new("T0858", "Change Operating Mode", [AttackTactic.Execution, AttackTactic.Evasion]),
        new("T0859", "Valid Accounts", [AttackTactic.Persistence, AttackTactic.LateralMovement]),
        new("T0860", "Wireless Compromise", [AttackTactic.InitialAccess]),
        new("T0861", "Point & Tag Identification", [AttackTactic.Collection]),
        new("T0862", "Supply Chain Compromise", [AttackTactic.InitialAccess]),
        new("T0863", "User Execution", [AttackTactic.Execution]),
        new("T0864", "Transient Cyber Asset", [AttackTactic.InitialAccess]),
        new("T0865", "Spearphishing Attachment", [AttackTactic.InitialAccess]),
        new("T0866", "Exploitation of Remote Services", [AttackTactic.InitialAccess, AttackTactic.LateralMovement]),
        new("T0867", "Lateral Tool Transfer", [AttackTactic.LateralMovement]),
        new("T0868", "Detect Operating Mode", [AttackTactic.Collection]),
        new("T0869", "Standard Application Layer Protocol", [AttackTactic.CommandAndControl]),
        new("T0871", "Execution through API", [AttackTactic.Execution]),
        new("T0872", "Indicator Removal on Host", [AttackTactic.Evasion]),
        new("T0873", "Project File Infection", [AttackTactic.Persistence]),
        new("T0874", "Hooking", [AttackTactic.Execution, AttackTactic.PrivilegeEscalation]),
        new("T0877", "I/O Module Discovery", [AttackTactic.Collection]),
        new("T0878", "Alarm Suppression", [AttackTactic.InhibitResponseFunction]),
        new("T0879", "Damage to Property", [AttackTactic.Impact]),
        new("T0880", "Loss of Safety", [AttackTactic.Impact]),
        new("T0881", "Service Stop", [AttackTactic.InhibitResponseFunction]),
        new("T0882", "Theft of Operational Information", [AttackTactic.Impact]),
        new("T0883", "Internet Accessible Device", [AttackTactic.InitialAccess]),
        new("T0884", "Connection Proxy", [AttackTactic.CommandAndControl]),
        new("T0885", "Commonly Used Port", [AttackTactic.CommandAndControl]),
        new("T0886", "Remote Services", [AttackTactic.InitialAccess, AttackTactic.LateralMovement]),
        new("T0887", "Wireless Sniffing", [AttackTactic.Discovery, AttackTactic.Collection]),
        new("T0888", "Remote System Information Discovery", [AttackTactic.Discovery]),
        new("T0889", "Modify Program", [AttackTactic.Persistence]),
        new("T0890", "Exploitation for Privilege Escalation", [AttackTactic.PrivilegeEscalation]),
        new("T0891", "Hardcoded Credentials", [AttackTactic.LateralMovement, AttackTactic.Persistence]),
        new("T0892", "Change Credential", [AttackTactic.InhibitResponseFunction]),
        new("T0893", "Data from Local System", [AttackTactic.Collection]),
        new("T0894", "System Binary Proxy Execution", [AttackTactic.Evasion]),
        new("T0895", "Autorun Image", [AttackTactic.Execution]),
        ];
        ById = All.ToFrozenDictionary(static t => t.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every technique in the catalog, by id.</summary>
    public static EquatableArray<AttackTechnique> All { get; }

    /// <summary>Finds a technique by id (case-insensitive, for example "T0855").</summary>
    /// <param name="id">The technique id.</param>
    /// <param name="technique">The technique, when found.</param>
    /// <returns>True when the catalog holds the technique.</returns>
    public static bool TryGet(string? id, [NotNullWhen(true)] out AttackTechnique? technique)
    {
        if (id is not null && ById.TryGetValue(id, out AttackTechnique? found))
        {
            technique = found;
            return true;
        }

        technique = null;
        return false;
    }

    /// <summary>The technique with id <paramref name="id"/>.</summary>
    /// <param name="id">The technique id.</param>
    /// <exception cref="KeyNotFoundException">The catalog has no such technique.</exception>
    public static AttackTechnique Get(string id) =>
        TryGet(id, out AttackTechnique? technique)
            ? technique
            : throw new KeyNotFoundException($"'{id}' is not an ATT&CK for ICS technique in the catalog.");

    /// <summary>The techniques that serve <paramref name="tactic"/>.</summary>
    /// <param name="tactic">The tactic.</param>
    public static IEnumerable<AttackTechnique> ForTactic(AttackTactic tactic) => All.Where(t => t.Tactics.Contains(tactic));
}
