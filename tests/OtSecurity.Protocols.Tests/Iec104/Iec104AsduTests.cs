using System.Buffers;
using OtSecurity.Protocols.Iec104;
using OtSecurity.Protocols.Tests.Dnp3;

namespace OtSecurity.Protocols.Tests.Iec104;

public class Iec104AsduTests
{
    [Fact]
    public void TryRead_ShortFloatMeasurements_DecodesValues()
    {
        // 090813_diverse.pcap frame 1: M_ME_NC_1, two objects, periodic, common address 3, IOA 1300 = 30.0 and IOA 1301 = 708.0.
        byte[] asdu = Dnp3Hex.Bytes("0D 02 01 00 03 00 14 05 00 00 00 F0 41 00 15 05 00 00 00 31 44 00");
        Assert.Equal(OperationStatus.Done, Iec104Asdu.TryRead(asdu, out Iec104Asdu read, out int consumed));
        Assert.Equal(asdu.Length, consumed);
        Assert.Equal(Iec104Cause.Periodic, read.Header.Cause);
        Assert.Equal(5, read.ElementSize);
        var values = new List<(uint, float)>();
        foreach (Iec104InformationObject io in read)
        {
            Assert.True(io.TryGetShortFloat(out Iec104ShortFloat value));
            Assert.Equal(Iec104Quality.None, value.Quality);
            values.Add((io.Address, value.Value));
            Assert.False(io.TryGetScaledValue(out _));
        }

        Assert.Equal([(1300u, 30.0f), (1301u, 708.0f)], values);
        Assert.Equal(OperationClass.Event, Iec104Classifier.Classify(read.Header.TypeId, read.Header.Cause));
    }

    [Fact]
    public void TryRead_SequenceOfElements_AssignsConsecutiveAddresses()
    {
        // SQ = 1: M_ME_NB_1, three elements from IOA 100: scaled values 1, -2, 300 with QDS 0, 0x80 (IV), 0x10 (BL).
        byte[] asdu = Dnp3Hex.Bytes("0B 83 14 00 01 00 64 00 00 01 00 00 FE FF 80 2C 01 10");
        Assert.Equal(OperationStatus.Done, Iec104Asdu.TryRead(asdu, out Iec104Asdu read, out _));
        Assert.True(read.Header.IsSequence);
        var items = new List<(uint, short, Iec104Quality)>();
        foreach (Iec104InformationObject io in read)
        {
            io.TryGetScaledValue(out Iec104ScaledValue value);
            items.Add((io.Address, value.Value, value.Quality));
        }

        Assert.Equal([(100u, (short)1, Iec104Quality.None), (101u, (short)-2, Iec104Quality.Invalid), (102u, (short)300, Iec104Quality.Blocked)], items);
    }

    [Fact]
    public void TryRead_SingleCommandWithTime_DecodesCommandAndTime()
    {
        // 090813_diverse.pcap frame 9: C_SC_TA_1 act, IOA 4501, SCO 0x81 (select, ON), CP56Time2a 08 00 17 13 0D 08 6D.
        byte[] asdu = Dnp3Hex.Bytes("3A 01 06 00 03 00 95 11 00 81 08 00 17 13 0D 08 6D");
        Assert.Equal(OperationStatus.Done, Iec104Asdu.TryRead(asdu, out Iec104Asdu read, out _));
        foreach (Iec104InformationObject io in read)
        {
            Assert.Equal(4501u, io.Address);
            Assert.True(io.TryGetSingleCommand(out Iec104SingleCommand command));
            Assert.Equal(new Iec104SingleCommand(true, 0, true), command);
            Assert.True(io.TryGetTime(out Cp56Time2a time));
            Assert.Equal(8, time.Milliseconds);
            Assert.Equal(23, time.Minute);
            Assert.Equal(19, time.Hour);
            Assert.Equal(13, time.DayOfMonth);
            Assert.Equal(8, time.Month);
            Assert.Equal(109, time.Year);
            Assert.False(io.TryGetShortTime(out _));
        }

        Assert.Equal(OperationClass.Control, Iec104Classifier.Classify(read.Header.TypeId, read.Header.Cause));
    }

