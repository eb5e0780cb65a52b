namespace OtSecurity.Capture.Network;

/// <summary>Identifies the fragments of one IP datagram (RFC 791 §3.2: source, destination, protocol, identification).</summary>
/// <param name="Source">Source address.</param>
/// <param name="Destination">Destination address.</param>
/// <param name="Identification">IPv4 identification or IPv6 fragment identification.</param>
/// <param name="Protocol">IPv4 protocol (for IPv6 0: the next header is taken from the first fragment).</param>
public readonly record struct FragmentKey(IPAddressValue Source, IPAddressValue Destination, uint Identification, byte Protocol);
