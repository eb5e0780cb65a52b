using System.Buffers;
using OtSecurity.Protocols.EtherNetIp;

namespace OtSecurity.Protocols.Tests.EtherNetIp;

public class CipTests
{
    private static byte[] Bytes(string hex) => EnipHex.Bytes(hex);

    [Fact]
    public void Request_GetAttributeSingle_ReadsServicePathAndTarget()
    {
        // Vol. 1 2-4.1: 0E, path 3 words: class 0xF5 (TCP/IP interface), instance 1, attribute 5.
        Assert.True(CipRequest.TryRead(Bytes("0e 03 20f5 2401 3005"), out CipRequest request, out _));
        Assert.Equal((byte)CipService.GetAttributeSingle, request.Service);
        Assert.True(request.TryGetTarget(out CipPathTarget target));
        Assert.Equal(0xF5u, target.ClassId);
        Assert.Equal(1u, target.InstanceId);
        Assert.Equal(5u, target.AttributeId);
        Assert.False(target.IsSymbolic);
    }

    [Fact]
    public void Request_ReadTagBySymbol_ReadsAnsiExtendedSymbol()
    {
        // 0x4C with ANSI extended symbol "_IO_EM_DO_00" (12 characters, no pad), element count 1 (logix-read-tag-polling).
        Assert.True(CipRequest.TryRead(Bytes("4c 07 910c 5f494f5f454d5f444f5f3030 0100"), out CipRequest request, out _));
        Assert.True(request.TryGetTarget(out CipPathTarget target));
        Assert.True(target.IsSymbolic);
        Assert.Equal("_IO_EM_DO_00", System.Text.Encoding.ASCII.GetString(target.Symbol));
        Assert.Equal("ReadTag", CipNames.GetServiceName(request.Service, target.ClassId, target.IsSymbolic));
        Assert.Equal(OperationClass.Read, CipNames.ClassifyService(request.Service, target.ClassId, target.IsSymbolic));
        Assert.Equal(Bytes("0100"), request.Data.ToArray());
    }

    [Fact]
    public void Path_EverySegmentKind_Reads()
    {
        // Logical 8/16/32-bit with pads, member, connection point, port with extended link address, symbolic, simple data, electronic key, network segment.
        byte[] path = Bytes("2001 2500 3412 2600 78563412 2803 2c02 3004 120c 3139322e3136382e312e3130 63 414243 8002 aabbccdd 3404 0100 0c00 3a00 04 07 4301");
        var reader = new CipPathReader(path);
        var kinds = new List<string>();
        while (!reader.End)
        {
            Assert.True(reader.TryRead(out CipPathSegment segment), reader.Error.Reason);
            kinds.Add(segment.Type switch
            {
                CipSegmentType.Logical => $"{segment.LogicalType}:{segment.Value:X}",
                CipSegmentType.Port => $"Port{segment.Port}:{System.Text.Encoding.ASCII.GetString(segment.Data)}",
                CipSegmentType.Symbolic => $"Symbol:{System.Text.Encoding.ASCII.GetString(segment.Data)}",
                _ => $"{segment.Type}:{segment.Data.Length}",
            });
        }

        Assert.Equal(
            ["ClassId:1", "InstanceId:1234", "InstanceId:12345678", "MemberId:3", "ConnectionPoint:2", "AttributeId:4", "Port2:192.168.1.10", "Symbol:ABC", "Data:4", "Special:0", "Network:1"],
            kinds);
    }

