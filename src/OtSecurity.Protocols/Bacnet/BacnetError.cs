namespace OtSecurity.Protocols.Bacnet;

/// <summary>
/// Why BACnet/IP input was rejected. The value travels as <see cref="ProtocolError.Code"/> with protocol <c>bacnet</c>.
/// </summary>
public enum BacnetError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The first octet is not the BVLC type 0x81 of BACnet/IP (Annex J.2).</summary>
    BvlcTypeInvalid = 1,

    /// <summary>The BVLC function octet is not one Annex J defines.</summary>
    BvlcFunctionUnknown = 2,

    /// <summary>The BVLC length is smaller than the header or than the function requires.</summary>
    BvlcLengthTooSmall = 3,

    /// <summary>The BVLC length is not the fixed length the function requires.</summary>
    BvlcLengthInvalid = 4,

    /// <summary>A broadcast distribution table or foreign device table is not a whole number of entries.</summary>
    BvlcTableLengthInvalid = 5,

    /// <summary>The BVLC length does not equal the length of the datagram that carries it.</summary>
    BvlcLengthMismatch = 6,

    /// <summary>The NPDU protocol version is not 1 (clause 6.2.1).</summary>
    NpduVersionInvalid = 10,

    /// <summary>The NPDU header runs past the end of the NPDU (clause 6.2).</summary>
    NpduTruncated = 11,

    /// <summary>The NPDU source specifier is invalid: SLEN 0 or SNET 0xFFFF (clause 6.2.2).</summary>
    NpduSourceInvalid = 12,

    /// <summary>An NPDU that is not a network layer message carries no APDU.</summary>
    NpduApduMissing = 13,

    /// <summary>A network layer message's content does not match its message type (clause 6.4).</summary>
    NetworkMessageInvalid = 14,

    /// <summary>The APDU type is reserved (8..15, clause 20.1.1).</summary>
    ApduTypeReserved = 20,

    /// <summary>The APDU is shorter than its fixed header (clause 20.1).</summary>
    ApduTruncated = 21,

    /// <summary>The APDU is longer than its PDU type allows (Simple-ACK, Segment-ACK, Reject and Abort have a fixed length).</summary>
    ApduLengthInvalid = 22,

    /// <summary>A window size is outside 1..127 (clause 20.1.2.9, 20.1.6.6).</summary>
    ApduWindowSizeInvalid = 23,

    /// <summary>A tag header or its content runs past the end of the data (clause 20.2.1).</summary>
    TagTruncated = 30,

    /// <summary>A tag header is not a valid encoding (reserved tag number, opening/closing on an application tag, oversize length).</summary>
    TagInvalid = 31,

    /// <summary>A different tag was found where the production requires a specific one.</summary>
    TagUnexpected = 32,

    /// <summary>A primitive value's length or content is invalid for its type (clause 20.2.2 to 20.2.14).</summary>
    ValueInvalid = 33,

    /// <summary>An opening tag has no matching closing tag, or a closing tag has no opening tag.</summary>
    ConstructedUnbalanced = 34,

    /// <summary>Constructed values nest deeper than this reader follows.</summary>
    NestingTooDeep = 35,

    /// <summary>Octets follow the end of a service production.</summary>
    TrailingData = 36,

    /// <summary>A parameter is outside the range the service defines.</summary>
    ParameterOutOfRange = 37,
}

/// <summary>Creates <see cref="ProtocolError"/> values for BACnet.</summary>
internal static class BacnetErrors
{
    /// <summary>The protocol name carried by BACnet errors.</summary>
    public const string Protocol = "bacnet";

    public static ProtocolError Create(BacnetError code, string reason, int offset) => new(Protocol, (int)code, reason, offset);

    public static ProtocolError Shift(ProtocolError error, int by) => error.IsError ? error with { Offset = error.Offset + by } : error;
}
