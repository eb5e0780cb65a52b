using System.Buffers;
using OtSecurity.Protocols.Iec104;
using OtSecurity.Protocols.Tests.Dnp3;

namespace OtSecurity.Protocols.Tests.Iec104;

public class Iec104ApduTests
{
    [Theory]
    // IEC 60870-5-104 §5.3: U-format control octet 1 = function bit << 2 | 0b11; captures from zeek-iec104 and TestDissectIec104.
    [InlineData("68 04 07 00 00 00", Iec104UFunction.StartDataTransferActivation)]
    [InlineData("68 04 0B 00 00 00", Iec104UFunction.StartDataTransferConfirmation)]
    [InlineData("68 04 13 00 00 00", Iec104UFunction.StopDataTransferActivation)]
    [InlineData("68 04 23 00 00 00", Iec104UFunction.StopDataTransferConfirmation)]
    [InlineData("68 04 43 00 00 00", Iec104UFunction.TestFrameActivation)]
    [InlineData("68 04 83 00 00 00", Iec104UFunction.TestFrameConfirmation)]
    public void TryRead_UFormat_ReadsFunction(string hex, Iec104UFunction function)
    {
        byte[] bytes = Dnp3Hex.Bytes(hex);
        Assert.Equal(OperationStatus.Done, Iec104Apdu.TryRead(bytes, out Iec104Apdu apdu, out int consumed));
        Assert.Equal(6, consumed);
        Assert.Equal(Iec104FrameFormat.U, apdu.Format);
        Assert.Equal(function, apdu.UFunction);
        Assert.Equal(OperationClass.Session, Iec104Classifier.Classify(apdu));

        Span<byte> written = stackalloc byte[6];
        Assert.Equal(OperationStatus.Done, Iec104Apdu.TryWriteUnnumbered(function, written, out int length));
        Assert.Equal(bytes, written[..length].ToArray());
    }

    [Fact]
    public void TryRead_SFormat_ReadsReceiveSequence()
    {
        // 090813_diverse.pcap frame 7: S-format, N(R) = 0x009C >> 1 = 78.
        byte[] bytes = Dnp3Hex.Bytes("68 04 01 00 9C 00");
        Assert.Equal(OperationStatus.Done, Iec104Apdu.TryRead(bytes, out Iec104Apdu apdu, out _));
        Assert.Equal(Iec104FrameFormat.S, apdu.Format);
        Assert.Equal(78, apdu.ReceiveSequenceNumber);
        Span<byte> written = stackalloc byte[6];
        Assert.Equal(OperationStatus.Done, Iec104Apdu.TryWriteSupervisory(78, written, out int length));
        Assert.Equal(bytes, written[..length].ToArray());
    }

    [Fact]
    public void TryRead_GeneralInterrogation_ReadsAsdu()
    {
        // zeek-iec104 first/iec104.pcap frame 9: C_IC_NA_1 act, common address 10, IOA 0, QOI 20 (station interrogation).
        byte[] bytes = Dnp3Hex.Bytes("68 0E 00 00 00 00 64 01 06 00 0A 00 00 00 00 14");
        Assert.Equal(OperationStatus.Done, Iec104Apdu.TryRead(bytes, out Iec104Apdu apdu, out int consumed));
        Assert.Equal(16, consumed);
        Assert.Equal(Iec104FrameFormat.I, apdu.Format);
        Assert.Equal(0, apdu.SendSequenceNumber);
        Assert.Equal(0, apdu.ReceiveSequenceNumber);
        Iec104AsduHeader header = apdu.Asdu.Header;
        Assert.Equal(Iec104TypeId.C_IC_NA_1, header.TypeId);
        Assert.False(header.IsSequence);
        Assert.Equal(1, header.ObjectCount);
        Assert.Equal(Iec104Cause.Activation, header.Cause);
        Assert.False(header.IsNegative);
        Assert.False(header.IsTest);
        Assert.Equal(0, header.OriginatorAddress);
        Assert.Equal(10, header.CommonAddress);
        int objects = 0;
        foreach (Iec104InformationObject io in apdu.Asdu)
        {
            Assert.Equal(0u, io.Address);
            Assert.True(io.TryGetInterrogationQualifier(out byte qoi));
            Assert.Equal(20, qoi);
            objects++;
        }

        Assert.Equal(1, objects);
        Assert.Equal(OperationClass.Read, Iec104Classifier.Classify(apdu));
    }

