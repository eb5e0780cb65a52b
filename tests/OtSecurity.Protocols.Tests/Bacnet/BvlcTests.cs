using System.Buffers;
using OtSecurity.Protocols.Bacnet;
using static OtSecurity.Protocols.Tests.Bacnet.BacnetHex;

namespace OtSecurity.Protocols.Tests.Bacnet;

public class BvlcTests
{
    [Fact]
    public void TryRead_RegisterForeignDevice_ReadsTimeToLive()
    {
        // Annex J.2.6: 81 05 0006, TTL 0xEA60 = 60000 s (bacnet-array-elements frame 1).
        byte[] bytes = Bytes("81 05 0006 ea60");
        Assert.Equal(OperationStatus.Done, Bvlc.TryRead(bytes, out BvlcFrame frame, out int consumed));
        Assert.Equal(6, consumed);
        Assert.Equal(BvlcFunction.RegisterForeignDevice, frame.Function);
        Assert.Equal(60000, frame.TimeToLive);
        Assert.False(frame.HasNpdu);
    }

    [Theory]
    [InlineData("81 00 0006 0000", BvlcResultCode.SuccessfulCompletion)] // J.2.1: successful completion
    [InlineData("81 00 0006 0020", BvlcResultCode.ReadBroadcastDistributionTableNak)] // iti-bacnet-test frame 22
    [InlineData("81 00 0006 0030", BvlcResultCode.RegisterForeignDeviceNak)] // iti-bacnet-test frame 26
    public void TryRead_BvlcResult_ReadsResultCode(string hex, BvlcResultCode expected)
    {
        Assert.Equal(OperationStatus.Done, Bvlc.TryRead(Bytes(hex), out BvlcFrame frame, out int consumed));
        Assert.Equal(6, consumed);
        Assert.Equal(expected, frame.ResultCode);
    }

    [Theory]
    [InlineData("81 02 0004", BvlcFunction.ReadBroadcastDistributionTable)] // J.2.3, iti-bacnet-test frame 21
    [InlineData("81 06 0004", BvlcFunction.ReadForeignDeviceTable)] // J.2.7
    public void TryRead_TableReadRequest_HasNoBody(string hex, BvlcFunction function)
    {
        Assert.Equal(OperationStatus.Done, Bvlc.TryRead(Bytes(hex), out BvlcFrame frame, out int consumed));
        Assert.Equal(4, consumed);
        Assert.Equal(function, frame.Function);
        Assert.True(frame.Body.IsEmpty);
    }

    [Fact]
    public void TryRead_ForwardedNpdu_ReadsOriginatingAddressAndNpdu()
    {
        // J.2.5: origin 10.0.218.174:47808, then a global-broadcast Who-Is 12345..12345 (bacnet-array-elements frame 5).
        byte[] bytes = Bytes("81 04 0018 0a00daae bac0 0120ffff00ff 1008 0a3039 1a3039");
        Assert.Equal(OperationStatus.Done, Bvlc.TryRead(bytes, out BvlcFrame frame, out int consumed));
        Assert.Equal(24, consumed);
        Assert.Equal(new BacnetIpEndpoint(0x0A00DAAE, 47808), frame.OriginatingAddress);
        Assert.Equal("10.0.218.174:47808", frame.OriginatingAddress.ToString());
        Assert.Equal(10, frame.NpduOffset);
        Assert.Equal(Bytes("0120ffff00ff 1008 0a3039 1a3039"), frame.Npdu.ToArray());
    }

    [Fact]
    public void TryRead_DeleteForeignDeviceTableEntry_ReadsAddress()
    {
        // J.2.9: the entry 192.168.1.10:47808.
        Assert.Equal(OperationStatus.Done, Bvlc.TryRead(Bytes("81 08 000a c0a8010a bac0"), out BvlcFrame frame, out _));
        Assert.Equal(new BacnetIpEndpoint(0xC0A8010A, 0xBAC0), frame.DeleteEntryAddress);
    }

