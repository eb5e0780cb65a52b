using System.Buffers;
using System.Text;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Protocols.Tests.Modbus;

/// <summary>Known vectors for the framings: MBAP, RTU CRC-16/MODBUS, ASCII LRC, and direction inference.</summary>
public class ModbusFramingTests
{
    [Fact]
    public void Tcp_ReadHoldingRegistersAdu_IsRead()
    {
        // TCP Implementation Guide §3.1.3: transaction 0x0001, protocol 0, length 6, unit 0x11, then the §6.3 request.
        byte[] adu = Hex.Parse("00 01 00 00 00 06 11 03 00 6B 00 03");
        Assert.Equal(OperationStatus.Done, ModbusTcpFrame.TryRead(adu, out ModbusTcpFrame frame, out int consumed));
        Assert.Equal(12, consumed);
        Assert.Equal(1, frame.TransactionId);
        Assert.Equal(0x11, frame.UnitId);
        Assert.Equal(6, frame.Header.Length);
        Assert.Equal(ModbusDirection.Request, frame.Pdu.Direction);
        Assert.True(frame.Pdu.TryGetReadRequest(out ModbusReadRequest r));
        Assert.Equal(new ModbusReadRequest(ModbusFunctionCode.ReadHoldingRegisters, 0x6B, 3), r);

        var again = new byte[12];
        Assert.Equal(OperationStatus.Done, ModbusTcpFrame.TryWrite(1, 0x11, frame.Pdu.Span, again, out int written));
        Assert.Equal(adu, again[..written]);
    }

    [Fact]
    public void Tcp_PipelinedAdus_AreReadOneAfterTheOther()
    {
        // Two ADUs in one segment (as in the ITI polling capture): read, consume, read again.
        byte[] stream = Hex.Parse("00 01 00 00 00 06 FF 04 08 D2 00 02 00 02 00 00 00 06 FF 02 00 63 00 1E");
        Assert.Equal(OperationStatus.Done, ModbusTcpFrame.TryRead(stream, out ModbusTcpFrame first, out int consumed));
        Assert.Equal(1, first.TransactionId);
        Assert.Equal(OperationStatus.Done, ModbusTcpFrame.TryRead(stream.AsSpan(consumed), out ModbusTcpFrame second, out int consumed2));
        Assert.Equal(2, second.TransactionId);
        Assert.Equal(stream.Length, consumed + consumed2);
    }

    [Fact]
    public void Tcp_TruncatedMbap_ReturnsNeedMoreData()
    {
        Assert.Equal(OperationStatus.NeedMoreData, ModbusTcpFrame.TryRead(Hex.Parse("00 01 00 00 00"), out _, out int consumed));
        Assert.Equal(0, consumed);
        Assert.Equal(OperationStatus.NeedMoreData, ModbusTcpFrame.TryRead(Hex.Parse("00 01 00 00 00 06 11 03 00"), out _, out consumed));
        Assert.Equal(0, consumed);
    }

    [Fact]
    public void Tcp_WriteDestinationTooSmall_WritesNothing()
    {
        var small = new byte[11];
        Assert.Equal(OperationStatus.DestinationTooSmall, ModbusTcpFrame.TryWrite(1, 1, Hex.Parse("03 00 6B 00 03"), small, out int written));
        Assert.Equal(0, written);
        Assert.All(small, b => Assert.Equal(0, b));
    }

    [Theory]
    // CRC-16/MODBUS check value of "123456789" (the CRC catalogue) and two widely published frames.
    [InlineData("313233343536373839", 0x4B37)]
    [InlineData("01 03 00 00 00 0A", 0xCDC5)] // sent C5 CD
    [InlineData("11 03 00 6B 00 03", 0x8776)] // sent 76 87
    public void Crc_KnownValues(string hex, int crc)
    {
        Assert.Equal((ushort)crc, ModbusChecksums.ComputeCrc(Hex.Parse(hex)));
    }

    [Fact]
    public void Lrc_SerialLineExample()
    {
        // Serial Line §6.2.1 method, on the §2.5.2 frame address 0x11, 03 00 6B 00 03: sum 0x82, LRC 0x7E.
        Assert.Equal(0x7E, ModbusChecksums.ComputeLrc(Hex.Parse("11 03 00 6B 00 03")));
    }

