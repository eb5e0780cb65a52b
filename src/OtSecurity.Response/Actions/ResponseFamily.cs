namespace OtSecurity.Response.Actions;

/// <summary>
/// The kinds of response an ATT&amp;CK for ICS technique calls for (<see cref="TechniqueResponseMap"/>); the
/// built-in actions propose themselves for the families they answer.
/// </summary>
[Flags]
public enum ResponseFamily
{
    /// <summary>No particular response beyond notification.</summary>
    None = 0,

    /// <summary>Discovery and collection: watch more closely and keep captures.</summary>
    Reconnaissance = 1,

    /// <summary>Traffic from or to outside the plant (initial access, command and control, exfiltration): block at the IT/OT boundary.</summary>
    FromOutside = 2,

    /// <summary>Remote services and accounts (vendor access, valid or default credentials): end sessions, disable accounts.</summary>
    RemoteAccess = 4,

    /// <summary>Credentials abused: disable the account.</summary>
    CredentialAbuse = 8,

    /// <summary>Movement between zones: isolate the conduits on the path, quarantine the source host.</summary>
    LateralMovement = 16,

    /// <summary>A compromised computer (execution, persistence, evasion): snapshot and quarantine it.</summary>
    HostCompromise = 32,

    /// <summary>Controller programs, firmware or modes changed: upload the program, restore the known-good one.</summary>
    ControllerTampering = 64,

    /// <summary>The process is being manipulated: ask operations for a safe state.</summary>
    ProcessManipulation = 128,

    /// <summary>Safety or protection is at stake: ask operations for a controlled shutdown.</summary>
    SafetyImpact = 256,
}
