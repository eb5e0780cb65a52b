using System.Buffers;
using System.Text;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Protocols.Tests.Modbus;

/// <summary>Every validation rule: a specific <see cref="ModbusError"/>, its offset, and nothing consumed.</summary>
public class ModbusValidationTests
{
    private static byte[] Tcp(string pduHex)
    {
        byte[] pdu = Hex.Parse(pduHex);
        return [0x00, 0x01, 0x00, 0x00, (byte)((pdu.Length + 1) >> 8), (byte)(pdu.Length + 1), 0x11, .. pdu];
    }

    private static void AssertTcpInvalid(byte[] adu, ModbusDirection direction, ModbusError expected, int expectedOffset)
    {
        OperationStatus status = ModbusTcpFrame.TryRead(adu, direction, out ModbusTcpFrame frame, out int consumed, out ProtocolError error);
        Assert.Equal(OperationStatus.InvalidData, status);
        Assert.Equal(0, consumed);
        Assert.True(frame.Pdu.Span.IsEmpty);
        Assert.Equal(default, frame.Header);
        Assert.Equal(expected, ModbusErrors.GetCode(error));
        Assert.Equal(expectedOffset, error.Offset);
        Assert.False(string.IsNullOrEmpty(error.Reason));
    }

    [Theory]
    // Request rules (PDU hex, error, offset of the offending field within the PDU).
    [InlineData("83 02", ModbusError.ExceptionBitInRequest, 0)]                        // §4.1: codes ≥ 0x80 are exception responses
    [InlineData("03 00 6B 00", ModbusError.UnexpectedPduLength, 4)]                    // §6.3: 5 bytes
    [InlineData("03 00 6B 00 03 00", ModbusError.UnexpectedPduLength, 5)]              // §6.3: 5 bytes, not 6
    [InlineData("06 00 00 00 00 00 00", ModbusError.UnexpectedPduLength, 5)]           // §6.6: 5 bytes (digitalbond part 2 frame 22)
    [InlineData("07 00", ModbusError.UnexpectedPduLength, 1)]                          // §6.7: the function code alone
    [InlineData("16 00 00 00 00", ModbusError.UnexpectedPduLength, 5)]                 // §6.16: 7 bytes (digitalbond part 2 frame 62)
    [InlineData("18 00 00 00 00", ModbusError.UnexpectedPduLength, 3)]                 // §6.18: 3 bytes
    [InlineData("2B 0E 03 01 00", ModbusError.UnexpectedPduLength, 4)]                 // §6.21: 4 bytes (digitalbond part 1 frame 32)
    [InlineData("01 00 00 00 00", ModbusError.ReadBitsQuantityOutOfRange, 3)]          // §6.1: quantity 1..2000
    [InlineData("02 00 00 07 D1", ModbusError.ReadBitsQuantityOutOfRange, 3)]          // §6.2: 2001
    [InlineData("03 00 00 00 00", ModbusError.ReadRegistersQuantityOutOfRange, 3)]     // §6.3: quantity 1..125
    [InlineData("04 00 00 00 7E", ModbusError.ReadRegistersQuantityOutOfRange, 3)]     // §6.4: 126
    [InlineData("0F 00 00 00 00 00", ModbusError.WriteCoilsQuantityOutOfRange, 3)]     // §6.11: quantity 1..1968
    [InlineData("0F 00 00 07 B1 F7", ModbusError.WriteCoilsQuantityOutOfRange, 3)]     // §6.11: 1969
    [InlineData("10 00 00 00 00 00", ModbusError.WriteRegistersQuantityOutOfRange, 3)] // §6.12: quantity 1..123
    [InlineData("10 00 00 00 7C F8", ModbusError.WriteRegistersQuantityOutOfRange, 3)] // §6.12: 124
    [InlineData("17 00 00 00 7E 00 00 00 01 02 00 00", ModbusError.ReadWriteReadQuantityOutOfRange, 3)]  // §6.17: read 1..125
    [InlineData("17 00 00 00 01 00 00 00 7A F4", ModbusError.ReadWriteWriteQuantityOutOfRange, 7)]       // §6.17: write 1..121
    [InlineData("03 FF FF 00 02", ModbusError.AddressRangeOverflow, 3)]                // §4.4: 0xFFFF + 2 > 65536
    [InlineData("0F 00 13 00 0A 01 CD", ModbusError.ByteCountMismatch, 5)]             // §6.11: N = ceil(10 / 8) = 2
    [InlineData("10 00 01 00 02 03 00 0A 01", ModbusError.ByteCountMismatch, 5)]       // §6.12: N = 2 × quantity
    [InlineData("17 00 00 00 01 00 00 00 01 04 00 00 00 00", ModbusError.ByteCountMismatch, 9)] // §6.17: N = 2 × write quantity
    [InlineData("0F 00 13 00 0A 02 CD", ModbusError.UnexpectedPduLength, 7)]           // §6.11: byte count says 2, one follows
    [InlineData("05 00 AC 12 34", ModbusError.InvalidCoilValue, 3)]                    // §6.5: 0x0000 or 0xFF00
    [InlineData("08 00 02 00 01", ModbusError.InvalidDiagnosticData, 3)]               // §6.8.1 sub 02: request data 0000
    [InlineData("08 00 01 12 34", ModbusError.InvalidDiagnosticData, 3)]               // §6.8.1 sub 01: 0000 or FF00
    [InlineData("08 00 03 3A 01", ModbusError.InvalidDiagnosticData, 3)]               // §6.8.1 sub 03: CHR 00
    [InlineData("08 00 00 A5", ModbusError.InvalidDiagnosticDataLength, 3)]            // §6.8: N × 2 bytes
    [InlineData("08 00 0B 00 00 00 00", ModbusError.InvalidDiagnosticDataLength, 3)]   // §6.8.1 sub 0B: one word
    [InlineData("14 00", ModbusError.InvalidByteCount, 1)]                             // §6.14: 0x07..0xF5 (icsnpp frame 64)
    [InlineData("14 08 06 00 04 00 01 00 02 00", ModbusError.InvalidByteCount, 1)]     // §6.14: a multiple of 7
    [InlineData("14 07 07 00 04 00 01 00 02", ModbusError.InvalidFileReferenceType, 2)]  // §6.14: reference type 6
    [InlineData("14 07 06 00 00 00 01 00 02", ModbusError.InvalidFileNumber, 3)]         // §6.14: file 1..65535
    [InlineData("14 07 06 00 04 27 10 00 02", ModbusError.InvalidRecordNumber, 5)]       // §6.14: record 0..0x270F
    [InlineData("14 07 06 00 04 00 01 00 00", ModbusError.InvalidRecordLength, 7)]       // §6.14: at least one register
    [InlineData("14 07 06 00 04 00 01 00 7D", ModbusError.FileRecordResponseTooLong, 7)] // §6.14: 125 registers will not fit a response
    [InlineData("15 00", ModbusError.InvalidByteCount, 1)]                               // §6.15: 0x09..0xFB (icsnpp frame 68)
    [InlineData("15 09 06 00 04 00 07 00 02 06 AF", ModbusError.InvalidRecordLength, 7)] // §6.15: 2 registers announced, 1 given
    [InlineData("2B 0E 05 00", ModbusError.InvalidReadDeviceIdCode, 2)]                  // §6.21: code 1..4
    public void TryRead_RequestBreakingARule_ReturnsItsErrorAndConsumesNothing(string pduHex, ModbusError expected, int pduOffset)
    {
        AssertTcpInvalid(Tcp(pduHex), ModbusDirection.Request, expected, ModbusLimits.MbapHeaderLength + pduOffset);
    }

