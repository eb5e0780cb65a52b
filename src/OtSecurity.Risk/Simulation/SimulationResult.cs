namespace OtSecurity.Risk.Simulation;

/// <summary>
/// The distribution of annual loss from a Monte Carlo run. Percentiles use linear interpolation between order statistics
/// (Hyndman and Fan type 7: h = (n − 1)·q, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])), so P10 ≤ P50 ≤ P90 ≤ P99 always.
/// </summary>
public sealed record SimulationResult
{
    /// <summary>Simulated years.</summary>
    public required int Samples { get; init; }

    /// <summary>The seed used.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Annualized loss expectancy: the mean annual loss over the samples.</summary>
    public required double AnnualizedLossExpectancy { get; init; }

    /// <summary>The standard deviation of the annual loss.</summary>
    public required double StandardDeviation { get; init; }

    /// <summary>10th percentile of the annual loss.</summary>
    public required double P10 { get; init; }

    /// <summary>Median annual loss.</summary>
    public required double P50 { get; init; }

    /// <summary>90th percentile of the annual loss.</summary>
    public required double P90 { get; init; }

    /// <summary>99th percentile of the annual loss.</summary>
    public required double P99 { get; init; }

    /// <summary>The largest simulated annual loss.</summary>
    public required double Maximum { get; init; }

    /// <summary>The fraction of years with any loss.</summary>
    public required double ProbabilityOfAnyLoss { get; init; }

    /// <summary>Mean loss events per simulated year.</summary>
    public required double MeanLossEvents { get; init; }

    /// <summary>The loss exceedance curve: thresholds log-spaced from the smallest positive loss to the largest, each with P(loss &gt; threshold).</summary>
    public required IReadOnlyList<ExceedancePoint> ExceedanceCurve { get; init; }

    /// <summary>
    /// Summarises annual losses. Sorts <paramref name="annualLosses"/> in place; sums run in index order so the result
    /// is the same on every machine.
    /// </summary>
    /// <param name="annualLosses">One annual loss per simulated year (sorted in place).</param>
    /// <param name="seed">The seed that produced them.</param>
    /// <param name="totalEvents">The number of loss events over all samples.</param>
    /// <param name="exceedancePoints">Points on the exceedance curve (≥ 2).</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">No samples, or fewer than 2 exceedance points.</exception>
    public static SimulationResult FromSamples(Span<double> annualLosses, ulong seed, long totalEvents, int exceedancePoints = 25)
    {
        if (annualLosses.IsEmpty)
        {
            throw new ArgumentException("At least one sample is needed.", nameof(annualLosses));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(exceedancePoints, 2);
        int n = annualLosses.Length;
        double sum = 0.0;
        for (int i = 0; i < n; i++)
        {
            sum += annualLosses[i];
        }

        double mean = sum / n;
        double squares = 0.0;
        for (int i = 0; i < n; i++)
        {
            double d = annualLosses[i] - mean;
            squares += d * d;
        }

        annualLosses.Sort();
        int firstPositive = FirstAbove(annualLosses, 0.0);
        int positives = n - firstPositive;
        var curve = new List<ExceedancePoint>(exceedancePoints);
        if (positives > 0)
        {
            double low = annualLosses[firstPositive];
            double high = annualLosses[n - 1];
            for (int k = 0; k < exceedancePoints; k++)
            {
                double threshold = low == high ? low : low * Distributions.DeterministicMath.PowPositive(high / low, k / (double)(exceedancePoints - 1));
                if (k == exceedancePoints - 1)
                {
                    threshold = high;
                }

                int above = n - FirstAbove(annualLosses, threshold);
                curve.Add(new ExceedancePoint(threshold, above / (double)n));
            }
        }

        return new SimulationResult
        {
            Samples = n,
            Seed = seed,
            AnnualizedLossExpectancy = mean,
            StandardDeviation = n > 1 ? Math.Sqrt(squares / (n - 1)) : 0.0,
            P10 = Percentile(annualLosses, 0.10),
            P50 = Percentile(annualLosses, 0.50),
            P90 = Percentile(annualLosses, 0.90),
            P99 = Percentile(annualLosses, 0.99),
            Maximum = annualLosses[n - 1],
            ProbabilityOfAnyLoss = positives / (double)n,
            MeanLossEvents = totalEvents / (double)n,
            ExceedanceCurve = curve,
        };
    }

    /// <summary>The q-quantile of sorted values by linear interpolation (type 7).</summary>
    /// <param name="sorted">Values in ascending order.</param>
    /// <param name="q">The quantile, in [0, 1].</param>
    /// <returns>The interpolated quantile.</returns>
    public static double Percentile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("No values.", nameof(sorted));
        }

        if (!(q >= 0.0 && q <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile must be between 0 and 1.");
        }

        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        double fraction = h - lo;
        return sorted[lo] + (fraction * (sorted[lo + 1] - sorted[lo]));
    }

    // Index of the first element strictly greater than value (sorted ascending).
    private static int FirstAbove(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] > value)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}
