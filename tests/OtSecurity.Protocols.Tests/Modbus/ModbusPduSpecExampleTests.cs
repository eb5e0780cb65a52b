using System.Buffers;
using System.Text;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Protocols.Tests.Modbus;

/// <summary>
/// The request/response examples of the MODBUS Application Protocol Specification V1.1b3, one per function code:
/// each is read (fields checked) and written back byte for byte.
/// </summary>
public class ModbusPduSpecExampleTests
{
    private static ModbusPdu Read(byte[] pdu, ModbusDirection direction, ModbusMessageKind kind)
    {
        Assert.True(ModbusPdu.TryRead(pdu, direction, out ModbusPdu read, out ProtocolError error), error.ToString());
        Assert.Equal(kind, read.Kind);
        Assert.Equal(direction, read.Direction);
        return read;
    }

    private static void AssertWrites(string expectedHex, Func<byte[], (OperationStatus Status, int Written)> write)
    {
        var buffer = new byte[ModbusLimits.MaxPduLength];
        (OperationStatus status, int written) = write(buffer);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(expectedHex.Replace(" ", string.Empty, StringComparison.Ordinal), Hex.Format(buffer.AsSpan(0, written)));
    }

    /// <summary>Writes the PDU again through its typed writer (from the view) and compares with the vector.</summary>
    private static void AssertReencodes(ModbusPdu pdu, string expectedHex)
    {
        var buffer = new byte[ModbusLimits.MaxPduLength];
        int written = Msg.WriteFromView(pdu, buffer);
        Assert.Equal(expectedHex.Replace(" ", string.Empty, StringComparison.Ordinal), Hex.Format(buffer.AsSpan(0, written)));
    }

    [Fact]
    public void Fc01_ReadCoils_Section6_1()
    {
        // §6.1: read coils 20-38: starting address 0x0013, quantity 0x0013.
        ModbusPdu request = Read(Hex.Parse("01 00 13 00 13"), ModbusDirection.Request, ModbusMessageKind.ReadRequest);
        Assert.True(request.TryGetReadRequest(out ModbusReadRequest r));
        Assert.Equal(new ModbusReadRequest(ModbusFunctionCode.ReadCoils, 0x13, 0x13), r);
        AssertWrites("01 00 13 00 13", b => (ModbusPduWriter.TryWrite(r, b, out int n), n));

        // §6.1: byte count 3, coil status CD 6B 05 (coils 27-20, 35-28, 38-36).
        ModbusPdu response = Read(Hex.Parse("01 03 CD 6B 05"), ModbusDirection.Response, ModbusMessageKind.ReadBitsResponse);
        Assert.True(response.TryGetReadBitsResponse(out ModbusReadBitsResponse bits));
        Assert.Equal("CD6B05", Hex.Format(bits.Status));
        Assert.True(bits.GetBit(0));   // coil 20: bit 0 of 0xCD
        Assert.False(bits.GetBit(1));  // coil 21
        Assert.True(bits.GetBit(18));  // coil 38: bit 2 of 0x05
        AssertReencodes(response, "01 03 CD 6B 05");
    }

    [Fact]
    public void Fc02_ReadDiscreteInputs_Section6_2()
    {
        // §6.2: inputs 197-218: address 0x00C4, quantity 0x0016.
        ModbusPdu request = Read(Hex.Parse("02 00 C4 00 16"), ModbusDirection.Request, ModbusMessageKind.ReadRequest);
        Assert.True(request.TryGetReadRequest(out ModbusReadRequest r));
        Assert.Equal(new ModbusReadRequest(ModbusFunctionCode.ReadDiscreteInputs, 0xC4, 0x16), r);

        // §6.2: byte count 3, input status AC DB 35.
        ModbusPdu response = Read(Hex.Parse("02 03 AC DB 35"), ModbusDirection.Response, ModbusMessageKind.ReadBitsResponse);
        Assert.True(response.TryGetReadBitsResponse(out ModbusReadBitsResponse bits));
        Assert.Equal(ModbusFunctionCode.ReadDiscreteInputs, bits.Function);
        Assert.Equal(3, bits.Status.Length);
        AssertReencodes(response, "02 03 AC DB 35");
    }