    [Theory]
    // Response rules.
    [InlineData("81 06 00", ModbusError.UnexpectedPduLength, 2)]                       // §7: exception = 2 bytes (digitalbond part 1 frame 91)
    [InlineData("01 00", ModbusError.InvalidByteCount, 1)]                             // §6.1: N ≥ 1
    [InlineData("01 FB", ModbusError.InvalidByteCount, 1)]                             // §6.1: N ≤ 250
    [InlineData("03 05 00 00 00 00 00", ModbusError.InvalidByteCount, 1)]              // §6.3: 2 × N
    [InlineData("03 04 00 00", ModbusError.UnexpectedPduLength, 4)]                    // §6.3: byte count 4, 2 bytes follow
    [InlineData("07", ModbusError.UnexpectedPduLength, 1)]                             // §6.7: one output byte
    [InlineData("0B 12 34 00 00", ModbusError.InvalidStatusWord, 1)]                   // §6.9: 0000 or FFFF
    [InlineData("0C 05 00 00 00 00 00", ModbusError.InvalidByteCount, 1)]              // §6.10: 6 + N
    [InlineData("0C 06 12 34 00 00 00 00", ModbusError.InvalidStatusWord, 2)]          // §6.10: status as §6.9
    [InlineData("0F 00 13 00 00", ModbusError.WriteCoilsQuantityOutOfRange, 3)]        // §6.11 response
    [InlineData("10 00 01 00 7C", ModbusError.WriteRegistersQuantityOutOfRange, 3)]    // §6.12 response
    [InlineData("11 00", ModbusError.InvalidByteCount, 1)]                             // §6.13: at least the run indicator
    [InlineData("14 00", ModbusError.InvalidByteCount, 1)]                             // §6.14 response (icsnpp frame 66)
    [InlineData("14 06 06 06 0D FE 00 20", ModbusError.InvalidFileResponseLength, 2)]  // §6.14: 1 + 2 × N is odd
    [InlineData("14 04 05 06 0D FE", ModbusError.InvalidFileResponseLength, 2)]        // §6.14: runs past the data
    [InlineData("14 05 04 05 0D FE 00", ModbusError.InvalidFileResponseLength, 2)]     // §6.14: even length
    [InlineData("14 04 03 05 0D FE", ModbusError.InvalidFileReferenceType, 3)]         // §6.14: reference type 6
    [InlineData("18 00 42 00 20", ModbusError.FifoCountOutOfRange, 3)]                 // §6.18: FIFO count ≤ 31
    [InlineData("18 00 04 00 02 01 B8 12 84", ModbusError.ByteCountMismatch, 1)]       // §6.18: byte count = 2 + 2 × count
    [InlineData("2B 0E 01 00 4D B7 00 00 00 00 00", ModbusError.InvalidConformityLevel, 3)] // §6.21 (zeek modbus-eit frame 2)
    [InlineData("2B 0E 01 01 4D 00 00", ModbusError.InvalidMoreFollows, 4)]            // §6.21: 00 or FF
    [InlineData("2B 0E 07 01 00 00 00", ModbusError.InvalidReadDeviceIdCode, 2)]       // §6.21: code 1..4
    [InlineData("2B 0E 01 01 00 00 02 00 03 41 42 43", ModbusError.InvalidObjectList, 12)] // §6.21: 2 objects announced, 1 given
    [InlineData("2B 0E 01 01 00 00 01 00 03 41 42 43 44", ModbusError.InvalidObjectList, 12)] // §6.21: bytes after the last object
    [InlineData("2B 0E 01 01 00 00 01 00 05 41 42", ModbusError.InvalidObjectList, 7)] // §6.21: value runs past the PDU
    [InlineData("2B 0E 01 01 00 00", ModbusError.UnexpectedPduLength, 6)]              // §6.21: 7-byte header
    public void TryRead_ResponseBreakingARule_ReturnsItsErrorAndConsumesNothing(string pduHex, ModbusError expected, int pduOffset)
    {
        AssertTcpInvalid(Tcp(pduHex), ModbusDirection.Response, expected, ModbusLimits.MbapHeaderLength + pduOffset);
    }