    [Fact]
    public void Rtu_Frame_IsReadAndWritten()
    {
        byte[] bytes = Hex.Parse("11 03 00 6B 00 03 76 87");
        Assert.Equal(OperationStatus.Done, ModbusRtuFrame.TryRead(bytes, out ModbusRtuFrame frame, out int consumed));
        Assert.Equal(8, consumed);
        Assert.Equal(0x11, frame.Address);
        Assert.Equal(0x8776, frame.Crc);
        Assert.Equal(ModbusDirection.Request, frame.Pdu.Direction);
        var again = new byte[8];
        Assert.Equal(OperationStatus.Done, ModbusRtuFrame.TryWrite(0x11, frame.Pdu.Span, again, out int written));
        Assert.Equal(bytes, again[..written]);
    }

    [Fact]
    public void Rtu_UnknownDirection_TellsRequestFromResponseByLayoutAndCrc()
    {
        // The same function code, request then response on one line; the reader is not told which is which.
        byte[] request = RtuOf(0x11, "03 00 6B 00 03");
        byte[] response = RtuOf(0x11, "03 06 02 2B 00 00 00 64");
        byte[] line = [.. request, .. response];
        Assert.Equal(OperationStatus.Done, ModbusRtuFrame.TryRead(line, ModbusDirection.Unknown, out ModbusRtuFrame first, out int consumed, out _));
        Assert.Equal(request.Length, consumed);
        Assert.Equal(ModbusDirection.Request, first.Pdu.Direction);
        Assert.Equal(OperationStatus.Done, ModbusRtuFrame.TryRead(line.AsSpan(consumed), ModbusDirection.Unknown, out ModbusRtuFrame second, out int consumed2, out _));
        Assert.Equal(response.Length, consumed2);
        Assert.Equal(ModbusDirection.Response, second.Pdu.Direction);
        Assert.True(second.Pdu.TryGetReadRegistersResponse(out ModbusReadRegistersResponse regs));
        Assert.Equal(0x0064, regs.GetRegister(2));
    }

    [Fact]
    public void Rtu_ResponseLongerThanTheRequestLayout_WaitsForItsCrc()
    {
        // A Read Coils response with 5 status bytes: its first 5 PDU bytes could start a request frame, but the CRC
        // there does not match, so the reader waits for the response's own CRC.
        byte[] response = RtuOf(0x01, "01 05 CD 6B 05 00 01");
        for (int i = 0; i < response.Length; i++)
        {
            Assert.Equal(OperationStatus.NeedMoreData, ModbusRtuFrame.TryRead(response.AsSpan(0, i), ModbusDirection.Unknown, out _, out _, out _));
        }

        Assert.Equal(OperationStatus.Done, ModbusRtuFrame.TryRead(response, ModbusDirection.Unknown, out ModbusRtuFrame frame, out int consumed, out _));
        Assert.Equal(response.Length, consumed);
        Assert.Equal(ModbusMessageKind.ReadBitsResponse, frame.Pdu.Kind);
        Assert.Equal(ModbusDirection.Response, frame.Pdu.Direction);
    }

    [Theory]
    // Layouts with no length field, delimited by the CRC: Return Query Data, a user-defined code, CANopen.
    [InlineData("08 00 00 A5 37 12 34")]
    [InlineData("41 01 02 03 04")]
    [InlineData("2B 0D 01 02 03")]
    public void Rtu_LayoutWithoutLength_IsDelimitedByItsCrc(string pdu)
    {
        byte[] frame = RtuOf(0x05, pdu);
        byte[] stream = [.. frame, .. RtuOf(0x05, "03 00 00 00 01")];
        Assert.Equal(OperationStatus.Done, ModbusRtuFrame.TryRead(stream, ModbusDirection.Request, out ModbusRtuFrame read, out int consumed, out _));
        Assert.Equal(frame.Length, consumed);
        Assert.Equal(Hex.Parse(pdu), read.Pdu.Span.ToArray());
        Assert.Equal(OperationStatus.NeedMoreData, ModbusRtuFrame.TryRead(frame.AsSpan(0, frame.Length - 1), ModbusDirection.Request, out _, out _, out _));
    }

    [Fact]
    public void Rtu_DeviceIdentificationResponse_LengthFollowsTheObjects()
    {
        byte[] pdu = [.. Hex.Parse("2B 0E 01 01 00 00 02"), 0x00, 3, .. "ACM"u8, 0x01, 2, .. "X1"u8];
        byte[] frame = RtuOf(0x07, Hex.Format(pdu));
        Assert.Equal(OperationStatus.Done, ModbusRtuFrame.TryRead([.. frame, 0x07], ModbusDirection.Response, out ModbusRtuFrame read, out int consumed, out _));
        Assert.Equal(frame.Length, consumed);
        Assert.Equal(ModbusMessageKind.ReadDeviceIdentificationResponse, read.Pdu.Kind);
    }

