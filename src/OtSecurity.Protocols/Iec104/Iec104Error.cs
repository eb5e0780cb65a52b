namespace OtSecurity.Protocols.Iec104;

/// <summary>
/// Why an IEC 60870-5-104 reader returned <see cref="System.Buffers.OperationStatus.InvalidData"/>. Carried as the
/// <see cref="ProtocolError.Code"/> of a <see cref="ProtocolError"/> whose protocol is <c>iec104</c>.
/// </summary>
public enum Iec104Error
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The APDU does not start with 0x68 (IEC 60870-5-104 §5.1).</summary>
    InvalidStartOctet,

    /// <summary>The APDU length is outside 4..253 (§5.1: 4 control octets, at most 249 ASDU octets).</summary>
    LengthOutOfRange,

    /// <summary>A bit of the control field that the format fixes to 0 is set (§5.1, Figures 6–8).</summary>
    InvalidControlField,

    /// <summary>A U-format APDU does not set exactly one of its six function bits (§5.3).</summary>
    InvalidUFunction,

    /// <summary>An S- or U-format APDU has a length other than 4: these formats carry no ASDU (§5.2, §5.3).</summary>
    UnexpectedAsdu,

    /// <summary>An I-format APDU carries fewer ASDU octets than the 6-octet data unit identifier (§5.4; IEC 60870-5-101 §7.2).</summary>
    AsduTooShort,

    /// <summary>The type identification is 0, which IEC 60870-5-101 §7.2.1 does not use.</summary>
    InvalidTypeId,

    /// <summary>The cause of transmission is 0, which IEC 60870-5-101 §7.2.3 does not use.</summary>
    InvalidCause,

    /// <summary>The information objects do not fill the ASDU exactly as the type and the variable structure qualifier require (IEC 60870-5-101 §7.2.2).</summary>
    AsduLengthMismatch,
}

/// <summary>Builds <see cref="ProtocolError"/> values for <see cref="Iec104Error"/> codes with constant reasons.</summary>
internal static class Iec104Errors
{
    public const string Protocol = "iec104";

    public static ProtocolError Create(Iec104Error code, int offset) => new(Protocol, (int)code, Reason(code), offset);

    public static string Reason(Iec104Error code) => code switch
    {
        Iec104Error.InvalidStartOctet => "APDU does not start with 0x68",
        Iec104Error.LengthOutOfRange => "APDU length is outside 4..253",
        Iec104Error.InvalidControlField => "a control field bit fixed to 0 is set",
        Iec104Error.InvalidUFunction => "U-format APDU does not set exactly one function bit",
        Iec104Error.UnexpectedAsdu => "S- or U-format APDU has a length other than 4",
        Iec104Error.AsduTooShort => "I-format APDU is shorter than the data unit identifier",
        Iec104Error.InvalidTypeId => "type identification 0 is not used",
        Iec104Error.InvalidCause => "cause of transmission 0 is not used",
        Iec104Error.AsduLengthMismatch => "information objects do not match the type and the number of objects",
        _ => "no error",
    };
}
