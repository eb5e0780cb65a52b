namespace OtSecurity.Capture.Dissection;

/// <summary>Outcome carried by a message.</summary>
public enum MessageStatus
{
    /// <summary>A well-formed message that reports success (or a request).</summary>
    Ok = 0,

    /// <summary>A well-formed protocol error reply (Modbus exception, CIP error status, S7 error class, OPC UA ERR, BACnet error/reject/abort).</summary>
    ProtocolError,

    /// <summary>The bytes could be delimited as one message but violate the specification.</summary>
    Malformed,

    /// <summary>A request whose response never arrived (reported when the flow ends or the wait expires).</summary>
    Timeout,
}
