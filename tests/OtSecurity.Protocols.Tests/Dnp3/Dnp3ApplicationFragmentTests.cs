using System.Buffers;
using OtSecurity.Protocols.Dnp3;

namespace OtSecurity.Protocols.Tests.Dnp3;

public class Dnp3ApplicationFragmentTests
{
    [Fact]
    public void TryRead_ReadClasses123_ReadsThreeBareHeaders()
    {
        // dnp3-counter-polling.pcap frame 1: READ (seq 10) of g60v2, g60v3, g60v4, qualifier 0x06 (all objects).
        byte[] bytes = Dnp3Hex.Bytes("CA 01 3C 02 06 3C 03 06 3C 04 06");
        Assert.Equal(OperationStatus.Done, Dnp3ApplicationFragment.TryRead(bytes, out Dnp3ApplicationFragment fragment, out int consumed));
        Assert.Equal(bytes.Length, consumed);
        Assert.Equal(Dnp3FunctionCode.Read, fragment.Function);
        Assert.True(fragment.Control.IsFirst);
        Assert.True(fragment.Control.IsFinal);
        Assert.False(fragment.Control.Confirm);
        Assert.Equal(10, fragment.Control.Sequence);
        Assert.False(fragment.IsResponse);
        Assert.Equal(Dnp3InternalIndications.None, fragment.InternalIndications);

        Dnp3ObjectReader reader = fragment.GetObjects();
        for (byte variation = 2; variation <= 4; variation++)
        {
            Assert.True(reader.TryReadNext(out Dnp3ObjectBlock block));
            Assert.Equal((byte)Dnp3ObjectGroup.ClassObjects, block.Header.Group);
            Assert.Equal(variation, block.Header.Variation);
            Assert.Equal(Dnp3RangeCode.AllObjects, block.Header.RangeCode);
            Assert.Equal(0, block.Data.Length);
        }

        Assert.False(reader.TryReadNext(out _));
        Assert.False(reader.Error.IsError);
    }

    [Fact]
    public void TryRead_UnsolicitedNullResponse_ReadsInternalIndications()
    {
        // zeek dnp3.pcap frame 4: UNSOLICITED_RESPONSE, control 0xF7 (FIR FIN CON UNS, seq 7), IIN1 0x10 (NEED_TIME).
        byte[] bytes = Dnp3Hex.Bytes("F7 82 10 00");
        Assert.Equal(OperationStatus.Done, Dnp3ApplicationFragment.TryRead(bytes, out Dnp3ApplicationFragment fragment, out _));
        Assert.True(fragment.IsResponse);
        Assert.True(fragment.IsUnsolicited);
        Assert.True(fragment.Control.Confirm);
        Assert.True(fragment.Control.Unsolicited);
        Assert.Equal(7, fragment.Control.Sequence);
        Assert.Equal(Dnp3InternalIndications.NeedTime, fragment.InternalIndications);
        Assert.True(fragment.ObjectData.IsEmpty);
    }

    [Fact]
    public void TryRead_WriteTime_ReadsGroup50Object()
    {
        // zeek dnp3.pcap frame 7: WRITE of g50v1 (absolute time), qualifier 0x07 count 1, 6 octets of milliseconds since 1970.
        byte[] bytes = Dnp3Hex.Bytes("C1 02 32 01 07 01 EB E4 5A 87 FF 00");
        Assert.Equal(OperationStatus.Done, Dnp3ApplicationFragment.TryRead(bytes, out Dnp3ApplicationFragment fragment, out _));
        Dnp3ObjectReader reader = fragment.GetObjects();
        Assert.True(reader.TryReadNext(out Dnp3ObjectBlock block));
        Assert.Equal(new Dnp3ObjectSize(Dnp3ObjectSizeKind.Octets, 6), block.Size);
        Assert.Equal(1, block.Header.ObjectCount);
        int objects = 0;
        foreach (Dnp3Object item in block)
        {
            Assert.Equal(0u, item.Index);
            Assert.Equal(Dnp3Hex.Bytes("EB E4 5A 87 FF 00"), item.Value.ToArray());
            objects++;
        }

        Assert.Equal(1, objects);
        Assert.Equal(OperationClass.TimeSync, Dnp3Classifier.Classify(fragment));
    }