    [Fact]
    public void TryRead_ClockSynchronization_DecodesDateTime()
    {
        // 104deneme.pcap frame 10: C_CS_NA_1 act to the global address, 2019-10-24 17:19:01.274.
        byte[] asdu = Dnp3Hex.Bytes("67 01 06 00 FF FF 00 00 00 FA 04 13 11 18 0A 13");
        Assert.Equal(OperationStatus.Done, Iec104Asdu.TryRead(asdu, out Iec104Asdu read, out _));
        Span<byte> encoded = stackalloc byte[7];
        foreach (Iec104InformationObject io in read)
        {
            Assert.True(io.TryGetTime(out Cp56Time2a time));
            Assert.True(time.TryGetDateTime(out DateTime value));
            Assert.Equal(new DateTime(2019, 10, 24, 17, 19, 1, 274), value);
            time.Write(encoded);
            Assert.Equal(io.Element.ToArray(), encoded.ToArray());
        }

        Assert.Equal(OperationClass.TimeSync, Iec104Classifier.Classify(read.Header.TypeId, read.Header.Cause));
    }

    [Fact]
    public void TryRead_SetpointFloatWithTime_DecodesValueAndQualifier()
    {
        // 090813_diverse.pcap frame 39: C_SE_TC_1 act, IOA 5021, 123.0, QOS 0x80 (select).
        byte[] asdu = Dnp3Hex.Bytes("3F 01 06 00 03 00 9D 13 00 00 00 F6 42 80 08 00 18 13 0D 08 6D");
        Assert.Equal(OperationStatus.Done, Iec104Asdu.TryRead(asdu, out Iec104Asdu read, out _));
        foreach (Iec104InformationObject io in read)
        {
            Assert.True(io.TryGetShortFloat(out Iec104ShortFloat value));
            Assert.Equal(123.0f, value.Value);
            Assert.True(io.TryGetSetpointQualifier(out Iec104SetpointQualifier qos));
            Assert.Equal(new Iec104SetpointQualifier(0, true), qos);
        }
    }

    [Fact]
    public void TryRead_EndOfInitialization_DecodesCause()
    {
        // zeek-iec104 frame 10: M_EI_NA_1, cause "initialized", COI 0 (local power switch on).
        byte[] asdu = Dnp3Hex.Bytes("46 01 04 00 0A 00 00 00 00 00");
        Assert.Equal(OperationStatus.Done, Iec104Asdu.TryRead(asdu, out Iec104Asdu read, out _));
        foreach (Iec104InformationObject io in read)
        {
            Assert.True(io.TryGetEndOfInitialization(out Iec104EndOfInitialization coi));
            Assert.Equal(new Iec104EndOfInitialization(0, false), coi);
        }

        Assert.Equal(Iec104Cause.Initialized, read.Header.Cause);
        Assert.Equal(OperationClass.Event, Iec104Classifier.Classify(read.Header.TypeId, read.Header.Cause));
    }

    [Fact]
    public void TryRead_NegativeConfirmation_ReadsCauseBits()
    {
        // 104deneme.pcap: negative activation confirmation with cause 47 (unknown IOA): COT octet 0x40 | 47 = 0x6F; test bit adds 0x80.
        byte[] asdu = Dnp3Hex.Bytes("2D 01 EF 05 01 00 10 27 00 01");
        Assert.Equal(OperationStatus.Done, Iec104Asdu.TryRead(asdu, out Iec104Asdu read, out _));
        Assert.Equal(Iec104Cause.UnknownInformationObjectAddress, read.Header.Cause);
        Assert.True(read.Header.IsNegative);
        Assert.True(read.Header.IsTest);
        Assert.Equal(5, read.Header.OriginatorAddress);
        Assert.Equal(0xEF, read.Header.CauseOctet);
    }

