namespace OtSecurity.Protocols.Dnp3;

/// <summary>Builds <see cref="ProtocolError"/> values for <see cref="Dnp3Error"/> codes with constant reasons.</summary>
internal static class Dnp3Errors
{
    /// <summary>The protocol short name carried by DNP3 errors.</summary>
    public const string Protocol = "dnp3";

    public static ProtocolError Create(Dnp3Error code, int offset) => new(Protocol, (int)code, Reason(code), offset);

    public static string Reason(Dnp3Error code) => code switch
    {
        Dnp3Error.InvalidStartOctets => "link frame does not start with 0x05 0x64",
        Dnp3Error.LengthTooSmall => "link LENGTH field is below 5",
        Dnp3Error.HeaderCrcMismatch => "link header CRC does not match",
        Dnp3Error.DataCrcMismatch => "user data block CRC does not match",
        Dnp3Error.EmptyTransportSegment => "transport segment has no transport header",
        Dnp3Error.FragmentTooShort => "application fragment is shorter than its header",
        Dnp3Error.UnknownFunctionCode => "application function code is not defined by IEEE 1815-2012",
        Dnp3Error.ObjectHeaderTruncated => "object header is cut short by the end of the fragment",
        Dnp3Error.ReservedQualifier => "qualifier uses a reserved prefix or range specifier code",
        Dnp3Error.InvalidRange => "range stop index is below its start index",
        Dnp3Error.ObjectDataTruncated => "objects need more octets than the fragment has left",
        Dnp3Error.QualifierNotAllowed => "qualifier is not allowed for this object type",
        _ => "no error",
    };
}