    [Fact]
    public void TryRead_ReadBdtAck_ReadsEntries()
    {
        // J.2.4: two entries, each B/IP address and mask.
        byte[] bytes = Bytes("81 03 0018 c0a80001bac0 ffffffff 0a000001bac1 ffffff00");
        Assert.Equal(OperationStatus.Done, Bvlc.TryRead(bytes, out BvlcFrame frame, out _));
        Assert.Equal(2, frame.TableEntryCount);
        Assert.Equal(new BdtEntry(new BacnetIpEndpoint(0xC0A80001, 0xBAC0), 0xFFFFFFFF), frame.GetBdtEntry(0));
        Assert.Equal(new BdtEntry(new BacnetIpEndpoint(0x0A000001, 0xBAC1), 0xFFFFFF00), frame.GetBdtEntry(1));
    }

    [Fact]
    public void TryRead_ReadFdtAck_ReadsEntries()
    {
        // J.2.8: one entry: 10.0.0.9:47808, TTL 60, 90 s remaining.
        Assert.Equal(OperationStatus.Done, Bvlc.TryRead(Bytes("81 07 000e 0a000009bac0 003c 005a"), out BvlcFrame frame, out _));
        Assert.Equal(1, frame.TableEntryCount);
        Assert.Equal(new FdtEntry(new BacnetIpEndpoint(0x0A000009, 0xBAC0), 60, 90), frame.GetFdtEntry(0));
    }

    [Fact]
    public void GetBdtEntry_OnForeignDeviceTable_Throws()
    {
        Assert.Throws<InvalidOperationException>(() =>
        {
            Bvlc.TryRead(Bytes("81 07 000e 0a000009bac0 003c 005a"), out BvlcFrame frame, out _);
            return frame.GetBdtEntry(0);
        });
    }

    [Fact]
    public void TryRead_SecureBvll_KeepsWrapperOpaque()
    {
        // J.2.13: header and an opaque security wrapper.
        Assert.Equal(OperationStatus.Done, Bvlc.TryRead(Bytes("81 0c 0007 010203"), out BvlcFrame frame, out _));
        Assert.Equal(Bytes("010203"), frame.SecurityWrapper.ToArray());
    }

    [Fact]
    public void TryRead_TwoMessagesInARow_ReadsOnlyTheFirst()
    {
        byte[] bytes = Bytes("81020004 81060004");
        Assert.Equal(OperationStatus.Done, Bvlc.TryRead(bytes, out BvlcFrame frame, out int consumed));
        Assert.Equal(4, consumed);
        Assert.Equal(BvlcFunction.ReadBroadcastDistributionTable, frame.Function);
    }

    [Theory]
    [InlineData("")]
    [InlineData("81")]
    [InlineData("810a")]
    [InlineData("810a00")]
    [InlineData("810a0011 0104")] // length says 17, 6 present
    [InlineData("8105 0006 ea")]
    public void TryRead_TruncatedMessage_ReturnsNeedMoreData(string hex)
    {
        Assert.Equal(OperationStatus.NeedMoreData, Bvlc.TryRead(Bytes(hex), out BvlcFrame frame, out int consumed));
        Assert.Equal(0, consumed);
        Assert.Equal(default(BvlcFunction), frame.Function);
    }

