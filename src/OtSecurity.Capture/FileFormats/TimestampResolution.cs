namespace OtSecurity.Capture.FileFormats;

/// <summary>
/// The unit of a capture interface's timestamps: 10^-<see cref="Exponent"/> s, or 2^-<see cref="Exponent"/> s when
/// <see cref="IsBinary"/> (pcapng <c>if_tsresol</c>, IETF pcapng §4.2).
/// </summary>
/// <param name="Exponent">The negative power (0 to 127 as pcapng allows; values beyond 10^-19 / 2^-63 read as truncated nanoseconds).</param>
/// <param name="IsBinary">True for powers of two.</param>
public readonly record struct TimestampResolution(int Exponent, bool IsBinary)
{
    /// <summary>Microseconds (10^-6 s): classic pcap and the pcapng default.</summary>
    public static TimestampResolution Microseconds => new(6, false);

    /// <summary>Nanoseconds (10^-9 s).</summary>
    public static TimestampResolution Nanoseconds => new(9, false);

    /// <summary>The pcapng <c>if_tsresol</c> option byte for this resolution.</summary>
    public byte ToOptionByte() => (byte)((IsBinary ? 0x80 : 0) | (Exponent & 0x7F));

    /// <summary>Reads a pcapng <c>if_tsresol</c> option byte: the high bit selects powers of two.</summary>
    /// <param name="value">The option byte.</param>
    /// <returns>The resolution.</returns>
    public static TimestampResolution FromOptionByte(byte value) => new(value & 0x7F, (value & 0x80) != 0);

    /// <summary>Splits a timestamp counted in this unit into seconds and nanoseconds.</summary>
    /// <param name="units">The raw 64-bit timestamp.</param>
    /// <param name="offsetSeconds">Seconds to add (pcapng <c>if_tsoffset</c>).</param>
    /// <returns>The timestamp.</returns>
    public CaptureTimestamp ToTimestamp(ulong units, long offsetSeconds)
    {
        ulong seconds;
        long nanos;
        if (IsBinary)
        {
            var e = Math.Min(Exponent, 63);
            seconds = e == 0 ? units : units >> e;
            var fraction = e == 0 ? 0UL : units & ((1UL << e) - 1);
            nanos = (long)(((UInt128)fraction * 1_000_000_000UL) >> e);
        }
        else if (Exponent == 6)
        {
            (seconds, var rest) = Math.DivRem(units, 1_000_000UL);
            nanos = (long)rest * 1000;
        }
        else if (Exponent == 9)
        {
            (seconds, var rest) = Math.DivRem(units, 1_000_000_000UL);
            nanos = (long)rest;
        }
        else
        {
            var e = Math.Min(Exponent, 19);
            var divisor = Pow10(e);
            (seconds, var rest) = Math.DivRem(units, divisor);
            nanos = e <= 9 ? (long)(rest * Pow10(9 - e)) : (long)(rest / Pow10(e - 9));
        }

        return new CaptureTimestamp((long)seconds + offsetSeconds, (int)nanos);
    }

    /// <summary>Counts a timestamp in this unit (the inverse of <see cref="ToTimestamp"/>, truncating finer digits).</summary>
    /// <param name="timestamp">The time.</param>
    /// <param name="offsetSeconds">Seconds to subtract (pcapng <c>if_tsoffset</c>).</param>
    /// <returns>The raw 64-bit timestamp.</returns>
    public ulong ToUnits(CaptureTimestamp timestamp, long offsetSeconds)
    {
        var seconds = (ulong)(timestamp.Seconds - offsetSeconds);
        var nanos = (ulong)timestamp.Nanoseconds;
        if (IsBinary)
        {
            var e = Math.Min(Exponent, 63);
            return (seconds << e) + (ulong)(((UInt128)nanos << e) / 1_000_000_000UL);
        }

        var d = Math.Min(Exponent, 19);
        var fraction = d <= 9 ? nanos / Pow10(9 - d) : nanos * Pow10(d - 9);
        return (seconds * Pow10(d)) + fraction;
    }

    private static ulong Pow10(int exponent)
    {
        ulong value = 1;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }
}