    [Fact]
    public void TryRead_OperateCrob_ReadsIndexedObject()
    {
        // icsnpp dnp3_example.pcap frame 302: OPERATE g12v1 (CROB), qualifier 0x17 (1-octet index, 1-octet count), index 12.
        byte[] bytes = Dnp3Hex.Bytes("C8 04 0C 01 17 01 0C 42 01 F4 01 00 00 00 00 00 00 00");
        Assert.Equal(OperationStatus.Done, Dnp3ApplicationFragment.TryRead(bytes, out Dnp3ApplicationFragment fragment, out _));
        Assert.Equal(Dnp3FunctionCode.Operate, fragment.Function);
        Dnp3ObjectReader reader = fragment.GetObjects();
        Assert.True(reader.TryReadNext(out Dnp3ObjectBlock block));
        Assert.Equal(Dnp3PrefixCode.Index1, block.Header.PrefixCode);
        Assert.Equal(Dnp3RangeCode.Count1, block.Header.RangeCode);
        Assert.Equal(12, block.Data.Length);
        foreach (Dnp3Object crob in block)
        {
            Assert.Equal(12u, crob.Index);
            Assert.Equal(11, crob.Value.Length);
            Assert.Equal(0x42, crob.Value[0]);
        }

        Assert.Equal(OperationClass.Control, Dnp3Classifier.Classify(fragment));
    }

    [Fact]
    public void TryRead_ResponseWithPackedBinaryInputs_EnumeratesBits()
    {
        // g1v1 start 0 stop 9 (qualifier 0x00): 10 bits in 2 octets, LSB first; IIN1 0x82 (DEVICE_RESTART, CLASS_1_EVENTS).
        byte[] bytes = Dnp3Hex.Bytes("C0 81 82 00 01 01 00 00 09 05 02");
        Assert.Equal(OperationStatus.Done, Dnp3ApplicationFragment.TryRead(bytes, out Dnp3ApplicationFragment fragment, out _));
        Assert.Equal(Dnp3InternalIndications.DeviceRestart | Dnp3InternalIndications.Class1Events, fragment.InternalIndications);
        Dnp3ObjectReader reader = fragment.GetObjects();
        Assert.True(reader.TryReadNext(out Dnp3ObjectBlock block));
        var bits = new List<byte>();
        foreach (Dnp3Object item in block)
        {
            bits.Add(item.PackedValue);
        }

        Assert.Equal(new byte[] { 1, 0, 1, 0, 0, 0, 0, 0, 0, 1 }, bits);
    }

    [Fact]
    public void TryRead_DoubleBitInputs_EnumeratesTwoBitValues()
    {
        // g3v1 start 4 stop 7: 4 two-bit values in one octet 0b11_10_01_00 → 0, 1, 2, 3 at indexes 4..7.
        byte[] bytes = Dnp3Hex.Bytes("C0 81 00 00 03 01 00 04 07 E4");
        Assert.Equal(OperationStatus.Done, Dnp3ApplicationFragment.TryRead(bytes, out Dnp3ApplicationFragment fragment, out _));
        Dnp3ObjectReader reader = fragment.GetObjects();
        Assert.True(reader.TryReadNext(out Dnp3ObjectBlock block));
        uint index = 4;
        byte expected = 0;
        foreach (Dnp3Object item in block)
        {
            Assert.Equal(index++, item.Index);
            Assert.Equal(expected++, item.PackedValue);
        }

        Assert.Equal(8u, index);
    }

    [Fact]
    public void TryRead_SeveralHeaders_WalksEachBySize()
    {
        // Response: g30v1 (5 octets) start 0 stop 1, g20v2 (3 octets) qualifier 0x28 (2-octet index, 2-octet count) count 1, g2v2 (7 octets) 0x17 count 1.
        byte[] bytes = Dnp3Hex.Bytes(
            "C0 81 00 00" +
            "1E 01 00 00 01 01 0A 00 00 00 01 14 00 00 00" +
            "14 02 28 01 00 05 01 01 34 12" +
            "02 02 17 01 03 81 00 00 00 00 00 00");
        Assert.Equal(OperationStatus.Done, Dnp3ApplicationFragment.TryRead(bytes, out Dnp3ApplicationFragment fragment, out _));
        Dnp3ObjectReader reader = fragment.GetObjects();
        var groups = new List<(byte Group, byte Variation, int Offset)>();
        while (reader.TryReadNext(out Dnp3ObjectBlock block))
        {
            groups.Add((block.Header.Group, block.Header.Variation, block.Offset));
            if (block.Header.Group == 20)
            {
                foreach (Dnp3Object counter in block)
                {
                    Assert.Equal(0x0105u, counter.Index);
                    Assert.Equal(Dnp3Hex.Bytes("01 34 12"), counter.Value.ToArray());
                }
            }
        }

        Assert.Equal([(30, 1, 0), (20, 2, 15), (2, 2, 25)], groups);
        Assert.False(fragment.EndsWithRawData);
    }

