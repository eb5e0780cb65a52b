using System.Buffers;
using OtSecurity.Protocols.EtherNetIp;

namespace OtSecurity.Protocols.Tests.EtherNetIp;

internal static class EnipHex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
}

public class EncapsulationTests
{
    private static byte[] Bytes(string hex) => EnipHex.Bytes(hex);

    [Fact]
    public void TryRead_RegisterSessionReply_ReadsHeaderAndData()
    {
        // Vol. 2 2-4.4: RegisterSession reply, session 0x12020200, protocol version 1 (digitalbond ip-address-change frame 3609).
        byte[] bytes = Bytes("6500 0400 00020212 00000000 0000000000000000 00000000 0100 0000");
        Assert.Equal(OperationStatus.Done, Encapsulation.TryRead(bytes, out EncapsulationFrame frame, out int consumed));
        Assert.Equal(28, consumed);
        Assert.Equal(EncapsulationCommand.RegisterSession, frame.Command);
        Assert.Equal(0x12020200u, frame.SessionHandle);
        Assert.Equal(EncapsulationStatus.Success, frame.Status);
        Assert.Equal(1, frame.ProtocolVersion);
        Assert.Equal(0, frame.OptionFlags);
    }

    [Fact]
    public void TryRead_ListIdentityReply_ReadsTheIdentityItem()
    {
        // Vol. 2 2-4.3: one CIP Identity item: 192.168.10.120:44818, Rockwell (1), communications adapter (12),
        // product 58, revision 4.7, serial 0x0051AEC3, "1756-ENBT/A", state 3 (digitalbond ip-address-change frame 3986).
        byte[] bytes = Bytes("6300 3300 00000000 00000000 0000000000000000 00000000"
            + "0100 0c00 2d00 0100 0002af12c0a80a780000000000000000 0100 0c00 3a00 04 07 3000 c3ae5100 0b 313735362d454e42542f41 03");
        Assert.Equal(OperationStatus.Done, Encapsulation.TryRead(bytes, out EncapsulationFrame frame, out _));
        Assert.True(frame.TryGetCommonPacketFormat(out CommonPacketFormat cpf));
        Assert.Equal(1, cpf.ItemCount);
        CpfItem item = cpf.GetItem(0);
        Assert.Equal(CpfItemType.ListIdentity, item.Type);
        Assert.True(ListIdentityItem.TryRead(item.Data, out ListIdentityItem identity, out _));
        Assert.Equal(1, identity.EncapsulationVersion);
        Assert.Equal("192.168.10.120:44818", identity.SocketAddress.ToString());
        Assert.Equal(1, identity.Identity.VendorId);
        Assert.Equal("Rockwell Automation/Allen-Bradley", identity.Identity.VendorName);
        Assert.Equal(CipDeviceType.CommunicationsAdapter, identity.Identity.DeviceType);
        Assert.Equal(58, identity.Identity.ProductCode);
        Assert.Equal("4.7", identity.Identity.Revision);
        Assert.Equal(0x0051AEC3u, identity.Identity.SerialNumber);
        Assert.Equal("1756-ENBT/A", identity.ProductNameText);
        Assert.Equal(3, identity.State);

        byte[] rewritten = new byte[identity.GetEncodedLength()];
        Assert.Equal(OperationStatus.Done, identity.TryWrite(rewritten, out int written));
        Assert.Equal(item.Data.ToArray(), rewritten[..written]);
    }

    [Fact]
    public void TryRead_ListServicesReply_ReadsTheServiceItem()
    {
        // Vol. 2 2-4.6: version 1, flags 0x0120 (CIP over TCP and class 0/1 over UDP), "Communications" (connection-manager frame 7).
        byte[] bytes = Bytes("0400 1a00 00000000 00000000 0000000000000000 00000000 0100 0001 1400 0100 2001 436f6d6d756e69636174696f6e730000");
        Assert.Equal(OperationStatus.Done, Encapsulation.TryRead(bytes, out EncapsulationFrame frame, out _));
        Assert.True(frame.TryGetCommonPacketFormat(out CommonPacketFormat cpf));
        Assert.True(cpf.TryFind(CpfItemType.ListServices, out CpfItem item));
        Assert.True(ListServicesItem.TryRead(item.Data, out ListServicesItem service, out _));
        Assert.Equal(ListServicesItem.CipTcpFlag | ListServicesItem.CipUdpClass01Flag, service.CapabilityFlags);
        Assert.Equal("Communications", System.Text.Encoding.ASCII.GetString(service.Name).TrimEnd('\0'));
    }

