namespace OtSecurity.Protocols.Modbus;

/// <summary>
/// Sub-function codes of function 0x08 Diagnostics (MODBUS Application Protocol Specification V1.1b3 §6.8.1).
/// Codes 5–9, 19 and 21–65535 are reserved; a PDU carrying one is still read (with its raw data).
/// </summary>
public enum ModbusDiagnosticSubFunction : ushort
{
    /// <summary>0x00 Return Query Data: the request data is echoed back (loopback test).</summary>
    ReturnQueryData = 0x00,

    /// <summary>0x01 Restart Communications Option: restarts the serial port and brings the device out of listen-only mode (data 0xFF00 also clears the event log). Changes state.</summary>
    RestartCommunicationsOption = 0x01,

    /// <summary>0x02 Return Diagnostic Register.</summary>
    ReturnDiagnosticRegister = 0x02,

    /// <summary>0x03 Change ASCII Input Delimiter: replaces the LF end-of-message character of ASCII mode. Changes state.</summary>
    ChangeAsciiInputDelimiter = 0x03,

    /// <summary>0x04 Force Listen Only Mode: the device stops responding until restarted. Changes state; no response is returned.</summary>
    ForceListenOnlyMode = 0x04,

    /// <summary>0x0A Clear Counters and Diagnostic Register. Changes state.</summary>
    ClearCountersAndDiagnosticRegister = 0x0A,

    /// <summary>0x0B Return Bus Message Count.</summary>
    ReturnBusMessageCount = 0x0B,

    /// <summary>0x0C Return Bus Communication Error Count (CRC errors).</summary>
    ReturnBusCommunicationErrorCount = 0x0C,

    /// <summary>0x0D Return Bus Exception Error Count.</summary>
    ReturnBusExceptionErrorCount = 0x0D,

    /// <summary>0x0E Return Server Message Count.</summary>
    ReturnServerMessageCount = 0x0E,

    /// <summary>0x0F Return Server No Response Count.</summary>
    ReturnServerNoResponseCount = 0x0F,

    /// <summary>0x10 Return Server NAK Count.</summary>
    ReturnServerNakCount = 0x10,

    /// <summary>0x11 Return Server Busy Count.</summary>
    ReturnServerBusyCount = 0x11,

    /// <summary>0x12 Return Bus Character Overrun Count.</summary>
    ReturnBusCharacterOverrunCount = 0x12,

    /// <summary>0x14 Clear Overrun Counter and Flag. Changes state.</summary>
    ClearOverrunCounterAndFlag = 0x14,
}
