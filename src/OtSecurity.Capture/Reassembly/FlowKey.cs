using System.Runtime.CompilerServices;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Network;

namespace OtSecurity.Capture.Reassembly;

/// <summary>
/// Identifies a TCP connection or UDP conversation regardless of direction: endpoint A is the lower of the two
/// (address, then port), so both directions map to the same key. A 40-byte value: no allocation per lookup.
/// </summary>
public readonly record struct FlowKey
{
    private readonly ulong _addressAHigh;
    private readonly ulong _addressALow;
    private readonly ulong _addressBHigh;
    private readonly ulong _addressBLow;

    // Port A (16) | port B (16) | transport (8) | A is IPv6 (1) | B is IPv6 (1).
    private readonly ulong _packed;

    /// <summary>Creates a key from its two endpoints, already in order.</summary>
    /// <param name="addressA">The lower endpoint's address.</param>
    /// <param name="portA">The lower endpoint's port.</param>
    /// <param name="addressB">The higher endpoint's address.</param>
    /// <param name="portB">The higher endpoint's port.</param>
    /// <param name="transport">TCP or UDP.</param>
    public FlowKey(IPAddressValue addressA, ushort portA, IPAddressValue addressB, ushort portB, TransportKind transport)
    {
        _addressAHigh = addressA.High;
        _addressALow = addressA.Low;
        _addressBHigh = addressB.High;
        _addressBLow = addressB.Low;
        _packed = portA | ((ulong)portB << 16) | ((ulong)(byte)transport << 32)
            | (addressA.IsIPv6 ? 1UL << 40 : 0) | (addressB.IsIPv6 ? 1UL << 41 : 0);
    }

    /// <summary>The lower endpoint's address.</summary>
    public IPAddressValue AddressA => IPAddressValue.FromParts(_addressAHigh, _addressALow, (_packed & (1UL << 40)) != 0);

    /// <summary>The lower endpoint's port.</summary>
    public ushort PortA => (ushort)_packed;

    /// <summary>The higher endpoint's address.</summary>
    public IPAddressValue AddressB => IPAddressValue.FromParts(_addressBHigh, _addressBLow, (_packed & (1UL << 41)) != 0);

    /// <summary>The higher endpoint's port.</summary>
    public ushort PortB => (ushort)(_packed >> 16);

    /// <summary>TCP or UDP.</summary>
    public TransportKind Transport => (TransportKind)(byte)(_packed >> 32);

    /// <summary>Builds the key of a packet's flow.</summary>
    /// <param name="source">Source address.</param>
    /// <param name="sourcePort">Source port.</param>
    /// <param name="destination">Destination address.</param>
    /// <param name="destinationPort">Destination port.</param>
    /// <param name="transport">TCP or UDP.</param>
    /// <param name="sourceIsA">True when the packet's source is endpoint A.</param>
    /// <returns>The key.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FlowKey Create(IPAddressValue source, ushort sourcePort, IPAddressValue destination, ushort destinationPort, TransportKind transport, out bool sourceIsA)
    {
        var c = source.CompareTo(destination);
        sourceIsA = c < 0 || (c == 0 && sourcePort <= destinationPort);
        return sourceIsA
            ? new FlowKey(source, sourcePort, destination, destinationPort, transport)
            : new FlowKey(destination, destinationPort, source, sourcePort, transport);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Equals(FlowKey other) =>
        _addressALow == other._addressALow && _addressBLow == other._addressBLow && _packed == other._packed
        && _addressAHigh == other._addressAHigh && _addressBHigh == other._addressBHigh;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override int GetHashCode()
    {
        var h = (_addressALow * 0x9E3779B97F4A7C15UL) ^ (_addressBLow * 0xC2B2AE3D27D4EB4FUL) ^ _addressAHigh ^ (_addressBHigh * 31) ^ (_packed * 0x165667B19E3779F9UL);
        h ^= h >> 29;
        return (int)(h ^ (h >> 32));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Transport} {AddressA}:{PortA} <-> {AddressB}:{PortB}";
}
