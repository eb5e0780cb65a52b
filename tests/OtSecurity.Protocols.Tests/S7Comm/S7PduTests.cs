using System.Buffers;
using OtSecurity.Protocols.S7Comm;
using static OtSecurity.Protocols.Tests.S7Comm.S7CommVectors;

namespace OtSecurity.Protocols.Tests.S7Comm;

public class S7PduTests
{
    /// <summary>The S7 PDU inside a one-DT packet vector (TPKT 4 + COTP DT 3 octets skipped).</summary>
    private static byte[] Pdu(string packetHex) => Hex(packetHex)[7..];

    private static S7Pdu Read(byte[] pdu)
    {
        Assert.Equal(OperationStatus.Done, S7Pdu.TryRead(pdu, out S7Pdu value, out int consumed));
        Assert.Equal(pdu.Length, consumed);
        return value;
    }

    [Fact]
    public void TryRead_SetupCommunicationJob_ReadsHeaderAndNegotiation()
    {
        S7Pdu pdu = Read(Pdu(SetupCommunicationJob));
        Assert.Equal(S7Rosctr.Job, pdu.Rosctr);
        Assert.Equal(0, pdu.PduReference);
        Assert.False(pdu.HasErrorFields);
        Assert.Equal(S7Function.SetupCommunication, pdu.Function);
        Assert.True(S7SetupCommunication.TryRead(pdu.Parameter, out S7SetupCommunication setup));
        Assert.Equal(new S7SetupCommunication(1, 1, 480), setup);
        Assert.Equal(OperationClass.Session, S7CommClassifier.Classify(pdu));
    }

    [Fact]
    public void TryRead_AckData_ReadsErrorFields()
    {
        S7Pdu pdu = Read(Pdu(SetupCommunicationAckData));
        Assert.Equal(S7Rosctr.AckData, pdu.Rosctr);
        Assert.True(pdu.HasErrorFields);
        Assert.Equal(12, pdu.HeaderLength);
        Assert.Equal(0, pdu.ErrorClass);
        Assert.Equal(S7Function.SetupCommunication, pdu.Function);
    }

    [Fact]
    public void TryRead_AckWithError_HasNoFunction()
    {
        S7Pdu pdu = Read(Pdu(AckWithError));
        Assert.Equal(S7Rosctr.Ack, pdu.Rosctr);
        Assert.Equal(0x0600, pdu.PduReference);
        Assert.Equal(0xD2, pdu.ErrorClass);
        Assert.Equal(0x41, pdu.ErrorCode);
        Assert.False(pdu.HasFunction);
        Assert.Equal(OperationClass.Unknown, S7CommClassifier.Classify(pdu));
    }

    [Fact]
    public void TryRead_ReadVarJob_ReadsEveryS7AnyItem()
    {
        S7Pdu pdu = Read(Pdu(ReadVarJob));
        Assert.Equal(S7Function.ReadVariable, pdu.Function);
        var items = new S7VariableItemReader(pdu.Parameter);
        Assert.Equal(5, items.ItemCount);
        var read = new List<S7AnyAddress>();
        while (items.TryReadNext(out S7VariableItem item))
        {
            Assert.Equal(S7SyntaxId.S7Any, item.SyntaxId);
            Assert.True(item.TryGetS7AnyAddress(out S7AnyAddress address));
            read.Add(address);
        }

        Assert.False(items.IsMalformed);
        Assert.Equal(new S7AnyAddress(S7TransportSize.Byte, 16, 0, S7Area.Flags, 0), read[0]);
        Assert.Equal(S7Area.Inputs, read[1].Area);
        Assert.Equal(S7Area.Outputs, read[2].Area);
        Assert.Equal(new S7AnyAddress(S7TransportSize.Timer, 8, 0, S7Area.Timers, 0), read[3]);
        Assert.Equal(S7Area.Counters, read[4].Area);
        Assert.Equal(OperationClass.Read, S7CommClassifier.Classify(pdu));
    }