    [Theory]
    // M_SP_NA_1 SIQ 0x81: ON, invalid.
    [InlineData("01 01 03 00 01 00 0A 00 00 81", "sp")]
    // M_DP_TB_1 DIQ 0x22: ON, substituted, with CP56Time2a.
    [InlineData("1F 01 03 00 01 00 0B 00 00 22 00 00 00 00 01 01 14", "dp")]
    // M_ST_NA_1 VTI 0xFF: -1, transient; QDS 0x01 overflow.
    [InlineData("05 01 03 00 01 00 0C 00 00 FF 01", "st")]
    // M_BO_NA_1 BSI 0x12345678, QDS 0.
    [InlineData("07 01 03 00 01 00 0D 00 00 78 56 34 12 00", "bo")]
    // M_ME_NA_1 NVA 0x4000 = 0.5, QDS 0.
    [InlineData("09 01 03 00 01 00 0E 00 00 00 40 00", "nva")]
    // M_IT_NA_1 BCR 1000, SQ 3, carry.
    [InlineData("0F 01 25 00 01 00 0F 00 00 E8 03 00 00 23", "it")]
    // C_DC_NA_1 DCO 0x86: ON, short pulse (QU 1), select.
    [InlineData("2E 01 06 00 01 00 10 00 00 86", "dc")]
    // C_RC_NA_1 RCO 0x01: lower, execute.
    [InlineData("2F 01 06 00 01 00 11 00 00 01", "rc")]
    // C_BO_NA_1 BSI 0xFFFF0000.
    [InlineData("33 01 06 00 01 00 12 00 00 00 00 FF FF", "bocmd")]
    // C_CI_NA_1 QCC 0x45: general counter request, freeze.
    [InlineData("65 01 06 00 01 00 00 00 00 45", "ci")]
    // C_RD_NA_1: address only.
    [InlineData("66 01 05 00 01 00 13 00 00", "rd")]
    // C_TS_NA_1 FBP 0x55AA.
    [InlineData("68 01 06 00 01 00 00 00 00 AA 55", "ts")]
    // C_RP_NA_1 QRP 1 (general reset).
    [InlineData("69 01 06 00 01 00 00 00 00 01", "rp")]
    // C_CD_NA_1 CP16Time2a 500 ms.
    [InlineData("6A 01 03 00 01 00 00 00 00 F4 01", "cd")]
    // C_TS_TA_1 TSC 7 with CP56Time2a.
    [InlineData("6B 01 06 00 01 00 00 00 00 07 00 00 00 00 01 01 01 14", "tsta")]
    // M_SP_TA_1 (IEC 60870-5-101) SIQ 1 with CP24Time2a 1000 ms, minute 5.
    [InlineData("02 01 03 00 01 00 14 00 00 01 E8 03 05", "spta")]
    public void TryRead_Elements_DecodeForTheirType(string hex, string kind)
    {
        byte[] asdu = Dnp3Hex.Bytes(hex);
        Assert.Equal(OperationStatus.Done, Iec104Asdu.TryRead(asdu, out Iec104Asdu read, out _));
        foreach (Iec104InformationObject io in read)
        {
            switch (kind)
            {
                case "sp":
                    Assert.True(io.TryGetSinglePoint(out Iec104SinglePoint sp));
                    Assert.Equal(new Iec104SinglePoint(true, Iec104Quality.Invalid), sp);
                    break;
                case "dp":
                    Assert.True(io.TryGetDoublePoint(out Iec104DoublePoint dp));
                    Assert.Equal(new Iec104DoublePoint(Iec104DoublePointState.On, Iec104Quality.Substituted), dp);
                    Assert.True(io.TryGetTime(out Cp56Time2a time));
                    Assert.Equal(20, time.Year);
                    break;
                case "st":
                    Assert.True(io.TryGetStepPosition(out Iec104StepPosition st));
                    Assert.Equal(new Iec104StepPosition(-1, true, Iec104Quality.Overflow), st);
                    break;
                case "bo":
                    Assert.True(io.TryGetBitstring(out Iec104Bitstring bo));
                    Assert.Equal(0x12345678u, bo.Value);
                    break;
                case "nva":
                    Assert.True(io.TryGetNormalizedValue(out Iec104NormalizedValue nva));
                    Assert.Equal(0.5, nva.Value);
                    break;
                case "it":
                    Assert.True(io.TryGetCounterReading(out Iec104CounterReading it));
                    Assert.Equal(new Iec104CounterReading(1000, 3, true, false, false), it);
                    break;
                case "dc":
                    Assert.True(io.TryGetDoubleCommand(out Iec104DoubleCommand dc));
                    Assert.Equal(new Iec104DoubleCommand(Iec104DoubleCommandState.On, 1, true), dc);
                    break;
                case "rc":
                    Assert.True(io.TryGetRegulatingStepCommand(out Iec104RegulatingStepCommand rc));
                    Assert.Equal(new Iec104RegulatingStepCommand(Iec104StepCommandState.Lower, 0, false), rc);
                    break;
                case "bocmd":
                    Assert.True(io.TryGetBitstring(out Iec104Bitstring cmd));
                    Assert.Equal(new Iec104Bitstring(0xFFFF0000, Iec104Quality.None), cmd);
                    break;
                case "ci":
                    Assert.True(io.TryGetCounterInterrogationQualifier(out Iec104CounterInterrogationQualifier qcc));
                    Assert.Equal(new Iec104CounterInterrogationQualifier(5, 1), qcc);
                    break;
                case "rd":
                    Assert.Equal(19u, io.Address);
                    Assert.True(io.Element.IsEmpty);
                    break;
                case "ts":
                    Assert.True(io.TryGetFixedTestPattern(out ushort fbp));
                    Assert.Equal(0x55AA, fbp);
                    break;
                case "rp":
                    Assert.True(io.TryGetResetProcessQualifier(out byte qrp));
                    Assert.Equal(1, qrp);
                    break;
                case "cd":
                    Assert.True(io.TryGetDelay(out ushort delay));
                    Assert.Equal(500, delay);
                    break;
                case "tsta":
                    Assert.True(io.TryGetTestSequenceCounter(out ushort tsc));
                    Assert.Equal(7, tsc);
                    Assert.True(io.TryGetTime(out _));
                    break;
                case "spta":
                    Assert.True(io.TryGetSinglePoint(out Iec104SinglePoint on));
                    Assert.True(on.IsOn);
                    Assert.True(io.TryGetShortTime(out Cp24Time2a shortTime));
                    Assert.Equal(new Cp24Time2a(1000, 5, false), shortTime);
                    break;
            }

            // Accessors of other types refuse.
            Assert.False(kind != "sp" && kind != "spta" && io.TryGetSinglePoint(out _));
            Assert.False(kind != "ci" && io.TryGetCounterInterrogationQualifier(out _));
            Assert.False(io.TryGetInterrogationQualifier(out _));
            Assert.False(io.TryGetEndOfInitialization(out _));
        }
    }

