namespace OtSecurity.Model.Attack;

/// <summary>The tactics of MITRE ATT&amp;CK for ICS: the adversary's goal behind a technique.</summary>
public enum AttackTactic
{
    /// <summary>TA0108 Initial Access.</summary>
    InitialAccess,

    /// <summary>TA0104 Execution.</summary>
    Execution,

    /// <summary>TA0110 Persistence.</summary>
    Persistence,

    /// <summary>TA0111 Privilege Escalation.</summary>
    PrivilegeEscalation,

    /// <summary>TA0103 Evasion.</summary>
    Evasion,

    /// <summary>TA0102 Discovery.</summary>
    Discovery,

    /// <summary>TA0109 Lateral Movement.</summary>
    LateralMovement,

    /// <summary>TA0100 Collection.</summary>
    Collection,

    /// <summary>TA0101 Command and Control.</summary>
    CommandAndControl,

    /// <summary>TA0107 Inhibit Response Function.</summary>
    InhibitResponseFunction,

    /// <summary>TA0106 Impair Process Control.</summary>
    ImpairProcessControl,

    /// <summary>TA0105 Impact.</summary>
    Impact,
}

/// <summary>Ids and names of the <see cref="AttackTactic"/> values.</summary>
public static class AttackTactics
{
    /// <summary>The MITRE tactic id, for example "TA0106".</summary>
    /// <param name="tactic">The tactic.</param>
    public static string GetId(this AttackTactic tactic) => tactic switch
    {
        AttackTactic.InitialAccess => "TA0108",
        AttackTactic.Execution => "TA0104",
        AttackTactic.Persistence => "TA0110",
        AttackTactic.PrivilegeEscalation => "TA0111",
        AttackTactic.Evasion => "TA0103",
        AttackTactic.Discovery => "TA0102",
        AttackTactic.LateralMovement => "TA0109",
        AttackTactic.Collection => "TA0100",
        AttackTactic.CommandAndControl => "TA0101",
        AttackTactic.InhibitResponseFunction => "TA0107",
        AttackTactic.ImpairProcessControl => "TA0106",
        AttackTactic.Impact => "TA0105",
        _ => throw new ArgumentOutOfRangeException(nameof(tactic), tactic, "Not an ATT&CK for ICS tactic."),
    };

    /// <summary>The MITRE tactic name, for example "Impair Process Control".</summary>
    /// <param name="tactic">The tactic.</param>
    public static string GetName(this AttackTactic tactic) => tactic switch
    {
        AttackTactic.InitialAccess => "Initial Access",
        AttackTactic.Execution => "Execution",
        AttackTactic.Persistence => "Persistence",
        AttackTactic.PrivilegeEscalation => "Privilege Escalation",
        AttackTactic.Evasion => "Evasion",
        AttackTactic.Discovery => "Discovery",
        AttackTactic.LateralMovement => "Lateral Movement",
        AttackTactic.Collection => "Collection",
        AttackTactic.CommandAndControl => "Command and Control",
        AttackTactic.InhibitResponseFunction => "Inhibit Response Function",
        AttackTactic.ImpairProcessControl => "Impair Process Control",
        AttackTactic.Impact => "Impact",
        _ => throw new ArgumentOutOfRangeException(nameof(tactic), tactic, "Not an ATT&CK for ICS tactic."),
    };
}
