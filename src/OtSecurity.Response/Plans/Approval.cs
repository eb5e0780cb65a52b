namespace OtSecurity.Response.Plans;

/// <summary>A person's approval of a plan step: who and when (from the engine's TimeProvider).</summary>
public sealed record Approval
{
    /// <summary>Who approved (a user name or an employee id).</summary>
    public required string Approver { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>What the approver said; optional.</summary>
    public string? Comment { get; init; }
}
