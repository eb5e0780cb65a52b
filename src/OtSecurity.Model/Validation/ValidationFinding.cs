namespace OtSecurity.Model.Validation;

/// <summary>One thing the validator found in a site model.</summary>
/// <param name="RuleId">The stable rule id, for example "OTS-CD-003" (see <see cref="ValidationRules"/>).</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Path">
/// Where in the model: JSON-style names with an id (<c>conduits[cnd-l4-l2]</c>) or, when the item has no
/// usable id, a 0-based index (<c>zones[3]</c>), for example <c>zones[zone-cell1].assetIds[2]</c>.
/// </param>
/// <param name="Message">What is wrong, in words a plant engineer understands.</param>
public sealed record ValidationFinding(string RuleId, FindingSeverity Severity, string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {RuleId} {Path}: {Message}";
}