    [Fact]
    public void TryRead_FileSegment_ValidatesSegmentLength()
    {
        // F_SG_NA_1: IOA, NOF 1, NOS 1, LOS 3, then 3 segment octets.
        Assert.Equal(OperationStatus.Done, Iec104Asdu.TryRead(Dnp3Hex.Bytes("7D 01 0D 00 01 00 00 00 00 01 00 01 03 AA BB CC"), out Iec104Asdu asdu, out _));
        Assert.Equal(-1, asdu.ElementSize);
        Assert.Equal(OperationStatus.InvalidData, Iec104Asdu.TryRead(Dnp3Hex.Bytes("7D 01 0D 00 01 00 00 00 00 01 00 01 04 AA BB CC"), out _, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.Equal((int)Iec104Error.AsduLengthMismatch, error.Code);
    }

    [Fact]
    public void TryRead_UnknownType_IsAcceptedWithoutElements()
    {
        // Type 140 is in the private range: the length cannot be checked, and the objects are not enumerated.
        Assert.Equal(OperationStatus.Done, Iec104Asdu.TryRead(Dnp3Hex.Bytes("8C 01 03 00 01 00 01 02 03 04 05"), out Iec104Asdu asdu, out _));
        int count = 0;
        foreach (Iec104InformationObject io in asdu)
        {
            count++;
        }

        Assert.Equal(0, count);
        Assert.Equal(OperationClass.Unknown, Iec104Classifier.Classify(asdu.Header.TypeId, asdu.Header.Cause));
    }

    [Fact]
    public void TryWrite_BuildsAsduFromElements()
    {
        // Rebuild 090813_diverse.pcap frame 25's ASDU: C_SC_NA_1 act, IOA 4500, SCO 0x81.
        Span<byte> objects = stackalloc byte[4];
        Iec104InformationObject.WriteAddress(4500, objects);
        new Iec104SingleCommand(true, 0, true).Write(objects[3..]);
        var header = new Iec104AsduHeader(Iec104TypeId.C_SC_NA_1, false, 1, Iec104Cause.Activation, false, false, 0, 3);
        Span<byte> asdu = stackalloc byte[16];
        Assert.Equal(OperationStatus.Done, Iec104Asdu.TryWrite(header, objects, asdu, out int written));
        Assert.Equal(Dnp3Hex.Bytes("2D 01 06 00 03 00 94 11 00 81"), asdu[..written].ToArray());
        Span<byte> apdu = stackalloc byte[32];
        Assert.Equal(OperationStatus.Done, Iec104Apdu.TryWriteInformation(22, 81, asdu[..written], apdu, out int length));
        Assert.Equal(Dnp3Hex.Bytes("68 0E 2C 00 A2 00 2D 01 06 00 03 00 94 11 00 81"), apdu[..length].ToArray());
    }

    [Fact]
    public void TryWrite_MismatchedObjects_Throw()
    {
        var header = new Iec104AsduHeader(Iec104TypeId.C_SC_NA_1, false, 2, Iec104Cause.Activation, false, false, 0, 3);
        var buffer = new byte[300];
        Assert.Throws<ArgumentException>(() => Iec104Asdu.TryWrite(header, new byte[4], buffer, out _));
        Assert.Throws<ArgumentException>(() => Iec104Asdu.TryWrite(new Iec104AsduHeader((Iec104TypeId)140, false, 1, Iec104Cause.Spontaneous, false, false, 0, 1), new byte[244], buffer, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Iec104AsduHeader(Iec104TypeId.C_SC_NA_1, false, 128, Iec104Cause.Activation, false, false, 0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Iec104InformationObject.WriteAddress(0x1000000, buffer));
        Assert.Throws<ArgumentException>(() => Iec104InformationObject.WriteAddress(1, new byte[2]));
        Assert.Equal(OperationStatus.DestinationTooSmall, Iec104Asdu.TryWrite(header, new byte[8], buffer.AsSpan(0, 13), out int written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void TypeIds_EveryStandardTypeIsNamedAndSized()
    {
        for (int type = 0; type < 256; type++)
        {
            Assert.Equal(Iec104TypeIds.IsDefined((byte)type), Enum.IsDefined((Iec104TypeId)type));
            bool variable = type is 41 or 125 or (>= 81 and <= 95);
            if (Iec104TypeIds.IsDefined((byte)type) && !variable)
            {
                Assert.True(Iec104TypeIds.ElementSize((byte)type) >= 0, $"type {type}");
            }
        }
    }

    [Theory]
    [InlineData(Iec104TypeId.C_SC_NA_1, Iec104Cause.Activation, OperationClass.Control)]
    [InlineData(Iec104TypeId.C_SE_TC_1, Iec104Cause.Activation, OperationClass.Control)]
    [InlineData(Iec104TypeId.C_BO_TA_1, Iec104Cause.Activation, OperationClass.Control)]
    [InlineData(Iec104TypeId.C_IC_NA_1, Iec104Cause.Activation, OperationClass.Read)]
    [InlineData(Iec104TypeId.C_CI_NA_1, Iec104Cause.Activation, OperationClass.Read)]
    [InlineData(Iec104TypeId.C_RD_NA_1, Iec104Cause.Request, OperationClass.Read)]
    [InlineData(Iec104TypeId.C_CS_NA_1, Iec104Cause.Activation, OperationClass.TimeSync)]
    [InlineData(Iec104TypeId.C_CD_NA_1, Iec104Cause.Activation, OperationClass.TimeSync)]
    [InlineData(Iec104TypeId.C_RP_NA_1, Iec104Cause.Activation, OperationClass.DeviceState)]
    [InlineData(Iec104TypeId.C_TS_TA_1, Iec104Cause.Activation, OperationClass.Diagnostic)]
    [InlineData(Iec104TypeId.P_ME_NC_1, Iec104Cause.Activation, OperationClass.Write)]
    [InlineData(Iec104TypeId.F_SG_NA_1, Iec104Cause.FileTransfer, OperationClass.FileTransfer)]
    [InlineData(Iec104TypeId.S_CH_NA_1, Iec104Cause.Authentication, OperationClass.Security)]
    [InlineData(Iec104TypeId.M_SP_NA_1, Iec104Cause.Spontaneous, OperationClass.Event)]
    [InlineData(Iec104TypeId.M_SP_NA_1, Iec104Cause.InterrogatedByStation, OperationClass.Read)]
    [InlineData(Iec104TypeId.M_IT_NA_1, Iec104Cause.RequestedByGeneralCounter, OperationClass.Read)]
    public void Classify_TypeAndCause_ReturnsClass(Iec104TypeId type, Iec104Cause cause, OperationClass expected)
    {
        Assert.Equal(expected, Iec104Classifier.Classify(type, cause));
    }
}
