namespace OtSecurity.Protocols.EtherNetIp;

/// <summary>Encapsulation commands (CIP Vol. 2, table 2-3.2). Values not listed are reserved or legacy.</summary>
public enum EncapsulationCommand : ushort
{
    /// <summary>NOP (TCP only, no reply).</summary>
    Nop = 0x0000,

    /// <summary>ListServices.</summary>
    ListServices = 0x0004,

    /// <summary>ListIdentity.</summary>
    ListIdentity = 0x0063,

    /// <summary>ListInterfaces.</summary>
    ListInterfaces = 0x0064,

    /// <summary>RegisterSession (TCP only).</summary>
    RegisterSession = 0x0065,

    /// <summary>UnRegisterSession (TCP only).</summary>
    UnRegisterSession = 0x0066,

    /// <summary>SendRRData: an unconnected (request/reply) CIP message (TCP only).</summary>
    SendRRData = 0x006F,

    /// <summary>SendUnitData: a connected CIP message (TCP only).</summary>
    SendUnitData = 0x0070,

    /// <summary>IndicateStatus.</summary>
    IndicateStatus = 0x0072,

    /// <summary>Cancel.</summary>
    Cancel = 0x0073,

    /// <summary>StartDTLS (CIP Security, Vol. 8).</summary>
    StartDtls = 0x00C8,
}

/// <summary>Encapsulation status codes (CIP Vol. 2, table 2-3.3).</summary>
public enum EncapsulationStatus : uint
{
    /// <summary>Success.</summary>
    Success = 0x0000,

    /// <summary>The sender issued an invalid or unsupported encapsulation command.</summary>
    InvalidCommand = 0x0001,

    /// <summary>Insufficient memory resources in the receiver to handle the command.</summary>
    InsufficientMemory = 0x0002,

    /// <summary>Poorly formed or incorrect data in the data portion.</summary>
    IncorrectData = 0x0003,

    /// <summary>An originator used an invalid session handle.</summary>
    InvalidSessionHandle = 0x0064,

    /// <summary>The target received a message of invalid length.</summary>
    InvalidLength = 0x0065,

    /// <summary>Unsupported encapsulation protocol revision.</summary>
    UnsupportedProtocolRevision = 0x0069,

    /// <summary>Encapsulated CIP service not allowed on this port.</summary>
    EncapsulatedCipServiceNotAllowedOnPort = 0x006A,
}

/// <summary>Common packet format item type ids (CIP Vol. 2, table 2-6.3).</summary>
public enum CpfItemType : ushort
{
    /// <summary>Null address item (length 0): unconnected messages.</summary>
    NullAddress = 0x0000,

    /// <summary>ListIdentity response item (CIP Identity).</summary>
    ListIdentity = 0x000C,

    /// <summary>CIP Security information (ListIdentity).</summary>
    CipSecurityInformation = 0x0086,

    /// <summary>EtherNet/IP capability (ListIdentity).</summary>
    EtherNetIpCapability = 0x0087,

    /// <summary>EtherNet/IP usage (ListIdentity).</summary>
    EtherNetIpUsage = 0x0088,

    /// <summary>Connected address item (length 4: connection identifier).</summary>
    ConnectedAddress = 0x00A1,

    /// <summary>Connected data item (transport packet).</summary>
    ConnectedData = 0x00B1,

    /// <summary>Unconnected data item (message router request or reply).</summary>
    UnconnectedData = 0x00B2,

    /// <summary>ListServices response item.</summary>
    ListServices = 0x0100,

    /// <summary>Socket address info originator-to-target (length 16).</summary>
    SocketAddressOriginatorToTarget = 0x8000,

    /// <summary>Socket address info target-to-originator (length 16).</summary>
    SocketAddressTargetToOriginator = 0x8001,

    /// <summary>Sequenced address item (length 8: connection identifier, sequence number).</summary>
    SequencedAddress = 0x8002,

    /// <summary>Unconnected message over UDP.</summary>
    UnconnectedMessageOverUdp = 0x8003,
}
