using System.Buffers;
using OtSecurity.Protocols.S7Comm;
using static OtSecurity.Protocols.Tests.S7Comm.S7CommVectors;

namespace OtSecurity.Protocols.Tests.S7Comm;

public class IsoTcpTests
{
    [Fact]
    public void TryRead_ConnectionRequest_ReadsReferencesClassAndParameters()
    {
        byte[] bytes = Hex(ConnectionRequest);
        Assert.Equal(OperationStatus.Done, IsoTcp.TryRead(bytes, out IsoTcpPacket packet, out int consumed));
        Assert.Equal(22, consumed);
        Assert.Equal(22, packet.Tpkt.Length);
        CotpTpdu tpdu = packet.Tpdu;
        Assert.Equal(CotpPduType.ConnectionRequest, tpdu.PduType);
        Assert.Equal(17, tpdu.LengthIndicator);
        Assert.Equal(0, tpdu.DestinationReference);
        Assert.Equal(1, tpdu.SourceReference);
        Assert.Equal(0, tpdu.ProtocolClass);
        Assert.Equal(1024, tpdu.TpduSize);
        Assert.Equal(new byte[] { 0x01, 0x00 }, tpdu.CallingTsap.ToArray());
        Assert.Equal(new byte[] { 0x01, 0x01 }, tpdu.CalledTsap.ToArray());
        Assert.True(tpdu.UserData.IsEmpty);
    }

    [Fact]
    public void TryRead_ConnectionConfirm_ReadsBothReferences()
    {
        Assert.Equal(OperationStatus.Done, IsoTcp.TryRead(Hex(ConnectionConfirm), out IsoTcpPacket packet, out _));
        Assert.Equal(CotpPduType.ConnectionConfirm, packet.Tpdu.PduType);
        Assert.Equal(1, packet.Tpdu.DestinationReference);
        Assert.Equal(1, packet.Tpdu.SourceReference);
    }

    [Fact]
    public void TryRead_DataWithEot_ExposesS7Pdu()
    {
        Assert.Equal(OperationStatus.Done, IsoTcp.TryRead(Hex(SetupCommunicationJob), out IsoTcpPacket packet, out _));
        Assert.Equal(CotpPduType.Data, packet.Tpdu.PduType);
        Assert.True(packet.Tpdu.IsEndOfTransmission);
        Assert.False(packet.Tpdu.IsNormalDataFormat);
        Assert.Equal(0x32, packet.Tpdu.UserData[0]);
        Assert.Equal(18, packet.Tpdu.UserData.Length);
    }

    [Fact]
    public void TryRead_EmptyDataWithoutEot_IsAFragment()
    {
        Assert.Equal(OperationStatus.Done, IsoTcp.TryRead(Hex(EmptyDataNoEot), out IsoTcpPacket packet, out int consumed));
        Assert.Equal(7, consumed);
        Assert.False(packet.Tpdu.IsEndOfTransmission);
        Assert.True(packet.Tpdu.UserData.IsEmpty);
    }

    [Fact]
    public void TryRead_DisconnectRequest_ReadsReason()
    {
        // DR: LI 6, code 0x80, DST-REF 0x0001, SRC-REF 0x0002, reason 0x80 (normal disconnect).
        Assert.Equal(OperationStatus.Done, IsoTcp.TryRead(Hex("0300000b 06 80 0001 0002 80"), out IsoTcpPacket packet, out _));
        Assert.Equal(CotpPduType.DisconnectRequest, packet.Tpdu.PduType);
        Assert.Equal(0x80, packet.Tpdu.ClassOrReason);
    }

    [Fact]
    public void TryRead_ExpeditedData_ReadsNumberAndData()
    {
        // ED: LI 4, code 0x10, DST-REF 0x0001, EOT|NR 0x80, one octet of data.
        Assert.Equal(OperationStatus.Done, IsoTcp.TryRead(Hex("0300000a 04 10 0001 80 aa"), out IsoTcpPacket packet, out _));
        Assert.Equal(CotpPduType.ExpeditedData, packet.Tpdu.PduType);
        Assert.True(packet.Tpdu.IsEndOfTransmission);
        Assert.Equal(new byte[] { 0xAA }, packet.Tpdu.UserData.ToArray());
    }

