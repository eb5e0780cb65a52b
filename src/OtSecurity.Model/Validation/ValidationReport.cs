namespace OtSecurity.Model.Validation;

/// <summary>What <see cref="SiteModelValidator"/> found: every finding, most severe first, then in model order.</summary>
/// <param name="Findings">The findings.</param>
public sealed record ValidationReport(EquatableArray<ValidationFinding> Findings)
{
    /// <summary>True when at least one finding has <see cref="FindingSeverity.Error"/> severity.</summary>
    public bool HasErrors => Findings.Any(static f => f.Severity == FindingSeverity.Error);

    /// <summary>The number of findings with <paramref name="severity"/>.</summary>
    /// <param name="severity">A severity.</param>
    public int Count(FindingSeverity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>The findings with <paramref name="severity"/>, in report order.</summary>
    /// <param name="severity">A severity.</param>
    public IEnumerable<ValidationFinding> WithSeverity(FindingSeverity severity) => Findings.Where(f => f.Severity == severity);

    /// <summary>The findings raised by rule <paramref name="ruleId"/>.</summary>
    /// <param name="ruleId">A rule id.</param>
    public IEnumerable<ValidationFinding> ForRule(string ruleId) => Findings.Where(f => string.Equals(f.RuleId, ruleId, StringComparison.Ordinal));
}
