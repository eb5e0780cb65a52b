using System.Globalization;
using System.Runtime.CompilerServices;

namespace OtSecurity.Risk.Distributions;

/// <summary>
/// A validated input distribution: constant, PERT, lognormal, Bernoulli or uniform. A small immutable value (no
/// allocation to sample, no virtual call): the Monte Carlo keeps these in structs and samples them with
/// <see cref="Sample"/>. Every factory checks its arguments and names the input in its error.
/// </summary>
public readonly struct Distribution : IEquatable<Distribution>
{
    /// <summary>z such that Φ(z) = 0.95: a 90% interval spans μ ± 1.6448536269514722 σ.</summary>
    public const double Z95 = 1.6448536269514722;

    /// <summary>z such that Φ(z) = 1 − 10⁻⁹: a lognormal exceeds e^(μ + 5.9978070150076865 σ) once in a billion draws.</summary>
    public const double ZOneInABillion = 5.9978070150076865;

    /// <summary>The weight of the most likely value in a classic PERT (mean = (min + 4·mode + max) / 6).</summary>
    public const double ClassicPertLambda = 4.0;

    private readonly double _a;      // constant value, PERT/uniform minimum, lognormal μ, Bernoulli p
    private readonly double _b;      // PERT most likely, lognormal σ, uniform maximum
    private readonly double _c;      // PERT maximum
    private readonly double _alpha;  // PERT beta shape α
    private readonly double _beta;   // PERT beta shape β
    private readonly double _lambda; // PERT λ
    private readonly double _dAlpha; // Marsaglia–Tsang constants for Gamma(α) and Gamma(β), computed once
    private readonly double _cAlpha;
    private readonly double _dBeta;
    private readonly double _cBeta;

    private Distribution(DistributionKind kind, string? name, double a, double b = 0, double c = 0, double alpha = 0, double beta = 0, double lambda = 0)
    {
        Kind = kind;
        Name = name;
        _a = a;
        _b = b;
        _c = c;
        _alpha = alpha;
        _beta = beta;
        _lambda = lambda;
        // PERT shapes are ≥ 1, so Marsaglia–Tsang applies directly: d = shape − 1/3, c = 1/√(9d).
        _dAlpha = alpha - (1.0 / 3.0);
        _cAlpha = alpha >= 1.0 ? 1.0 / Math.Sqrt(9.0 * _dAlpha) : 0.0;
        _dBeta = beta - (1.0 / 3.0);
        _cBeta = beta >= 1.0 ? 1.0 / Math.Sqrt(9.0 * _dBeta) : 0.0;
    }

    /// <summary>The family.</summary>
    public DistributionKind Kind { get; }

    /// <summary>The input's name, used in explanations and errors (may be null).</summary>
    public string? Name { get; }

    /// <summary>The mean (expected value).</summary>
    public double Mean => Kind switch
    {
        DistributionKind.Constant => _a,
        DistributionKind.Pert => (_a + (_lambda * _b) + _c) / (_lambda + 2.0),
        DistributionKind.LogNormal => DeterministicMath.Exp(_a + (0.5 * _b * _b)),
        DistributionKind.Bernoulli => _a,
        DistributionKind.Uniform => 0.5 * (_a + _b),
        _ => double.NaN,
    };

    /// <summary>The smallest value a sample can take (0 for a lognormal, which never reaches it).</summary>
    public double Minimum => Kind switch
    {
        DistributionKind.Constant or DistributionKind.Pert or DistributionKind.Uniform => _a,
        _ => 0.0,
    };

    /// <summary>The largest value a sample can take (positive infinity for a lognormal).</summary>
    public double Maximum => Kind switch
    {
        DistributionKind.Constant => _a,
        DistributionKind.Pert => _c,
        DistributionKind.LogNormal => double.PositiveInfinity,
        DistributionKind.Bernoulli => _a > 0 ? 1.0 : 0.0,
        DistributionKind.Uniform => _b,
        _ => double.NaN,
    };

    /// <summary>
    /// The largest value a draw takes in practice: <see cref="Maximum"/> for the bounded families, and for a lognormal
    /// its 1 − 10⁻⁹ quantile e^(μ + <see cref="ZOneInABillion"/>·σ) (exceeded once in a billion draws). Input checks
    /// that need a finite bound, such as the loss event frequency limit of <see cref="Loss.LossScenario"/>, use it.
    /// </summary>
    public double PracticalMaximum => Kind == DistributionKind.LogNormal ? DeterministicMath.Exp(_a + (ZOneInABillion * _b)) : Maximum;

    /// <summary>The PERT most likely value (NaN for other families).</summary>
    public double MostLikely => Kind == DistributionKind.Pert ? _b : double.NaN;

    /// <summary>The lognormal μ (NaN for other families).</summary>
    public double Mu => Kind == DistributionKind.LogNormal ? _a : double.NaN;

    /// <summary>The lognormal σ (NaN for other families).</summary>
    public double Sigma => Kind == DistributionKind.LogNormal ? _b : double.NaN;

    /// <summary>The Bernoulli probability (NaN for other families).</summary>
    public double Probability => Kind == DistributionKind.Bernoulli ? _a : double.NaN;

    /// <summary>The PERT beta shapes α = 1 + λ(mode − min)/(max − min) and β = 1 + λ(max − mode)/(max − min) (NaN otherwise).</summary>
    public (double Alpha, double Beta) PertShapes => Kind == DistributionKind.Pert ? (_alpha, _beta) : (double.NaN, double.NaN);

    /// <summary>A constant.</summary>
    /// <param name="value">The value, finite.</param>
    /// <param name="name">The input's name for errors and explanations.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="RiskInputException"><paramref name="value"/> is not finite.</exception>
    public static Distribution Constant(double value, string? name = null)
    {
        RequireFinite(value, name, "value", nameof(value));
        return new Distribution(DistributionKind.Constant, name, value);
    }

    /// <summary>
    /// A PERT distribution: min + (max − min)·B with B ~ Beta(α, β), α = 1 + λ(mode − min)/(max − min),
    /// β = 1 + λ(max − mode)/(max − min); mean (min + λ·mode + max)/(λ + 2). λ = 4 is the classic PERT.
    /// When min = max the distribution is that constant.
    /// </summary>
    /// <param name="minimum">The minimum, finite.</param>
    /// <param name="mostLikely">The most likely value (mode), with minimum ≤ mostLikely ≤ maximum.</param>
    /// <param name="maximum">The maximum, finite.</param>
    /// <param name="name">The input's name for errors and explanations.</param>
    /// <param name="lambda">The weight of the mode (modified PERT), finite and greater than zero; 4 by default.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="RiskInputException">A value is not finite, or the order min ≤ most likely ≤ max does not hold.</exception>
    public static Distribution Pert(double minimum, double mostLikely, double maximum, string? name = null, double lambda = ClassicPertLambda)
    {
        RequireFinite(minimum, name, "minimum", nameof(minimum));
        RequireFinite(mostLikely, name, "most likely value", nameof(mostLikely));
        RequireFinite(maximum, name, "maximum", nameof(maximum));
        if (!(lambda > 0.0) || double.IsPositiveInfinity(lambda))
        {
            throw Error(name, nameof(lambda), $"λ (the weight of the most likely value) must be a finite number greater than zero, not {Format(lambda)}");
        }

        if (minimum > maximum)
        {
            throw Error(name, nameof(minimum), $"the minimum ({Format(minimum)}) is greater than the maximum ({Format(maximum)}); expected minimum ≤ most likely ≤ maximum");
        }

        if (mostLikely < minimum)
        {
            throw Error(name, nameof(mostLikely), $"the most likely value ({Format(mostLikely)}) is below the minimum ({Format(minimum)}); expected minimum ≤ most likely ≤ maximum");
        }

        if (mostLikely > maximum)
        {
            throw Error(name, nameof(mostLikely), $"the most likely value ({Format(mostLikely)}) is above the maximum ({Format(maximum)}); expected minimum ≤ most likely ≤ maximum");
        }

        double range = maximum - minimum;
        if (range == 0.0)
        {
            return new Distribution(DistributionKind.Pert, name, minimum, mostLikely, maximum, 1.0, 1.0, lambda);
        }

        double alpha = 1.0 + (lambda * (mostLikely - minimum) / range);
        double beta = 1.0 + (lambda * (maximum - mostLikely) / range);
        return new Distribution(DistributionKind.Pert, name, minimum, mostLikely, maximum, alpha, beta, lambda);
    }

    /// <summary>
    /// A lognormal whose 90% confidence interval is [<paramref name="lower"/>, <paramref name="upper"/>] (the 5th and
    /// 95th percentiles): μ = (ln lower + ln upper)/2, σ = (ln upper − ln lower)/(2 · 1.6448536269514722).
    /// </summary>
    /// <param name="lower">The 5th percentile, greater than zero.</param>
    /// <param name="upper">The 95th percentile, greater than <paramref name="lower"/>.</param>
    /// <param name="name">The input's name for errors and explanations.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="RiskInputException">A bound is not finite or positive, or lower ≥ upper.</exception>
    public static Distribution LogNormalFrom90PercentInterval(double lower, double upper, string? name = null)
    {
        RequireFinite(lower, name, "lower bound (5th percentile)", nameof(lower));
        RequireFinite(upper, name, "upper bound (95th percentile)", nameof(upper));
        if (!(lower > 0.0))
        {
            throw Error(name, nameof(lower), $"the lower bound of a lognormal 90% interval must be greater than zero, not {Format(lower)}");
        }

        if (!(upper > lower))
        {
            throw Error(name, nameof(upper), $"the upper bound of the 90% interval ({Format(upper)}) must be greater than the lower bound ({Format(lower)})");
        }

        double lnLower = DeterministicMath.Log(lower);
        double lnUpper = DeterministicMath.Log(upper);
        return new Distribution(DistributionKind.LogNormal, name, 0.5 * (lnLower + lnUpper), (lnUpper - lnLower) / (2.0 * Z95));
    }

    /// <summary>A lognormal e^(μ + σZ) with Z standard normal.</summary>
    /// <param name="mu">μ, the mean of the logarithm, finite.</param>
    /// <param name="sigma">σ, the standard deviation of the logarithm, finite and ≥ 0.</param>
    /// <param name="name">The input's name for errors and explanations.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="RiskInputException">μ is not finite, or σ is negative or not finite.</exception>
    public static Distribution LogNormal(double mu, double sigma, string? name = null)
    {
        RequireFinite(mu, name, "μ", nameof(mu));
        RequireFinite(sigma, name, "σ", nameof(sigma));
        if (sigma < 0.0)
        {
            throw Error(name, nameof(sigma), $"σ must be zero or greater, not {Format(sigma)}");
        }

        if (mu > 700.0)
        {
            throw Error(name, nameof(mu), $"μ ({Format(mu)}) is too large: e^μ would overflow");
        }

        return new Distribution(DistributionKind.LogNormal, name, mu, sigma);
    }

    /// <summary>A Bernoulli variable: 1 with probability <paramref name="probability"/>, otherwise 0.</summary>
    /// <param name="probability">The probability, in [0, 1].</param>
    /// <param name="name">The input's name for errors and explanations.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="RiskInputException">The probability is outside [0, 1] or NaN.</exception>
    public static Distribution Bernoulli(double probability, string? name = null)
    {
        RequireProbability(probability, name, nameof(probability));
        return new Distribution(DistributionKind.Bernoulli, name, probability);
    }

    /// <summary>A uniform distribution over [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    /// <param name="minimum">The minimum, finite.</param>
    /// <param name="maximum">The maximum, finite, not below the minimum.</param>
    /// <param name="name">The input's name for errors and explanations.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="RiskInputException">A bound is not finite, or minimum &gt; maximum.</exception>
    public static Distribution Uniform(double minimum, double maximum, string? name = null)
    {
        RequireFinite(minimum, name, "minimum", nameof(minimum));
        RequireFinite(maximum, name, "maximum", nameof(maximum));
        if (minimum > maximum)
        {
            throw Error(name, nameof(minimum), $"the minimum ({Format(minimum)}) is greater than the maximum ({Format(maximum)})");
        }

        return new Distribution(DistributionKind.Uniform, name, minimum, maximum);
    }

    /// <summary>Checks that a probability is in [0, 1].</summary>
    /// <param name="probability">The value.</param>
    /// <param name="name">The input's name for the error.</param>
    /// <param name="parameterName">The parameter that carried it.</param>
    /// <exception cref="RiskInputException">The value is outside [0, 1] or NaN.</exception>
    public static void RequireProbability(double probability, string? name, string parameterName)
    {
        if (!(probability >= 0.0 && probability <= 1.0))
        {
            throw Error(name, parameterName, $"a probability must be between 0 and 1, not {Format(probability)}");
        }
    }

    /// <summary>Draws one value. Allocation-free; the generator advances.</summary>
    /// <param name="random">The generator.</param>
    /// <returns>The draw.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sample(ref Xoshiro256StarStar random)
    {
        switch (Kind)
        {
            case DistributionKind.Constant:
                return _a;
            case DistributionKind.Pert:
                if (_c == _a)
                {
                    return _a;
                }

                double x = Sampling.GammaPrepared(ref random, _dAlpha, _cAlpha);
                double y = Sampling.GammaPrepared(ref random, _dBeta, _cBeta);
                return _a + ((_c - _a) * (x / (x + y)));
            case DistributionKind.LogNormal:
                return DeterministicMath.Exp(_a + (_b * random.NextStandardNormal()));
            case DistributionKind.Bernoulli:
                return random.NextDouble() < _a ? 1.0 : 0.0;
            case DistributionKind.Uniform:
                return _a + ((_b - _a) * random.NextDouble());
            default:
                return double.NaN;
        }
    }

    /// <summary>
    /// The same distribution with every amount multiplied by <paramref name="factor"/> (PERT and uniform bounds, a
    /// constant, the lognormal median). A draw of the scaled distribution from the same generator state is the draw of
    /// this one times the factor (up to rounding), which keeps comparisons with common random numbers monotone.
    /// </summary>
    /// <param name="factor">A finite factor ≥ 0.</param>
    /// <returns>The scaled distribution.</returns>
    /// <exception cref="RiskInputException">The factor is negative or not finite, or this is a Bernoulli variable (a probability, not an amount).</exception>
    public Distribution Scale(double factor)
    {
        if (!(factor >= 0.0) || double.IsPositiveInfinity(factor))
        {
            throw Error(Name, nameof(factor), $"a scale factor must be a finite number ≥ 0, not {Format(factor)}");
        }

        return Kind switch
        {
            DistributionKind.Constant => Constant(_a * factor, Name),
            DistributionKind.Pert => factor == 0.0 ? Constant(0.0, Name) : new Distribution(DistributionKind.Pert, Name, _a * factor, _b * factor, _c * factor, _alpha, _beta, _lambda),
            DistributionKind.LogNormal => factor == 0.0 ? Constant(0.0, Name) : new Distribution(DistributionKind.LogNormal, Name, _a + DeterministicMath.Log(factor), _b),
            DistributionKind.Uniform => Uniform(_a * factor, _b * factor, Name),
            _ => throw Error(Name, nameof(factor), "a Bernoulli variable is a probability, not an amount, and cannot be scaled"),
        };
    }

    /// <summary>A short description such as "PERT(min 1,000; most likely 3,162; max 10,000)".</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        DistributionKind.Constant => Format(_a),
        DistributionKind.Pert => $"PERT(min {Format(_a)}; most likely {Format(_b)}; max {Format(_c)})",
        DistributionKind.LogNormal => $"lognormal(μ {_a.ToString("G6", CultureInfo.InvariantCulture)}; σ {_b.ToString("G6", CultureInfo.InvariantCulture)}; median {Format(DeterministicMath.Exp(_a))})",
        DistributionKind.Bernoulli => $"Bernoulli(p {_a.ToString("G6", CultureInfo.InvariantCulture)})",
        DistributionKind.Uniform => $"uniform({Format(_a)} – {Format(_b)})",
        _ => "invalid",
    };

    /// <inheritdoc />
    public bool Equals(Distribution other) =>
        Kind == other.Kind && _a.Equals(other._a) && _b.Equals(other._b) && _c.Equals(other._c) && _lambda.Equals(other._lambda) && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Distribution other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, _a, _b, _c, _lambda);

    /// <summary>Equality of family, parameters and name.</summary>
    /// <param name="left">One distribution.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Distribution left, Distribution right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">One distribution.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(Distribution left, Distribution right) => !left.Equals(right);

    internal static string Format(double value) =>
        double.IsFinite(value) && Math.Abs(value) >= 1000 ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("G6", CultureInfo.InvariantCulture);

    private static void RequireFinite(double value, string? name, string what, string parameterName)
    {
        if (!double.IsFinite(value))
        {
            throw Error(name, parameterName, $"the {what} must be a finite number, not {Format(value)}");
        }
    }

    private static RiskInputException Error(string? name, string parameterName, string problem)
    {
        string input = name is null ? "distribution input" : $"'{name}'";
        return new RiskInputException(input, parameterName, $"Invalid {input}: {problem}.");
    }
}
