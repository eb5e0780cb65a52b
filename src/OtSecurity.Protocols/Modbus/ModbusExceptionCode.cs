namespace OtSecurity.Protocols.Modbus;

/// <summary>
/// Exception codes of an exception response (MODBUS Application Protocol Specification V1.1b3 §7).
/// A response may carry a value not listed here; it is still an exception response.
/// </summary>
public enum ModbusExceptionCode : byte
{
    /// <summary>0x01 Illegal Function: the function code is not an allowable action for the server.</summary>
    IllegalFunction = 0x01,

    /// <summary>0x02 Illegal Data Address: the data address is not an allowable address for the server.</summary>
    IllegalDataAddress = 0x02,

    /// <summary>0x03 Illegal Data Value: a value in the request data field is not allowable for the server.</summary>
    IllegalDataValue = 0x03,

    /// <summary>0x04 Server Device Failure: an unrecoverable error occurred while the server performed the action.</summary>
    ServerDeviceFailure = 0x04,

    /// <summary>0x05 Acknowledge: the request was accepted and will take a long time to process.</summary>
    Acknowledge = 0x05,

    /// <summary>0x06 Server Device Busy: the server is processing a long-duration command; retry later.</summary>
    ServerDeviceBusy = 0x06,

    /// <summary>
    /// 0x07 Negative Acknowledge: defined by the Modicon Modbus Protocol Reference Guide (PI-MBUS-300) and counted by
    /// diagnostics sub-function 16 (Return Server NAK Count); not listed in §7 of V1.1b3.
    /// </summary>
    NegativeAcknowledge = 0x07,

    /// <summary>0x08 Memory Parity Error: the server detected a parity error in extended file memory (functions 20 and 21).</summary>
    MemoryParityError = 0x08,

    /// <summary>0x0A Gateway Path Unavailable: the gateway could not allocate a path to the target.</summary>
    GatewayPathUnavailable = 0x0A,

    /// <summary>0x0B Gateway Target Device Failed to Respond: no response was obtained from the target device.</summary>
    GatewayTargetDeviceFailedToRespond = 0x0B,
}
