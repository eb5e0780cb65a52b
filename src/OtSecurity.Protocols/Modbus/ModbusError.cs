namespace OtSecurity.Protocols.Modbus;

/// <summary>
/// Why a Modbus reader returned <see cref="System.Buffers.OperationStatus.InvalidData"/> (the closed error enum carried
/// by <see cref="ProtocolError.Code"/>). Each value names one rule of the MODBUS Application Protocol Specification
/// V1.1b3, the MODBUS Messaging on TCP/IP Implementation Guide V1.0b or MODBUS over Serial Line V1.02.
/// </summary>
public enum ModbusError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The MBAP protocol identifier is not 0 (TCP Implementation Guide §3.1.3).</summary>
    InvalidProtocolIdentifier = 1,

    /// <summary>The MBAP length field is outside 2..254 (unit id plus a PDU of 1..253 bytes; TCP Implementation Guide §3.1.3, Application Protocol §4.1).</summary>
    InvalidMbapLength = 2,

    /// <summary>A serial-line address in the reserved range 248..255 (Serial Line §2.2).</summary>
    ReservedServerAddress = 10,

    /// <summary>The RTU CRC-16 does not match the frame (Serial Line §2.5.1.2, §6.2.2).</summary>
    CrcMismatch = 11,

    /// <summary>The ASCII LRC does not match the frame (Serial Line §2.5.2.2, §6.2.1).</summary>
    LrcMismatch = 12,

    /// <summary>An ASCII frame does not start with ':' (Serial Line §2.5.2.1).</summary>
    InvalidAsciiStart = 13,

    /// <summary>An ASCII frame holds a character that is not an upper-case hexadecimal digit (Serial Line §2.5.2.1).</summary>
    InvalidAsciiCharacter = 14,

    /// <summary>An ASCII frame's carriage return is not followed by the end delimiter (Serial Line §2.5.2.1).</summary>
    InvalidAsciiEnd = 15,

    /// <summary>An ASCII frame has an odd number of hexadecimal characters or too few for address, function and LRC (Serial Line §2.5.2.1).</summary>
    InvalidAsciiLength = 16,

    /// <summary>No valid frame end within the maximum serial frame size (RTU 256 bytes, ASCII 513 characters; Serial Line §2.5).</summary>
    FrameTooLong = 17,

    /// <summary>A delimited RTU frame shorter than address, function code and CRC (4 bytes; Serial Line §2.5.1).</summary>
    FrameTooShort = 18,

    /// <summary>The PDU has no function code (Application Protocol §4.1).</summary>
    EmptyPdu = 20,

    /// <summary>The PDU is longer than 253 bytes (Application Protocol §4.1).</summary>
    PduTooLong = 21,

    /// <summary>A request's function code has the exception bit (0x80) set (Application Protocol §4.1: codes 128–255 are reserved for exception responses).</summary>
    ExceptionBitInRequest = 22,

    /// <summary>The PDU is not as long as its function requires (Application Protocol §6, the request/response layouts).</summary>
    UnexpectedPduLength = 23,

    /// <summary>Quantity of coils or discrete inputs to read outside 1..2000 (Application Protocol §6.1, §6.2).</summary>
    ReadBitsQuantityOutOfRange = 30,

    /// <summary>Quantity of registers to read outside 1..125 (Application Protocol §6.3, §6.4).</summary>
    ReadRegistersQuantityOutOfRange = 31,

    /// <summary>Quantity of coils to write outside 1..1968 (Application Protocol §6.11).</summary>
    WriteCoilsQuantityOutOfRange = 32,

    /// <summary>Quantity of registers to write outside 1..123 (Application Protocol §6.12).</summary>
    WriteRegistersQuantityOutOfRange = 33,

    /// <summary>Read/Write Multiple Registers: quantity to read outside 1..125 (Application Protocol §6.17).</summary>
    ReadWriteReadQuantityOutOfRange = 34,

    /// <summary>Read/Write Multiple Registers: quantity to write outside 1..121 (Application Protocol §6.17).</summary>
    ReadWriteWriteQuantityOutOfRange = 35,

    /// <summary>Starting address plus quantity runs past the 65536-item data model (Application Protocol §4.4).</summary>
    AddressRangeOverflow = 36,

    /// <summary>A byte count disagrees with the quantity it describes (Application Protocol §6.11, §6.12, §6.17, §6.18).</summary>
    ByteCountMismatch = 40,

    /// <summary>A byte count is outside the range the function allows, or not a multiple of its item size (Application Protocol §6).</summary>
    InvalidByteCount = 41,

    /// <summary>Write Single Coil output value other than 0x0000 or 0xFF00 (Application Protocol §6.5).</summary>
    InvalidCoilValue = 50,

    /// <summary>Diagnostics data not allowed for the sub-function (Application Protocol §6.8.1).</summary>
    InvalidDiagnosticData = 51,

    /// <summary>Diagnostics data not a whole number of 16-bit words, or not the length the sub-function requires (Application Protocol §6.8).</summary>
    InvalidDiagnosticDataLength = 52,

    /// <summary>Comm event status word other than 0x0000 or 0xFFFF (Application Protocol §6.9, §6.10).</summary>
    InvalidStatusWord = 53,

    /// <summary>File record reference type other than 6 (Application Protocol §6.14, §6.15).</summary>
    InvalidFileReferenceType = 60,

    /// <summary>File number 0 (files are numbered 1..65535; Application Protocol §6.14).</summary>
    InvalidFileNumber = 61,

    /// <summary>Record number above 9999 (0x270F; Application Protocol §6.14, §6.15).</summary>
    InvalidRecordNumber = 62,

    /// <summary>Record length of 0, or a sub-request that does not fit its byte count (Application Protocol §6.14, §6.15).</summary>
    InvalidRecordLength = 63,

    /// <summary>The records asked for would not fit a 253-byte response PDU (Application Protocol §6.14).</summary>
    FileRecordResponseTooLong = 64,

    /// <summary>A Read File Record sub-response length that is even, zero or runs past the data (Application Protocol §6.14).</summary>
    InvalidFileResponseLength = 65,

    /// <summary>FIFO count above 31 (Application Protocol §6.18).</summary>
    FifoCountOutOfRange = 70,

    /// <summary>Read Device ID code outside 1..4 (Application Protocol §6.21).</summary>
    InvalidReadDeviceIdCode = 80,

    /// <summary>Conformity level other than 0x01–0x03 or 0x81–0x83 (Application Protocol §6.21).</summary>
    InvalidConformityLevel = 81,

    /// <summary>More Follows other than 0x00 or 0xFF (Application Protocol §6.21).</summary>
    InvalidMoreFollows = 82,

    /// <summary>The object list does not match the number of objects or the PDU length (Application Protocol §6.21).</summary>
    InvalidObjectList = 83,
}