    [Fact]
    public void Ascii_SerialLineExample_IsReadAndWritten()
    {
        // Serial Line §2.5.2: ':' 11 03 00 6B 00 03 LRC 7E CR LF.
        byte[] text = Encoding.ASCII.GetBytes(":1103006B00037E\r\n");
        var buffer = new byte[ModbusAsciiFrame.DecodeBufferLength];
        Assert.Equal(OperationStatus.Done, ModbusAsciiFrame.TryRead(text, ModbusDirection.Unknown, buffer, out ModbusAsciiFrame frame, out int consumed, out _));
        Assert.Equal(text.Length, consumed);
        Assert.Equal(0x11, frame.Address);
        Assert.Equal(0x7E, frame.Lrc);
        Assert.True(frame.Pdu.TryGetReadRequest(out ModbusReadRequest r));
        Assert.Equal(3, r.Quantity);
        var again = new byte[ModbusAsciiFrame.GetEncodedLength(5)];
        Assert.Equal(OperationStatus.Done, ModbusAsciiFrame.TryWrite(0x11, frame.Pdu.Span, again, out int written));
        Assert.Equal(text, again[..written]);
    }

    [Fact]
    public void Ascii_ChangedEndDelimiter_IsHonoured()
    {
        // Diagnostics sub-function 03 changes LF to another character, here '!'.
        byte[] text = Encoding.ASCII.GetBytes(":1103006B00037E\r!");
        var buffer = new byte[ModbusAsciiFrame.DecodeBufferLength];
        Assert.Equal(OperationStatus.Done, ModbusAsciiFrame.TryRead(text, ModbusDirection.Request, (byte)'!', buffer, out _, out int consumed, out _));
        Assert.Equal(text.Length, consumed);
        Assert.Equal(OperationStatus.InvalidData, ModbusAsciiFrame.TryRead(text, ModbusDirection.Request, buffer, out _, out _, out _));
    }

    [Fact]
    public void InferDirection_UsesTheLayouts()
    {
        Assert.Equal(ModbusDirection.Request, ModbusPdu.InferDirection(Hex.Parse("03 00 6B 00 03")));
        Assert.Equal(ModbusDirection.Response, ModbusPdu.InferDirection(Hex.Parse("03 06 02 2B 00 00 00 64")));
        Assert.Equal(ModbusDirection.Response, ModbusPdu.InferDirection(Hex.Parse("83 02")));
        Assert.Equal(ModbusDirection.Request, ModbusPdu.InferDirection(Hex.Parse("11")));
        Assert.Equal(ModbusDirection.Response, ModbusPdu.InferDirection(Hex.Parse("0F 00 13 00 0A")));
        // Write Single Register has one layout for both: ambiguous.
        Assert.Equal(ModbusDirection.Unknown, ModbusPdu.InferDirection(Hex.Parse("06 00 01 00 03")));
        Assert.Equal(ModbusDirection.Unknown, ModbusPdu.InferDirection([]));
    }

    [Fact]
    public void TryRead_UnknownDirection_ReadsSharedLayoutsAsRequests()
    {
        Assert.True(ModbusPdu.TryRead(Hex.Parse("06 00 01 00 03"), ModbusDirection.Unknown, out ModbusPdu pdu));
        Assert.Equal(ModbusDirection.Request, pdu.Direction);
        // 01 03 00 00 05: a request for 5 coils at 0x0300, or a response with 3 status bytes.
        Assert.Equal(ModbusDirection.Unknown, ModbusPdu.InferDirection(Hex.Parse("01 03 00 00 05")));
        Assert.True(ModbusPdu.TryRead(Hex.Parse("01 03 00 00 05"), ModbusDirection.Unknown, out pdu));
        Assert.Equal(ModbusDirection.Request, pdu.Direction);
        // 01 03 CD 6B 05 would ask for 27397 coils: only the response layout fits.
        Assert.True(ModbusPdu.TryRead(Hex.Parse("01 03 CD 6B 05"), ModbusDirection.Unknown, out pdu));
        Assert.Equal(ModbusDirection.Response, pdu.Direction);
        Assert.True(ModbusPdu.TryRead(Hex.Parse("01 01 05"), ModbusDirection.Unknown, out pdu));
        Assert.Equal(ModbusDirection.Response, pdu.Direction);
    }

    private static byte[] RtuOf(byte address, string pduHex)
    {
        byte[] pdu = Hex.Parse(pduHex);
        var frame = new byte[ModbusRtuFrame.GetEncodedLength(pdu.Length)];
        Assert.Equal(OperationStatus.Done, ModbusRtuFrame.TryWrite(address, pdu, frame, out _));
        return frame;
    }
}
