using FsCheck;
using FsCheck.Xunit;
using OtSecurity.Risk.Distributions;

namespace OtSecurity.Risk.Tests.Distributions;

public class DeterministicMathTests
{
    [Fact]
    public void Log_SpecialValues()
    {
        Assert.Equal(0.0, DeterministicMath.Log(1.0));
        Assert.Equal(double.NegativeInfinity, DeterministicMath.Log(0.0));
        Assert.True(double.IsNaN(DeterministicMath.Log(-1.0)));
        Assert.True(double.IsNaN(DeterministicMath.Log(double.NaN)));
        Assert.Equal(double.PositiveInfinity, DeterministicMath.Log(double.PositiveInfinity));
        // ln 2 = 0.693147180559945309417...; k = 1, m = 1: Ln2Hi + Ln2Lo.
        Assert.Equal(0.6931471805599453, DeterministicMath.Log(2.0), 15);
    }

    [Fact]
    public void Exp_SpecialValues()
    {
        Assert.Equal(1.0, DeterministicMath.Exp(0.0));
        Assert.Equal(double.PositiveInfinity, DeterministicMath.Exp(710.0));
        Assert.Equal(0.0, DeterministicMath.Exp(-746.0));
        Assert.True(double.IsNaN(DeterministicMath.Exp(double.NaN)));
        // Within one unit in the last place of e = 2.718281828459045235...
        Assert.InRange(DeterministicMath.Exp(1.0), Math.BitDecrement(Math.E), Math.BitIncrement(Math.E));
    }

    [Property(MaxTest = 1000)]
    public bool Log_AgreesWithMathLog_WithinFewUlps(PositiveInt mantissa, int exponentSeed)
    {
        double x = mantissa.Get * Math.Pow(2.0, (exponentSeed % 1000) - 40);
        if (!double.IsFinite(x) || x <= 0)
        {
            return true;
        }

        double expected = Math.Log(x);
        double actual = DeterministicMath.Log(x);
        return Math.Abs(actual - expected) <= 4 * Math.Max(Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected), double.Epsilon);
    }

    [Property(MaxTest = 1000)]
    public bool Exp_AgreesWithMathExp_WithinFewUlps(NormalFloat value)
    {
        double x = value.Get % 700.0;
        double expected = Math.Exp(x);
        double actual = DeterministicMath.Exp(x);
        return Math.Abs(actual - expected) <= 4 * (Math.BitIncrement(expected) - expected);
    }

    [Fact]
    public void Log_Subnormal_IsAccurate()
    {
        double x = double.Epsilon * 12345;
        Assert.Equal(Math.Log(x), DeterministicMath.Log(x), 12);
    }
}