    [Fact]
    public void TryRead_ProtocolIdentifierNotZero_ReturnsInvalidProtocolIdentifier()
    {
        // Implementation Guide §3.1.3: protocol identifier 0; it is rejected as soon as its byte is seen.
        AssertTcpInvalid(Hex.Parse("00 01 00 01 00 06 11 03 00 6B 00 03"), ModbusDirection.Request, ModbusError.InvalidProtocolIdentifier, 2);
        AssertTcpInvalid(Hex.Parse("00 01 01"), ModbusDirection.Request, ModbusError.InvalidProtocolIdentifier, 2);
    }

    [Theory]
    // §3.1.3 / §4.1: length = unit id + PDU = 2..254.
    [InlineData("00 01 00 00 00 00 11")]
    [InlineData("00 01 00 00 00 01 11 03")]
    [InlineData("00 01 00 00 00 FF 11")]
    [InlineData("00 01 00 00 01 00 11")]
    [InlineData("00 01 00 00 01")]
    public void TryRead_MbapLengthOutOfRange_ReturnsInvalidMbapLength(string hex)
    {
        AssertTcpInvalid(Hex.Parse(hex), ModbusDirection.Unknown, ModbusError.InvalidMbapLength, 4);
    }

    [Fact]
    public void TryRead_EmptyOrOversizedPdu_ReturnsItsError()
    {
        Assert.False(ModbusPdu.TryRead([], ModbusDirection.Request, out _, out ProtocolError empty));
        Assert.Equal(ModbusError.EmptyPdu, ModbusErrors.GetCode(empty));
        Assert.False(ModbusPdu.TryRead(new byte[254], ModbusDirection.Request, out ModbusPdu pdu, out ProtocolError tooLong));
        Assert.Equal(ModbusError.PduTooLong, ModbusErrors.GetCode(tooLong));
        Assert.True(pdu.Span.IsEmpty);
    }