    [Theory]
    [InlineData("82 0a 0006 0100", BacnetError.BvlcTypeInvalid, 0)] // not BACnet/IP
    [InlineData("81 0d 0004", BacnetError.BvlcFunctionUnknown, 1)] // 0x0D is not defined
    [InlineData("81 00 0008 00000000", BacnetError.BvlcLengthInvalid, 2)] // BVLC-Result is always 6 octets
    [InlineData("81 05 0004", BacnetError.BvlcLengthInvalid, 2)] // Register-Foreign-Device without TTL
    [InlineData("81 02 0006 0000", BacnetError.BvlcLengthInvalid, 2)] // Read-BDT carries nothing
    [InlineData("81 08 0008 c0a8", BacnetError.BvlcLengthInvalid, 2)] // Delete-FDT-Entry is 10 octets
    [InlineData("81 03 0007 000000", BacnetError.BvlcTableLengthInvalid, 2)] // 3 octets is not a 10-octet entry
    [InlineData("81 03 0002", BacnetError.BvlcLengthTooSmall, 2)] // shorter than the header
    [InlineData("81 0a 0005 01", BacnetError.BvlcLengthTooSmall, 2)] // an NPDU needs version and control
    [InlineData("81 04 000b c0a80001bac0 01", BacnetError.BvlcLengthTooSmall, 2)] // Forwarded-NPDU: address and 2-octet NPDU
    public void TryRead_InvalidHeader_ReturnsInvalidDataAndConsumesNothing(string hex, BacnetError expected, int offset)
    {
        Assert.Equal(OperationStatus.InvalidData, Bvlc.TryRead(Bytes(hex), out BvlcFrame frame, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.Equal(default(BvlcFunction), frame.Function);
        Assert.True(frame.Body.IsEmpty);
        Assert.Equal("bacnet", error.Protocol);
        Assert.Equal((int)expected, error.Code);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void TryWriteResult_WritesSixOctets()
    {
        byte[] buffer = new byte[6];
        Assert.Equal(OperationStatus.Done, Bvlc.TryWriteResult(BvlcResultCode.RegisterForeignDeviceNak, buffer, out int written));
        Assert.Equal(6, written);
        Assert.Equal(Bytes("810000060030"), buffer);
    }

    [Fact]
    public void TryWriteForwardedNpdu_MatchesCapture()
    {
        byte[] npdu = Bytes("0120ffff00ff 1008 0a3039 1a3039");
        byte[] buffer = new byte[24];
        Assert.Equal(OperationStatus.Done, Bvlc.TryWriteForwardedNpdu(new BacnetIpEndpoint(0x0A00DAAE, 47808), npdu, buffer, out int written));
        Assert.Equal(24, written);
        Assert.Equal(Bytes("81 04 0018 0a00daae bac0 0120ffff00ff 1008 0a3039 1a3039"), buffer);
    }

    [Fact]
    public void TryWriteTables_RoundTrip()
    {
        BdtEntry[] bdt = [new(new BacnetIpEndpoint(1, 2), 3), new(new BacnetIpEndpoint(4, 5), 6)];
        FdtEntry[] fdt = [new(new BacnetIpEndpoint(7, 8), 9, 10)];
        byte[] buffer = new byte[64];
        Assert.Equal(OperationStatus.Done, Bvlc.TryWriteBroadcastDistributionTable(BvlcFunction.WriteBroadcastDistributionTable, bdt, buffer, out int written));
        Assert.Equal(OperationStatus.Done, Bvlc.TryRead(buffer.AsSpan(0, written), out BvlcFrame frame, out _));
        Assert.Equal(bdt[1], frame.GetBdtEntry(1));
        Assert.Equal(OperationStatus.Done, Bvlc.TryWriteForeignDeviceTableAck(fdt, buffer, out written));
        Assert.Equal(OperationStatus.Done, Bvlc.TryRead(buffer.AsSpan(0, written), out frame, out _));
        Assert.Equal(fdt[0], frame.GetFdtEntry(0));
    }

    [Fact]
    public void TryWrite_SmallDestination_ReturnsDestinationTooSmall()
    {
        Assert.Equal(OperationStatus.DestinationTooSmall, Bvlc.TryWriteRegisterForeignDevice(60, new byte[5], out int written));
        Assert.Equal(0, written);
        Assert.Equal(OperationStatus.DestinationTooSmall, Bvlc.TryWriteTableRead(BvlcFunction.ReadForeignDeviceTable, new byte[3], out written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void TryWrite_BodyInvalidForFunction_Throws()
    {
        Assert.Throws<ArgumentException>(() => Bvlc.TryWrite(BvlcFunction.BvlcResult, new byte[3], new byte[16], out _));
        Assert.Throws<ArgumentException>(() => Bvlc.TryWriteNpdu(BvlcFunction.OriginalUnicastNpdu, new byte[1], new byte[16], out _));
        Assert.Throws<ArgumentException>(() => Bvlc.TryWriteNpdu(BvlcFunction.BvlcResult, new byte[2], new byte[16], out _));
        Assert.Throws<ArgumentException>(() => Bvlc.TryWriteTableRead(BvlcFunction.BvlcResult, new byte[16], out _));
    }
}
