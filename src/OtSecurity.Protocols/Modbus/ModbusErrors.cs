namespace OtSecurity.Protocols.Modbus;

/// <summary>Maps <see cref="ModbusError"/> codes to <see cref="ProtocolError"/> values with constant reasons.</summary>
public static class ModbusErrors
{
    /// <summary>The protocol name carried by every Modbus <see cref="ProtocolError"/>.</summary>
    public const string ProtocolName = "modbus";

    /// <summary>Builds the <see cref="ProtocolError"/> for a code found at an offset.</summary>
    /// <param name="code">The rule that failed.</param>
    /// <param name="offset">Offset of the offending field from the start of the input.</param>
    /// <returns>The error; its reason is a constant string (never input bytes).</returns>
    public static ProtocolError Create(ModbusError code, int offset) => new(ProtocolName, (int)code, GetReason(code), offset);

    /// <summary>The Modbus code carried by <paramref name="error"/>, or <see cref="ModbusError.None"/> when it is not a Modbus error.</summary>
    /// <param name="error">An error returned by a Modbus reader.</param>
    /// <returns>The code.</returns>
    public static ModbusError GetCode(in ProtocolError error) =>
        error.IsError && string.Equals(error.Protocol, ProtocolName, StringComparison.Ordinal) ? (ModbusError)error.Code : ModbusError.None;

    /// <summary>A constant, human-readable reason for a code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The reason.</returns>
    public static string GetReason(ModbusError code) => code switch
    {
        ModbusError.None => "no error",
        ModbusError.InvalidProtocolIdentifier => "MBAP protocol identifier is not 0 (TCP implementation guide 3.1.3)",
        ModbusError.InvalidMbapLength => "MBAP length is outside 2..254 (TCP implementation guide 3.1.3)",
        ModbusError.ReservedServerAddress => "serial-line address is in the reserved range 248..255 (serial line 2.2)",
        ModbusError.CrcMismatch => "RTU CRC-16 does not match (serial line 2.5.1.2)",
        ModbusError.LrcMismatch => "ASCII LRC does not match (serial line 2.5.2.2)",
        ModbusError.InvalidAsciiStart => "ASCII frame does not start with ':' (serial line 2.5.2.1)",
        ModbusError.InvalidAsciiCharacter => "ASCII frame holds a character that is not an upper-case hexadecimal digit (serial line 2.5.2.1)",
        ModbusError.InvalidAsciiEnd => "ASCII frame carriage return is not followed by the end delimiter (serial line 2.5.2.1)",
        ModbusError.InvalidAsciiLength => "ASCII frame has an odd number of hexadecimal characters or too few for address, function and LRC (serial line 2.5.2.1)",
        ModbusError.FrameTooLong => "no valid frame end within the maximum serial frame size (serial line 2.5)",
        ModbusError.FrameTooShort => "RTU frame is shorter than address, function code and CRC (serial line 2.5.1)",
        ModbusError.EmptyPdu => "PDU has no function code (application protocol 4.1)",
        ModbusError.PduTooLong => "PDU is longer than 253 bytes (application protocol 4.1)",
        ModbusError.ExceptionBitInRequest => "request function code has the exception bit set (application protocol 4.1)",
        ModbusError.UnexpectedPduLength => "PDU length does not match the function's layout (application protocol 6)",
        ModbusError.ReadBitsQuantityOutOfRange => "quantity of coils or inputs to read is outside 1..2000 (application protocol 6.1, 6.2)",
        ModbusError.ReadRegistersQuantityOutOfRange => "quantity of registers to read is outside 1..125 (application protocol 6.3, 6.4)",
        ModbusError.WriteCoilsQuantityOutOfRange => "quantity of coils to write is outside 1..1968 (application protocol 6.11)",
        ModbusError.WriteRegistersQuantityOutOfRange => "quantity of registers to write is outside 1..123 (application protocol 6.12)",
        ModbusError.ReadWriteReadQuantityOutOfRange => "read/write multiple registers: quantity to read is outside 1..125 (application protocol 6.17)",
        ModbusError.ReadWriteWriteQuantityOutOfRange => "read/write multiple registers: quantity to write is outside 1..121 (application protocol 6.17)",
        ModbusError.AddressRangeOverflow => "starting address plus quantity runs past 65536 (application protocol 4.4)",
        ModbusError.ByteCountMismatch => "byte count disagrees with the quantity it describes (application protocol 6)",
        ModbusError.InvalidByteCount => "byte count is outside the function's range or not a multiple of its item size (application protocol 6)",
        ModbusError.InvalidCoilValue => "write single coil value is neither 0x0000 nor 0xFF00 (application protocol 6.5)",
        ModbusError.InvalidDiagnosticData => "diagnostics data is not allowed for the sub-function (application protocol 6.8.1)",
        ModbusError.InvalidDiagnosticDataLength => "diagnostics data length is not what the sub-function requires (application protocol 6.8)",
        ModbusError.InvalidStatusWord => "comm event status word is neither 0x0000 nor 0xFFFF (application protocol 6.9, 6.10)",
        ModbusError.InvalidFileReferenceType => "file record reference type is not 6 (application protocol 6.14, 6.15)",
        ModbusError.InvalidFileNumber => "file number is 0 (application protocol 6.14)",
        ModbusError.InvalidRecordNumber => "record number is above 9999 (application protocol 6.14, 6.15)",
        ModbusError.InvalidRecordLength => "record length is 0 or the sub-request does not fit its byte count (application protocol 6.14, 6.15)",
        ModbusError.FileRecordResponseTooLong => "the records asked for would not fit a 253-byte response (application protocol 6.14)",
        ModbusError.InvalidFileResponseLength => "file sub-response length is even, zero or runs past the data (application protocol 6.14)",
        ModbusError.FifoCountOutOfRange => "FIFO count is above 31 (application protocol 6.18)",
        ModbusError.InvalidReadDeviceIdCode => "read device id code is outside 1..4 (application protocol 6.21)",
        ModbusError.InvalidConformityLevel => "conformity level is not 0x01-0x03 or 0x81-0x83 (application protocol 6.21)",
        ModbusError.InvalidMoreFollows => "more follows is neither 0x00 nor 0xFF (application protocol 6.21)",
        ModbusError.InvalidObjectList => "device identification object list does not match its count or the PDU length (application protocol 6.21)",
        _ => "unknown Modbus error",
    };
}