    [Fact]
    public void TryRead_ReadVarResponse_ReadsReturnCodePerItem()
    {
        S7Pdu pdu = Read(Pdu(ReadVarResponseErrors));
        var items = new S7DataItemReader(pdu.Data, pdu.Parameter[1]);
        int count = 0;
        while (items.TryReadNext(out S7DataItem item))
        {
            Assert.Equal(S7ReturnCode.ObjectDoesNotExist, item.ReturnCode);
            Assert.Equal(S7DataTransportSize.Null, item.TransportSize);
            Assert.True(item.Value.IsEmpty);
            count++;
        }

        Assert.Equal(5, count);
        Assert.False(items.IsMalformed);
    }

    [Fact]
    public void TryRead_WriteVarJob_ReadsItemsAndPaddedData()
    {
        S7Pdu pdu = Read(Pdu(WriteVarJob));
        Assert.Equal(S7Function.WriteVariable, pdu.Function);
        Assert.True(S7VariableItemReader.Validate(pdu.Parameter));
        var data = new S7DataItemReader(pdu.Data, 5);
        Assert.True(data.TryReadNext(out S7DataItem first));
        Assert.Equal(S7DataTransportSize.ByteWordDWord, first.TransportSize);
        Assert.Equal(256, first.DeclaredLength); // bits
        Assert.Equal(32, first.Value.Length);
        int rest = 0;
        while (data.TryReadNext(out S7DataItem item))
        {
            rest += item.Value.Length;
        }

        Assert.Equal(16 + 16 + 16 + 16, rest);
        Assert.False(data.IsMalformed);
        Assert.Equal(OperationClass.Write, S7CommClassifier.Classify(pdu));
    }

    [Fact]
    public void TryRead_WriteVarResponse_ReadsOneReturnCodePerItem()
    {
        S7Pdu pdu = Read(Pdu(WriteVarResponse));
        Assert.Equal(new byte[] { 0xFF, 0xFF, 0xFF, 0x03, 0x03 }, pdu.Data.ToArray());
        Assert.Equal(S7ReturnCode.AccessingObjectNotAllowed, (S7ReturnCode)pdu.Data[3]);
    }

    [Fact]
    public void TryRead_PlcStop_ReadsServiceNameAndClassifiesDeviceState()
    {
        S7Pdu pdu = Read(Pdu(PlcStopJob));
        Assert.True(S7PiServiceParameter.TryRead(pdu.Parameter, out S7PiServiceParameter stop));
        Assert.Equal(S7Function.PlcStop, stop.Function);
        Assert.Equal("P_PROGRAM"u8.ToArray(), stop.ServiceName.ToArray());
        Assert.Equal(OperationClass.DeviceState, S7CommClassifier.Classify(pdu));
    }

    [Fact]
    public void TryRead_PiServiceStart_IsDeviceState()
    {
        S7Pdu pdu = Read(Pdu(PiStartJob));
        Assert.True(S7PiServiceParameter.TryRead(pdu.Parameter, out S7PiServiceParameter pi));
        Assert.Equal(S7PiService.Program, pi.Service);
        Assert.Equal("C "u8.ToArray(), pi.ParameterBlock.ToArray());
        Assert.Equal(OperationClass.DeviceState, S7CommClassifier.Classify(pdu));
    }

    [Fact]
    public void TryRead_PiServiceInsert_NamesTheBlockAndIsProgram()
    {
        S7Pdu pdu = Read(Pdu(PiInsertJob));
        Assert.True(S7PiServiceParameter.TryRead(pdu.Parameter, out S7PiServiceParameter pi));
        Assert.Equal(S7PiService.InsertBlock, pi.Service);
        Assert.Equal(1, pi.BlockCount);
        Assert.True(pi.GetBlock(0).TryDecode(out S7BlockType type, out int number, out char fileSystem));
        Assert.Equal((S7BlockType.DB, 1, 'P'), (type, number, fileSystem));
        Assert.Equal(OperationClass.Program, S7CommClassifier.Classify(pdu));
    }

    [Theory]
    [InlineData("_DELE", S7PiService.DeleteBlock)]
    [InlineData("_MODU", S7PiService.CopyRamToRom)]
    [InlineData("_GARB", S7PiService.CompressMemory)]
    [InlineData("_N_LOGIN_", S7PiService.NcService)]
    [InlineData("XYZ", S7PiService.Unknown)]
    public void Classify_PiServiceNames_MapToTheirKind(string name, S7PiService expected)
        => Assert.Equal(expected, S7PiServiceParameter.Classify(System.Text.Encoding.ASCII.GetBytes(name)));

