namespace OtSecurity.Risk.Simulation;

/// <summary>Options of a Monte Carlo run.</summary>
public sealed record MonteCarloOptions
{
    /// <summary>The most samples (simulated years) one run accepts.</summary>
    public const int MaximumSamples = 50_000_000;

    /// <summary>The default number of samples.</summary>
    public const int DefaultSamples = 100_000;

    /// <summary>The default seed (the same seed gives the same result on every machine).</summary>
    public const ulong DefaultSeed = 62443;

    /// <summary>Simulated years; between 1 and <see cref="MaximumSamples"/>.</summary>
    public int Samples { get; init; } = DefaultSamples;

    /// <summary>The seed of the xoshiro256** generator.</summary>
    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>Points on the loss exceedance curve (log-spaced thresholds); between 2 and 1,000.</summary>
    public int ExceedancePoints { get; init; } = 25;

    /// <summary>Checks the options.</summary>
    /// <exception cref="RiskInputException">A value is out of range.</exception>
    public void Validate()
    {
        if (Samples < 1 || Samples > MaximumSamples)
        {
            throw new RiskInputException("samples", nameof(Samples), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Invalid number of Monte Carlo samples: {Samples}; expected 1 to {MaximumSamples:N0}."));
        }

        if (ExceedancePoints < 2 || ExceedancePoints > 1000)
        {
            throw new RiskInputException("exceedance points", nameof(ExceedancePoints), $"Invalid number of loss exceedance curve points: {ExceedancePoints}; expected 2 to 1,000.");
        }
    }
}
