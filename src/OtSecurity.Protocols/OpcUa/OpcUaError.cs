namespace OtSecurity.Protocols.OpcUa;

/// <summary>Why an OPC UA binary reader refused its input.</summary>
public enum OpcUaError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The three message type octets are not HEL, ACK, ERR, RHE, OPN, MSG or CLO (OPC 10000-6 §7.1.2.2).</summary>
    MessageType = 1,

    /// <summary>The chunk type is not F, C or A, or not F for a connection-protocol message (OPC 10000-6 §7.1.2.2).</summary>
    ChunkType = 2,

    /// <summary>The message size is below the minimum of its type or above the negotiated maximum (OPC 10000-6 §7.1.2.2, §7.1.2.3).</summary>
    MessageSize = 3,

    /// <summary>A Hello, Acknowledge, Error or ReverseHello body is malformed (OPC 10000-6 §7.1.2.3–§7.1.2.6).</summary>
    ConnectionMessage = 4,

    /// <summary>A security header is malformed (OPC 10000-6 §6.7.2.3, §6.7.2.4).</summary>
    SecurityHeader = 5,

    /// <summary>A binary-encoded value (string, byte string, node id, array, structure) overruns its message or breaks a limit (OPC 10000-6 §5.2).</summary>
    Encoding = 6,
}

internal static class OpcUaErrors
{
    internal const string Protocol = "opcua";

    internal static ProtocolError Make(OpcUaError code, string reason, int offset) => new(Protocol, (int)code, reason, offset);
}