    [Fact]
    public void TryRead_RequestDownload_ReadsFileNameAndLengths()
    {
        S7Pdu pdu = Read(Pdu(RequestDownloadJob));
        Assert.True(S7BlockTransferParameter.TryRead(pdu.Parameter, pdu.Rosctr, out S7BlockTransferParameter p));
        Assert.Equal(S7Function.RequestDownload, p.Function);
        Assert.True(p.FileName.TryDecode(out S7BlockType type, out int number, out char fs));
        Assert.Equal((S7BlockType.DB, 1, 'P'), (type, number, fs));
        Assert.Equal("1000500000400"u8.ToArray(), p.LengthPart.ToArray());
        Assert.Equal(OperationClass.Program, S7CommClassifier.Classify(pdu));
    }

    [Fact]
    public void TryRead_StartUploadJobAndAck_ReadUploadId()
    {
        S7Pdu job = Read(Pdu(StartUploadJob));
        Assert.True(S7BlockTransferParameter.TryRead(job.Parameter, job.Rosctr, out S7BlockTransferParameter request));
        Assert.True(request.FileName.TryDecode(out S7BlockType type, out int number, out char fs));
        Assert.Equal((S7BlockType.SDB, 0, 'A'), (type, number, fs));

        S7Pdu ack = Read(Pdu(StartUploadAckData));
        Assert.True(S7BlockTransferParameter.TryRead(ack.Parameter, ack.Rosctr, out S7BlockTransferParameter answer));
        Assert.Equal(7u, answer.UploadId);
        Assert.Equal("0000216"u8.ToArray(), answer.LengthPart.ToArray());

        S7Pdu upload = Read(Pdu(UploadJob));
        Assert.True(S7BlockTransferParameter.TryRead(upload.Parameter, upload.Rosctr, out S7BlockTransferParameter up));
        Assert.Equal(7u, up.UploadId);
    }

    [Fact]
    public void TryWriteAckData_StartUpload_ReproducesCaptureParameter()
    {
        S7Pdu ack = Read(Pdu(StartUploadAckData));
        byte[] buffer = new byte[S7BlockTransferParameter.GetAckDataEncodedLength(S7Function.StartUpload, 7)];
        Assert.Equal(OperationStatus.Done, S7BlockTransferParameter.TryWriteAckData(S7Function.StartUpload, 0, 7, "0000216"u8, buffer, out int written));
        Assert.Equal(ack.Parameter.ToArray(), buffer.AsSpan(0, written).ToArray());
    }

    [Fact]
    public void TryRead_ReadSzlRequest_ReadsGroupSubfunctionAndSzlId()
    {
        S7Pdu pdu = Read(Pdu(ReadSzlRequest));
        Assert.True(S7UserDataParameter.TryRead(pdu.Parameter, out S7UserDataParameter ud));
        Assert.Equal(S7UserDataType.Request, ud.Type);
        Assert.Equal(S7UserDataGroup.CpuFunctions, ud.Group);
        Assert.Equal((byte)S7CpuSubfunction.ReadSzl, ud.Subfunction);
        Assert.False(ud.HasResponseFields);
        Assert.True(S7UserDataData.TryRead(pdu.Data, out S7UserDataData data));
        Assert.True(S7SzlRequest.TryRead(data.Payload, out S7SzlRequest szl));
        Assert.Equal(new S7SzlRequest(0x0011, 0), szl);
        Assert.Equal(OperationClass.Identification, S7CommClassifier.Classify(pdu));
    }

    [Fact]
    public void TryRead_Szl0011Response_YieldsOrderNumberAndFirmware()
    {
        S7Pdu pdu = Read(Pdu(ReadSzl0011Response));
        Assert.True(S7UserDataParameter.TryRead(pdu.Parameter, out S7UserDataParameter ud));
        Assert.True(ud.HasResponseFields);
        Assert.True(ud.IsLastDataUnit);
        Assert.True(S7UserDataData.TryRead(pdu.Data, out S7UserDataData data));
        Assert.True(S7SzlResponse.TryRead(data.Payload, out S7SzlResponse szl));
        Assert.Equal(28, szl.ItemLength);
        Assert.Equal(4, szl.ItemCount);
        S7Identity? identity = S7Identity.TryRead(szl);
        Assert.NotNull(identity);
        Assert.Equal("6ES7 315-2EH14-0AB0", identity.OrderNumber);
        Assert.Equal("V3.2.6", identity.FirmwareVersion);
    }

