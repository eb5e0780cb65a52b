namespace OtSecurity.Protocols.Dnp3;

/// <summary>
/// Why a DNP3 reader returned <see cref="System.Buffers.OperationStatus.InvalidData"/>. Carried as the
/// <see cref="ProtocolError.Code"/> of a <see cref="ProtocolError"/> whose protocol is <c>dnp3</c>.
/// </summary>
public enum Dnp3Error
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The frame does not start with the start octets 0x05 0x64 (IEEE 1815-2012 §9.2.4.1.1).</summary>
    InvalidStartOctets,

    /// <summary>The link LENGTH field is below 5, the size of control, destination and source (§9.2.4.1.2).</summary>
    LengthTooSmall,

    /// <summary>The CRC of the 8-octet link header does not match (§9.2.4.1.6).</summary>
    HeaderCrcMismatch,

    /// <summary>The CRC of a user data block does not match (§9.2.4.2).</summary>
    DataCrcMismatch,

    /// <summary>A transport segment has no octet for the transport header (§8.2.1).</summary>
    EmptyTransportSegment,

    /// <summary>An application fragment is shorter than its header: 2 octets for requests, 4 for responses (§4.2.2).</summary>
    FragmentTooShort,

    /// <summary>The application function code is not defined by IEEE 1815-2012 (§4.2.2.5).</summary>
    UnknownFunctionCode,

    /// <summary>An object header (group, variation, qualifier and range) is cut short by the end of the fragment (§4.2.2.7).</summary>
    ObjectHeaderTruncated,

    /// <summary>The qualifier uses a reserved object prefix code (7) or a reserved range specifier code (10, 12–15) (§4.2.2.7.3).</summary>
    ReservedQualifier,

    /// <summary>A start-stop range has its stop index below its start index (§4.2.2.7.3.1).</summary>
    InvalidRange,

    /// <summary>The objects a header announces need more octets than the fragment has left (§4.2.2.7).</summary>
    ObjectDataTruncated,

    /// <summary>The qualifier combines a prefix or range that the object type cannot use (for example an index prefix on bit-packed objects).</summary>
    QualifierNotAllowed,
}
