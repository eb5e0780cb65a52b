namespace OtSecurity.Capture.Dissection;

/// <summary>
/// What a message reveals about the identity of the device that sent it (Modbus 43/14, EtherNet/IP
/// ListIdentity, BACnet I-Am, S7 SZL 0x0011/0x001C, OPC UA application description, ...).
/// Every member is optional.
/// </summary>
public sealed record IdentityHint
{
    /// <summary>Vendor or manufacturer name.</summary>
    public string? Vendor { get; init; }

    /// <summary>Numeric vendor id where the protocol has one (CIP vendor id, BACnet vendor id).</summary>
    public int? VendorId { get; init; }

    /// <summary>Product name or code.</summary>
    public string? Product { get; init; }

    /// <summary>Model or order number.</summary>
    public string? Model { get; init; }

    /// <summary>Firmware or software revision.</summary>
    public string? Firmware { get; init; }

    /// <summary>Serial number.</summary>
    public string? Serial { get; init; }

    /// <summary>Device kind as the protocol names it (CIP device type, BACnet object name, application type).</summary>
    public string? DeviceType { get; init; }

    /// <summary>Protocol-level device address (BACnet device instance, DNP3 address, S7 rack/slot, ...).</summary>
    public string? DeviceAddress { get; init; }
}
