using System.Globalization;
using System.Net;

namespace OtSecurity.Capture.Dissection;

/// <summary>An IP endpoint of a flow. The address instance is shared by every message of the flow.</summary>
/// <param name="Address">The IP address.</param>
/// <param name="Port">The TCP or UDP port.</param>
public readonly record struct OtEndpoint(IPAddress Address, int Port)
{
    /// <summary>Formats as <c>10.0.0.1:502</c> or <c>[fe80::1]:502</c>.</summary>
    public override string ToString() => Address is null
        ? string.Empty
        : Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? string.Create(CultureInfo.InvariantCulture, $"[{Address}]:{Port}")
            : string.Create(CultureInfo.InvariantCulture, $"{Address}:{Port}");
}