    [Fact]
    public void Rtu_CrcMismatch_ReturnsCrcMismatchAndConsumesNothing()
    {
        // 01 03 00 00 00 0A has CRC C5 CD; the last byte is changed.
        Assert.Equal(OperationStatus.InvalidData, ModbusRtuFrame.TryRead(Hex.Parse("01 03 00 00 00 0A C5 CE"), ModbusDirection.Request, out ModbusRtuFrame frame, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.Equal(0, frame.Address);
        Assert.Equal(ModbusError.CrcMismatch, ModbusErrors.GetCode(error));
        Assert.Equal(6, error.Offset);
    }

    [Fact]
    public void Rtu_ReservedAddress_ReturnsReservedServerAddress()
    {
        // Serial Line §2.2: 248..255 are reserved.
        Assert.Equal(OperationStatus.InvalidData, ModbusRtuFrame.TryRead(Hex.Parse("F8 03 00 00 00 0A"), ModbusDirection.Request, out _, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.Equal(ModbusError.ReservedServerAddress, ModbusErrors.GetCode(error));
    }

    [Fact]
    public void Rtu_RequestWithExceptionBit_ReturnsExceptionBitInRequest()
    {
        Assert.Equal(OperationStatus.InvalidData, ModbusRtuFrame.TryRead(Hex.Parse("01 83 02"), ModbusDirection.Request, out _, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.Equal(ModbusError.ExceptionBitInRequest, ModbusErrors.GetCode(error));
    }

    [Fact]
    public void Rtu_ValidCrcOverInvalidPdu_ReturnsThePduError()
    {
        byte[] frame = new byte[8];
        ModbusRtuFrame.TryWrite(1, Hex.Parse("03 00 00 00 00"), frame, out _);
        Assert.Equal(OperationStatus.InvalidData, ModbusRtuFrame.TryRead(frame, ModbusDirection.Request, out _, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.Equal(ModbusError.ReadRegistersQuantityOutOfRange, ModbusErrors.GetCode(error));
        Assert.Equal(1 + 3, error.Offset);
    }

    [Fact]
    public void Rtu_NoCrcMatchWithin256Bytes_ReturnsFrameTooLong()
    {
        // A user-defined code is delimited only by its CRC: none within the 256-byte maximum.
        byte[] bytes = new byte[300];
        bytes[0] = 1;
        bytes[1] = 0x41;
        for (int i = 2; i < bytes.Length; i++)
        {
            bytes[i] = (byte)i;
        }

        Assert.Equal(OperationStatus.InvalidData, ModbusRtuFrame.TryRead(bytes, ModbusDirection.Request, out _, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.Equal(ModbusError.FrameTooLong, ModbusErrors.GetCode(error));
    }

    [Fact]
    public void Rtu_DelimitedFrameTooShort_ReturnsFrameTooShort()
    {
        Assert.False(ModbusRtuFrame.TryReadDelimited(Hex.Parse("01 07 E2"), ModbusDirection.Request, out _, out ProtocolError error));
        Assert.Equal(ModbusError.FrameTooShort, ModbusErrors.GetCode(error));
    }

    [Theory]
    // Serial Line §2.5.2: ':' start, upper-case hex pairs, LRC, CR LF.
    [InlineData("1103006B00037E\r\n", ModbusError.InvalidAsciiStart, 0)]
    [InlineData(":1103006b00037E\r\n", ModbusError.InvalidAsciiCharacter, 8)]
    [InlineData(":11030G", ModbusError.InvalidAsciiCharacter, 6)]
    [InlineData(":1103006B00037E\r\r", ModbusError.InvalidAsciiEnd, 16)]
    [InlineData(":1103006B00037\r\n", ModbusError.InvalidAsciiLength, 14)]
    [InlineData(":1103\r\n", ModbusError.InvalidAsciiLength, 5)]
    [InlineData(":1103006B00037F\r\n", ModbusError.LrcMismatch, 13)]
    [InlineData(":F803006B000397\r\n", ModbusError.ReservedServerAddress, 1)]
    [InlineData(":110300000000EC\r\n", ModbusError.ReadRegistersQuantityOutOfRange, 9)]
    public void Ascii_BreakingARule_ReturnsItsErrorAndConsumesNothing(string text, ModbusError expected, int offset)
    {
        var buffer = new byte[ModbusAsciiFrame.DecodeBufferLength];
        Assert.Equal(OperationStatus.InvalidData, ModbusAsciiFrame.TryRead(Encoding.ASCII.GetBytes(text), ModbusDirection.Request, buffer, out ModbusAsciiFrame frame, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.Equal(0, frame.Address);
        Assert.Equal(expected, ModbusErrors.GetCode(error));
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void Ascii_NoCarriageReturnWithin513Characters_ReturnsFrameTooLong()
    {
        byte[] text = [(byte)':', .. Enumerable.Repeat((byte)'0', 600)];
        var buffer = new byte[ModbusAsciiFrame.DecodeBufferLength];
        Assert.Equal(OperationStatus.InvalidData, ModbusAsciiFrame.TryRead(text, ModbusDirection.Request, buffer, out _, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.Equal(ModbusError.FrameTooLong, ModbusErrors.GetCode(error));
    }

    [Fact]
    public void EveryErrorCode_HasItsOwnReason()
    {
        string[] reasons = Enum.GetValues<ModbusError>().Select(ModbusErrors.GetReason).ToArray();
        Assert.DoesNotContain("unknown Modbus error", reasons);
        Assert.Equal(reasons.Length, reasons.Distinct().Count());
    }
}
