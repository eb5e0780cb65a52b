namespace OtSecurity.Model.Assets;

/// <summary>The part an asset plays in protecting people, plant and environment (IEC 61508 / IEC 61511).</summary>
public enum SafetyRole
{
    /// <summary>No safety role.</summary>
    None = 0,

    /// <summary>Safety-related: supports a safety function (for example a safety network switch) without executing it.</summary>
    SafetyRelated,

    /// <summary>Executes a safety instrumented function (SIS logic solver, safety PLC, safety I/O).</summary>
    SafetyInstrumentedFunction,

    /// <summary>Part of an emergency-stop path.</summary>
    EmergencyStop,
}

/// <summary>Helpers for <see cref="SafetyRole"/>.</summary>
public static class SafetyRoles
{
    /// <summary>
    /// True for the roles that execute a safety function (<see cref="SafetyRole.SafetyInstrumentedFunction"/>,
    /// <see cref="SafetyRole.EmergencyStop"/>): assets no automated response may ever touch.
    /// </summary>
    /// <param name="role">The role.</param>
    public static bool IsSafetyFunction(this SafetyRole role) =>
        role is SafetyRole.SafetyInstrumentedFunction or SafetyRole.EmergencyStop;
}