    [Fact]
    public void TryRead_UnknownObjectSize_StopsAndReportsRestAsRaw()
    {
        // g30v1 is walked, then g90v1 (application identifier, variable size) with qualifier 0x07 cannot be delimited.
        byte[] bytes = Dnp3Hex.Bytes("C0 81 00 00 1E 01 00 00 00 01 0A 00 00 00 5A 01 07 01 41 42 43 02 02 17");
        Assert.Equal(OperationStatus.Done, Dnp3ApplicationFragment.TryRead(bytes, out Dnp3ApplicationFragment fragment, out _));
        Assert.True(fragment.EndsWithRawData);
        Dnp3ObjectReader reader = fragment.GetObjects();
        Assert.True(reader.TryReadNext(out _));
        Assert.True(reader.TryReadNext(out Dnp3ObjectBlock raw));
        Assert.True(raw.IsRaw);
        Assert.False(raw.Size.IsKnown);
        Assert.Equal(Dnp3Hex.Bytes("41 42 43 02 02 17"), raw.Data.ToArray());
        Assert.False(reader.TryReadNext(out _));
        Assert.True(reader.EndedRaw);
    }

    [Fact]
    public void TryRead_FileOpen_WalksSizePrefixedObject()
    {
        // zeek dnp3_file_read.pcap frame 4: OPEN_FILE with g70v3 (file command), qualifier 0x5B, 36-octet object naming ./test.xml.
        byte[] bytes = Dnp3Hex.Bytes("CE 19 46 03 5B 01 24 00 1A 00 0A 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 00 00 04 04 00 2E 2F 74 65 73 74 2E 78 6D 6C");
        Assert.Equal(OperationStatus.Done, Dnp3ApplicationFragment.TryRead(bytes, out Dnp3ApplicationFragment fragment, out _));
        Assert.Equal(Dnp3FunctionCode.OpenFile, fragment.Function);
        Dnp3ObjectReader reader = fragment.GetObjects();
        Assert.True(reader.TryReadNext(out Dnp3ObjectBlock block));
        Assert.Equal(Dnp3PrefixCode.Size2, block.Header.PrefixCode);
        Assert.Equal(Dnp3RangeCode.FreeFormatCount1, block.Header.RangeCode);
        foreach (Dnp3Object file in block)
        {
            Assert.Equal(36, file.Value.Length);
            Assert.EndsWith("./test.xml", System.Text.Encoding.ASCII.GetString(file.Value));
        }

        Assert.Equal(OperationClass.FileTransfer, Dnp3Classifier.Classify(fragment));
    }

    [Fact]
    public void TryRead_SecureAuthenticationExchange_IsRecognised()
    {
        // iti auth_change_session_keys.pcap frames 4 and 5: AUTHENTICATE_REQ with g120v4 (session key status request, user 1),
        // then AUTHENTICATE_RESP with g120v5 (session key status), qualifier 0x5B, 15 octets, IIN1 0x90.
        byte[] request = Dnp3Hex.Bytes("C1 20 78 04 07 01 01 00");
        Assert.Equal(OperationStatus.Done, Dnp3ApplicationFragment.TryRead(request, out Dnp3ApplicationFragment req, out _));
        Assert.Equal(Dnp3FunctionCode.AuthenticateRequest, req.Function);
        Assert.Equal(OperationClass.Security, Dnp3Classifier.Classify(req));
        Dnp3ObjectReader requestObjects = req.GetObjects();
        Assert.True(requestObjects.TryReadNext(out Dnp3ObjectBlock status));
        Assert.Equal((byte)Dnp3ObjectGroup.Authentication, status.Header.Group);
        Assert.Equal(2, status.Data.Length);

        byte[] response = Dnp3Hex.Bytes("C1 83 90 00 78 05 5B 01 0F 00 01 00 00 00 01 00 01 02 00 04 00 73 74 65 76");
        Assert.Equal(OperationStatus.Done, Dnp3ApplicationFragment.TryRead(response, out Dnp3ApplicationFragment resp, out _));
        Assert.Equal(Dnp3FunctionCode.AuthenticateResponse, resp.Function);
        Assert.True(resp.IsResponse);
        Assert.Equal(Dnp3InternalIndications.DeviceRestart | Dnp3InternalIndications.NeedTime, resp.InternalIndications);
        Dnp3ObjectReader responseObjects = resp.GetObjects();
        Assert.True(responseObjects.TryReadNext(out Dnp3ObjectBlock keyStatus));
        Assert.Equal(15, keyStatus.Data.Length - 2);
        Assert.Equal(OperationClass.Security, Dnp3Classifier.Classify(resp));
    }