    [Fact]
    public void Fc03_ReadHoldingRegisters_Section6_3()
    {
        // §6.3: registers 108-110: address 0x006B, quantity 3.
        ModbusPdu request = Read(Hex.Parse("03 00 6B 00 03"), ModbusDirection.Request, ModbusMessageKind.ReadRequest);
        Assert.True(request.TryGetReadRequest(out ModbusReadRequest r));
        Assert.Equal(new ModbusReadRequest(ModbusFunctionCode.ReadHoldingRegisters, 0x6B, 3), r);

        // §6.3: byte count 6, values 0x022B, 0x0000, 0x0064.
        ModbusPdu response = Read(Hex.Parse("03 06 02 2B 00 00 00 64"), ModbusDirection.Response, ModbusMessageKind.ReadRegistersResponse);
        Assert.True(response.TryGetReadRegistersResponse(out ModbusReadRegistersResponse regs));
        Assert.Equal(3, regs.RegisterCount);
        Assert.Equal(0x022B, regs.GetRegister(0));
        Assert.Equal(0x0000, regs.GetRegister(1));
        Assert.Equal(0x0064, regs.GetRegister(2));
        AssertReencodes(response, "03 06 02 2B 00 00 00 64");
    }

    [Fact]
    public void Fc04_ReadInputRegisters_Section6_4()
    {
        // §6.4: register 9: address 0x0008, quantity 1; response byte count 2, value 0x000A.
        ModbusPdu request = Read(Hex.Parse("04 00 08 00 01"), ModbusDirection.Request, ModbusMessageKind.ReadRequest);
        Assert.True(request.TryGetReadRequest(out ModbusReadRequest r));
        Assert.Equal(new ModbusReadRequest(ModbusFunctionCode.ReadInputRegisters, 8, 1), r);
        ModbusPdu response = Read(Hex.Parse("04 02 00 0A"), ModbusDirection.Response, ModbusMessageKind.ReadRegistersResponse);
        Assert.True(response.TryGetReadRegistersResponse(out ModbusReadRegistersResponse regs));
        Assert.Equal(0x000A, regs.GetRegister(0));
    }

    [Fact]
    public void Fc05_WriteSingleCoil_Section6_5()
    {
        // §6.5: coil 173 ON: address 0x00AC, value 0xFF00; the response echoes the request.
        foreach (ModbusDirection direction in new[] { ModbusDirection.Request, ModbusDirection.Response })
        {
            ModbusPdu pdu = Read(Hex.Parse("05 00 AC FF 00"), direction, ModbusMessageKind.WriteSingleCoil);
            Assert.True(pdu.TryGetWriteSingleCoil(out ModbusWriteSingleCoil coil));
            Assert.Equal(new ModbusWriteSingleCoil(0xAC, true), coil);
        }

        AssertWrites("05 00 AC FF 00", b => (ModbusPduWriter.TryWrite(new ModbusWriteSingleCoil(0xAC, true), b, out int n), n));
    }

    [Fact]
    public void Fc06_WriteSingleRegister_Section6_6()
    {
        // §6.6: register 2 := 0x0003: address 0x0001; the response echoes the request.
        ModbusPdu pdu = Read(Hex.Parse("06 00 01 00 03"), ModbusDirection.Request, ModbusMessageKind.WriteSingleRegister);
        Assert.True(pdu.TryGetWriteSingleRegister(out ModbusWriteSingleRegister w));
        Assert.Equal(new ModbusWriteSingleRegister(1, 3), w);
        AssertWrites("06 00 01 00 03", b => (ModbusPduWriter.TryWrite(w, b, out int n), n));
    }

    [Fact]
    public void Fc07_ReadExceptionStatus_Section6_7()
    {
        // §6.7: request is the function code alone; response output data 0x6D.
        ModbusPdu request = Read(Hex.Parse("07"), ModbusDirection.Request, ModbusMessageKind.EmptyRequest);
        Assert.True(request.TryGetEmptyRequest(out ModbusEmptyRequest e));
        Assert.Equal(ModbusFunctionCode.ReadExceptionStatus, e.Function);
        ModbusPdu response = Read(Hex.Parse("07 6D"), ModbusDirection.Response, ModbusMessageKind.ReadExceptionStatusResponse);
        Assert.True(response.TryGetReadExceptionStatusResponse(out ModbusReadExceptionStatusResponse s));
        Assert.Equal(0x6D, s.OutputData);
        AssertWrites("07 6D", b => (ModbusPduWriter.TryWrite(s, b, out int n), n));
    }

