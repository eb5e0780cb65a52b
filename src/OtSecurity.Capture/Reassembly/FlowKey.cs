using System.Runtime.CompilerServices;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Network;

namespace OtSecurity.Capture.Reassembly;

/// <summary>
/// Identifies a TCP connection or UDP conversation regardless of direction: endpoint A is the lower of the two
/// (address, then port), so both directions map to the same key. A value type: no allocation per lookup.
/// </summary>
/// <param name="AddressA">The lower endpoint's address.</param>
/// <param name="PortA">The lower endpoint's port.</param>
/// <param name="AddressB">The higher endpoint's address.</param>
/// <param name="PortB">The higher endpoint's port.</param>
/// <param name="Transport">TCP or UDP.</param>
public readonly record struct FlowKey(IPAddressValue AddressA, ushort PortA, IPAddressValue AddressB, ushort PortB, TransportKind Transport)
{
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
        PortA == other.PortA && PortB == other.PortB && Transport == other.Transport && AddressA.Equals(other.AddressA) && AddressB.Equals(other.AddressB);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override int GetHashCode()
    {
        var h = (AddressA.Low * 0x9E3779B97F4A7C15UL) ^ (AddressB.Low * 0xC2B2AE3D27D4EB4FUL) ^ AddressA.High ^ (AddressB.High * 31);
        h ^= ((ulong)PortA << 16) | ((ulong)PortB << 32) | (ulong)Transport;
        h *= 0x9E3779B97F4A7C15UL;
        return (int)(h ^ (h >> 32));
    }
}