    [Fact]
    public void TryRead_DisconnectConfirm_ReadsReferences()
    {
        Assert.Equal(OperationStatus.Done, IsoTcp.TryRead(Hex("0300000a 05 c0 0001 0002"), out IsoTcpPacket packet, out _));
        Assert.Equal(CotpPduType.DisconnectConfirm, packet.Tpdu.PduType);
        Assert.Equal(2, packet.Tpdu.SourceReference);
    }

    [Theory]
    [InlineData("")]
    [InlineData("03")]
    [InlineData("030000")]
    [InlineData("03000016")]
    [InlineData("0300001611e0000000")]
    public void TryRead_TruncatedPacket_ReturnsNeedMoreData(string hex)
    {
        Assert.Equal(OperationStatus.NeedMoreData, IsoTcp.TryRead(Hex(hex), out _, out int consumed));
        Assert.Equal(0, consumed);
    }

    [Theory]
    [InlineData("04000016", S7CommError.TpktVersion)] // RFC 1006 §6: version must be 3
    [InlineData("03000006020f", S7CommError.TpktLength)] // length 6 < 7
    [InlineData("03000007ff0000", S7CommError.CotpLengthIndicator)] // LI 255 is reserved
    [InlineData("0300000709f000", S7CommError.CotpLengthIndicator)] // LI 9 longer than the 3-octet TPDU
    [InlineData("0300000702a000", S7CommError.CotpPduType)] // code 0xA0 is not an ISO 8073 TPDU
    [InlineData("0300000a 05 e0 0000 0001", S7CommError.CotpLengthIndicator)] // CR needs LI >= 6
    [InlineData("0300000d 08 e0 0000 0001 00 c1 05", S7CommError.CotpParameter)] // TSAP length 5 overruns the header
    [InlineData("0300000e 09 e0 0000 0001 00 c0 01 0e", S7CommError.CotpParameter)] // TPDU size 14 (16384) above 13
    [InlineData("0300000f 0a e0 0000 0001 00 c0 02 0a0a", S7CommError.CotpParameter)] // TPDU size must be one octet
    public void TryRead_InvalidPacket_ReturnsInvalidDataAndConsumesNothing(string hex, S7CommError expected)
    {
        OperationStatus status = IsoTcp.TryRead(Hex(hex), out IsoTcpPacket packet, out int consumed, out ProtocolError error);
        Assert.Equal(OperationStatus.InvalidData, status);
        Assert.Equal(0, consumed);
        Assert.Equal(0, packet.Tpkt.Length);
        Assert.Equal((int)expected, error.Code);
        Assert.Equal("s7comm", error.Protocol);
    }

    [Fact]
    public void TryWrite_ConnectionRequest_ReproducesCaptureBytes()
    {
        Span<byte> parameters = stackalloc byte[13];
        int n = 0;
        Cotp.TryWriteParameter(CotpParameterCode.TpduSize, [0x0A], parameters, out int w);
        n += w;
        Cotp.TryWriteParameter(CotpParameterCode.CallingTsap, [0x01, 0x00], parameters.Slice(n), out w);
        n += w;
        Cotp.TryWriteParameter(CotpParameterCode.CalledTsap, [0x01, 0x01], parameters.Slice(n), out w);
        n += w;
        var header = new CotpHeader(CotpPduType.ConnectionRequest, DestinationReference: 0, SourceReference: 1, ClassOrReason: 0);
        byte[] buffer = new byte[IsoTcp.GetEncodedLength(header, parameters.Slice(0, n), default)];
        Assert.Equal(OperationStatus.Done, IsoTcp.TryWrite(header, parameters.Slice(0, n), default, buffer, out int written));
        Assert.Equal(Hex(ConnectionRequest), buffer.AsSpan(0, written).ToArray());
    }

    [Fact]
    public void TryWrite_DestinationTooSmall_ReturnsDestinationTooSmall()
    {
        Assert.Equal(OperationStatus.DestinationTooSmall, IsoTcp.TryWrite(CotpHeader.Data(true), default, new byte[10], new byte[8], out int written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void TryRead_WarmedUp_AllocatesNothing()
    {
        byte[] bytes = Hex(SetupCommunicationJob);
        IsoTcp.TryRead(bytes, out _, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        int total = 0;
        for (int i = 0; i < 100; i++)
        {
            IsoTcp.TryRead(bytes, out IsoTcpPacket packet, out int consumed);
            S7Pdu.TryRead(packet.Tpdu.UserData, out S7Pdu pdu, out _);
            total += consumed + pdu.PduReference;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(total > 0);
    }
}