    [Fact]
    public void Fc08_Diagnostics_ReturnQueryData_Section6_8()
    {
        // §6.8: sub-function 0000 Return Query Data, data A5 37, echoed.
        ModbusPdu request = Read(Hex.Parse("08 00 00 A5 37"), ModbusDirection.Request, ModbusMessageKind.Diagnostics);
        Assert.True(request.TryGetDiagnostics(out ModbusDiagnostics d));
        Assert.Equal(ModbusDiagnosticSubFunction.ReturnQueryData, d.SubFunction);
        Assert.True(d.TryGetWord(out ushort word));
        Assert.Equal(0xA537, word);
        Read(Hex.Parse("08 00 00 A5 37"), ModbusDirection.Response, ModbusMessageKind.Diagnostics);
        AssertReencodes(request, "08 00 00 A5 37");
    }

    [Theory]
    // §6.8.1: each defined sub-function with its request data and a response.
    [InlineData(0x01, "0000", "0000")] // Restart Communications Option (keep the log), echoed
    [InlineData(0x01, "FF00", "FF00")] // Restart Communications Option (clear the log), echoed
    [InlineData(0x02, "0000", "1234")] // Return Diagnostic Register
    [InlineData(0x03, "3A00", "3A00")] // Change ASCII Input Delimiter to ':'
    [InlineData(0x04, "0000", "0000")] // Force Listen Only Mode (no response is sent; a response would echo)
    [InlineData(0x0A, "0000", "0000")] // Clear Counters and Diagnostic Register
    [InlineData(0x0B, "0000", "0102")] // Return Bus Message Count
    [InlineData(0x0C, "0000", "0003")] // Return Bus Communication Error Count
    [InlineData(0x0D, "0000", "0004")] // Return Bus Exception Error Count
    [InlineData(0x0E, "0000", "0105")] // Return Server Message Count
    [InlineData(0x0F, "0000", "0006")] // Return Server No Response Count
    [InlineData(0x10, "0000", "0007")] // Return Server NAK Count
    [InlineData(0x11, "0000", "0008")] // Return Server Busy Count
    [InlineData(0x12, "0000", "0009")] // Return Bus Character Overrun Count
    [InlineData(0x14, "0000", "0000")] // Clear Overrun Counter and Flag
    public void Fc08_Diagnostics_EverySubFunction_Section6_8_1(ushort subFunction, string requestData, string responseData)
    {
        ModbusPdu request = Read(Hex.Parse($"08 {subFunction:X4} {requestData}"), ModbusDirection.Request, ModbusMessageKind.Diagnostics);
        Assert.True(request.TryGetDiagnostics(out ModbusDiagnostics d));
        Assert.Equal((ModbusDiagnosticSubFunction)subFunction, d.SubFunction);
        Assert.True(d.IsDefinedSubFunction);
        Assert.NotNull(ModbusFunctions.GetName(d.SubFunction));
        Read(Hex.Parse($"08 {subFunction:X4} {responseData}"), ModbusDirection.Response, ModbusMessageKind.Diagnostics);
    }

    [Fact]
    public void Fc11_GetCommEventCounter_Section6_9()
    {
        // §6.9: status 0xFFFF (busy), event count 0x0108.
        Read(Hex.Parse("0B"), ModbusDirection.Request, ModbusMessageKind.EmptyRequest);
        ModbusPdu response = Read(Hex.Parse("0B FF FF 01 08"), ModbusDirection.Response, ModbusMessageKind.CommEventCounterResponse);
        Assert.True(response.TryGetCommEventCounterResponse(out ModbusCommEventCounterResponse c));
        Assert.Equal(new ModbusCommEventCounterResponse(0xFFFF, 0x0108), c);
        AssertWrites("0B FF FF 01 08", b => (ModbusPduWriter.TryWrite(c, b, out int n), n));
    }

