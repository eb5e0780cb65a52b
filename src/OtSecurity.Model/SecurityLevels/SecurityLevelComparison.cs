namespace OtSecurity.Model.SecurityLevels;

/// <summary>How one requirement's actual level compares with its target.</summary>
/// <param name="Requirement">The foundational requirement.</param>
/// <param name="Target">The target level (SL-T).</param>
/// <param name="Actual">The achieved (SL-A) or capability (SL-C) level.</param>
public readonly record struct SecurityLevelGap(FoundationalRequirement Requirement, SecurityLevel Target, SecurityLevel Actual)
{
    /// <summary>How many levels the actual level falls short of the target (0 when it meets or exceeds it).</summary>
    public int Shortfall => Math.Max(0, (int)Target - (int)Actual);

    /// <summary>True when the actual level is below the target.</summary>
    public bool IsShortfall => Actual < Target;
}

/// <summary>
/// The per-requirement comparison of an achieved (SL-A) or capability (SL-C) vector with a target (SL-T).
/// </summary>
public sealed record SecurityLevelComparison
{
    private SecurityLevelComparison(SecurityLevelVector target, SecurityLevelVector actual, EquatableArray<SecurityLevelGap> requirements)
    {
        Target = target;
        Actual = actual;
        Requirements = requirements;
    }

    /// <summary>The target vector.</summary>
    public SecurityLevelVector Target { get; }

    /// <summary>The vector compared with the target.</summary>
    public SecurityLevelVector Actual { get; }

    /// <summary>One entry per requirement, FR 1 to FR 7.</summary>
    public EquatableArray<SecurityLevelGap> Requirements { get; }

    /// <summary>The requirements whose actual level is below target, in FR order.</summary>
    public IEnumerable<SecurityLevelGap> Shortfalls => Requirements.Where(static gap => gap.IsShortfall);

    /// <summary>True when every requirement meets or exceeds its target.</summary>
    public bool MeetsTarget => !Shortfalls.Any();

    /// <summary>The largest shortfall over the seven requirements (0 when the target is met).</summary>
    public int LargestShortfall => Requirements.Max(static gap => gap.Shortfall);

    /// <summary>The sum of the shortfalls over the seven requirements.</summary>
    public int TotalShortfall => Requirements.Sum(static gap => gap.Shortfall);

    /// <summary>Compares <paramref name="actual"/> with <paramref name="target"/>, requirement by requirement.</summary>
    /// <param name="target">The target vector (SL-T).</param>
    /// <param name="actual">The achieved (SL-A) or capability (SL-C) vector.</param>
    public static SecurityLevelComparison Compare(SecurityLevelVector target, SecurityLevelVector actual)
    {
        var gaps = new SecurityLevelGap[7];
        int i = 0;
        foreach (FoundationalRequirement fr in FoundationalRequirements.All)
        {
            gaps[i++] = new SecurityLevelGap(fr, target[fr], actual[fr]);
        }

        return new SecurityLevelComparison(target, actual, gaps);
    }
}
