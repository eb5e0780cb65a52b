using FsCheck;
using FsCheck.Xunit;
using OtSecurity.Risk.Distributions;

namespace OtSecurity.Risk.Tests.Distributions;

public class DistributionTests
{
    [Fact]
    public void Pert_HandComputed_MeanAndShapes()
    {
        // PERT(10, 20, 60), λ = 4: mean = (10 + 4·20 + 60) / 6 = 150 / 6 = 25;
        // α = 1 + 4·(20 − 10)/50 = 1.8; β = 1 + 4·(60 − 20)/50 = 4.2.
        var d = Distribution.Pert(10, 20, 60, "test");
        Assert.Equal(25.0, d.Mean, 12);
        Assert.Equal(1.8, d.PertShapes.Alpha, 12);
        Assert.Equal(4.2, d.PertShapes.Beta, 12);
        Assert.Equal(10.0, d.Minimum);
        Assert.Equal(60.0, d.Maximum);
    }

    [Fact]
    public void Pert_SampleMean_ConvergesToFormula()
    {
        var d = Distribution.Pert(10, 20, 60);
        var g = new Xoshiro256StarStar(1);
        double sum = 0;
        const int n = 200_000;
        for (int i = 0; i < n; i++)
        {
            double x = d.Sample(ref g);
            Assert.InRange(x, 10.0, 60.0);
            sum += x;
        }

        // The PERT standard deviation is about (60 − 10)/6 ≈ 8.3 → standard error 8.3/√200000 ≈ 0.019; allow 0.1.
        Assert.InRange(sum / n, 24.9, 25.1);
    }