    [Fact]
    public void TryRead_SequenceNumbers_AreFifteenBits()
    {
        // 090813_diverse.pcap frame 9: N(S) = 0x0028 >> 1 = 20, N(R) = 0x009C >> 1 = 78.
        byte[] bytes = Dnp3Hex.Bytes("68 15 28 00 9C 00 3A 01 06 00 03 00 95 11 00 81 08 00 17 13 0D 08 6D");
        Assert.Equal(OperationStatus.Done, Iec104Apdu.TryRead(bytes, out Iec104Apdu apdu, out _));
        Assert.Equal(20, apdu.SendSequenceNumber);
        Assert.Equal(78, apdu.ReceiveSequenceNumber);

        Span<byte> written = stackalloc byte[32];
        Assert.Equal(OperationStatus.Done, Iec104Apdu.TryWriteInformation(20, 78, apdu.AsduBytes, written, out int length));
        Assert.Equal(bytes, written[..length].ToArray());

        Assert.Equal(OperationStatus.Done, Iec104Apdu.TryWriteInformation(32767, 32767, apdu.AsduBytes, written, out length));
        Assert.Equal(OperationStatus.Done, Iec104Apdu.TryRead(written[..length], out Iec104Apdu max, out _));
        Assert.Equal(32767, max.SendSequenceNumber);
        Assert.Equal(32767, max.ReceiveSequenceNumber);
    }

