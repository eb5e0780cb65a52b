namespace OtSecurity.Model.SecurityLevels;

/// <summary>
/// An IEC 62443 security level (IEC 62443-3-3 §4.2): how strong an attacker a zone or system must resist.
/// The numeric value is the level, so levels compare with the usual operators.
/// </summary>
public enum SecurityLevel
{
    /// <summary>SL 0: no specific requirements or security protection necessary.</summary>
    SL0 = 0,

    /// <summary>SL 1: protection against casual or coincidental violation.</summary>
    SL1 = 1,

    /// <summary>SL 2: protection against intentional violation using simple means with low resources, generic skills and low motivation.</summary>
    SL2 = 2,

    /// <summary>SL 3: protection against intentional violation using sophisticated means with moderate resources, IACS-specific skills and moderate motivation.</summary>
    SL3 = 3,

    /// <summary>SL 4: protection against intentional violation using sophisticated means with extended resources, IACS-specific skills and high motivation.</summary>
    SL4 = 4,
}
