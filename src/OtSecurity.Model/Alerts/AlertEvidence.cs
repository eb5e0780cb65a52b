namespace OtSecurity.Model.Alerts;

/// <summary>
/// One piece of evidence behind an alert, as a named value, for example
/// <c>flow</c> = <c>10.10.30.21:50512 → 10.10.51.11:502/tcp</c> or <c>frames</c> = <c>1412,1415</c>.
/// </summary>
public sealed record AlertEvidence
{
    /// <summary>What the value is, in lower camelCase: "flow", "frames", "function", "value", "session", ...</summary>
    public required string Name { get; init; }

    /// <summary>The value as text.</summary>
    public required string Value { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Value}";
}
