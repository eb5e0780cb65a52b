using OtSecurity.Risk.Distributions;

namespace OtSecurity.Risk.Loss;

/// <summary>
/// One Open FAIR loss scenario: loss event frequency = threat event frequency × vulnerability (the probability that a
/// threat event becomes a loss event), and each loss event costs a draw of <see cref="Magnitude"/>.
/// Annualized loss expectancy = E[TEF] × E[vulnerability] × E[magnitude].
/// </summary>
public sealed class LossScenario
{
    /// <summary>Creates and validates a scenario.</summary>
    /// <param name="name">What the scenario is about (for example "plc-01: CVE-2022-1161").</param>
    /// <param name="threatEventFrequency">Threat events per year (≥ 0).</param>
    /// <param name="vulnerability">Probability that a threat event becomes a loss event (values in [0, 1]).</param>
    /// <param name="magnitude">The loss of one loss event.</param>
    /// <exception cref="RiskInputException">
    /// An input is out of range, or the loss event frequency could exceed <see cref="Sampling.MaximumPoissonMean"/> a year
    /// (for a lognormal threat event frequency: at its 1 − 10⁻⁹ quantile, <see cref="Distribution.PracticalMaximum"/>).
    /// </exception>
    public LossScenario(string name, Distribution threatEventFrequency, Distribution vulnerability, LossMagnitudeModel magnitude)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(magnitude);
        LossMagnitudeModel.RequireNonNegativeAmount(threatEventFrequency, $"threat event frequency of '{name}'", nameof(threatEventFrequency));
        if (vulnerability.Minimum < 0.0 || vulnerability.Maximum > 1.0)
        {
            throw new RiskInputException($"vulnerability of '{name}'", nameof(vulnerability), $"Invalid vulnerability of '{name}': it is a probability and must stay within [0, 1], but {vulnerability} ranges from {Distribution.Format(vulnerability.Minimum)} to {Distribution.Format(vulnerability.Maximum)}.");
        }

        double reach = threatEventFrequency.PracticalMaximum * vulnerability.Maximum;
        if (!(reach <= Sampling.MaximumPoissonMean))
        {
            string bound = threatEventFrequency.Kind == DistributionKind.LogNormal ? " (its 1 − 10⁻⁹ quantile)" : string.Empty;
            throw new RiskInputException($"threat event frequency of '{name}'", nameof(threatEventFrequency), $"Invalid threat event frequency of '{name}': the loss event frequency could reach {Distribution.Format(reach)} a year{bound}; above {Sampling.MaximumPoissonMean} a year losses are an operating cost, not a risk, and this model does not apply.");
        }

        Name = name;
        ThreatEventFrequency = threatEventFrequency;
        Vulnerability = vulnerability;
        Magnitude = magnitude;
    }

    /// <summary>What the scenario is about.</summary>
    public string Name { get; }

    /// <summary>Threat events per year.</summary>
    public Distribution ThreatEventFrequency { get; }

    /// <summary>Probability that a threat event becomes a loss event.</summary>
    public Distribution Vulnerability { get; }

    /// <summary>The loss of one loss event.</summary>
    public LossMagnitudeModel Magnitude { get; }

    /// <summary>Expected loss events per year: E[TEF] × E[vulnerability].</summary>
    public double ExpectedLossEventFrequency => ThreatEventFrequency.Mean * Vulnerability.Mean;

    /// <summary>Annualized loss expectancy computed in closed form: E[LEF] × E[magnitude].</summary>
    public double ExpectedAnnualLoss => ExpectedLossEventFrequency * Magnitude.ExpectedMagnitude;

    /// <summary>The same scenario with its threat event frequency multiplied by <paramref name="factor"/> (exposure changes, compensating controls).</summary>
    /// <param name="factor">A finite factor ≥ 0.</param>
    /// <returns>A new, validated scenario.</returns>
    public LossScenario WithThreatFrequencyScaled(double factor) => new(Name, ThreatEventFrequency.Scale(factor), Vulnerability, Magnitude);

    /// <summary>The same scenario with another magnitude model.</summary>
    /// <param name="magnitude">The new magnitude model.</param>
    /// <returns>A new, validated scenario.</returns>
    public LossScenario WithMagnitude(LossMagnitudeModel magnitude) => new(Name, ThreatEventFrequency, Vulnerability, magnitude);
}
