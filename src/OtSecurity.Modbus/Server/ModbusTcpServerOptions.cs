using System.Globalization;
using System.Net;
using System.Text;

namespace OtSecurity.Modbus.Server;

/// <summary>Options of a <see cref="ModbusTcpServer"/>.</summary>
public sealed record ModbusTcpServerOptions
{
    /// <summary>Where to listen: 127.0.0.1:502 by default; port 0 picks a free port (see <see cref="ModbusTcpServer.LocalEndPoint"/>).</summary>
    public IPEndPoint EndPoint { get; init; } = new(IPAddress.Loopback, 502);

    /// <summary>The most connections open at once: 64 by default. Further connections are accepted and closed at once.</summary>
    public int MaxConnections { get; init; } = 64;

    /// <summary>
    /// The unit ids the server answers as; null (the default) answers every unit id. A request for another unit gets
    /// exception 0x0A Gateway Path Unavailable, as a gateway without a path to that unit would answer.
    /// </summary>
    public IReadOnlySet<byte>? UnitIds { get; init; }

    /// <summary>The Read Device Identification objects (function 43 / MEI 14).</summary>
    public ModbusDeviceIdentity Identity { get; init; } = ModbusDeviceIdentity.Default;

    /// <summary>The server id of Report Server ID (function 17): device-specific bytes, "OtSecurity" by default.</summary>
    public ReadOnlyMemory<byte> ServerId { get; init; } = Encoding.ASCII.GetBytes("OtSecurity");

    /// <summary>The run indicator status of Report Server ID: true (0xFF, ON) by default.</summary>
    public bool RunIndicator { get; init; } = true;

    /// <summary>Additional data of Report Server ID after the run indicator: none by default.</summary>
    public ReadOnlyMemory<byte> ServerIdAdditionalData { get; init; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(EndPoint, nameof(EndPoint));
        ArgumentNullException.ThrowIfNull(Identity, nameof(Identity));
        if (MaxConnections < 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"ModbusTcpServerOptions.MaxConnections is {MaxConnections}; it must be at least 1."), nameof(MaxConnections));
        }

        // §6.13: byte count, server id, run indicator and additional data must fit a 253-byte PDU.
        if (2 + ServerId.Length + 1 + ServerIdAdditionalData.Length > 253)
        {
            throw new ArgumentException("ModbusTcpServerOptions.ServerId and ServerIdAdditionalData together must be at most 250 bytes (one Report Server ID response).", nameof(ServerId));
        }

        Identity.Validate();
    }
}