    [Fact]
    public void TryRead_SeveralApdusInOneSegment_ReadsOneAtATime()
    {
        // 104deneme.pcap frame 10: C_CS_NA_1, C_IC_NA_1 and C_CI_NA_1 in one TCP segment.
        byte[] bytes = Dnp3Hex.Bytes("68 14 00 00 00 00 67 01 06 00 FF FF 00 00 00 FA 04 13 11 18 0A 13 68 0E 02 00 00 00 64 01 06 00 FF FF 00 00 00 14 68 0E 04 00 00 00 65 01 06 00 FF FF 00 00 00 05");
        var types = new List<Iec104TypeId>();
        int position = 0;
        while (position < bytes.Length)
        {
            Assert.Equal(OperationStatus.Done, Iec104Apdu.TryRead(bytes.AsSpan(position), out Iec104Apdu apdu, out int consumed));
            types.Add(apdu.Asdu.Header.TypeId);
            Assert.Equal(65535, apdu.Asdu.Header.CommonAddress);
            position += consumed;
        }

        Assert.Equal([Iec104TypeId.C_CS_NA_1, Iec104TypeId.C_IC_NA_1, Iec104TypeId.C_CI_NA_1], types);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("68", "start octet")]
    [InlineData("68 04", "start and length")]
    [InlineData("68 04 43 00 00", "U-format without its last control octet")]
    [InlineData("68 0E 00 00 00 00 64 01 06 00 0A 00 00 00 00", "I-format without its last ASDU octet")]
    public void TryRead_TruncatedApdu_ReturnsNeedMoreData(string hex, string what)
    {
        Assert.Equal(OperationStatus.NeedMoreData, Iec104Apdu.TryRead(Dnp3Hex.Bytes(hex), out Iec104Apdu apdu, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.False(error.IsError, what);
        Assert.Equal(0, apdu.EncodedLength);
    }

    [Theory]
    [InlineData("69 04 43 00 00 00", Iec104Error.InvalidStartOctet, 0)]
    [InlineData("68 03 43 00 00", Iec104Error.LengthOutOfRange, 1)]
    [InlineData("68 FE 00 00 00 00", Iec104Error.LengthOutOfRange, 1)]
    // TestDissectIec104.pcap frame 11: APDU length 2.
    [InlineData("68 02 02 68", Iec104Error.LengthOutOfRange, 1)]
    [InlineData("68 06 43 00 00 00 00 00", Iec104Error.UnexpectedAsdu, 1)]
    // TestDissectIec104.pcap frame 71: 0x19 looks like S-format but the length is 6.
    [InlineData("68 06 19 19 19 19 19 19", Iec104Error.UnexpectedAsdu, 1)]
    [InlineData("68 04 05 00 00 00", Iec104Error.InvalidControlField, 2)]
    [InlineData("68 04 01 01 00 00", Iec104Error.InvalidControlField, 3)]
    [InlineData("68 04 01 00 01 00", Iec104Error.InvalidControlField, 4)]
    [InlineData("68 04 03 00 00 00", Iec104Error.InvalidUFunction, 2)]
    [InlineData("68 04 0F 00 00 00", Iec104Error.InvalidUFunction, 2)]
    [InlineData("68 04 43 00 01 00", Iec104Error.InvalidControlField, 4)]
    [InlineData("68 04 43 00 00 80", Iec104Error.InvalidControlField, 5)]
    // TestDissectIec104.pcap frame 25: an I-format APDU with no ASDU at all.
    [InlineData("68 04 16 16 16 16", Iec104Error.AsduTooShort, 1)]
    [InlineData("68 0A 00 00 01 00 64 01 06 00 0A 00", Iec104Error.InvalidControlField, 4)]
    [InlineData("68 09 00 00 01 00 64 01 06 00 0A", Iec104Error.AsduTooShort, 1)] // the length (offset 1) is checked before the control octets
    [InlineData("68 08 00 00 00 00 18 18 18 18", Iec104Error.AsduTooShort, 1)]
    [InlineData("68 0A 00 00 00 00 00 01 06 00 0A 00", Iec104Error.InvalidTypeId, 6)]
    [InlineData("68 0A 00 00 00 00 64 01 40 00 0A 00", Iec104Error.InvalidCause, 8)]
    [InlineData("68 0D 00 00 00 00 64 01 06 00 0A 00 00 00 00", Iec104Error.AsduLengthMismatch, 12)]
    [InlineData("68 0F 00 00 00 00 64 01 06 00 0A 00 00 00 00 14 14", Iec104Error.AsduLengthMismatch, 12)]
    public void TryRead_InvalidApdu_ReturnsInvalidDataAndConsumesNothing(string hex, Iec104Error expected, int offset)
    {
        Assert.Equal(OperationStatus.InvalidData, Iec104Apdu.TryRead(Dnp3Hex.Bytes(hex), out Iec104Apdu apdu, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.Equal(0, apdu.EncodedLength);
        Assert.Equal("iec104", error.Protocol);
        Assert.Equal((int)expected, error.Code);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void TryRead_InvalidControlInAPrefix_IsReportedBeforeTheRestArrives()
    {
        // A U-format octet with two function bits is invalid whatever follows, so the prefix is not NeedMoreData.
        Assert.Equal(OperationStatus.InvalidData, Iec104Apdu.TryRead(Dnp3Hex.Bytes("68 04 C3"), out _, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.Equal((int)Iec104Error.InvalidUFunction, error.Code);
    }

    [Fact]
    public void TryWrite_InvalidArguments_Throw()
    {
        var buffer = new byte[300];
        Assert.Throws<ArgumentException>(() => Iec104Apdu.TryWriteUnnumbered((Iec104UFunction)0x03, buffer, out _));
        Assert.Throws<ArgumentException>(() => Iec104Apdu.TryWriteUnnumbered(0, buffer, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Iec104Apdu.TryWriteSupervisory(32768, buffer, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Iec104Apdu.TryWriteInformation(0, 0, new byte[5], buffer, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Iec104Apdu.TryWriteInformation(0, 0, new byte[250], buffer, out _));
        Assert.Equal(OperationStatus.DestinationTooSmall, Iec104Apdu.TryWriteUnnumbered(Iec104UFunction.TestFrameActivation, buffer.AsSpan(0, 5), out int written));
        Assert.Equal(0, written);
        Assert.Equal(OperationStatus.DestinationTooSmall, Iec104Apdu.TryWriteSupervisory(1, buffer.AsSpan(0, 5), out written));
        Assert.Equal(OperationStatus.DestinationTooSmall, Iec104Apdu.TryWriteInformation(0, 0, new byte[6], buffer.AsSpan(0, 11), out written));
    }

    [Fact]
    public void TryRead_WarmedUp_AllocatesNothing()
    {
        // zeek-iec104 frame 12 second APDU: M_SP_NA_1 with four objects, interrogated by station.
        byte[] bytes = Dnp3Hex.Bytes("68 1A 04 00 02 00 01 04 14 00 0A 00 01 00 00 00 02 00 00 00 03 00 00 00 04 00 00 00");
        int Run()
        {
            Iec104Apdu.TryRead(bytes, out Iec104Apdu apdu, out _);
            int on = 0;
            foreach (Iec104InformationObject io in apdu.Asdu)
            {
                io.TryGetSinglePoint(out Iec104SinglePoint point);
                on += point.IsOn ? 0 : 1;
            }

            return on;
        }

        Assert.Equal(4, Run());
        long before = GC.GetAllocatedBytesForCurrentThread();
        int total = 0;
        for (int i = 0; i < 100; i++)
        {
            total += Run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(400, total);
    }
}
