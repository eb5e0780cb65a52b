using System.Numerics;
using System.Runtime.CompilerServices;

namespace OtSecurity.Risk.Distributions;

/// <summary>
/// The xoshiro256** 1.0 pseudo-random generator (Blackman and Vigna, 2018, https://prng.di.unimi.it/),
/// seeded through SplitMix64. Every operation is integer arithmetic or an exactly rounded IEEE 754
/// operation, so a seed gives the same numbers on every machine, operating system and .NET version
/// (unlike <see cref="System.Random"/>, whose algorithm is not part of its contract).
/// </summary>
/// <remarks>
/// A mutable struct: pass it by <see langword="ref"/>. Normal variates come from Marsaglia's polar method
/// and keep the second value of each pair as part of the generator state.
/// </remarks>
public struct Xoshiro256StarStar
{
    // 2^-53: the spacing of doubles in [0.5, 1).
    private const double InverseTwoTo53 = 1.0 / 9007199254740992.0;

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>Creates a generator whose 256-bit state is four consecutive SplitMix64 outputs started at <paramref name="seed"/>.</summary>
    /// <param name="seed">Any 64-bit value; the same seed always gives the same sequence.</param>
    public Xoshiro256StarStar(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
        _spareNormal = 0;
        _hasSpareNormal = false;
        // SplitMix64 never yields four zero words in a row, so the all-zero state (a fixed point) cannot occur.
    }

    /// <summary>
    /// Creates the generator of one independent stream of a seeded experiment (for example, one simulated year of one
    /// scenario): the seed and the stream number are mixed through SplitMix64 before seeding.
    /// </summary>
    /// <param name="seed">The experiment's seed.</param>
    /// <param name="stream">The stream number.</param>
    /// <returns>A generator for that stream.</returns>
    public static Xoshiro256StarStar ForStream(ulong seed, ulong stream)
    {
        ulong x = seed;
        ulong mixedSeed = SplitMix64(ref x);
        ulong y = stream ^ 0x6A09E667F3BCC909UL; // first 64 bits of the fractional part of sqrt(2): a fixed, documented tweak
        ulong mixedStream = SplitMix64(ref y);
        return new Xoshiro256StarStar(mixedSeed ^ BitOperations.RotateLeft(mixedStream, 31));
    }

    /// <summary>Creates a generator from an explicit 256-bit state (used for the reference test vectors).</summary>
    /// <param name="s0">State word 0.</param>
    /// <param name="s1">State word 1.</param>
    /// <param name="s2">State word 2.</param>
    /// <param name="s3">State word 3.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentException">All four words are zero (the generator would only ever return zero).</exception>
    public static Xoshiro256StarStar FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("The xoshiro256** state must not be all zero: the generator would only ever return zero.", nameof(s0));
        }

        var g = default(Xoshiro256StarStar);
        g._s0 = s0;
        g._s1 = s1;
        g._s2 = s2;
        g._s3 = s3;
        return g;
    }

    /// <summary>One step of SplitMix64 (Steele, Lea and Flood, 2014): advances <paramref name="state"/> and returns the mixed output.</summary>
    /// <param name="state">The SplitMix64 state, advanced by the golden-ratio increment.</param>
    /// <returns>The next SplitMix64 output.</returns>
    public static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits.</summary>
    /// <returns>A uniformly distributed 64-bit value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1): the top 53 bits of <see cref="NextUInt64"/> times 2^-53 (exact).</summary>
    /// <returns>A value in [0, 1).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * InverseTwoTo53;

    /// <summary>A uniform double in (0, 1): (top 53 bits + 0.5) times 2^-53, never 0 and never 1, safe to take the logarithm of.</summary>
    /// <returns>A value in (0, 1).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * InverseTwoTo53;

    /// <summary>
    /// A standard normal variate by Marsaglia's polar method (Marsaglia and Bray, 1964): two uniforms in (-1, 1) are
    /// accepted when inside the unit disc, and give two independent normals; the second is kept for the next call.
    /// Uses only <see cref="DeterministicMath.Log"/> and <see cref="Math.Sqrt"/> (exactly rounded), so it is reproducible everywhere.
    /// </summary>
    /// <returns>A draw from N(0, 1).</returns>
    public double NextStandardNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }

        double u, v, s;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        double factor = Math.Sqrt(-2.0 * DeterministicMath.Log(s) / s);
        _spareNormal = v * factor;
        _hasSpareNormal = true;
        return u * factor;
    }
}
