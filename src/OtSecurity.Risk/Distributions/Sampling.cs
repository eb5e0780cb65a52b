namespace OtSecurity.Risk.Distributions;

/// <summary>
/// Variate generators built on <see cref="Xoshiro256StarStar"/> and <see cref="DeterministicMath"/>, so every draw is
/// reproducible bit for bit from its seed. None allocates.
/// </summary>
public static class Sampling
{
    /// <summary>
    /// A Gamma(<paramref name="shape"/>, 1) variate by Marsaglia and Tsang, "A simple method for generating gamma
    /// variables", ACM TOMS 26(3), 2000: for shape a ≥ 1, d = a − 1/3, c = 1/√(9d); draw x ~ N(0,1), v = (1 + cx)³,
    /// accept d·v when u &lt; 1 − 0.0331x⁴ (squeeze) or ln u &lt; x²/2 + d(1 − v + ln v). For a &lt; 1, Gamma(a + 1)·U^(1/a).
    /// </summary>
    /// <param name="random">The generator.</param>
    /// <param name="shape">The shape, finite and greater than zero.</param>
    /// <returns>A positive draw with mean <paramref name="shape"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shape"/> is not a finite positive number.</exception>
    public static double Gamma(ref Xoshiro256StarStar random, double shape)
    {
        if (!(shape > 0.0) || double.IsPositiveInfinity(shape))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "The gamma shape must be a finite number greater than zero.");
        }

        if (shape < 1.0)
        {
            double g = GammaAtLeastOne(ref random, shape + 1.0);
            return g * DeterministicMath.PowPositive(random.NextOpenDouble(), 1.0 / shape);
        }

        return GammaAtLeastOne(ref random, shape);
    }

    /// <summary>A Beta(<paramref name="alpha"/>, <paramref name="beta"/>) variate as X / (X + Y) with X ~ Gamma(α), Y ~ Gamma(β).</summary>
    /// <param name="random">The generator.</param>
    /// <param name="alpha">The first shape, finite and greater than zero.</param>
    /// <param name="beta">The second shape, finite and greater than zero.</param>
    /// <returns>A draw in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">A shape is not a finite positive number.</exception>
    public static double Beta(ref Xoshiro256StarStar random, double alpha, double beta)
    {
        double x = Gamma(ref random, alpha);
        double y = Gamma(ref random, beta);
        return x / (x + y);
    }

    /// <summary>
    /// A Poisson(<paramref name="mean"/>) count by inversion of one uniform <paramref name="u"/>: the smallest n with
    /// P(N ≤ n) ≥ u. Inversion makes the count non-decreasing in the mean for a fixed u, which keeps simulations with
    /// common random numbers monotone (a lower event frequency can never give more events).
    /// </summary>
    /// <param name="mean">The mean number of events, in [0, <see cref="MaximumPoissonMean"/>].</param>
    /// <param name="u">A uniform number in [0, 1).</param>
    /// <returns>The number of events.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is negative, not finite or above <see cref="MaximumPoissonMean"/>.</exception>
    public static int PoissonByInversion(double mean, double u)
    {
        if (!(mean >= 0.0) || mean > MaximumPoissonMean)
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, $"The Poisson mean must be between 0 and {MaximumPoissonMean}.");
        }

        double p = DeterministicMath.Exp(-mean);
        double cumulative = p;
        int n = 0;
        // Rounding can leave the cumulative sum a hair below 1: stop well past the mean (~mean + 40 standard deviations).
        int limit = (int)(mean + (40.0 * Math.Sqrt(mean)) + 50.0);
        while (u > cumulative && n < limit)
        {
            n++;
            p *= mean / n;
            cumulative += p;
        }

        return n;
    }

    /// <summary>The largest Poisson mean <see cref="PoissonByInversion"/> accepts (e^-500 is still a normal double).</summary>
    public const double MaximumPoissonMean = 500.0;

    private static double GammaAtLeastOne(ref Xoshiro256StarStar random, double shape)
    {
        double d = shape - (1.0 / 3.0);
        return GammaPrepared(ref random, d, 1.0 / Math.Sqrt(9.0 * d));
    }

    /// <summary>Marsaglia–Tsang for shape ≥ 1 with d = shape − 1/3 and c = 1/√(9d) computed once by the caller.</summary>
    internal static double GammaPrepared(ref Xoshiro256StarStar random, double d, double c)
    {
        while (true)
        {
            double x, v;
            do
            {
                x = random.NextStandardNormal();
                v = 1.0 + (c * x);
            }
            while (v <= 0.0);

            v = v * v * v;
            double u = random.NextOpenDouble();
            double x2 = x * x;
            if (u < 1.0 - (0.0331 * x2 * x2))
            {
                return d * v;
            }

            if (DeterministicMath.Log(u) < (0.5 * x2) + (d * (1.0 - v + DeterministicMath.Log(v))))
            {
                return d * v;
            }
        }
    }
}