    [Fact]
    public void TryRead_SendRRDataWithUnconnectedSend_ReadsTransportAndCpf()
    {
        // Vol. 2 2-4.7: interface 0, timeout 0x20, null address + unconnected data holding Unconnected_Send
        // of Get_Attributes_All to Identity instance 1, routed to backplane slot 0 (digitalbond reboot frame 8).
        byte[] bytes = Bytes("6f00 2400 00010211 00000000 b39b02002008e100 00000000 00000000 2000 0200 0000 0000 b200 1400 52022006240107f9060001022001240101000100");
        Assert.Equal(OperationStatus.Done, Encapsulation.TryRead(bytes, out EncapsulationFrame frame, out _));
        Assert.Equal(EncapsulationCommand.SendRRData, frame.Command);
        Assert.Equal(0x11020100u, frame.SessionHandle);
        Assert.Equal(0x00E1082000029BB3u, frame.SenderContext);
        Assert.Equal(0x20, frame.Timeout);
        Assert.True(frame.TryGetCommonPacketFormat(out CommonPacketFormat cpf));
        Assert.Equal(2, cpf.ItemCount);
        Assert.Equal(CpfItemType.NullAddress, cpf.GetItem(0).Type);
        Assert.True(CipRequest.TryRead(cpf.GetItem(1).Data, out CipRequest request, out _));
        Assert.Equal(0x52, request.Service);
        Assert.True(request.TryGetTarget(out CipPathTarget target));
        Assert.Equal(Cip.ConnectionManagerClass, target.ClassId);
        Assert.Equal(1u, target.InstanceId);
        Assert.True(UnconnectedSendRequest.TryRead(request.Data, out UnconnectedSendRequest send, out _));
        Assert.Equal(0x07, send.PriorityTimeTick);
        Assert.Equal(0xF9, send.TimeoutTicks);
        Assert.True(CipRequest.TryRead(send.EmbeddedRequest, out CipRequest embedded, out _));
        Assert.Equal((byte)CipService.GetAttributesAll, embedded.Service);
        Assert.True(embedded.TryGetTarget(out CipPathTarget embeddedTarget));
        Assert.Equal(Cip.IdentityClass, embeddedTarget.ClassId);
        var route = new CipPathReader(send.RoutePath);
        Assert.True(route.TryRead(out CipPathSegment port));
        Assert.Equal(CipSegmentType.Port, port.Type);
        Assert.Equal(1, port.Port);
        Assert.Equal(new byte[] { 0 }, port.Data.ToArray());
        Assert.True(route.End);
    }

    [Fact]
    public void TryRead_SendUnitData_ReadsConnectedItems()
    {
        // Vol. 2 2-4.8: connected address 0x00790B01 and connected data: sequence 5, Reset on class 0x72 (digitalbond reboot frame 454).
        byte[] bytes = Bytes("7000 1c00 00010211 00000000 0000000000000000 00000000 00000000 0000 0200 a100 0400 010b7900 b100 0800 0500 05 02 2072 2401");
        Assert.Equal(OperationStatus.Done, Encapsulation.TryRead(bytes, out EncapsulationFrame frame, out _));
        Assert.True(frame.TryGetCommonPacketFormat(out CommonPacketFormat cpf));
        Assert.Equal(0x00790B01u, cpf.GetItem(0).ConnectionId);
        CpfItem data = cpf.GetItem(1);
        Assert.Equal(CpfItemType.ConnectedData, data.Type);
        Assert.True(CipRequest.TryRead(data.Data[2..], out CipRequest request, out _));
        Assert.Equal((byte)CipService.Reset, request.Service);
        Assert.Equal(OperationClass.DeviceState, CipNames.ClassifyService(request.Service, 0x72, false));
    }

