namespace OtSecurity.Model.Assets;

/// <summary>The operating system an asset runs, with its vendor's end-of-support date.</summary>
public sealed record OperatingSystemInfo
{
    /// <summary>The product name, for example "Windows XP Professional" or "VxWorks".</summary>
    public required string Name { get; init; }

    /// <summary>The version or service pack, for example "SP3" or "6.9".</summary>
    public string? Version { get; init; }

    /// <summary>
    /// The date the vendor stopped (or will stop) shipping security fixes; null when not known.
    /// Whether the system is legacy is derived from this date and the site's evaluation date, never stated.
    /// </summary>
    public DateOnly? EndOfSupport { get; init; }

    /// <summary>True when <see cref="EndOfSupport"/> is known and earlier than <paramref name="evaluationDate"/>.</summary>
    /// <param name="evaluationDate">The date the site is evaluated on (<see cref="Sites.SiteModel.EvaluationDate"/>).</param>
    public bool IsPastEndOfSupport(DateOnly evaluationDate) => EndOfSupport is { } end && end < evaluationDate;

    /// <summary>The name and version, for example "Windows XP Professional SP3".</summary>
    public override string ToString() => Version is null ? Name : $"{Name} {Version}";
}