    [Fact]
    public void TryRead_Szl001CResponse_YieldsNamesAndSerial()
    {
        S7Pdu pdu = Read(Pdu(ReadSzl001CResponse));
        S7UserDataData.TryRead(pdu.Data, out S7UserDataData data);
        Assert.True(S7SzlResponse.TryRead(data.Payload, out S7SzlResponse szl));
        S7Identity? identity = S7Identity.TryRead(szl);
        Assert.NotNull(identity);
        Assert.Equal("SNAP7-SERVER", identity.PlcName);
        Assert.Equal("CPU 315-2 PN/DP", identity.ModuleName);
        Assert.Equal("Original Siemens Equipment", identity.Copyright);
        Assert.Equal("S C-C2UR28922012", identity.SerialNumber);
        Assert.Equal("MMC 267FF11F", identity.MemoryCardSerialNumber);
    }

    [Fact]
    public void TryRead_ReadClockResponse_IsTimeSync()
    {
        S7Pdu pdu = Read(Pdu(ReadClockResponse));
        Assert.True(S7UserDataParameter.TryRead(pdu.Parameter, out S7UserDataParameter ud));
        Assert.Equal(S7UserDataGroup.TimeFunctions, ud.Group);
        Assert.Equal(OperationClass.TimeSync, S7CommClassifier.Classify(pdu));
    }

    [Theory]
    [InlineData(S7UserDataGroup.ModeTransition, 0, OperationClass.DeviceState)]
    [InlineData(S7UserDataGroup.ProgrammerCommands, 0x08, OperationClass.Write)]
    [InlineData(S7UserDataGroup.ProgrammerCommands, 0x0E, OperationClass.Diagnostic)]
    [InlineData(S7UserDataGroup.CyclicData, 0x01, OperationClass.Event)]
    [InlineData(S7UserDataGroup.BlockFunctions, 0x01, OperationClass.Read)]
    [InlineData(S7UserDataGroup.CpuFunctions, 0x13, OperationClass.Event)]
    [InlineData(S7UserDataGroup.Security, 0x01, OperationClass.Security)]
    [InlineData(S7UserDataGroup.TimeFunctions, 0x02, OperationClass.TimeSync)]
    [InlineData(S7UserDataGroup.NcProgramming, 0x01, OperationClass.Program)]
    public void ClassifyUserData_Groups_MapToOperationClasses(S7UserDataGroup group, byte subfunction, OperationClass expected)
    {
        var ud = new S7UserDataParameter(S7UserDataParameter.DefaultHead, 0x11, S7UserDataType.Request, group, subfunction, 0, false, 0, true, 0);
        Assert.Equal(expected, S7CommClassifier.ClassifyUserData(ud, default));
    }