    [Fact]
    public void Pert_MostLikelyBelowMinimum_ThrowsNamingTheInput()
    {
        var ex = Assert.Throws<RiskInputException>(() => Distribution.Pert(100, 50, 200, "response cost"));
        Assert.Equal("mostLikely", ex.ParamName);
        Assert.Contains("'response cost'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("most likely value (50) is below the minimum (100)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pert_MostLikelyAboveMaximum_Throws()
    {
        var ex = Assert.Throws<RiskInputException>(() => Distribution.Pert(1, 300, 200, "outage hours"));
        Assert.Contains("above the maximum (200)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pert_MinimumAboveMaximum_Throws()
    {
        var ex = Assert.Throws<RiskInputException>(() => Distribution.Pert(5, 5, 1, "x"));
        Assert.Equal("minimum", ex.ParamName);
    }

    [Theory]
    [InlineData(double.NaN, 1, 2)]
    [InlineData(0, double.PositiveInfinity, 2)]
    [InlineData(0, 1, double.NegativeInfinity)]
    public void Pert_NonFinite_Throws(double min, double ml, double max)
    {
        var ex = Assert.Throws<RiskInputException>(() => Distribution.Pert(min, ml, max, "hourly cost"));
        Assert.Contains("must be a finite number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pert_DegenerateRange_IsConstant()
    {
        var d = Distribution.Pert(7, 7, 7);
        var g = new Xoshiro256StarStar(3);
        Assert.Equal(7.0, d.Mean);
        Assert.Equal(7.0, d.Sample(ref g));
    }

    [Fact]
    public void LogNormal_From90PercentInterval_HandComputed()
    {
        // 90% CI [100, 10,000]: μ = (ln 100 + ln 10000)/2 = ln 1000 = 6.907755;
        // σ = (ln 10000 − ln 100)/(2·1.6448536) = 4.605170/3.289707 = 1.399874;
        // mean = e^(μ + σ²/2) = 1000 · e^0.979823 = 2663.97.
        var d = Distribution.LogNormalFrom90PercentInterval(100, 10_000, "cost");
        Assert.Equal(6.907755, d.Mu, 5);
        Assert.Equal(1.399874, d.Sigma, 5);
        Assert.Equal(2663.97, d.Mean, 0);
    }

    [Fact]
    public void LogNormal_90PercentInterval_HoldsInSamples()
    {
        var d = Distribution.LogNormalFrom90PercentInterval(100, 10_000);
        var g = new Xoshiro256StarStar(11);
        int below = 0, above = 0;
        const int n = 100_000;
        for (int i = 0; i < n; i++)
        {
            double x = d.Sample(ref g);
            below += x < 100 ? 1 : 0;
            above += x > 10_000 ? 1 : 0;
        }

        // 5% each side: 5,000 ± 3·√(100000·0.05·0.95) = 5000 ± 207.
        Assert.InRange(below, 4790, 5210);
        Assert.InRange(above, 4790, 5210);
    }

    [Fact]
    public void LogNormal_InvalidInterval_Throws()
    {
        Assert.Throws<RiskInputException>(() => Distribution.LogNormalFrom90PercentInterval(0, 10));
        var ex = Assert.Throws<RiskInputException>(() => Distribution.LogNormalFrom90PercentInterval(10, 5, "fines"));
        Assert.Contains("'fines'", ex.Message, StringComparison.Ordinal);
        Assert.Throws<RiskInputException>(() => Distribution.LogNormal(1, -0.5));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.0001)]
    [InlineData(double.NaN)]
    public void Bernoulli_OutOfRange_Throws(double p)
    {
        var ex = Assert.Throws<RiskInputException>(() => Distribution.Bernoulli(p, "vulnerability"));
        Assert.Contains("probability must be between 0 and 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bernoulli_FrequencyMatchesProbability()
    {
        var d = Distribution.Bernoulli(0.3);
        var g = new Xoshiro256StarStar(5);
        double sum = 0;
        for (int i = 0; i < 100_000; i++)
        {
            sum += d.Sample(ref g);
        }

        // 30,000 ± 3·√(100000·0.21) = 30000 ± 435.
        Assert.InRange(sum, 29_565, 30_435);
        Assert.Equal(0.3, d.Mean);
    }

    [Fact]
    public void Scale_Pert_ScalesBoundsAndMean()
    {
        // PERT(10, 20, 60) × 3 = PERT(30, 60, 180): mean 75 = 3 × 25.
        var d = Distribution.Pert(10, 20, 60).Scale(3);
        Assert.Equal(75.0, d.Mean, 10);
        Assert.Throws<RiskInputException>(() => Distribution.Bernoulli(0.5).Scale(2));
        Assert.Throws<RiskInputException>(() => Distribution.Constant(1).Scale(-1));
    }

    [Fact]
    public void Gamma_MeanAndVariance_EqualShape()
    {
        foreach (double shape in new[] { 0.5, 1.0, 2.6, 9.0 })
        {
            var g = new Xoshiro256StarStar(99);
            const int n = 100_000;
            double sum = 0, squares = 0;
            for (int i = 0; i < n; i++)
            {
                double x = Sampling.Gamma(ref g, shape);
                Assert.True(x > 0);
                sum += x;
                squares += x * x;
            }

            double mean = sum / n;
            double variance = (squares / n) - (mean * mean);
            // Gamma(k, 1): mean k, variance k; standard error of the mean √(k/n).
            Assert.InRange(mean, shape - (5 * Math.Sqrt(shape / n)), shape + (5 * Math.Sqrt(shape / n)));
            Assert.InRange(variance, shape * 0.96, shape * 1.04);
        }
    }

    [Fact]
    public void Gamma_InvalidShape_Throws()
    {
        var g = new Xoshiro256StarStar(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampling.Gamma(ref g, 0));
    }

    [Theory]
    // Poisson(1): P(0) = e^-1 = 0.3679, P(≤1) = 0.7358, P(≤2) = 0.9197, P(≤3) = 0.9810.
    [InlineData(1.0, 0.2, 0)]
    [InlineData(1.0, 0.5, 1)]
    [InlineData(1.0, 0.9, 2)]
    [InlineData(1.0, 0.95, 3)]
    [InlineData(0.0, 0.999, 0)]
    public void PoissonByInversion_HandComputed(double mean, double u, int expected)
    {
        Assert.Equal(expected, Sampling.PoissonByInversion(mean, u));
    }

    [Property]
    public bool PoissonByInversion_IsMonotoneInMean(NormalFloat a, NormalFloat b, NormalFloat uSeed)
    {
        double m1 = Math.Abs(a.Get) % 50, m2 = Math.Abs(b.Get) % 50;
        double u = Math.Abs(uSeed.Get) % 1.0;
        double lo = Math.Min(m1, m2), hi = Math.Max(m1, m2);
        return Sampling.PoissonByInversion(lo, u) <= Sampling.PoissonByInversion(hi, u);
    }

    [Property]
    public bool Pert_ValidInputs_SamplesStayInRange(NormalFloat a, NormalFloat b, NormalFloat c, ulong seed)
    {
        double[] v = [a.Get % 1e9, b.Get % 1e9, c.Get % 1e9];
        Array.Sort(v);
        var d = Distribution.Pert(v[0], v[1], v[2]);
        var g = new Xoshiro256StarStar(seed);
        for (int i = 0; i < 20; i++)
        {
            double x = d.Sample(ref g);
            if (x < v[0] || x > v[2])
            {
                return false;
            }
        }

        return d.Mean >= v[0] && d.Mean <= v[2];
    }

    [Property]
    public bool Pert_MostLikelyOutsideRange_AlwaysThrowsNamingTheInput(NormalFloat a, NormalFloat b, PositiveInt gap)
    {
        double min = Math.Min(a.Get, b.Get) % 1e9, max = Math.Max(a.Get, b.Get) % 1e9;
        if (min > max)
        {
            (min, max) = (max, min);
        }

        double below = min - gap.Get;
        double above = max + gap.Get;
        foreach (double mode in new[] { below, above })
        {
            try
            {
                Distribution.Pert(min, mode, max, "fuzzed input");
                return false;
            }
            catch (RiskInputException ex) when (ex.Message.Contains("'fuzzed input'", StringComparison.Ordinal) && ex.ParamName == "mostLikely")
            {
            }
        }

        return true;
    }

    [Property]
    public bool Probability_OutsideUnitInterval_AlwaysThrows(NormalFloat value)
    {
        double p = value.Get;
        bool valid = p >= 0 && p <= 1;
        try
        {
            Distribution.Bernoulli(p, "p");
            return valid;
        }
        catch (RiskInputException)
        {
            return !valid;
        }
    }
}
