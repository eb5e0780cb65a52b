namespace OtSecurity.Protocols.S7Comm;

/// <summary>Why an S7comm-stack reader (TPKT, COTP, S7 PDU, S7comm-plus) refused its input.</summary>
public enum S7CommError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The TPKT version is not 3 (RFC 1006 §6).</summary>
    TpktVersion = 1,

    /// <summary>The TPKT length is below 7 (RFC 1006 §6: header plus the smallest TPDU).</summary>
    TpktLength = 2,

    /// <summary>The COTP length indicator is 255 (reserved), shorter than the fixed part of its TPDU type, or longer than the TPKT payload (ISO 8073 §13.2.1).</summary>
    CotpLengthIndicator = 3,

    /// <summary>The COTP TPDU code is not one ISO 8073 §13.1 defines.</summary>
    CotpPduType = 4,

    /// <summary>A COTP parameter overruns the variable part or has a length its code does not allow (ISO 8073 §13.3.4, §13.4.4).</summary>
    CotpParameter = 5,

    /// <summary>The S7 protocol id is not 0x32 (S7comm) or, for an S7comm-plus reader, not 0x72.</summary>
    S7ProtocolId = 6,

    /// <summary>The S7 ROSCTR (PDU type) is outside 1..7.</summary>
    S7Rosctr = 7,

    /// <summary>The S7 parameter and data lengths do not fit the PDU.</summary>
    S7Length = 8,

    /// <summary>An S7 parameter part is shorter than its function requires, or an item in it is malformed.</summary>
    S7Parameter = 9,

    /// <summary>An S7 data part is shorter than its items require.</summary>
    S7Data = 10,

    /// <summary>An S7comm-plus header is malformed (length or integrity part).</summary>
    S7CommPlusHeader = 11,
}

internal static class S7CommErrors
{
    internal const string Protocol = "s7comm";

    internal static ProtocolError Make(S7CommError code, string reason, int offset) => new(Protocol, (int)code, reason, offset);
}
