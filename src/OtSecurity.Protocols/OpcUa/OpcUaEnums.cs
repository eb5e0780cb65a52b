namespace OtSecurity.Protocols.OpcUa;

/// <summary>UA TCP / UA SecureConversation message types (OPC 10000-6 §7.1.2.2), valued as their three ASCII octets.</summary>
public enum OpcUaMessageType
{
    /// <summary>Not a message type.</summary>
    None = 0,

    /// <summary>HEL: Hello.</summary>
    Hello = 0x48454C,

    /// <summary>ACK: Acknowledge.</summary>
    Acknowledge = 0x41434B,

    /// <summary>ERR: Error.</summary>
    Error = 0x455252,

    /// <summary>RHE: ReverseHello.</summary>
    ReverseHello = 0x524845,

    /// <summary>OPN: OpenSecureChannel.</summary>
    OpenSecureChannel = 0x4F504E,

    /// <summary>MSG: a service message.</summary>
    Message = 0x4D5347,

    /// <summary>CLO: CloseSecureChannel.</summary>
    CloseSecureChannel = 0x434C4F,
}

/// <summary>The chunk type octet (OPC 10000-6 §7.1.2.2).</summary>
public enum OpcUaChunkType : byte
{
    /// <summary>'C': an intermediate chunk.</summary>
    Intermediate = (byte)'C',

    /// <summary>'F': the final chunk.</summary>
    Final = (byte)'F',

    /// <summary>'A': the final chunk of an aborted message.</summary>
    Abort = (byte)'A',
}

/// <summary>MessageSecurityMode (OPC 10000-4 §7.20).</summary>
public enum OpcUaMessageSecurityMode : uint
{
    /// <summary>Invalid.</summary>
    Invalid = 0,

    /// <summary>No security.</summary>
    None = 1,

    /// <summary>Signed.</summary>
    Sign = 2,

    /// <summary>Signed and encrypted.</summary>
    SignAndEncrypt = 3,
}

/// <summary>SecurityTokenRequestType (OPC 10000-4 §5.5.2).</summary>
public enum OpcUaSecurityTokenRequestType : uint
{
    /// <summary>Issue a new token.</summary>
    Issue = 0,

    /// <summary>Renew the token.</summary>
    Renew = 1,
}

/// <summary>ApplicationType (OPC 10000-4 §7.2).</summary>
public enum OpcUaApplicationType : uint
{
    /// <summary>Server.</summary>
    Server = 0,

    /// <summary>Client.</summary>
    Client = 1,

    /// <summary>Client and server.</summary>
    ClientAndServer = 2,

    /// <summary>Discovery server.</summary>
    DiscoveryServer = 3,
}

/// <summary>The user identity token kinds (OPC 10000-4 §7.41), from the token's binary encoding id.</summary>
public enum OpcUaUserTokenType
{
    /// <summary>No token, or a type not listed here.</summary>
    Unknown = 0,

    /// <summary>AnonymousIdentityToken (encoding id 321).</summary>
    Anonymous,

    /// <summary>UserNameIdentityToken (encoding id 324).</summary>
    UserName,

    /// <summary>X509IdentityToken (encoding id 327).</summary>
    Certificate,

    /// <summary>IssuedIdentityToken (encoding id 940).</summary>
    IssuedToken,
}

/// <summary>NodeId encodings (OPC 10000-6 §5.2.2.9, Table 14).</summary>
public enum OpcUaNodeIdEncoding : byte
{
    /// <summary>Numeric value that fits in one octet, namespace 0.</summary>
    TwoByte = 0x00,

    /// <summary>Numeric value that fits in two octets, namespace below 256.</summary>
    FourByte = 0x01,

    /// <summary>Numeric value of four octets.</summary>
    Numeric = 0x02,

    /// <summary>String identifier.</summary>
    String = 0x03,

    /// <summary>Guid identifier.</summary>
    Guid = 0x04,

    /// <summary>Opaque (ByteString) identifier.</summary>
    ByteString = 0x05,
}