    [Fact]
    public void Fc12_GetCommEventLog_Section6_10()
    {
        // §6.10: byte count 8, status 0000, event count 0108, message count 0121, events 20 00.
        Read(Hex.Parse("0C"), ModbusDirection.Request, ModbusMessageKind.EmptyRequest);
        ModbusPdu response = Read(Hex.Parse("0C 08 00 00 01 08 01 21 20 00"), ModbusDirection.Response, ModbusMessageKind.CommEventLogResponse);
        Assert.True(response.TryGetCommEventLogResponse(out ModbusCommEventLogResponse log));
        Assert.Equal(0x0000, log.Status);
        Assert.Equal(0x0108, log.EventCount);
        Assert.Equal(0x0121, log.MessageCount);
        Assert.Equal("2000", Hex.Format(log.Events));
        AssertReencodes(response, "0C 08 00 00 01 08 01 21 20 00");
    }

    [Fact]
    public void Fc15_WriteMultipleCoils_Section6_11()
    {
        // §6.11: 10 coils from 20 (address 0x0013), byte count 2, values CD 01.
        ModbusPdu request = Read(Hex.Parse("0F 00 13 00 0A 02 CD 01"), ModbusDirection.Request, ModbusMessageKind.WriteMultipleCoilsRequest);
        Assert.True(request.TryGetWriteMultipleCoilsRequest(out ModbusWriteMultipleCoilsRequest w));
        Assert.Equal(0x13, w.Address);
        Assert.Equal(10, w.Quantity);
        Assert.True(w.GetCoil(0));
        Assert.True(w.GetCoil(8));
        Assert.False(w.GetCoil(9));
        AssertReencodes(request, "0F 00 13 00 0A 02 CD 01");
        ModbusPdu response = Read(Hex.Parse("0F 00 13 00 0A"), ModbusDirection.Response, ModbusMessageKind.WriteMultipleResponse);
        Assert.True(response.TryGetWriteMultipleResponse(out ModbusWriteMultipleResponse r));
        Assert.Equal(new ModbusWriteMultipleResponse(ModbusFunctionCode.WriteMultipleCoils, 0x13, 10), r);
    }

    [Fact]
    public void Fc16_WriteMultipleRegisters_Section6_12()
    {
        // §6.12: registers 2-3 (address 0x0001) := 0x000A, 0x0102.
        ModbusPdu request = Read(Hex.Parse("10 00 01 00 02 04 00 0A 01 02"), ModbusDirection.Request, ModbusMessageKind.WriteMultipleRegistersRequest);
        Assert.True(request.TryGetWriteMultipleRegistersRequest(out ModbusWriteMultipleRegistersRequest w));
        Assert.Equal(1, w.Address);
        Assert.Equal(2, w.Quantity);
        Assert.Equal(0x0102, w.GetRegister(1));
        AssertReencodes(request, "10 00 01 00 02 04 00 0A 01 02");
        ModbusPdu response = Read(Hex.Parse("10 00 01 00 02"), ModbusDirection.Response, ModbusMessageKind.WriteMultipleResponse);
        Assert.True(response.TryGetWriteMultipleResponse(out ModbusWriteMultipleResponse r));
        Assert.Equal(new ModbusWriteMultipleResponse(ModbusFunctionCode.WriteMultipleRegisters, 1, 2), r);
    }

    [Fact]
    public void Fc17_ReportServerId_Section6_13()
    {
        // §6.13 gives no byte example (the server id is device specific); this response is from the CISA icsnpp-modbus
        // test capture: byte count 0x32, ASCII server id, run indicator 0xFF (ON) last.
        Read(Hex.Parse("11"), ModbusDirection.Request, ModbusMessageKind.EmptyRequest);
        byte[] pdu = Hex.Parse("11 32 5A 65 65 6B 20 4D 6F 64 62 75 73 20 54 65 73 74 2D 50 72 6F 74 6F 63 6F 6C 20 50 61 72 73 69 6E 67 20 69 73 20 66 75 6E 21 2D 31 2E 32 2E 33 2E 36 FF");
        ModbusPdu response = Read(pdu, ModbusDirection.Response, ModbusMessageKind.ReportServerIdResponse);
        Assert.True(response.TryGetReportServerIdResponse(out ModbusReportServerIdResponse id));
        Assert.Equal(0x32, id.Data.Length);
        Assert.StartsWith("Zeek Modbus Test", Encoding.ASCII.GetString(id.Data), StringComparison.Ordinal);
        Assert.Equal(0xFF, id.Data[^1]);
    }

