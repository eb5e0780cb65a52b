namespace OtSecurity.Model.SecurityLevels;

/// <summary>
/// The seven foundational requirements of IEC 62443 (IEC 62443-1-1 §5, IEC 62443-3-3 clauses 5–11).
/// The numeric value is the FR number.
/// </summary>
public enum FoundationalRequirement
{
    /// <summary>FR 1, IAC: identification and authentication control.</summary>
    IdentificationAndAuthenticationControl = 1,

    /// <summary>FR 2, UC: use control.</summary>
    UseControl = 2,

    /// <summary>FR 3, SI: system integrity.</summary>
    SystemIntegrity = 3,

    /// <summary>FR 4, DC: data confidentiality.</summary>
    DataConfidentiality = 4,

    /// <summary>FR 5, RDF: restricted data flow.</summary>
    RestrictedDataFlow = 5,

    /// <summary>FR 6, TRE: timely response to events.</summary>
    TimelyResponseToEvents = 6,

    /// <summary>FR 7, RA: resource availability.</summary>
    ResourceAvailability = 7,
}

/// <summary>Names and abbreviations of the <see cref="FoundationalRequirement"/> values.</summary>
public static class FoundationalRequirements
{
    /// <summary>FR 1 to FR 7 in order.</summary>
    public static EquatableArray<FoundationalRequirement> All { get; } =
    [
        FoundationalRequirement.IdentificationAndAuthenticationControl,
        FoundationalRequirement.UseControl,
        FoundationalRequirement.SystemIntegrity,
        FoundationalRequirement.DataConfidentiality,
        FoundationalRequirement.RestrictedDataFlow,
        FoundationalRequirement.TimelyResponseToEvents,
        FoundationalRequirement.ResourceAvailability,
    ];

    /// <summary>The standard abbreviation: IAC, UC, SI, DC, RDF, TRE or RA.</summary>
    /// <param name="requirement">The requirement.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not FR 1–7.</exception>
    public static string GetAbbreviation(this FoundationalRequirement requirement) => requirement switch
    {
        FoundationalRequirement.IdentificationAndAuthenticationControl => "IAC",
        FoundationalRequirement.UseControl => "UC",
        FoundationalRequirement.SystemIntegrity => "SI",
        FoundationalRequirement.DataConfidentiality => "DC",
        FoundationalRequirement.RestrictedDataFlow => "RDF",
        FoundationalRequirement.TimelyResponseToEvents => "TRE",
        FoundationalRequirement.ResourceAvailability => "RA",
        _ => throw new ArgumentOutOfRangeException(nameof(requirement), requirement, "Not a foundational requirement (FR 1–7)."),
    };

    /// <summary>The full name as IEC 62443 writes it, for example "Identification and authentication control".</summary>
    /// <param name="requirement">The requirement.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not FR 1–7.</exception>
    public static string GetFullName(this FoundationalRequirement requirement) => requirement switch
    {
        FoundationalRequirement.IdentificationAndAuthenticationControl => "Identification and authentication control",
        FoundationalRequirement.UseControl => "Use control",
        FoundationalRequirement.SystemIntegrity => "System integrity",
        FoundationalRequirement.DataConfidentiality => "Data confidentiality",
        FoundationalRequirement.RestrictedDataFlow => "Restricted data flow",
        FoundationalRequirement.TimelyResponseToEvents => "Timely response to events",
        FoundationalRequirement.ResourceAvailability => "Resource availability",
        _ => throw new ArgumentOutOfRangeException(nameof(requirement), requirement, "Not a foundational requirement (FR 1–7)."),
    };

    /// <summary>The label "FR n", for example "FR 5".</summary>
    /// <param name="requirement">The requirement.</param>
    public static string GetLabel(this FoundationalRequirement requirement) =>
        requirement is >= FoundationalRequirement.IdentificationAndAuthenticationControl and <= FoundationalRequirement.ResourceAvailability
            ? $"FR {(int)requirement}"
            : throw new ArgumentOutOfRangeException(nameof(requirement), requirement, "Not a foundational requirement (FR 1–7).");

    /// <summary>Finds the requirement for an abbreviation (IAC, UC, SI, DC, RDF, TRE, RA; case-insensitive).</summary>
    /// <param name="abbreviation">The abbreviation.</param>
    /// <param name="requirement">The requirement, when found.</param>
    /// <returns>True when <paramref name="abbreviation"/> names a requirement.</returns>
    public static bool TryParseAbbreviation(ReadOnlySpan<char> abbreviation, out FoundationalRequirement requirement)
    {
        foreach (FoundationalRequirement candidate in All)
        {
            if (abbreviation.Equals(candidate.GetAbbreviation(), StringComparison.OrdinalIgnoreCase))
            {
                requirement = candidate;
                return true;
            }
        }

        requirement = default;
        return false;
    }
}
