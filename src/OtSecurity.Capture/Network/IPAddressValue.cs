using System.Buffers.Binary;
using System.Net;
using System.Runtime.CompilerServices;

namespace OtSecurity.Capture.Network;

/// <summary>
/// An IPv4 or IPv6 address as a 128-bit value (IPv4 kept in the IPv4-mapped form, with its family remembered), for
/// allocation-free flow keys. Convert with <see cref="ToIPAddress"/> once per flow.
/// </summary>
public readonly struct IPAddressValue : IEquatable<IPAddressValue>, IComparable<IPAddressValue>
{
    private const ulong MappedPrefix = 0x0000FFFF00000000UL;

    private readonly ulong _high;
    private readonly ulong _low;
    private readonly bool _isIPv6;

    private IPAddressValue(ulong high, ulong low, bool isIPv6)
    {
        _high = high;
        _low = low;
        _isIPv6 = isIPv6;
    }

    /// <summary>True for an IPv6 address, false for IPv4.</summary>
    public bool IsIPv6 => _isIPv6;

    /// <summary>Reads an IPv4 address (4 bytes, network order).</summary>
    /// <param name="bytes">The address bytes.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IPAddressValue FromIPv4(ReadOnlySpan<byte> bytes) =>
        new(0, MappedPrefix | BinaryPrimitives.ReadUInt32BigEndian(bytes), false);

    /// <summary>Reads an IPv6 address (16 bytes, network order).</summary>
    /// <param name="bytes">The address bytes.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IPAddressValue FromIPv6(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]), true);

    /// <summary>Converts an <see cref="IPAddress"/>.</summary>
    /// <param name="address">The address.</param>
    /// <returns>The value.</returns>
    public static IPAddressValue FromIPAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return written == 4 ? FromIPv4(bytes) : FromIPv6(bytes);
    }

    /// <summary>Writes the address bytes (4 or 16) in network order.</summary>
    /// <param name="destination">At least 16 bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public int WriteBytes(Span<byte> destination)
    {
        if (!_isIPv6)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)_low);
            return 4;
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, _high);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _low);
        return 16;
    }

    /// <summary>Creates the <see cref="IPAddress"/> (allocates: do it once per flow).</summary>
    /// <returns>The address.</returns>
    public IPAddress ToIPAddress()
    {
        Span<byte> bytes = stackalloc byte[16];
        var length = WriteBytes(bytes);
        return new IPAddress(bytes[..length]);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Equals(IPAddressValue other) => _low == other._low && _high == other._high && _isIPv6 == other._isIPv6;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IPAddressValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_high, _low, _isIPv6);

    /// <inheritdoc />
    public int CompareTo(IPAddressValue other)
    {
        var c = _isIPv6.CompareTo(other._isIPv6);
        if (c != 0)
        {
            return c;
        }

        c = _high.CompareTo(other._high);
        return c != 0 ? c : _low.CompareTo(other._low);
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(IPAddressValue left, IPAddressValue right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(IPAddressValue left, IPAddressValue right) => !left.Equals(right);

    /// <summary>Ordering.</summary>
    public static bool operator <(IPAddressValue left, IPAddressValue right) => left.CompareTo(right) < 0;

    /// <summary>Ordering.</summary>
    public static bool operator >(IPAddressValue left, IPAddressValue right) => left.CompareTo(right) > 0;

    /// <summary>Ordering.</summary>
    public static bool operator <=(IPAddressValue left, IPAddressValue right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering.</summary>
    public static bool operator >=(IPAddressValue left, IPAddressValue right) => left.CompareTo(right) >= 0;

    internal ulong High => _high;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static IPAddressValue FromParts(ulong high, ulong low, bool isIPv6) => new(high, low, isIPv6);

    internal ulong Low => _low;

    /// <inheritdoc />
    public override string ToString() => ToIPAddress().ToString();
}
