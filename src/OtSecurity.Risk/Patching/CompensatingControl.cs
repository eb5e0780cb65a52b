namespace OtSecurity.Risk.Patching;

/// <summary>The kinds of compensating control the patch decision weighs.</summary>
public enum CompensatingControlKind
{
    /// <summary>Tighter segmentation around the asset (for example VLAN → firewall, allow-listed flows only).</summary>
    Segmentation,

    /// <summary>OT network monitoring with alerting on the asset, so attacks are caught before impact.</summary>
    Monitoring,

    /// <summary>Restricted access: remote and vendor access through a jump host with MFA, application allow-listing, USB lock-down.</summary>
    AccessRestriction,
}

/// <summary>A compensating control: its effect on the loss event frequency and its yearly cost.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Description">What is done.</param>
/// <param name="FrequencyFactor">The factor on the loss event frequency, in (0, 1]; 0.4 means 60% fewer loss events.</param>
/// <param name="AnnualCost">The yearly cost of running it.</param>
public sealed record CompensatingControl(CompensatingControlKind Kind, string Description, double FrequencyFactor, double AnnualCost)
{
    /// <summary>The default controls: segmentation (factor 0.4, 15,000 a year), monitoring (0.7, 10,000), access restriction (0.5, 5,000).</summary>
    public static IReadOnlyList<CompensatingControl> Defaults { get; } =
    [
        new(CompensatingControlKind.Segmentation, "segment the asset behind a firewall with allow-listed flows", 0.4, 15_000),
        new(CompensatingControlKind.Monitoring, "OT network monitoring with alerting on the asset", 0.7, 10_000),
        new(CompensatingControlKind.AccessRestriction, "restrict remote, vendor and removable-media access to the asset", 0.5, 5_000),
    ];

    /// <summary>Checks the values.</summary>
    /// <exception cref="RiskInputException">The factor is outside (0, 1] or the cost is negative or not finite.</exception>
    public void Validate()
    {
        if (!(FrequencyFactor > 0.0 && FrequencyFactor <= 1.0))
        {
            throw new RiskInputException($"compensating control '{Description}'", nameof(FrequencyFactor), $"Invalid compensating control '{Description}': the frequency factor must be in (0, 1], not {Distributions.Distribution.Format(FrequencyFactor)}.");
        }

        if (!double.IsFinite(AnnualCost) || AnnualCost < 0.0)
        {
            throw new RiskInputException($"compensating control '{Description}'", nameof(AnnualCost), $"Invalid compensating control '{Description}': the annual cost must be a finite amount ≥ 0, not {Distributions.Distribution.Format(AnnualCost)}.");
        }
    }
}