    [Fact]
    public void Fc20_ReadFileRecord_Section6_14()
    {
        // §6.14: two sub-requests: file 4 record 1 length 2; file 3 record 9 length 2.
        byte[] request = Hex.Parse("14 0E 06 00 04 00 01 00 02 06 00 03 00 09 00 02");
        ModbusPdu pdu = Read(request, ModbusDirection.Request, ModbusMessageKind.ReadFileRecordRequest);
        Assert.True(pdu.TryGetReadFileRecordRequest(out ModbusReadFileRecordRequest r));
        Assert.Equal(2, r.Count);
        Assert.Equal(new ModbusFileRecordReference(4, 1, 2), r[0]);
        Assert.Equal(new ModbusFileRecordReference(3, 9, 2), r[1]);
        AssertWrites("14 0E 06 00 04 00 01 00 02 06 00 03 00 09 00 02", b => (ModbusPduWriter.TryWriteReadFileRecordRequest([new(4, 1, 2), new(3, 9, 2)], b, out int n), n));

        // §6.14 response: sub-responses of length 5 (reference type + 2 registers): 0DFE 0020; 33CD 0040.
        byte[] response = Hex.Parse("14 0C 05 06 0D FE 00 20 05 06 33 CD 00 40");
        ModbusPdu rp = Read(response, ModbusDirection.Response, ModbusMessageKind.ReadFileRecordResponse);
        Assert.True(rp.TryGetReadFileRecordResponse(out ModbusReadFileRecordResponse records));
        var values = new List<string>();
        foreach (ModbusFileRecordData record in records)
        {
            values.Add($"{record.GetRegister(0):X4}{record.GetRegister(1):X4}");
        }

        Assert.Equal(["0DFE0020", "33CD0040"], values);
        AssertWrites("14 0C 05 06 0D FE 00 20 05 06 33 CD 00 40", b =>
        {
            var builder = new ModbusReadFileRecordResponseBuilder(b);
            builder.Add(Hex.Parse("0D FE 00 20"));
            builder.Add(Hex.Parse("33 CD 00 40"));
            return (builder.TryFinish(out int n), n);
        });
    }

    [Fact]
    public void Fc21_WriteFileRecord_Section6_15()
    {
        // §6.15: file 4, record 7, 3 registers 06AF 04BE 100D; the response echoes the request.
        const string hex = "15 0D 06 00 04 00 07 00 03 06 AF 04 BE 10 0D";
        foreach (ModbusDirection direction in new[] { ModbusDirection.Request, ModbusDirection.Response })
        {
            ModbusPdu pdu = Read(Hex.Parse(hex), direction, ModbusMessageKind.WriteFileRecord);
            Assert.True(pdu.TryGetWriteFileRecord(out ModbusWriteFileRecord w));
            int count = 0;
            foreach (ModbusFileRecordWrite sub in w)
            {
                count++;
                Assert.Equal(4, sub.FileNumber);
                Assert.Equal(7, sub.RecordNumber);
                Assert.Equal(3, sub.RecordLength);
                Assert.Equal(0x100D, sub.GetRegister(2));
            }

            Assert.Equal(1, count);
        }

        AssertWrites(hex, b =>
        {
            var builder = new ModbusWriteFileRecordBuilder(b);
            builder.Add(4, 7, Hex.Parse("06 AF 04 BE 10 0D"));
            return (builder.TryFinish(out int n), n);
        });
    }

    [Fact]
    public void Fc22_MaskWriteRegister_Section6_16()
    {
        // §6.16: register 5 (address 4), AND 0x00F2, OR 0x0025; echoed.
        ModbusPdu pdu = Read(Hex.Parse("16 00 04 00 F2 00 25"), ModbusDirection.Request, ModbusMessageKind.MaskWriteRegister);
        Assert.True(pdu.TryGetMaskWriteRegister(out ModbusMaskWriteRegister m));
        Assert.Equal(new ModbusMaskWriteRegister(4, 0xF2, 0x25), m);
        AssertWrites("16 00 04 00 F2 00 25", b => (ModbusPduWriter.TryWrite(m, b, out int n), n));
    }

