using System.Buffers.Binary;

namespace OtSecurity.Protocols.Iec104;

/// <summary>Seven-octet binary time CP56Time2a (IEC 60870-5-4 §6.8; IEC 60870-5-101 §7.2.6.18).</summary>
public readonly record struct Cp56Time2a
{
    /// <summary>Encoded size.</summary>
    public const int Length = 7;

    /// <summary>Creates a time tag.</summary>
    /// <param name="milliseconds">Milliseconds within the minute, 0..59999.</param>
    /// <param name="minute">0..59.</param>
    /// <param name="hour">0..23.</param>
    /// <param name="dayOfMonth">1..31.</param>
    /// <param name="dayOfWeek">1..7 (Monday = 1), 0 when not used.</param>
    /// <param name="month">1..12.</param>
    /// <param name="year">0..99 (years since 2000 by common convention).</param>
    /// <param name="isInvalid">IV: the time is invalid.</param>
    /// <param name="isSummerTime">SU: summer time.</param>
    /// <param name="isSubstituted">RES1/GEN bit of the minute octet (substituted time in some profiles).</param>
    public Cp56Time2a(ushort milliseconds, byte minute, byte hour, byte dayOfMonth, byte dayOfWeek, byte month, byte year, bool isInvalid = false, bool isSummerTime = false, bool isSubstituted = false)
    {
        Milliseconds = milliseconds;
        Minute = minute;
        Hour = hour;
        DayOfMonth = dayOfMonth;
        DayOfWeek = dayOfWeek;
        Month = month;
        Year = year;
        IsInvalid = isInvalid;
        IsSummerTime = isSummerTime;
        IsSubstituted = isSubstituted;
    }

    /// <summary>Milliseconds within the minute (0..59999).</summary>
    public ushort Milliseconds { get; }

    /// <summary>Minute (6 bits).</summary>
    public byte Minute { get; }

    /// <summary>Hour (5 bits).</summary>
    public byte Hour { get; }

    /// <summary>Day of month (5 bits).</summary>
    public byte DayOfMonth { get; }

    /// <summary>Day of week (3 bits; 0 when not used).</summary>
    public byte DayOfWeek { get; }

    /// <summary>Month (4 bits).</summary>
    public byte Month { get; }

    /// <summary>Year within the century (7 bits).</summary>
    public byte Year { get; }

    /// <summary>IV: invalid time.</summary>
    public bool IsInvalid { get; }

    /// <summary>SU: summer time.</summary>
    public bool IsSummerTime { get; }

    /// <summary>Bit 6 of the minute octet (RES1, used as "substituted" by some profiles).</summary>
    public bool IsSubstituted { get; }

    /// <summary>Decodes a time tag from 7 octets.</summary>
    /// <param name="source">At least 7 octets.</param>
    /// <returns>The time tag.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is shorter than 7 octets.</exception>
    public static Cp56Time2a Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < Length)
        {
            throw new ArgumentException("CP56Time2a needs 7 octets.", nameof(source));
        }

        return new Cp56Time2a(
            BinaryPrimitives.ReadUInt16LittleEndian(source),
            (byte)(source[2] & 0x3F),
            (byte)(source[3] & 0x1F),
            (byte)(source[4] & 0x1F),
            (byte)(source[4] >> 5),
            (byte)(source[5] & 0x0F),
            (byte)(source[6] & 0x7F),
            (source[2] & 0x80) != 0,
            (source[3] & 0x80) != 0,
            (source[2] & 0x40) != 0);
    }

    /// <summary>Encodes the time tag into 7 octets.</summary>
    /// <param name="destination">At least 7 octets.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 7 octets.</exception>
    public void Write(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException("CP56Time2a needs 7 octets.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt16LittleEndian(destination, Milliseconds);
        destination[2] = (byte)((Minute & 0x3F) | (IsSubstituted ? 0x40 : 0) | (IsInvalid ? 0x80 : 0));
        destination[3] = (byte)((Hour & 0x1F) | (IsSummerTime ? 0x80 : 0));
        destination[4] = (byte)((DayOfMonth & 0x1F) | ((DayOfWeek & 0x07) << 5));
        destination[5] = (byte)(Month & 0x0F);
        destination[6] = (byte)(Year & 0x7F);
    }

    /// <summary>Converts to a <see cref="DateTime"/> (unspecified kind) taking the year as 2000 + <see cref="Year"/>.</summary>
    /// <param name="value">The date and time, when every field is in range.</param>
    /// <returns>False when a field is out of range (for example month 0).</returns>
    public bool TryGetDateTime(out DateTime value)
    {
        value = default;
        if (Month is < 1 or > 12 || DayOfMonth < 1 || DayOfMonth > DateTime.DaysInMonth(2000 + Year, Month) || Hour > 23 || Minute > 59 || Milliseconds > 59999)
        {
            return false;
        }

        value = new DateTime(2000 + Year, Month, DayOfMonth, Hour, Minute, Milliseconds / 1000, Milliseconds % 1000, DateTimeKind.Unspecified);
        return true;
    }
}

/// <summary>Three-octet binary time CP24Time2a: milliseconds and minutes (IEC 60870-5-101 §7.2.6.19).</summary>
/// <param name="Milliseconds">Milliseconds within the minute.</param>
/// <param name="Minute">Minute (6 bits).</param>
/// <param name="IsInvalid">IV: invalid time.</param>
public readonly record struct Cp24Time2a(ushort Milliseconds, byte Minute, bool IsInvalid)
{
    /// <summary>Encoded size.</summary>
    public const int Length = 3;

    /// <summary>Decodes from 3 octets.</summary>
    /// <param name="source">At least 3 octets.</param>
    /// <returns>The time tag.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is shorter than 3 octets.</exception>
    public static Cp24Time2a Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < Length)
        {
            throw new ArgumentException("CP24Time2a needs 3 octets.", nameof(source));
        }

        return new Cp24Time2a(BinaryPrimitives.ReadUInt16LittleEndian(source), (byte)(source[2] & 0x3F), (source[2] & 0x80) != 0);
    }
}
