using System.Buffers;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Protocols.Tests.Modbus;

/// <summary>Writers refuse messages that break the specification (caller errors) and never write past the destination.</summary>
public class ModbusWriterTests
{
    [Fact]
    public void TryWrite_QuantityOutOfRange_ThrowsAndLeavesNothing()
    {
        var buffer = new byte[16];
        ArgumentException e = Assert.Throws<ArgumentException>(() => ModbusPduWriter.TryWrite(new ModbusReadRequest(ModbusFunctionCode.ReadHoldingRegisters, 0, 126), buffer, out _));
        Assert.Contains("1..125", e.Message, StringComparison.Ordinal);
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Fact]
    public void TryWrite_WrongFunctionForTheType_Throws()
    {
        var buffer = new byte[16];
        Assert.Throws<ArgumentException>(() => ModbusPduWriter.TryWrite(new ModbusReadRequest(ModbusFunctionCode.WriteSingleCoil, 0, 1), buffer, out _));
        Assert.Throws<ArgumentException>(() => ModbusPduWriter.TryWrite(new ModbusEmptyRequest(ModbusFunctionCode.ReadCoils), buffer, out _));
        Assert.Throws<ArgumentException>(() => ModbusPduWriter.TryWrite(new ModbusRawPdu(0x03, [0, 0, 0, 1]), buffer, out _));
        Assert.Throws<ArgumentException>(() => ModbusPduWriter.TryWrite(new ModbusExceptionResponse((ModbusFunctionCode)0x83, ModbusExceptionCode.IllegalFunction), buffer, out _));
    }

    [Fact]
    public void TryWrite_ByteCountInconsistentWithQuantity_Throws()
    {
        var buffer = new byte[32];
        Assert.Throws<ArgumentException>(() => ModbusPduWriter.TryWrite(new ModbusWriteMultipleCoilsRequest(0, 10, [0xFF]), buffer, out _));
        Assert.Throws<ArgumentException>(() => ModbusPduWriter.TryWrite(new ModbusDiagnostics(ModbusDiagnosticSubFunction.ForceListenOnlyMode, [0x12, 0x34]), ModbusDirection.Request, buffer, out _));
        Assert.Throws<ArgumentException>(() => ModbusPduWriter.TryWrite(new ModbusDiagnostics(ModbusDiagnosticSubFunction.ReturnQueryData, []), ModbusDirection.Unknown, buffer, out _));
    }

    [Fact]
    public void TryWrite_LongerThanAPdu_Throws()
    {
        var buffer = new byte[300];
        Assert.Throws<ArgumentException>(() => ModbusPduWriter.TryWrite(new ModbusReportServerIdResponse(new byte[252]), buffer, out _));
        Assert.Throws<ArgumentException>(() => ModbusTcpFrame.TryWrite(1, 1, new byte[254], buffer, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusRtuFrame.TryWrite(248, [0x07], buffer, out _));
    }

    [Fact]
    public void TryWrite_DestinationTooSmall_WritesNothing()
    {
        var small = new byte[4];
        Assert.Equal(OperationStatus.DestinationTooSmall, ModbusPduWriter.TryWrite(new ModbusReadRequest(ModbusFunctionCode.ReadCoils, 0, 1), small, out int written));
        Assert.Equal(0, written);
        Assert.All(small, b => Assert.Equal(0, b));

        var builder = new ModbusReadFileRecordResponseBuilder(small);
        Assert.Equal(OperationStatus.DestinationTooSmall, builder.Add([0x00, 0x01, 0x00, 0x02]));
        Assert.Equal(OperationStatus.DestinationTooSmall, builder.TryFinish(out written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void GetEncodedLength_MatchesWhatIsWritten()
    {
        var buffer = new byte[260];
        var request = new ModbusWriteMultipleRegistersRequest(7, [0, 1, 0, 2, 0, 3]);
        Assert.Equal(OperationStatus.Done, ModbusPduWriter.TryWrite(request, buffer, out int written));
        Assert.Equal(ModbusPduWriter.GetEncodedLength(request), written);
        Assert.Equal(12, ModbusTcpFrame.GetEncodedLength(5));
        Assert.Equal(8, ModbusRtuFrame.GetEncodedLength(5));
        Assert.Equal(17, ModbusAsciiFrame.GetEncodedLength(5));
        Assert.Equal(ModbusLimits.MaxAsciiFrameLength, ModbusAsciiFrame.GetEncodedLength(ModbusLimits.MaxPduLength));
    }

    [Fact]
    public void Builders_AddStackallocatedValues_CopyThemIntoThePdu()
    {
        // The builders' Add parameters are scoped: a server can fill them from stackalloc buffers it reuses.
        var pdu = new byte[253];
        var fileResponse = new ModbusReadFileRecordResponseBuilder(pdu);
        Span<byte> registers = stackalloc byte[] { 0x12, 0x34 };
        Assert.Equal(OperationStatus.Done, fileResponse.Add(registers));
        registers[0] = 0xFF;
        Assert.Equal(OperationStatus.Done, fileResponse.TryFinish(out int written));
        // §6.14: function 0x14, data length 4, sub-response length 3, reference type 6, register 0x1234.
        Assert.Equal("14040306" + "1234", Hex.Format(pdu.AsSpan(0, written)));

        var fileWrite = new ModbusWriteFileRecordBuilder(pdu);
        Span<byte> values = stackalloc byte[] { 0x00, 0x2A };
        Assert.Equal(OperationStatus.Done, fileWrite.Add(4, 1, values));
        values.Clear();
        Assert.Equal(OperationStatus.Done, fileWrite.TryFinish(out written));
        // §6.15: function 0x15, data length 9, reference type 6, file 4, record 1, length 1, value 0x002A.
        Assert.Equal("15090600040001" + "0001002A", Hex.Format(pdu.AsSpan(0, written)));

        var identity = new ModbusDeviceIdentificationResponseBuilder(pdu, ModbusReadDeviceIdCode.Basic, ModbusConformityLevel.BasicStream, moreFollows: false, nextObjectId: 0);
        Span<byte> vendor = stackalloc byte[] { (byte)'A' };
        Assert.Equal(OperationStatus.Done, identity.Add(0, vendor));
        vendor[0] = (byte)'B';
        Assert.Equal(OperationStatus.Done, identity.TryFinish(out written));
        // §6.21: 2B 0E, code 01, conformity 01, more follows 00, next 00, 1 object: id 00, length 1, "A".
        Assert.Equal("2B0E010100000100" + "0141", Hex.Format(pdu.AsSpan(0, written)));
    }
}
