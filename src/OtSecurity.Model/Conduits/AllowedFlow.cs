namespace OtSecurity.Model.Conduits;

/// <summary>A communication a conduit allows.</summary>
public sealed record AllowedFlow
{
    /// <summary>The protocol, in lower case, for example "modbus", "opcua", "s7comm", "https", "rdp".</summary>
    public required string Protocol { get; init; }

    /// <summary>The server's TCP or UDP port; null when the flow is not port-based (removable media) or any port.</summary>
    public int? Port { get; init; }

    /// <summary>The zone that opens the communication: one of the conduit's two zones.</summary>
    public required string InitiatingZone { get; init; }

    /// <summary>Why the flow exists; optional.</summary>
    public string? Description { get; init; }

    /// <inheritdoc />
    public override string ToString() => Port is null ? $"{Protocol} from {InitiatingZone}" : $"{Protocol}/{Port} from {InitiatingZone}";
}