    [Fact]
    public void TryRead_DeviceAttributes_WalksByAttributeLength()
    {
        // g0v252 (device manufacturer's name), start-stop 0..0: data type 1 (VSTR), length 4, "ACME"; then g0v250 length 2.
        byte[] bytes = Dnp3Hex.Bytes("C0 81 00 00 00 FC 00 00 00 01 04 41 43 4D 45 00 FA 00 00 00 01 02 58 31");
        Assert.Equal(OperationStatus.Done, Dnp3ApplicationFragment.TryRead(bytes, out Dnp3ApplicationFragment fragment, out _));
        Dnp3ObjectReader reader = fragment.GetObjects();
        Assert.True(reader.TryReadNext(out Dnp3ObjectBlock first));
        Assert.Equal(6, first.Data.Length);
        Assert.True(reader.TryReadNext(out Dnp3ObjectBlock second));
        Assert.Equal(4, second.Data.Length);
        Assert.False(fragment.EndsWithRawData);
    }

    [Theory]
    [InlineData("C0", Dnp3Error.FragmentTooShort, 1)]
    [InlineData("C0 81 00", Dnp3Error.FragmentTooShort, 3)]
    [InlineData("C0 22", Dnp3Error.UnknownFunctionCode, 1)]
    [InlineData("C0 80 00 00", Dnp3Error.UnknownFunctionCode, 1)]
    [InlineData("C0 01 3C 02", Dnp3Error.ObjectHeaderTruncated, 4)]
    [InlineData("C0 01 01 02 00 05", Dnp3Error.ObjectHeaderTruncated, 6)]
    [InlineData("C0 01 01 02 7A", Dnp3Error.ReservedQualifier, 4)]
    [InlineData("C0 01 01 02 0A", Dnp3Error.ReservedQualifier, 4)]
    [InlineData("C0 01 01 02 86", Dnp3Error.ReservedQualifier, 4)]
    [InlineData("C0 01 01 02 00 05 04", Dnp3Error.InvalidRange, 5)]
    [InlineData("C0 81 00 00 1E 01 00 00 01 01 00 00 00 00", Dnp3Error.ObjectDataTruncated, 9)]
    [InlineData("C0 81 00 00 01 01 17 01 00 01", Dnp3Error.QualifierNotAllowed, 6)]
    [InlineData("C0 81 00 00 46 03 5B 02 01 00 AA 05 00 01", Dnp3Error.ObjectDataTruncated, 11)]
    // openics DNP3-Malformed.pcap frame 2: OPERATE g12v1 with range 0..1 (2 CROBs, 22 octets) but only 12 octets follow.
    [InlineData("C2 04 0C 01 00 00 01 00 03 01 64 00 00 00 64 00 00 00 00", Dnp3Error.ObjectDataTruncated, 7)]
    public void TryRead_MalformedFragment_ReturnsInvalidDataAndConsumesNothing(string hex, Dnp3Error expected, int offset)
    {
        Assert.Equal(OperationStatus.InvalidData, Dnp3ApplicationFragment.TryRead(Dnp3Hex.Bytes(hex), out Dnp3ApplicationFragment fragment, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.True(fragment.ObjectData.IsEmpty);
        Assert.Equal((int)expected, error.Code);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void TryWriteRequest_ReadClass0_MatchesCapture()
    {
        // zeek dnp3_link_only.pcap frame 7 application layer: C7 01 3C 01 06.
        Span<byte> objects = stackalloc byte[8];
        Assert.Equal(OperationStatus.Done, Dnp3ObjectHeader.AllObjects(60, 1).TryWrite(objects, out int headerLength));
        Span<byte> buffer = stackalloc byte[16];
        var control = new Dnp3ApplicationControl(isFirst: true, isFinal: true, confirm: false, unsolicited: false, sequence: 7);
        Assert.Equal(OperationStatus.Done, Dnp3ApplicationFragment.TryWriteRequest(control, Dnp3FunctionCode.Read, objects[..headerLength], buffer, out int written));
        Assert.Equal(Dnp3Hex.Bytes("C7 01 3C 01 06"), buffer[..written].ToArray());
        Assert.Equal(written, Dnp3ApplicationFragment.GetEncodedLength(Dnp3FunctionCode.Read, headerLength));
    }

    [Fact]
    public void TryWriteResponse_CrobEcho_MatchesCapture()
    {
        // icsnpp dnp3_example.pcap frame 303: RESPONSE echoing the CROB, qualifier 0x17.
        byte[] crob = Dnp3Hex.Bytes("0C 42 01 F4 01 00 00 00 00 00 00 00");
        Span<byte> objects = stackalloc byte[32];
        Dnp3ObjectHeader.Counted(12, 1, Dnp3PrefixCode.Index1, Dnp3RangeCode.Count1, 1).TryWrite(objects, out int headerLength);
        crob.CopyTo(objects[headerLength..]);
        Span<byte> buffer = stackalloc byte[32];
        Assert.Equal(OperationStatus.Done, Dnp3ApplicationFragment.TryWriteResponse(new Dnp3ApplicationControl(0xC8), Dnp3FunctionCode.Response, Dnp3InternalIndications.None, objects[..(headerLength + crob.Length)], buffer, out int written));
        Assert.Equal(Dnp3Hex.Bytes("C8 81 00 00 0C 01 17 01 0C 42 01 F4 01 00 00 00 00 00 00 00"), buffer[..written].ToArray());
    }

    [Fact]
    public void TryWrite_WrongFunctionKind_Throws()
    {
        var buffer = new byte[8];
        Assert.Throws<ArgumentException>(() => Dnp3ApplicationFragment.TryWriteRequest(default, Dnp3FunctionCode.Response, [], buffer, out _));
        Assert.Throws<ArgumentException>(() => Dnp3ApplicationFragment.TryWriteResponse(default, Dnp3FunctionCode.Read, 0, [], buffer, out _));
        Assert.Equal(OperationStatus.DestinationTooSmall, Dnp3ApplicationFragment.TryWriteResponse(default, Dnp3FunctionCode.Response, 0, [], buffer.AsSpan(0, 3), out int written));
        Assert.Equal(0, written);
    }

    [Theory]
    [InlineData(0u, 9u, "01 02 00 00 09")]
    [InlineData(300u, 400u, "01 02 01 2C 01 90 01")]
    [InlineData(70000u, 70001u, "01 02 02 70 11 01 00 71 11 01 00")]
    public void ObjectHeader_StartStop_ChoosesWidthAndRoundTrips(uint start, uint stop, string hex)
    {
        Dnp3ObjectHeader header = Dnp3ObjectHeader.StartStop(1, 2, start, stop);
        Span<byte> buffer = stackalloc byte[16];
        Assert.Equal(OperationStatus.Done, header.TryWrite(buffer, out int written));
        Assert.Equal(Dnp3Hex.Bytes(hex), buffer[..written].ToArray());
        Assert.Equal(written, header.EncodedLength);
        Assert.Equal((long)stop - start + 1, header.ObjectCount);
        Assert.True(Dnp3ObjectHeader.TryReadHeader(buffer[..written], out Dnp3ObjectHeader read, out int consumed, out _, out _));
        Assert.Equal(header, read);
        Assert.Equal(written, consumed);
    }

    [Fact]
    public void ObjectHeader_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Dnp3ObjectHeader.StartStop(1, 2, 5, 4));
        Assert.Throws<ArgumentException>(() => Dnp3ObjectHeader.Counted(1, 2, Dnp3PrefixCode.None, Dnp3RangeCode.StartStop1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dnp3ObjectHeader.Counted(1, 2, Dnp3PrefixCode.None, Dnp3RangeCode.Count1, 256));
        Assert.Throws<InvalidOperationException>(() => new Dnp3ObjectHeader(1, 2, 0x0A, 0, 0).TryWrite(new byte[8], out _));
        Assert.Equal(OperationStatus.DestinationTooSmall, Dnp3ObjectHeader.AllObjects(60, 1).TryWrite(new byte[2], out int written));
        Assert.Equal(0, written);
    }

    [Theory]
    [InlineData(1, 2, 1)]
    [InlineData(2, 2, 7)]
    [InlineData(3, 2, 1)]
    [InlineData(4, 3, 3)]
    [InlineData(10, 2, 1)]
    [InlineData(12, 1, 11)]
    [InlineData(20, 1, 5)]
    [InlineData(21, 5, 11)]
    [InlineData(22, 6, 9)]
    [InlineData(30, 6, 9)]
    [InlineData(32, 8, 15)]
    [InlineData(34, 3, 4)]
    [InlineData(40, 4, 9)]
    [InlineData(41, 2, 3)]
    [InlineData(50, 2, 10)]
    [InlineData(50, 4, 11)]
    [InlineData(51, 1, 6)]
    [InlineData(52, 2, 2)]
    [InlineData(110, 12, 12)]
    [InlineData(111, 3, 3)]
    [InlineData(120, 3, 6)]
    [InlineData(121, 1, 7)]
    [InlineData(122, 2, 13)]
    public void ObjectSize_FixedObjects_MatchObjectLibrary(byte group, byte variation, int octets)
    {
        Assert.Equal(new Dnp3ObjectSize(Dnp3ObjectSizeKind.Octets, octets), Dnp3ObjectSize.Of(group, variation));
    }

    [Theory]
    [InlineData(1, 1, Dnp3ObjectSizeKind.PackedBits, 1)]
    [InlineData(3, 1, Dnp3ObjectSizeKind.PackedBits, 2)]
    [InlineData(10, 1, Dnp3ObjectSizeKind.PackedBits, 1)]
    [InlineData(12, 3, Dnp3ObjectSizeKind.PackedBits, 1)]
    [InlineData(80, 1, Dnp3ObjectSizeKind.PackedBits, 1)]
    [InlineData(60, 1, Dnp3ObjectSizeKind.Empty, 0)]
    [InlineData(0, 252, Dnp3ObjectSizeKind.DeviceAttribute, 0)]
    [InlineData(70, 3, Dnp3ObjectSizeKind.Unknown, 0)]
    [InlineData(120, 1, Dnp3ObjectSizeKind.Unknown, 0)]
    [InlineData(200, 1, Dnp3ObjectSizeKind.Unknown, 0)]
    public void ObjectSize_OtherObjects_HaveTheirKind(byte group, byte variation, Dnp3ObjectSizeKind kind, int value)
    {
        Assert.Equal(new Dnp3ObjectSize(kind, value), Dnp3ObjectSize.Of(group, variation));
    }

    [Fact]
    public void FunctionCodes_EveryDefinedCodeIsNamed()
    {
        for (int code = 0; code < 256; code++)
        {
            Assert.Equal(Dnp3FunctionCodes.IsDefined((byte)code), Enum.IsDefined((Dnp3FunctionCode)code));
        }
    }

    [Fact]
    public void ApplicationControl_Compose_SetsBits()
    {
        var control = new Dnp3ApplicationControl(true, false, true, true, 15);
        Assert.Equal(0xBF, control.Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dnp3ApplicationControl(true, true, false, false, 16));
    }

    [Fact]
    public void ObjectWalk_WarmedUp_AllocatesNothing()
    {
        // Fixed-size, index-prefixed, packed and size-prefixed objects in one response.
        byte[] bytes = Dnp3Hex.Bytes(
            "C0 81 00 00" +
            "1E 01 00 00 01 01 0A 00 00 00 01 14 00 00 00" +
            "14 02 28 01 00 05 01 01 34 12" +
            "01 01 00 00 09 05 02" +
            "78 05 5B 01 04 00 01 02 03 04");
        int Run()
        {
            Dnp3ApplicationFragment.TryRead(bytes, out Dnp3ApplicationFragment fragment, out _);
            int sum = 0;
            Dnp3ObjectReader reader = fragment.GetObjects();
            while (reader.TryReadNext(out Dnp3ObjectBlock block))
            {
                foreach (Dnp3Object item in block)
                {
                    sum += item.Value.Length + item.PackedValue + (int)item.Index;
                }
            }

            return sum + (int)Dnp3Classifier.Classify(fragment);
        }

        int expected = Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        long total = 0;
        for (int i = 0; i < 100; i++)
        {
            total += Run();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(100L * expected, total);
        Assert.Equal(0, allocated);
    }
}
