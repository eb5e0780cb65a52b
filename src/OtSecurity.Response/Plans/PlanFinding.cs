namespace OtSecurity.Response.Plans;

/// <summary>Something about the input the engine wants the reader to know: an unknown asset, an unknown technique, a refusal.</summary>
/// <param name="RuleId">The rule id (OTR-INP-xxx, OTR-ENG-xxx).</param>
/// <param name="Message">What, where and why.</param>
public sealed record PlanFinding(string RuleId, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{RuleId}: {Message}";
}
