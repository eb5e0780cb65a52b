using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.Dnp3;

/// <summary>
/// An object header (IEEE 1815-2012 §4.2.2.7): group, variation, qualifier (object prefix code and range specifier code)
/// and the range field (start and stop, or a count, or nothing).
/// </summary>
public readonly record struct Dnp3ObjectHeader
{
    /// <summary>Creates a header from its fields.</summary>
    /// <param name="group">The object group.</param>
    /// <param name="variation">The variation.</param>
    /// <param name="qualifier">The qualifier octet.</param>
    /// <param name="rangeStart">Start index or address (start-stop ranges), otherwise 0.</param>
    /// <param name="rangeStopOrCount">Stop index or address (start-stop ranges), the count (count ranges), otherwise 0.</param>
    public Dnp3ObjectHeader(byte group, byte variation, byte qualifier, uint rangeStart, uint rangeStopOrCount)
    {
        Group = group;
        Variation = variation;
        Qualifier = qualifier;
        RangeStart = rangeStart;
        RangeStopOrCount = rangeStopOrCount;
    }

    /// <summary>The object group (see <see cref="Dnp3ObjectGroup"/>).</summary>
    public byte Group { get; }

    /// <summary>The variation; 0 asks for any variation.</summary>
    public byte Variation { get; }

    /// <summary>The qualifier octet.</summary>
    public byte Qualifier { get; }

    /// <summary>The start of a start-stop range; 0 otherwise.</summary>
    public uint RangeStart { get; }

    /// <summary>The stop of a start-stop range, or the count of a count range; 0 for all-objects.</summary>
    public uint RangeStopOrCount { get; }

    /// <summary>The object prefix code (qualifier bits 4–6).</summary>
    public Dnp3PrefixCode PrefixCode => (Dnp3PrefixCode)((Qualifier >> 4) & 0x07);

    /// <summary>The range specifier code (qualifier bits 0–3).</summary>
    public Dnp3RangeCode RangeCode => (Dnp3RangeCode)(Qualifier & 0x0F);

    /// <summary>True when the range is a start-stop pair.</summary>
    public bool HasStartStop => Dnp3Qualifiers.IsStartStop(RangeCode);

    /// <summary>The number of objects the range announces (0 for all-objects).</summary>
    public long ObjectCount => RangeCode == Dnp3RangeCode.AllObjects
        ? 0
        : HasStartStop ? (long)RangeStopOrCount - RangeStart + 1 : RangeStopOrCount;

    /// <summary>The encoded size: group, variation, qualifier and the range field.</summary>
    public int EncodedLength => 3 + Math.Max(0, Dnp3Qualifiers.RangeFieldSize(RangeCode));

    /// <summary>A header with a start-stop range and no prefix (qualifier 0x00, 0x01 or 0x02 by the width needed).</summary>
    /// <param name="group">The group.</param>
    /// <param name="variation">The variation.</param>
    /// <param name="start">The start index.</param>
    /// <param name="stop">The stop index (not below <paramref name="start"/>).</param>
    /// <returns>The header.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stop"/> is below <paramref name="start"/>.</exception>
    public static Dnp3ObjectHeader StartStop(byte group, byte variation, uint start, uint stop)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stop, start);
        Dnp3RangeCode range = stop <= byte.MaxValue ? Dnp3RangeCode.StartStop1 : stop <= ushort.MaxValue ? Dnp3RangeCode.StartStop2 : Dnp3RangeCode.StartStop4;
        return new Dnp3ObjectHeader(group, variation, Dnp3Qualifiers.Compose(Dnp3PrefixCode.None, range), start, stop);
    }

    /// <summary>A header with a count range and a prefix (for example qualifier 0x17, 0x28 or 0x5B).</summary>
    /// <param name="group">The group.</param>
    /// <param name="variation">The variation.</param>
    /// <param name="prefix">The prefix code.</param>
    /// <param name="range">A count code: <see cref="Dnp3RangeCode.Count1"/>, <see cref="Dnp3RangeCode.Count2"/>, <see cref="Dnp3RangeCode.Count4"/> or <see cref="Dnp3RangeCode.FreeFormatCount1"/>.</param>
    /// <param name="count">The number of objects.</param>
    /// <returns>The header.</returns>
    /// <exception cref="ArgumentException"><paramref name="range"/> is not a count code, or <paramref name="count"/> does not fit it.</exception>
    public static Dnp3ObjectHeader Counted(byte group, byte variation, Dnp3PrefixCode prefix, Dnp3RangeCode range, uint count)
    {
        uint max = range switch
        {
            Dnp3RangeCode.Count1 or Dnp3RangeCode.FreeFormatCount1 => byte.MaxValue,
            Dnp3RangeCode.Count2 => ushort.MaxValue,
            Dnp3RangeCode.Count4 => uint.MaxValue,
            _ => throw new ArgumentException("The range code is not a count code.", nameof(range)),
        };
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, max);
        return new Dnp3ObjectHeader(group, variation, Dnp3Qualifiers.Compose(prefix, range), 0, count);
    }

    /// <summary>A header that asks for all objects of a type (qualifier 0x06).</summary>
    /// <param name="group">The group.</param>
    /// <param name="variation">The variation.</param>
    /// <returns>The header.</returns>
    public static Dnp3ObjectHeader AllObjects(byte group, byte variation)
        => new(group, variation, Dnp3Qualifiers.Compose(Dnp3PrefixCode.None, Dnp3RangeCode.AllObjects), 0, 0);

    /// <summary>Writes the header.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">The encoded length, on <see cref="OperationStatus.Done"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="InvalidOperationException">The qualifier uses a reserved code or a range value does not fit its field.</exception>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        int rangeSize = Dnp3Qualifiers.RangeFieldSize(RangeCode);
        if (rangeSize < 0 || PrefixCode == Dnp3PrefixCode.Reserved)
        {
            throw new InvalidOperationException("The qualifier uses a reserved prefix or range specifier code.");
        }

        if (destination.Length < 3 + rangeSize)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = Group;
        destination[1] = Variation;
        destination[2] = Qualifier;
        Span<byte> range = destination.Slice(3, rangeSize);
        switch (rangeSize)
        {
            case 1:
                range[0] = checked((byte)RangeStopOrCount);
                break;
            case 2 when HasStartStop:
                range[0] = checked((byte)RangeStart);
                range[1] = checked((byte)RangeStopOrCount);
                break;
            case 2:
                BinaryPrimitives.WriteUInt16LittleEndian(range, checked((ushort)RangeStopOrCount));
                break;
            case 4 when HasStartStop:
                BinaryPrimitives.WriteUInt16LittleEndian(range, checked((ushort)RangeStart));
                BinaryPrimitives.WriteUInt16LittleEndian(range[2..], checked((ushort)RangeStopOrCount));
                break;
            case 4:
                BinaryPrimitives.WriteUInt32LittleEndian(range, RangeStopOrCount);
                break;
            case 8:
                BinaryPrimitives.WriteUInt32LittleEndian(range, RangeStart);
                BinaryPrimitives.WriteUInt32LittleEndian(range[4..], RangeStopOrCount);
                break;
        }

        bytesWritten = 3 + rangeSize;
        return OperationStatus.Done;
    }

    /// <summary>Reads a header (group, variation, qualifier and range) from the start of <paramref name="source"/>.</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="header">The header, on success.</param>
    /// <param name="bytesConsumed">The header's length, on success.</param>
    /// <param name="error">The reason, on failure.</param>
    /// <param name="errorOffset">Where, relative to <paramref name="source"/>, on failure.</param>
    /// <returns>True when a well-formed header was read.</returns>
    internal static bool TryReadHeader(ReadOnlySpan<byte> source, out Dnp3ObjectHeader header, out int bytesConsumed, out Dnp3Error error, out int errorOffset)
    {
        header = default;
        bytesConsumed = 0;
        error = Dnp3Error.None;
        errorOffset = 0;

        // §4.2.2.7: group, variation and qualifier octets.
        if (source.Length < 3)
        {
            error = Dnp3Error.ObjectHeaderTruncated;
            errorOffset = source.Length;
            return false;
        }

        byte qualifier = source[2];
        var prefix = (Dnp3PrefixCode)((qualifier >> 4) & 0x07);
        var rangeCode = (Dnp3RangeCode)(qualifier & 0x0F);
        int rangeSize = Dnp3Qualifiers.RangeFieldSize(rangeCode);

        // §4.2.2.7.3: bit 7 of the qualifier is reserved (0); prefix code 7 and range codes 10, 12–15 are reserved.
        if ((qualifier & 0x80) != 0 || prefix == Dnp3PrefixCode.Reserved || rangeSize < 0)
        {
            error = Dnp3Error.ReservedQualifier;
            errorOffset = 2;
            return false;
        }

        if (source.Length < 3 + rangeSize)
        {
            error = Dnp3Error.ObjectHeaderTruncated;
            errorOffset = source.Length;
            return false;
        }

        ReadOnlySpan<byte> range = source.Slice(3, rangeSize);
        uint start = 0;
        uint stopOrCount = 0;
        bool startStop = Dnp3Qualifiers.IsStartStop(rangeCode);
        switch (rangeSize)
        {
            case 1:
                stopOrCount = range[0];
                break;
            case 2 when startStop:
                start = range[0];
                stopOrCount = range[1];
                break;
            case 2:
                stopOrCount = BinaryPrimitives.ReadUInt16LittleEndian(range);
                break;
            case 4 when startStop:
                start = BinaryPrimitives.ReadUInt16LittleEndian(range);
                stopOrCount = BinaryPrimitives.ReadUInt16LittleEndian(range[2..]);
                break;
            case 4:
                stopOrCount = BinaryPrimitives.ReadUInt32LittleEndian(range);
                break;
            case 8:
                start = BinaryPrimitives.ReadUInt32LittleEndian(range);
                stopOrCount = BinaryPrimitives.ReadUInt32LittleEndian(range[4..]);
                break;
        }

        // §4.2.2.7.3.1: a start-stop range has stop >= start.
        if (startStop && stopOrCount < start)
        {
            error = Dnp3Error.InvalidRange;
            errorOffset = 3;
            return false;
        }

        header = new Dnp3ObjectHeader(source[0], source[1], qualifier, start, stopOrCount);
        bytesConsumed = 3 + rangeSize;
        return true;
    }
}