    [Fact]
    public void Fc23_ReadWriteMultipleRegisters_Section6_17()
    {
        // §6.17: read 6 registers from 4 (address 3), write 3 registers from 15 (address 0x0E) := 00FF 00FF 00FF.
        ModbusPdu request = Read(Hex.Parse("17 00 03 00 06 00 0E 00 03 06 00 FF 00 FF 00 FF"), ModbusDirection.Request, ModbusMessageKind.ReadWriteMultipleRegistersRequest);
        Assert.True(request.TryGetReadWriteMultipleRegistersRequest(out ModbusReadWriteMultipleRegistersRequest r));
        Assert.Equal(3, r.ReadAddress);
        Assert.Equal(6, r.ReadQuantity);
        Assert.Equal(0x0E, r.WriteAddress);
        Assert.Equal(3, r.WriteQuantity);
        Assert.Equal(0x00FF, r.GetWriteRegister(2));
        AssertReencodes(request, "17 00 03 00 06 00 0E 00 03 06 00 FF 00 FF 00 FF");

        // §6.17 response: byte count 12, values 00FE 0ACD 0001 0003 000D 00FF.
        ModbusPdu response = Read(Hex.Parse("17 0C 00 FE 0A CD 00 01 00 03 00 0D 00 FF"), ModbusDirection.Response, ModbusMessageKind.ReadRegistersResponse);
        Assert.True(response.TryGetReadRegistersResponse(out ModbusReadRegistersResponse regs));
        Assert.Equal(ModbusFunctionCode.ReadWriteMultipleRegisters, regs.Function);
        Assert.Equal(6, regs.RegisterCount);
        Assert.Equal(0x0ACD, regs.GetRegister(1));
    }

    [Fact]
    public void Fc24_ReadFifoQueue_Section6_18()
    {
        // §6.18: FIFO pointer address 0x04DE; response byte count 6, FIFO count 2, values 01B8 1284.
        ModbusPdu request = Read(Hex.Parse("18 04 DE"), ModbusDirection.Request, ModbusMessageKind.ReadFifoQueueRequest);
        Assert.True(request.TryGetReadFifoQueueRequest(out ModbusReadFifoQueueRequest q));
        Assert.Equal(0x04DE, q.FifoPointerAddress);
        ModbusPdu response = Read(Hex.Parse("18 00 06 00 02 01 B8 12 84"), ModbusDirection.Response, ModbusMessageKind.ReadFifoQueueResponse);
        Assert.True(response.TryGetReadFifoQueueResponse(out ModbusReadFifoQueueResponse f));
        Assert.Equal(2, f.FifoCount);
        Assert.Equal(0x1284, f.GetValue(1));
        AssertReencodes(response, "18 00 06 00 02 01 B8 12 84");
    }

    [Fact]
    public void Fc43_13_CanOpenGeneralReference_Section6_20()
    {
        // §6.20 defines no byte layout beyond the MEI type: the CANopen data is carried opaquely.
        ModbusPdu pdu = Read(Hex.Parse("2B 0D 00 01 02 03"), ModbusDirection.Request, ModbusMessageKind.CanOpenGeneralReference);
        Assert.True(pdu.TryGetCanOpenGeneralReference(out ModbusCanOpenGeneralReference c));
        Assert.Equal("00010203", Hex.Format(c.Data));
        Assert.Equal(OperationClass.Unknown, ModbusFunctions.Classify(pdu));
    }

