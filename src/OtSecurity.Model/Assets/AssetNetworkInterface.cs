using System.Net;
using System.Net.NetworkInformation;

namespace OtSecurity.Model.Assets;

/// <summary>One network interface of an asset.</summary>
public sealed record AssetNetworkInterface
{
    /// <summary>The interface name, for example "X1" or "eth0"; optional.</summary>
    public string? Name { get; init; }

    /// <summary>The IPv4 or IPv6 address; null for a non-IP interface (for example a serial or fieldbus port).</summary>
    public IPAddress? IpAddress { get; init; }

    /// <summary>The MAC address (EUI-48 or EUI-64); in JSON, hexadecimal bytes separated by colons.</summary>
    public PhysicalAddress? MacAddress { get; init; }

    /// <summary>The IEEE 802.1Q VLAN id (1–4094) the interface sits in; null when untagged or not known.</summary>
    public int? Vlan { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(' ', new[] { Name, IpAddress?.ToString(), MacAddress is null ? null : Serialization.MacAddressText.Format(MacAddress), Vlan is null ? null : $"vlan {Vlan}" }.Where(static s => s is not null));
}
