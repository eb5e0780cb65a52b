namespace OtSecurity.Protocols.EtherNetIp;

/// <summary>
/// Why EtherNet/IP or CIP input was rejected. The value travels as <see cref="ProtocolError.Code"/> with protocol <c>enip</c>.
/// </summary>
public enum EnipError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The encapsulation length exceeds 65511, the largest a 24-octet header leaves (CIP Vol. 2, 2-3.1).</summary>
    EncapsulationLengthTooLarge = 1,

    /// <summary>The command-specific data has the wrong length for the command (RegisterSession 4 octets, UnRegisterSession none, ...).</summary>
    CommandDataInvalid = 2,

    /// <summary>The common packet format runs past its data: item count, item header or item data (Vol. 2, 2-6).</summary>
    CpfTruncated = 3,

    /// <summary>A common packet format item has a length its type does not allow.</summary>
    CpfItemLengthInvalid = 4,

    /// <summary>Octets follow the last common packet format item.</summary>
    CpfTrailingData = 5,

    /// <summary>SendRRData/SendUnitData carries fewer than an address and a data item.</summary>
    CpfItemsMissing = 6,

    /// <summary>A ListIdentity item does not match its layout (Vol. 2, table 2-4.4).</summary>
    IdentityItemInvalid = 10,

    /// <summary>A ListServices item does not match its layout (Vol. 2, table 2-4.6).</summary>
    ServicesItemInvalid = 11,

    /// <summary>A CIP message router request or response is shorter than its header (Vol. 1, 2-4).</summary>
    CipTruncated = 20,

    /// <summary>The request path size runs past the message.</summary>
    CipPathTruncated = 21,

    /// <summary>An EPATH segment is reserved, malformed or truncated (Vol. 1, appendix C).</summary>
    CipPathSegmentInvalid = 22,

    /// <summary>The additional status size runs past the response.</summary>
    CipStatusTruncated = 23,

    /// <summary>Service data does not match the layout of its service (Unconnected Send, Forward Open/Close, Multiple Service Packet, ...).</summary>
    CipServiceDataInvalid = 24,

    /// <summary>The response bit of the service octet contradicts what the message is read as (request or response).</summary>
    CipDirectionInvalid = 25,

    /// <summary>An implicit I/O datagram is not a common packet format with an address item and a connected data item.</summary>
    IoPacketInvalid = 30,
}

/// <summary>Creates <see cref="ProtocolError"/> values for EtherNet/IP and CIP.</summary>
internal static class EnipErrors
{
    public const string Protocol = "enip";

    public static ProtocolError Create(EnipError code, string reason, int offset) => new(Protocol, (int)code, reason, offset);

    public static ProtocolError Shift(ProtocolError error, int by) => error.IsError ? error with { Offset = error.Offset + by } : error;
}