    [Fact]
    public void Fc43_14_ReadDeviceIdentification_Section6_21()
    {
        // §6.21 example: basic device identification from object 0.
        ModbusPdu request = Read(Hex.Parse("2B 0E 01 00"), ModbusDirection.Request, ModbusMessageKind.ReadDeviceIdentificationRequest);
        Assert.True(request.TryGetReadDeviceIdentificationRequest(out ModbusReadDeviceIdentificationRequest r));
        Assert.Equal(new ModbusReadDeviceIdentificationRequest(ModbusReadDeviceIdCode.Basic, 0), r);

        // §6.21 example response (conformity 0x01, no more follows, 3 objects: "Company identification",
        // "Product code XX", "V2.11"); the object lengths are the strings' lengths (the printed example's 0x0D for
        // "Product code XX" does not match its 15 characters).
        byte[] pdu = [
            .. Hex.Parse("2B 0E 01 01 00 00 03"),
            0x00, 22, .. "Company identification"u8,
            0x01, 15, .. "Product code XX"u8,
            0x02, 5, .. "V2.11"u8,
        ];
        ModbusPdu response = Read(pdu, ModbusDirection.Response, ModbusMessageKind.ReadDeviceIdentificationResponse);
        Assert.True(response.TryGetReadDeviceIdentificationResponse(out ModbusReadDeviceIdentificationResponse id));
        Assert.Equal(ModbusConformityLevel.BasicStream, id.ConformityLevel);
        Assert.False(id.MoreFollows);
        Assert.Equal(3, id.NumberOfObjects);
        var objects = new List<string>();
        foreach (ModbusDeviceIdentificationObject o in id)
        {
            objects.Add($"{(ModbusDeviceObjectId)o.ObjectId}={Encoding.ASCII.GetString(o.Value)}");
        }

        Assert.Equal(["VendorName=Company identification", "ProductCode=Product code XX", "MajorMinorRevision=V2.11"], objects);
        AssertWrites(Hex.Format(pdu), b =>
        {
            var builder = new ModbusDeviceIdentificationResponseBuilder(b, ModbusReadDeviceIdCode.Basic, ModbusConformityLevel.BasicStream, false, 0);
            builder.Add(0, "Company identification"u8);
            builder.Add(1, "Product code XX"u8);
            builder.Add(2, "V2.11"u8);
            return (builder.TryFinish(out int n), n);
        });
    }

    [Fact]
    public void Fc43_14_MoreFollowsPaging_Section6_21()
    {
        // §6.21: when the objects do not fit, more follows = 0xFF and next object id tells where to continue;
        // the client asks again from that object.
        byte[] first = [.. Hex.Parse("2B 0E 02 82 FF 04 02"), 0x00, 3, .. "ACM"u8, 0x01, 4, .. "P-01"u8];
        ModbusPdu page = Read(first, ModbusDirection.Response, ModbusMessageKind.ReadDeviceIdentificationResponse);
        Assert.True(page.TryGetReadDeviceIdentificationResponse(out ModbusReadDeviceIdentificationResponse id));
        Assert.True(id.MoreFollows);
        Assert.Equal(4, id.NextObjectId);
        Assert.Equal(ModbusConformityLevel.RegularStreamAndIndividual, id.ConformityLevel);
        Read(Hex.Parse("2B 0E 02 04"), ModbusDirection.Request, ModbusMessageKind.ReadDeviceIdentificationRequest);
        byte[] last = [.. Hex.Parse("2B 0E 02 82 00 00 01"), 0x04, 5, .. "Pump1"u8];
        Read(last, ModbusDirection.Response, ModbusMessageKind.ReadDeviceIdentificationResponse);
    }

    [Theory]
    // §6.21: the four access types.
    [InlineData(ModbusReadDeviceIdCode.Basic)]
    [InlineData(ModbusReadDeviceIdCode.Regular)]
    [InlineData(ModbusReadDeviceIdCode.Extended)]
    [InlineData(ModbusReadDeviceIdCode.Individual)]
    public void Fc43_14_EveryReadDeviceIdCode_IsAccepted(ModbusReadDeviceIdCode code)
    {
        ModbusPdu pdu = Read([0x2B, 0x0E, (byte)code, 0x05], ModbusDirection.Request, ModbusMessageKind.ReadDeviceIdentificationRequest);
        Assert.True(pdu.TryGetReadDeviceIdentificationRequest(out ModbusReadDeviceIdentificationRequest r));
        Assert.Equal(code, r.ReadDeviceIdCode);
    }

