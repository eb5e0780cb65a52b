namespace OtSecurity.Response.Engine;

/// <summary>
/// The verdict on a plan step. Verdicts form a lattice ordered Automatic &lt; NeedsApproval &lt; Denied, and a
/// step's verdict is the highest of every contribution (the action's own, each policy's, the fail-safe's), so no
/// policy can lower what another decided.
/// </summary>
public enum ResponseVerdict
{
    /// <summary>May run without a person's approval.</summary>
    Automatic = 0,

    /// <summary>Runs only after the required number of distinct people approve it.</summary>
    NeedsApproval = 1,

    /// <summary>Never runs from this plan; approvals cannot change that.</summary>
    Denied = 2,
}