    [Fact]
    public void TryRead_LegacyCommand_IsDelimitedAndKeptOpaque()
    {
        // Command 0x0001 (legacy) with data: read as a packet, data not interpreted (digitalbond ip-address-change frame 3604).
        byte[] bytes = Bytes("0100 0400 00000000 00000000 0000000000000000 00000000 aabbccdd");
        Assert.Equal(OperationStatus.Done, Encapsulation.TryRead(bytes, out EncapsulationFrame frame, out int consumed));
        Assert.Equal(28, consumed);
        Assert.Equal((ushort)1, frame.Header.Command);
        Assert.False(Encapsulation.IsDefined(1));
        Assert.Equal("Command0x0001", CipNames.GetCommandName(1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("65")]
    [InlineData("650004")]
    [InlineData("6500 0400 00000000")] // header cut
    [InlineData("6500 0400 00000000 00000000 0000000000000000 00000000 0100")] // data cut
    public void TryRead_Truncated_ReturnsNeedMoreData(string hex)
    {
        Assert.Equal(OperationStatus.NeedMoreData, Encapsulation.TryRead(Bytes(hex), out EncapsulationFrame frame, out int consumed));
        Assert.Equal(0, consumed);
        Assert.True(frame.Data.IsEmpty);
    }

    [Theory]
    [InlineData("6f00 e8ff", EnipError.EncapsulationLengthTooLarge, 2)] // 65512 exceeds 65535 - 24
    [InlineData("6500 0200 00000000 00000000 0000000000000000 00000000 0100", EnipError.CommandDataInvalid, 24)] // RegisterSession is 4 octets
    [InlineData("6600 0100 00000000 00000000 0000000000000000 00000000 00", EnipError.CommandDataInvalid, 24)] // UnRegisterSession carries nothing
    [InlineData("6f00 0400 00000000 00000000 0000000000000000 00000000 00000000", EnipError.CommandDataInvalid, 24)] // no timeout
    [InlineData("6f00 0700 00000000 00000000 0000000000000000 00000000 00000000 0000 00", EnipError.CpfTruncated, 30)] // count cut
    [InlineData("6f00 0c00 00000000 00000000 0000000000000000 00000000 00000000 0000 0100 0000 0000", EnipError.CpfItemsMissing, 30)] // one item only
    [InlineData("6f00 1100 00000000 00000000 0000000000000000 00000000 00000000 0000 0200 0000 0000 b200 0500 00", EnipError.CpfTruncated, 38)] // data item cut
    [InlineData("6f00 1100 00000000 00000000 0000000000000000 00000000 00000000 0000 0200 0000 0100 00 b200 0000", EnipError.CpfItemLengthInvalid, 34)] // null address with data
    [InlineData("6f00 1100 00000000 00000000 0000000000000000 00000000 00000000 0000 0200 0000 0000 b200 0000 ff", EnipError.CpfTrailingData, 40)]
    [InlineData("6300 0300 00000000 00000000 0000000000000000 00000000 0100 0c", EnipError.CpfTruncated, 26)] // ListIdentity reply cut inside an item
    public void TryRead_Invalid_ReturnsInvalidDataAndConsumesNothing(string hex, EnipError expected, int offset)
    {
        Assert.Equal(OperationStatus.InvalidData, Encapsulation.TryRead(Bytes(hex), out EncapsulationFrame frame, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.True(frame.Data.IsEmpty);
        Assert.Equal(default, frame.Header);
        Assert.Equal("enip", error.Protocol);
        Assert.Equal((int)expected, error.Code);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void TryRead_ErrorReplyWithoutData_IsValid()
    {
        // A SendRRData reply with status 0x64 (invalid session handle) may carry no data.
        Assert.Equal(OperationStatus.Done, Encapsulation.TryRead(Bytes("6f00 0000 01000000 64000000 0000000000000000 00000000"), out EncapsulationFrame frame, out _));
        Assert.Equal(EncapsulationStatus.InvalidSessionHandle, frame.Status);
    }

    [Fact]
    public void Writers_ProduceTheCapturedPackets()
    {
        byte[] buffer = new byte[128];
        var header = new EncapsulationHeader((ushort)EncapsulationCommand.RegisterSession, 0, 0, 0, 0);
        Assert.Equal(OperationStatus.Done, Encapsulation.TryWriteRegisterSession(header, 1, 0, buffer, out int written));
        Assert.Equal(Bytes("65000400000000000000000000000000000000000000000001000000"), buffer[..written]);

        Span<byte> cpf = stackalloc byte[64];
        var items = new CpfWriter(cpf);
        items.AddNullAddress();
        items.Add(CpfItemType.UnconnectedData, Bytes("52022006240107f9060001022001240101000100"));
        Assert.Equal(OperationStatus.Done, items.Complete(out int cpfLength));
        var rr = new EncapsulationHeader((ushort)EncapsulationCommand.SendRRData, 0x11020100, 0, 0x00E1082000029BB3, 0);
        Assert.Equal(OperationStatus.Done, Encapsulation.TryWriteTransport(rr, 0, 0x20, cpf[..cpfLength], buffer, out written));
        Assert.Equal(Bytes("6f00 2400 00010211 00000000 b39b02002008e100 00000000 00000000 2000 0200 0000 0000 b200 1400 52022006240107f9060001022001240101000100"), buffer[..written]);
        Assert.Equal(OperationStatus.DestinationTooSmall, Encapsulation.TryWriteTransport(rr, 0, 0x20, cpf[..cpfLength], buffer.AsSpan(0, 30), out written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Writers_RejectInvalidInput()
    {
        var header = new EncapsulationHeader((ushort)EncapsulationCommand.UnRegisterSession, 1, 0, 0, 0);
        Assert.Throws<ArgumentException>(() => Encapsulation.TryWrite(header, new byte[1], new byte[64], out _));
        var rr = new EncapsulationHeader((ushort)EncapsulationCommand.SendRRData, 1, 0, 0, 0);
        Assert.Throws<ArgumentException>(() => Encapsulation.TryWriteTransport(rr, 0, 0, Bytes("0100 0000 0000"), new byte[64], out _));
        Assert.Throws<ArgumentException>(() => Encapsulation.TryWriteTransport(header, 0, 0, Bytes("0000"), new byte[64], out _));
        Assert.Throws<ArgumentException>(() => new CpfWriter(new byte[16]).Add(CpfItemType.ConnectedAddress, new byte[3]));
    }
}
