using System.Runtime.CompilerServices;

namespace OtSecurity.Capture.Reassembly;

/// <summary>TCP sequence-number comparisons in serial-number arithmetic (RFC 1982; RFC 9293 §3.4): values wrap at 2^32.</summary>
public static class SequenceNumber
{
    /// <summary>The signed distance from <paramref name="from"/> to <paramref name="to"/> (positive when <paramref name="to"/> is later).</summary>
    /// <param name="to">The later value.</param>
    /// <param name="from">The earlier value.</param>
    /// <returns>The distance, -2^31 to 2^31-1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Distance(uint to, uint from) => unchecked((int)(to - from));

    /// <summary>True when <paramref name="a"/> comes before <paramref name="b"/>.</summary>
    /// <param name="a">A sequence number.</param>
    /// <param name="b">Another.</param>
    /// <returns>The comparison.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsBefore(uint a, uint b) => Distance(b, a) > 0;
}