    [Theory]
    [InlineData("23 01", "logical segment type or format is reserved")] // 8-bit class with format 3
    [InlineData("3c 01", "logical segment type or format is reserved")] // reserved logical type 7
    [InlineData("25 00 12", "logical segment ends inside its value")] // 16-bit instance cut
    [InlineData("34 05 0000000000000000", "special logical segment is not a format-4 electronic key")]
    [InlineData("12 0f 3139", "port segment ends inside its link address")]
    [InlineData("63 4142", "symbolic segment ends inside its symbol")]
    [InlineData("91 03 4142", "ANSI extended symbol ends inside its symbol")]
    [InlineData("91 03 414243", "segment pad octet is missing")]
    [InlineData("a0 02", "segment type is not valid in a padded request or connection path")]
    [InlineData("85 00", "data segment subtype is reserved")]
    public void Path_InvalidSegment_Fails(string hex, string reason)
    {
        Assert.False(CipPath.TryValidate(Bytes(hex), out ProtocolError error));
        Assert.Equal((int)EnipError.CipPathSegmentInvalid, error.Code);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void PathBuilder_ChoosesSmallestFormats()
    {
        byte[] buffer = new byte[64];
        var builder = new CipPathBuilder(buffer);
        builder.AddClass(0x6B);
        builder.AddInstance(0x1234);
        builder.AddAttribute(0x12345678);
        builder.AddPort(1, [0]);
        builder.AddPort(18, "10.0.0.1"u8);
        builder.AddAnsiSymbol("Tag"u8);
        Assert.Equal(OperationStatus.Done, builder.Complete(out int written));
        Assert.Equal(Bytes("206b 25003412 32007856 3412 0100 1f08 1200 31302e302e302e31 9103 54616700"), buffer[..written]);
        Assert.True(CipPath.TryValidate(buffer.AsSpan(0, written), out _));
    }

    [Theory]
    [InlineData("", EnipError.CipTruncated, 0)]
    [InlineData("0e", EnipError.CipTruncated, 1)]
    [InlineData("8e 00", EnipError.CipDirectionInvalid, 0)] // response bit in a request
    [InlineData("0e 03 20f5 2401", EnipError.CipPathTruncated, 1)] // 3 words announced, 2 present
    [InlineData("0e 01 2301", EnipError.CipPathSegmentInvalid, 2)] // reserved logical format in the path
    public void Request_Invalid_Fails(string hex, EnipError expected, int offset)
    {
        Assert.False(CipRequest.TryRead(Bytes(hex), out CipRequest request, out ProtocolError error));
        Assert.True(request.Path.IsEmpty);
        Assert.Equal((int)expected, error.Code);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void Response_UnconnectedSendFailure_ReadsExtendedStatus()
    {
        // Vol. 1 2-4.2: D2 = reply to 0x52, general status 0x01 (connection failure), extended status 0x0204, remaining path size 1.
        Assert.True(CipResponse.TryRead(Bytes("d2 00 01 01 0402 0100"), out CipResponse response, out _));
        Assert.Equal(0x52, response.Service);
        Assert.Equal((byte)CipGeneralStatus.ConnectionFailure, response.GeneralStatus);
        Assert.True(response.IsError);
        Assert.Equal((ushort)0x0204, response.ExtendedStatus);
        Assert.Equal(ConnectionManagerExtendedStatus.UnconnectedRequestTimedOut, (ConnectionManagerExtendedStatus)response.ExtendedStatus!.Value);
        Assert.Equal(Bytes("0100"), response.Data.ToArray());
    }

    [Theory]
    [InlineData("d2 00 01", EnipError.CipTruncated, 3)]
    [InlineData("52 00 00 00", EnipError.CipDirectionInvalid, 0)]
    [InlineData("d2 00 01 02 0402", EnipError.CipStatusTruncated, 3)]
    public void Response_Invalid_Fails(string hex, EnipError expected, int offset)
    {
        Assert.False(CipResponse.TryRead(Bytes(hex), out CipResponse response, out ProtocolError error));
        Assert.Equal(0, response.GeneralStatus);
        Assert.Equal((int)expected, error.Code);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void ForwardOpen_RequestAndReply_ReadAllFields()
    {
        // Vol. 1 3-5.5.2: Forward_Open with an electronic key, class 4 instance 6 and connection points 2 and 1 (connection-manager frame 10).
        const string Request = "05 9b 00000000 00000000 0e00 0100 22f51300 02 000000 10270000 1a48 10270000 1a28 01 09 34040000000000000000 2004 2406 2c02 2c01";
        Assert.True(ForwardOpenRequest.TryRead(Bytes(Request), false, out ForwardOpenRequest open, out _));
        Assert.Equal(0x000E, open.ConnectionSerialNumber);
        Assert.Equal(1, open.OriginatorVendorId);
        Assert.Equal(0x0013F522u, open.OriginatorSerialNumber);
        Assert.Equal(10000u, open.OriginatorToTargetRpi);
        Assert.Equal(26, open.OriginatorToTargetSize);
        Assert.Equal(CipConnectionType.PointToPoint, open.OriginatorToTargetType);
        Assert.Equal(CipConnectionType.Multicast, open.TargetToOriginatorType);
        Assert.Equal(1, open.TransportClass);
        Assert.True(CipPath.TryGetTarget(open.ConnectionPath, out CipPathTarget target));
        Assert.Equal(4u, target.ClassId);
        Assert.Equal(2u, target.ConnectionPoint);
        byte[] rewritten = new byte[open.GetEncodedLength()];
        Assert.Equal(OperationStatus.Done, open.TryWrite(rewritten, out int written));
        Assert.Equal(Bytes(Request), rewritten[..written]);

        // Table 3-5.19: the reply (connection-manager frame 11).
        const string Reply = "0200a2f1 0300a2f1 0e00 0100 22f51300 10270000 10270000 00 00";
        Assert.True(ForwardOpenResponse.TryRead(Bytes(Reply), out ForwardOpenResponse reply, out _));
        Assert.Equal(0xF1A20002u, reply.OriginatorToTargetConnectionId);
        Assert.Equal(10000u, reply.TargetToOriginatorApi);
        Assert.True(reply.ApplicationReply.IsEmpty);
    }

    [Fact]
    public void LargeForwardOpen_Reads32BitParameters()
    {
        const string Request = "05 9b 00000000 00000000 0e00 0100 22f51300 02 000000 10270000 f401 0042 10270000 f401 0042 01 02 2004 2406";
        Assert.True(ForwardOpenRequest.TryRead(Bytes(Request), true, out ForwardOpenRequest open, out _));
        Assert.True(open.IsLarge);
        Assert.Equal(500, open.OriginatorToTargetSize);
        Assert.Equal(CipConnectionType.PointToPoint, open.OriginatorToTargetType);
        Assert.False(ForwardOpenRequest.TryRead(Bytes(Request), false, out _, out ProtocolError error));
        Assert.Equal((int)EnipError.CipServiceDataInvalid, error.Code);
    }

    [Fact]
    public void ForwardClose_RequestAndReply_ReadAllFields()
    {
        // Vol. 1 3-5.5.3: Forward_Close routed through backplane slot 0 to the message router (digitalbond reboot frames 31 and 32).
        Assert.True(ForwardCloseRequest.TryRead(Bytes("07 f9 1400 4d00 f32b9532 03 00 0100 2002 2401"), out ForwardCloseRequest close, out _));
        Assert.Equal(0x0014, close.ConnectionSerialNumber);
        Assert.Equal(0x004D, close.OriginatorVendorId);
        Assert.Equal(0x32952BF3u, close.OriginatorSerialNumber);
        Assert.Equal(6, close.ConnectionPath.Length);
        Assert.True(ForwardCloseResponse.TryRead(Bytes("1400 4d00 f32b9532 00 00"), out ForwardCloseResponse reply, out _));
        Assert.Equal(0x32952BF3u, reply.OriginatorSerialNumber);
        Assert.True(ConnectionFailureResponse.TryRead(Bytes("1400 4d00 f32b9532 01 00"), out ConnectionFailureResponse failure, out _));
        Assert.Equal((byte)1, failure.RemainingPathSize);
    }

    [Fact]
    public void MultipleServicePacket_RequestAndReply_EnumerateServices()
    {
        // Vol. 1: six 0x4E requests to class 0xB2 and their replies (controllogix-factorytalk-hmi frames 104 and 105).
        string embedded = "4e0320b2250021000200010101010003206b2500";
        string requestData = "0600 0e00 2400 3a00 5000 6600 7c00 " + embedded + "a771 " + embedded + "8c9d " + embedded + "6f7b " + embedded + "d156 " + embedded + "73f8 " + embedded + "24bf";
        Assert.True(MultipleServicePacket.TryRead(Bytes(requestData), false, out MultipleServicePacket request, out _));
        Assert.Equal(6, request.Count);
        Assert.True(CipRequest.TryRead(request.GetService(5), out CipRequest last, out _));
        Assert.Equal(0x4E, last.Service);

        Assert.True(MultipleServicePacket.TryRead(Bytes("0600 0e00 1400 1a00 2000 2600 2c00 ce0000008200 ce0000008300 ce0000008400 ce0000008500 ce0000008600 ce0000008700"), true, out MultipleServicePacket reply, out _));
        Assert.True(CipResponse.TryRead(reply.GetService(2), out CipResponse third, out _));
        Assert.Equal(0x4E, third.Service);
        Assert.Equal(Bytes("8400"), third.Data.ToArray());
    }

    [Theory]
    [InlineData("01", false)] // no count
    [InlineData("0200 0600", false)] // offset table cut
    [InlineData("0100 0600 0e00", false)] // first offset does not follow the table
    [InlineData("0200 0600 0600 0e00", false)] // offsets do not increase
    [InlineData("0100 0400 0e", false)] // embedded request too short
    [InlineData("0100 0400 0e000000", true)] // embedded reply lacks the response bit
    public void MultipleServicePacket_Invalid_Fails(string hex, bool isResponse)
    {
        Assert.False(MultipleServicePacket.TryRead(Bytes(hex), isResponse, out MultipleServicePacket packet, out ProtocolError error));
        Assert.Equal(0, packet.Count);
        Assert.True(error.IsError);
    }

    [Fact]
    public void MultipleServicePacket_Written_MatchesCapture()
    {
        byte[] messages = Bytes("ce0000008200 ce0000008300");
        byte[] buffer = new byte[32];
        Assert.Equal(OperationStatus.Done, MultipleServicePacket.TryWrite(messages, [6, 6], buffer, out int written));
        Assert.Equal(Bytes("0200 0600 0c00 ce0000008200 ce0000008300"), buffer[..written]);
    }

    [Fact]
    public void IdentityAttributes_ReadFromGetAttributesAllReply()
    {
        // Vol. 1 5-2: Get_Attributes_All reply of Identity instance 1 (digitalbond ip-address-change frame 3613).
        const string Hex = "0100 0c00 3a00 04 07 3000 c3ae5100 0b 313735362d454e42542f41";
        Assert.True(IdentityAttributes.TryRead(Bytes(Hex), out IdentityAttributes attributes, out _));
        Assert.Equal(1, attributes.Identity.VendorId);
        Assert.Equal(CipDeviceType.CommunicationsAdapter, attributes.Identity.DeviceType);
        Assert.Equal("1756-ENBT/A", System.Text.Encoding.ASCII.GetString(attributes.ProductName));
        Assert.Null(attributes.State);
        byte[] buffer = new byte[attributes.GetEncodedLength()];
        Assert.Equal(OperationStatus.Done, attributes.TryWrite(buffer, out _));
        Assert.Equal(Bytes(Hex), buffer);
        Assert.False(IdentityAttributes.TryRead(Bytes("0100 0c00 3a00 04 07 3000 c3ae5100 0b 3137"), out _, out ProtocolError error));
        Assert.Equal((int)EnipError.CipServiceDataInvalid, error.Code);
    }

    [Fact]
    public void UnconnectedSend_InvalidLayouts_Fail()
    {
        // Embedded size runs past the data; route path size does not end at the end; embedded request invalid.
        Assert.False(UnconnectedSendRequest.TryRead(Bytes("07f9 2000 0102"), out _, out ProtocolError error));
        Assert.Equal(2, error.Offset);
        Assert.False(UnconnectedSendRequest.TryRead(Bytes("07f9 0600 010220012401 02 00 0100"), out _, out error));
        Assert.Equal(10, error.Offset);
        Assert.False(UnconnectedSendRequest.TryRead(Bytes("07f9 0200 8100 01 00 0100"), out _, out error));
        Assert.Equal((int)EnipError.CipDirectionInvalid, error.Code);
    }

    [Fact]
    public void IoPacket_ReadsSequencedAddressAndData()
    {
        // Vol. 2 3-3: connection 0x003A7B78, sequence 0x045ECBE8, 12 octets of class 1 data (ndpi-cip-io frame 1).
        Assert.True(CipIoPacket.TryRead(Bytes("0200 0280 0800 787b3a00 e8cb5e04 b100 0c00 0300fdffffffffffffff0000"), out CipIoPacket packet, out _));
        Assert.Equal(0x003A7B78u, packet.ConnectionId);
        Assert.Equal(0x045ECBE8u, packet.SequenceNumber);
        Assert.Equal(12, packet.Data.Length);
        byte[] buffer = new byte[40];
        Assert.Equal(OperationStatus.Done, CipIoPacket.TryWrite(0x003A7B78, 0x045ECBE8, packet.Data, buffer, out int written));
        Assert.Equal(Bytes("0200 0280 0800 787b3a00 e8cb5e04 b100 0c00 0300fdffffffffffffff0000"), buffer[..written]);
    }

    [Theory]
    [InlineData("0100 0280 0800 787b3a00 e8cb5e04")] // one item only
    [InlineData("0200 b100 0000 0280 0800 787b3a00 e8cb5e04")] // data before address
    [InlineData("4745 5420 2f20 4854 5450 2f31 2e31")] // HTTP text
    public void IoPacket_NotIo_Fails(string hex)
    {
        Assert.False(CipIoPacket.TryRead(Bytes(hex), out CipIoPacket packet, out ProtocolError error));
        Assert.True(packet.Data.IsEmpty);
        Assert.True(error.IsError);
    }

    [Theory]
    [InlineData(0x01, 1u, false, "GetAttributesAll", OperationClass.Identification)]
    [InlineData(0x0E, 0xF5u, false, "GetAttributeSingle", OperationClass.Read)]
    [InlineData(0x10, 0xF5u, false, "SetAttributeSingle", OperationClass.Write)]
    [InlineData(0x05, 1u, false, "Reset", OperationClass.DeviceState)]
    [InlineData(0x07, 0x8Eu, false, "Stop", OperationClass.DeviceState)]
    [InlineData(0x54, 6u, false, "ForwardOpen", OperationClass.Session)]
    [InlineData(0x5B, 6u, false, "LargeForwardOpen", OperationClass.Session)]
    [InlineData(0x4E, 6u, false, "ForwardClose", OperationClass.Session)]
    [InlineData(0x52, 6u, false, "UnconnectedSend", OperationClass.Unknown)]
    [InlineData(0x52, 0x6Bu, false, "ReadTagFragmented", OperationClass.Read)]
    [InlineData(0x4D, 0x6Bu, false, "WriteTag", OperationClass.Write)]
    [InlineData(0x53, 0x6Bu, false, "WriteTagFragmented", OperationClass.Write)]
    [InlineData(0x4E, 0x6Bu, false, "ReadModifyWriteTag", OperationClass.Write)]
    [InlineData(0x4B, 0x67u, false, "ExecutePccc", OperationClass.Unknown)]
    [InlineData(0x4F, 0x37u, false, "UploadTransfer", OperationClass.FileTransfer)]
    [InlineData(0x50, 0x6Au, false, "Service0x50", OperationClass.Unknown)]
    public void Names_AndClasses_FollowTheObjectClass(byte service, uint classId, bool symbolic, string name, OperationClass operation)
    {
        Assert.Equal(name, CipNames.GetServiceName(service, classId, symbolic));
        Assert.Equal(operation, CipNames.ClassifyService(service, classId, symbolic));
    }
}