    [Fact]
    public void ClassifyUserData_SzlOtherThanIdentity_IsDiagnostic()
    {
        var ud = new S7UserDataParameter(S7UserDataParameter.DefaultHead, 0x11, S7UserDataType.Request, S7UserDataGroup.CpuFunctions, 1, 0, false, 0, true, 0);
        Assert.Equal(OperationClass.Diagnostic, S7CommClassifier.ClassifyUserData(ud, Hex("ff09 0004 0132 0004")));
        Assert.Equal(OperationClass.Identification, S7CommClassifier.ClassifyUserData(ud, Hex("ff09 0004 001c 0000")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("32")]
    [InlineData("3201000000000008")]
    [InlineData("320100000000000800")]
    [InlineData("32010000000000080000f000000100")]
    public void TryRead_TruncatedPdu_ReturnsNeedMoreData(string hex)
    {
        Assert.Equal(OperationStatus.NeedMoreData, S7Pdu.TryRead(Hex(hex), out _, out int consumed));
        Assert.Equal(0, consumed);
    }

    [Theory]
    [InlineData("3301", S7CommError.S7ProtocolId)] // not 0x32
    [InlineData("3200", S7CommError.S7Rosctr)] // ROSCTR 0
    [InlineData("3208", S7CommError.S7Rosctr)] // ROSCTR 8
    [InlineData("32010000 0000 ffff fff5", S7CommError.S7Length)] // 10 + 65535 + 65525 > 65535
    public void TryRead_InvalidPdu_ReturnsInvalidDataAndConsumesNothing(string hex, S7CommError expected)
    {
        Assert.Equal(OperationStatus.InvalidData, S7Pdu.TryRead(Hex(hex), out S7Pdu pdu, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.Equal(0, pdu.RosctrValue);
        Assert.Equal((int)expected, error.Code);
    }

    [Theory]
    [InlineData("04 02 120a10020010000083")] // second item missing
    [InlineData("04 01 120a10020010000083000000 00")] // trailing octet after the items
    [InlineData("04 01 1200")] // specification length 0
    [InlineData("04")] // no item count
    public void Validate_MalformedItems_ReturnsFalse(string hex) => Assert.False(S7VariableItemReader.Validate(Hex(hex)));

    [Fact]
    public void DataItemReader_ItemOverrunningData_IsMalformed()
    {
        var reader = new S7DataItemReader(Hex("ff04 0040 0102"), 1); // 64 bits announced, 2 octets present
        Assert.False(reader.TryReadNext(out _));
        Assert.True(reader.IsMalformed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("000112041144")]
    [InlineData("00011208128401")] // length byte says 8 more, 3 present
    public void UserDataParameter_Short_ReturnsFalse(string hex) => Assert.False(S7UserDataParameter.TryRead(Hex(hex), out _));

    [Fact]
    public void PiServiceParameter_BlockLengthOverrun_ReturnsFalse()
        => Assert.False(S7PiServiceParameter.TryRead(Hex("28 000000000000fd 00ff 01"), out _));

    [Fact]
    public void S7CommPlus_V1Request_ReadsOpcodeAndFunction()
    {
        // 0x72 V1, data length 9: opcode 0x31 request, reserved, function 0x04CA CreateObject, reserved, sequence 1; trailer.
        byte[] bytes = Hex("72 01 0009 31 0000 04ca 0000 0001 72010000");
        Assert.Equal(OperationStatus.Done, S7CommPlusPdu.TryRead(bytes, out S7CommPlusPdu pdu, out int consumed, out _));
        Assert.Equal(bytes.Length, consumed);
        Assert.Equal(S7CommPlusOpcode.Request, pdu.Opcode);
        Assert.Equal((ushort)S7CommPlusFunction.CreateObject, pdu.Function);
    }

    [Fact]
    public void S7CommPlus_V3_SkipsIntegrityDigest()
    {
        byte[] data = new byte[33 + 5];
        data[0] = 32;
        data[33] = 0x32;
        data[36] = 0x05;
        data[37] = 0x4C;
        byte[] buffer = new byte[8 + data.Length];
        S7CommPlusPdu.TryWrite(3, data, buffer, out int written);
        Assert.Equal(OperationStatus.Done, S7CommPlusPdu.TryRead(buffer.AsSpan(0, written), out S7CommPlusPdu pdu, out _, out _));
        Assert.Equal(S7CommPlusOpcode.Response, pdu.Opcode);
        Assert.Equal((ushort)S7CommPlusFunction.GetMultiVariables, pdu.Function);
    }

    [Theory]
    [InlineData("7304", S7CommError.S7ProtocolId)]
    [InlineData("72090000", S7CommError.S7CommPlusHeader)] // version 9
    [InlineData("72030001 05", S7CommError.S7CommPlusHeader)] // V3 without a 32-octet digest
    public void S7CommPlus_Invalid_ReturnsInvalidDataAndConsumesNothing(string hex, S7CommError expected)
    {
        Assert.Equal(OperationStatus.InvalidData, S7CommPlusPdu.TryRead(Hex(hex), out _, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.Equal((int)expected, error.Code);
    }

    [Fact]
    public void S7CommPlus_KeepAlive_HasNoOpcode()
    {
        Assert.Equal(OperationStatus.Done, S7CommPlusPdu.TryRead(Hex("72ff0000"), out S7CommPlusPdu pdu, out _, out _));
        Assert.False(pdu.HasOpcode);
    }
}