    [Fact]
    public void ExceptionResponse_Section7()
    {
        // §7 example: Read Coils at address 0x04A1, one coil (01 04 A1 00 01), answered with function 0x81 and
        // exception code 02 (illegal data address).
        Read(Hex.Parse("01 04 A1 00 01"), ModbusDirection.Request, ModbusMessageKind.ReadRequest);
        ModbusPdu pdu = Read(Hex.Parse("81 02"), ModbusDirection.Response, ModbusMessageKind.Exception);
        Assert.True(pdu.IsException);
        Assert.Equal(ModbusFunctionCode.ReadCoils, pdu.FunctionCode);
        Assert.Equal(0x81, pdu.RawFunctionCode);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, pdu.ExceptionCode);
        AssertWrites("81 02", b => (ModbusPduWriter.TryWrite(new ModbusExceptionResponse(ModbusFunctionCode.ReadCoils, ModbusExceptionCode.IllegalDataAddress), b, out int n), n));
    }

    [Theory]
    // §7: every exception code (07 Negative Acknowledge from PI-MBUS-300), and an undefined one still read as an exception.
    [InlineData(0x01)]
    [InlineData(0x02)]
    [InlineData(0x03)]
    [InlineData(0x04)]
    [InlineData(0x05)]
    [InlineData(0x06)]
    [InlineData(0x07)]
    [InlineData(0x08)]
    [InlineData(0x0A)]
    [InlineData(0x0B)]
    [InlineData(0x42)]
    public void ExceptionResponse_EveryCode_IsData(byte code)
    {
        ModbusPdu pdu = Read([0x83, code], ModbusDirection.Response, ModbusMessageKind.Exception);
        Assert.True(pdu.TryGetException(out ModbusExceptionResponse e));
        Assert.Equal(ModbusFunctionCode.ReadHoldingRegisters, e.Function);
        Assert.Equal(code, (byte)e.ExceptionCode);
        Assert.Equal(code != 0x42, Enum.IsDefined((ModbusExceptionCode)code));
    }

    [Theory]
    // §5: user-defined codes 65-72 and 100-110; unknown codes; a reserved MEI type of function 43.
    [InlineData("41 01 02 03", ModbusMessageKind.UserDefined)]
    [InlineData("48", ModbusMessageKind.UserDefined)]
    [InlineData("64 FF", ModbusMessageKind.UserDefined)]
    [InlineData("6E 00 00", ModbusMessageKind.UserDefined)]
    [InlineData("09 00", ModbusMessageKind.Unknown)]
    [InlineData("28 05 02 00 00", ModbusMessageKind.Unknown)]
    [InlineData("7F", ModbusMessageKind.Unknown)]
    [InlineData("00 00 00 00 00", ModbusMessageKind.Unknown)]
    [InlineData("2B 00 00 00 00", ModbusMessageKind.Unknown)]
    public void UserDefinedAndUnknownCodes_AreReportedWithRawData(string hex, ModbusMessageKind kind)
    {
        byte[] bytes = Hex.Parse(hex);
        foreach (ModbusDirection direction in new[] { ModbusDirection.Request, ModbusDirection.Response })
        {
            ModbusPdu pdu = Read(bytes, direction, kind);
            Assert.True(pdu.TryGetRaw(out ModbusRawPdu raw));
            Assert.Equal(bytes[0], raw.FunctionCode);
            Assert.Equal(Hex.Format(bytes.AsSpan(1)), Hex.Format(raw.Data));
            Assert.Equal(OperationClass.Unknown, ModbusFunctions.Classify(pdu));
            Assert.True(ModbusFunctions.ChangesState(pdu));
        }
    }

    [Fact]
    public void TypedAccessor_OfAnotherKind_ReturnsFalseAndDefault()
    {
        ModbusPdu pdu = Read(Hex.Parse("03 00 6B 00 03"), ModbusDirection.Request, ModbusMessageKind.ReadRequest);
        Assert.False(pdu.TryGetReadRegistersResponse(out ModbusReadRegistersResponse r));
        Assert.True(r.RegisterBytes.IsEmpty);
        Assert.False(pdu.TryGetException(out ModbusExceptionResponse e));
        Assert.Equal(default, e);
        Assert.False(pdu.TryGetRaw(out _));
    }
}
