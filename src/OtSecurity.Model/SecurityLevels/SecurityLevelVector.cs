using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace OtSecurity.Model.SecurityLevels;

/// <summary>
/// A security level for each of the seven foundational requirements (IEC 62443-3-3 §4.2, the "SL vector").
/// Zones carry three: the target (SL-T), the achieved (SL-A) and the capability (SL-C) vector.
/// </summary>
/// <remarks>
/// <para>
/// The text form lists the seven requirements by abbreviation, in FR order, as <c>ABBR:LEVEL</c> pairs
/// separated by commas: <c>IAC:2,UC:2,SI:2,DC:1,RDF:2,TRE:2,RA:1</c>. <see cref="ToString"/> always writes
/// that canonical form. <see cref="TryParse(string?, out SecurityLevelVector, out string?)"/> also accepts
/// the pairs in any order, lower-case abbreviations and spaces around the separators, but every
/// requirement must appear exactly once with a level from 0 to 4.
/// </para>
/// <para>In JSON the vector is a string in this text form.</para>
/// </remarks>
/// <param name="Iac">FR 1, identification and authentication control.</param>
/// <param name="Uc">FR 2, use control.</param>
/// <param name="Si">FR 3, system integrity.</param>
/// <param name="Dc">FR 4, data confidentiality.</param>
/// <param name="Rdf">FR 5, restricted data flow.</param>
/// <param name="Tre">FR 6, timely response to events.</param>
/// <param name="Ra">FR 7, resource availability.</param>
public readonly record struct SecurityLevelVector(
    SecurityLevel Iac,
    SecurityLevel Uc,
    SecurityLevel Si,
    SecurityLevel Dc,
    SecurityLevel Rdf,
    SecurityLevel Tre,
    SecurityLevel Ra) : ISpanParsable<SecurityLevelVector>
{
    /// <summary>A vector with the same level for every requirement.</summary>
    /// <param name="level">The level.</param>
    public static SecurityLevelVector Uniform(SecurityLevel level) => new(level, level, level, level, level, level, level);

    /// <summary>The level for one requirement.</summary>
    /// <param name="requirement">FR 1 to FR 7.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not FR 1–7.</exception>
    public SecurityLevel this[FoundationalRequirement requirement] => requirement switch
    {
        FoundationalRequirement.IdentificationAndAuthenticationControl => Iac,
        FoundationalRequirement.UseControl => Uc,
        FoundationalRequirement.SystemIntegrity => Si,
        FoundationalRequirement.DataConfidentiality => Dc,
        FoundationalRequirement.RestrictedDataFlow => Rdf,
        FoundationalRequirement.TimelyResponseToEvents => Tre,
        FoundationalRequirement.ResourceAvailability => Ra,
        _ => throw new ArgumentOutOfRangeException(nameof(requirement), requirement, "Not a foundational requirement (FR 1–7)."),
    };

    /// <summary>The highest level over the seven requirements.</summary>
    public SecurityLevel Max
    {
        get
        {
            SecurityLevel max = Iac;
            foreach (FoundationalRequirement fr in FoundationalRequirements.All)
            {
                if (this[fr] > max)
                {
                    max = this[fr];
                }
            }

            return max;
        }
    }

    /// <summary>True when every level is within SL 0–4.</summary>
    public bool IsValid
    {
        get
        {
            foreach (FoundationalRequirement fr in FoundationalRequirements.All)
            {
                if (this[fr] is < SecurityLevel.SL0 or > SecurityLevel.SL4)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Returns a copy with the level for <paramref name="requirement"/> replaced.</summary>
    /// <param name="requirement">FR 1 to FR 7.</param>
    /// <param name="level">The new level.</param>
    public SecurityLevelVector With(FoundationalRequirement requirement, SecurityLevel level) => requirement switch
    {
        FoundationalRequirement.IdentificationAndAuthenticationControl => this with { Iac = level },
        FoundationalRequirement.UseControl => this with { Uc = level },
        FoundationalRequirement.SystemIntegrity => this with { Si = level },
        FoundationalRequirement.DataConfidentiality => this with { Dc = level },
        FoundationalRequirement.RestrictedDataFlow => this with { Rdf = level },
        FoundationalRequirement.TimelyResponseToEvents => this with { Tre = level },
        FoundationalRequirement.ResourceAvailability => this with { Ra = level },
        _ => throw new ArgumentOutOfRangeException(nameof(requirement), requirement, "Not a foundational requirement (FR 1–7)."),
    };

    /// <summary>
    /// Compares this vector (an achieved SL-A or capability SL-C vector) with a target (SL-T), requirement by requirement.
    /// </summary>
    /// <param name="target">The target vector.</param>
    public SecurityLevelComparison CompareWithTarget(SecurityLevelVector target) => SecurityLevelComparison.Compare(target, this);

    /// <summary>The canonical text form, for example <c>IAC:2,UC:2,SI:2,DC:1,RDF:2,TRE:2,RA:1</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(40);
        foreach (FoundationalRequirement fr in FoundationalRequirements.All)
        {
            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(fr.GetAbbreviation()).Append(':').Append((int)this[fr]);
        }

        return builder.ToString();
    }

    /// <summary>Parses the text form (see the remarks on <see cref="SecurityLevelVector"/>).</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text is not a vector; the message says what is wrong.</exception>
    public static SecurityLevelVector Parse(string text) =>
        TryParse(text, out SecurityLevelVector vector, out string? error) ? vector : throw new FormatException(error);

    /// <summary>Parses the text form.</summary>
    /// <param name="text">The text.</param>
    /// <param name="vector">The vector, when the text is valid.</param>
    /// <returns>True when the text is a vector.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out SecurityLevelVector vector) =>
        TryParse(text.AsSpan(), out vector, out _) && text is not null;

    /// <summary>Parses the text form and, when it is not valid, says why.</summary>
    /// <param name="text">The text.</param>
    /// <param name="vector">The vector, when the text is valid; otherwise default.</param>
    /// <param name="error">Why the text is not a vector, when it is not; otherwise null.</param>
    /// <returns>True when the text is a vector.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out SecurityLevelVector vector, [NotNullWhen(false)] out string? error)
    {
        if (text is null)
        {
            vector = default;
            error = "A security-level vector is required, for example IAC:2,UC:2,SI:2,DC:1,RDF:2,TRE:2,RA:1.";
            return false;
        }

        return TryParse(text.AsSpan(), out vector, out error);
    }

    /// <summary>Parses the text form from a span and, when it is not valid, says why.</summary>
    /// <param name="text">The text.</param>
    /// <param name="vector">The vector, when the text is valid; otherwise default.</param>
    /// <param name="error">Why the text is not a vector, when it is not; otherwise null.</param>
    /// <returns>True when the text is a vector.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out SecurityLevelVector vector, [NotNullWhen(false)] out string? error)
    {
        vector = default;
        const string Example = "IAC:2,UC:2,SI:2,DC:1,RDF:2,TRE:2,RA:1";
        if (text.IsWhiteSpace())
        {
            error = $"A security-level vector is empty; expected seven ABBR:LEVEL pairs such as {Example}.";
            return false;
        }

        Span<int> levels = stackalloc int[8];
        levels.Fill(-1);
        int pairIndex = 0;
        foreach (Range range in text.Split(','))
        {
            pairIndex++;
            ReadOnlySpan<char> pair = text[range].Trim();
            int colon = pair.IndexOf(':');
            if (colon < 0)
            {
                error = $"Pair {pairIndex} '{pair}' is not ABBR:LEVEL; expected something like {Example}.";
                return false;
            }

            ReadOnlySpan<char> name = pair[..colon].Trim();
            ReadOnlySpan<char> levelText = pair[(colon + 1)..].Trim();
            if (!FoundationalRequirements.TryParseAbbreviation(name, out FoundationalRequirement fr))
            {
                error = $"Pair {pairIndex}: '{name}' is not a foundational requirement; expected one of IAC, UC, SI, DC, RDF, TRE, RA.";
                return false;
            }

            if (levelText.Length != 1 || levelText[0] is < '0' or > '4')
            {
                error = $"Pair {pairIndex}: the level of {fr.GetAbbreviation()} is '{levelText}'; expected a security level from 0 to 4.";
                return false;
            }

            if (levels[(int)fr] >= 0)
            {
                error = $"Pair {pairIndex}: {fr.GetAbbreviation()} appears more than once; each requirement must appear exactly once.";
                return false;
            }

            levels[(int)fr] = levelText[0] - '0';
        }

        var missing = new List<string>();
        foreach (FoundationalRequirement fr in FoundationalRequirements.All)
        {
            if (levels[(int)fr] < 0)
            {
                missing.Add(fr.GetAbbreviation());
            }
        }

        if (missing.Count > 0)
        {
            error = $"The vector has no level for {string.Join(", ", missing)}; all seven requirements are needed, for example {Example}.";
            return false;
        }

        vector = new SecurityLevelVector(
            (SecurityLevel)levels[1],
            (SecurityLevel)levels[2],
            (SecurityLevel)levels[3],
            (SecurityLevel)levels[4],
            (SecurityLevel)levels[5],
            (SecurityLevel)levels[6],
            (SecurityLevel)levels[7]);
        error = null;
        return true;
    }

    static SecurityLevelVector IParsable<SecurityLevelVector>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<SecurityLevelVector>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SecurityLevelVector result) =>
        TryParse(s, out result);

    static SecurityLevelVector ISpanParsable<SecurityLevelVector>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, out SecurityLevelVector vector, out string? error) ? vector : throw new FormatException(error);

    static bool ISpanParsable<SecurityLevelVector>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out SecurityLevelVector result) =>
        TryParse(s, out result, out _);
}
