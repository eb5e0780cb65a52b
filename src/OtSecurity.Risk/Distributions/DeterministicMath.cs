namespace OtSecurity.Risk.Distributions;

/// <summary>
/// Natural logarithm and exponential computed with additions, multiplications, divisions and exact bit manipulation
/// only. IEEE 754 makes each of those exactly rounded, and .NET does not fuse or widen them, so the results are
/// bit-identical on every platform and runtime version. <see cref="Math.Log(double)"/> and <see cref="Math.Exp"/>
/// call the platform's C library, whose last bit may differ between systems; the Monte Carlo must not.
/// </summary>
/// <remarks>Accuracy: within a few units in the last place of the exactly rounded result over the whole range.</remarks>
public static class DeterministicMath
{
    // ln 2 split so that k * Ln2Hi is exact for |k| < 2^11 (the low 32 bits of Ln2Hi are zero), as in fdlibm.
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;
    private const double Sqrt2 = 1.4142135623730951;
    private const double TwoTo54 = 18014398509481984.0;
    private const double MaxExpArgument = 709.782712893383973096;   // ln(double.MaxValue)
    private const double MinExpArgument = -745.13321910194110842;   // ln(smallest subnormal)

    /// <summary>The natural logarithm of <paramref name="x"/>.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>ln x; negative infinity for 0; NaN for negative or NaN arguments; positive infinity for positive infinity.</returns>
    public static double Log(double x)
    {
        if (!(x > 0.0))
        {
            return x == 0.0 ? double.NegativeInfinity : double.NaN;
        }

        if (double.IsPositiveInfinity(x))
        {
            return x;
        }

        int k = 0;
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        int biasedExponent = (int)((bits >> 52) & 0x7FF);
        if (biasedExponent == 0)
        {
            // Subnormal: scale into the normal range first.
            x *= TwoTo54;
            k -= 54;
            bits = BitConverter.DoubleToUInt64Bits(x);
            biasedExponent = (int)((bits >> 52) & 0x7FF);
        }

        k += biasedExponent - 1023;
        double m = BitConverter.UInt64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFUL) | 0x3FF0_0000_0000_0000UL); // m in [1, 2)
        if (m > Sqrt2)
        {
            m *= 0.5; // exact
            k++;
        }

        // m in (sqrt(1/2), sqrt(2)]: ln m = 2 atanh(s) with s = (m - 1) / (m + 1), |s| <= 0.1716, s^2 <= 0.0295.
        double f = m - 1.0; // exact (Sterbenz)
        double s = f / (2.0 + f);
        double z = s * s;
        // 2 atanh(s) = 2s (1 + z/3 + z^2/5 + ... ); the z^11/23 term is below 2^-60 relative.
        double r = z * (1.0 / 3 + (z * (1.0 / 5 + (z * (1.0 / 7 + (z * (1.0 / 9 + (z * (1.0 / 11 + (z * (1.0 / 13 + (z * (1.0 / 15
            + (z * (1.0 / 17 + (z * (1.0 / 19 + (z * (1.0 / 21 + (z * (1.0 / 23)))))))))))))))))))));
        double logM = (2.0 * s) + (2.0 * s * r);
        return (k * Ln2Hi) + (logM + (k * Ln2Lo));
    }

    /// <summary>e raised to <paramref name="x"/>.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>e^x; positive infinity on overflow; 0 on underflow; NaN for NaN.</returns>
    public static double Exp(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x > MaxExpArgument)
        {
            return double.PositiveInfinity;
        }

        if (x < MinExpArgument)
        {
            return 0.0;
        }

        // x = k ln2 + r with |r| <= ln2 / 2.
        double kd = Math.Floor((x * InvLn2) + 0.5);
        int k = (int)kd;
        double r = (x - (kd * Ln2Hi)) - (kd * Ln2Lo);

        // e^r by its Taylor series in nested form 1 + r(1 + r/2(1 + r/3(...))); the r^15/15! term is below 2^-60.
        double p = 1.0 + (r * (1.0 / 15));
        p = 1.0 + (r * p * (1.0 / 14));
        p = 1.0 + (r * p * (1.0 / 13));
        p = 1.0 + (r * p * (1.0 / 12));
        p = 1.0 + (r * p * (1.0 / 11));
        p = 1.0 + (r * p * (1.0 / 10));
        p = 1.0 + (r * p * (1.0 / 9));
        p = 1.0 + (r * p * (1.0 / 8));
        p = 1.0 + (r * p * (1.0 / 7));
        p = 1.0 + (r * p * (1.0 / 6));
        p = 1.0 + (r * p * (1.0 / 5));
        p = 1.0 + (r * p * (1.0 / 4));
        p = 1.0 + (r * p * (1.0 / 3));
        p = 1.0 + (r * p * (1.0 / 2));
        p = 1.0 + (r * p);

        return Scale(p, k);
    }

    /// <summary><paramref name="x"/> raised to <paramref name="y"/> for positive <paramref name="x"/>, as Exp(y · Log(x)).</summary>
    /// <param name="x">A positive base.</param>
    /// <param name="y">The exponent.</param>
    /// <returns>x^y; NaN when x is not positive.</returns>
    public static double PowPositive(double x, double y) => x > 0.0 ? Exp(y * Log(x)) : double.NaN;

    // p * 2^k, exact unless the result is subnormal.
    private static double Scale(double p, int k)
    {
        if (k > 1023)
        {
            return p * PowerOfTwo(1023) * PowerOfTwo(k - 1023);
        }

        if (k < -1022)
        {
            return p * PowerOfTwo(k + 1022) * PowerOfTwo(-1022);
        }

        return p * PowerOfTwo(k);
    }

    private static double PowerOfTwo(int k) => BitConverter.UInt64BitsToDouble((ulong)(k + 1023) << 52);
}
