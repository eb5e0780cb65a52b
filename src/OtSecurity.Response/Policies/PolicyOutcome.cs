namespace OtSecurity.Response.Policies;

/// <summary>What a policy decided about a step. The default value (0) is not a decision: the fail-safe treats it as one that was never made.</summary>
public enum PolicyOutcome
{
    /// <summary>The policy has nothing to say about this step (it does not apply).</summary>
    NotApplicable = 1,

    /// <summary>The policy lets the step run automatically.</summary>
    Automatic = 2,

    /// <summary>The policy requires people to approve the step.</summary>
    NeedsApproval = 3,

    /// <summary>The policy forbids the step.</summary>
    Denied = 4,
}
