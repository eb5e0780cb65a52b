using System.Buffers;
using OtSecurity.Protocols.Bacnet;
using static OtSecurity.Protocols.Tests.Bacnet.BacnetHex;

namespace OtSecurity.Protocols.Tests.Bacnet;

public class NpduTests
{
    [Fact]
    public void TryRead_LocalApdu_ReadsControlAndPayload()
    {
        // 6.2: version 1, control 0x04 (expecting reply), then the APDU (iti-bacnet-test frame 3).
        Assert.True(Npdu.TryRead(Bytes("0104 0005010c0c023fffff194b"), out NpduFrame frame, out _));
        Assert.True(frame.ExpectingReply);
        Assert.False(frame.HasDestination);
        Assert.False(frame.HasSource);
        Assert.False(frame.IsNetworkMessage);
        Assert.Equal(NetworkPriority.Normal, frame.Priority);
        Assert.Equal(2, frame.HeaderLength);
        Assert.Equal(Bytes("0005010c0c023fffff194b"), frame.Payload.ToArray());
    }

    [Fact]
    public void TryRead_GlobalBroadcast_ReadsDestinationAndHopCount()
    {
        // DNET 0xFFFF, DLEN 0, hop count 255 (bacnet-array-elements frame 2).
        Assert.True(Npdu.TryRead(Bytes("0120 ffff 00 ff 1008"), out NpduFrame frame, out _));
        Assert.True(frame.HasDestination);
        Assert.Equal(0xFFFF, frame.DestinationNetwork);
        Assert.True(frame.IsDestinationBroadcast);
        Assert.Equal(255, frame.HopCount);
        Assert.Equal(Bytes("1008"), frame.Payload.ToArray());
    }

    [Fact]
    public void TryRead_RoutedFromRemoteNetwork_ReadsSource()
    {
        // Control 0x0C: SNET 13, SLEN 1, SADR 0x3D, expecting reply (icsnpp-bacnet-error-reject-abort frame 7).
        Assert.True(Npdu.TryRead(Bytes("010c 000d 01 3d 02033606"), out NpduFrame frame, out _));
        Assert.True(frame.HasSource);
        Assert.Equal(13, frame.SourceNetwork);
        Assert.Equal(Bytes("3d"), frame.SourceAddress.ToArray());
        Assert.Equal(6, frame.HeaderLength);
    }

    [Fact]
    public void TryRead_DestinationAndSource_ReadsBothThenHopCount()
    {
        // DNET 5 DADR 0x0A, SNET 7 SADR 0x0B0C, hop 200: the hop count follows the source (6.2.2).
        Assert.True(Npdu.TryRead(Bytes("0128 0005 01 0a 0007 02 0b0c c8 10 08"), out NpduFrame frame, out _));
        Assert.Equal(5, frame.DestinationNetwork);
        Assert.Equal(Bytes("0a"), frame.DestinationAddress.ToArray());
        Assert.Equal(7, frame.SourceNetwork);
        Assert.Equal(Bytes("0b0c"), frame.SourceAddress.ToArray());
        Assert.Equal(200, frame.HopCount);
        Assert.Equal(Bytes("1008"), frame.Payload.ToArray());
    }

    [Theory]
    [InlineData("0180 00", NetworkMessageType.WhoIsRouterToNetwork, 0)] // 6.4.1 without DNET
    [InlineData("0180 00 0005", NetworkMessageType.WhoIsRouterToNetwork, 2)] // 6.4.1 with DNET 5
    [InlineData("0180 01 0005 0006", NetworkMessageType.IAmRouterToNetwork, 4)] // 6.4.2 two networks
    [InlineData("0180 03 01 0009", NetworkMessageType.RejectMessageToNetwork, 3)] // 6.4.4
    [InlineData("0180 06 01 0005 01 00", NetworkMessageType.InitializeRoutingTable, 5)] // 6.4.7 one port, no info
    [InlineData("0180 12", NetworkMessageType.WhatIsNetworkNumber, 0)] // 6.4.19
    [InlineData("0180 13 0005 01", NetworkMessageType.NetworkNumberIs, 3)] // 6.4.20
    public void TryRead_NetworkMessage_ReadsTypeAndData(string hex, NetworkMessageType type, int dataLength)
    {
        Assert.True(Npdu.TryRead(Bytes(hex), out NpduFrame frame, out _));
        Assert.True(frame.IsNetworkMessage);
        Assert.Equal(type, frame.MessageType);
        Assert.Equal(dataLength, frame.Payload.Length);
    }

    [Fact]
    public void TryRead_ProprietaryNetworkMessage_ReadsVendorId()
    {
        // 6.2.4: types 0x80..0xFF carry a 2-octet vendor id (260 = BACnet Stack at SourceForge).
        Assert.True(Npdu.TryRead(Bytes("0180 85 0104 aabb"), out NpduFrame frame, out _));
        Assert.True(frame.IsProprietaryMessage);
        Assert.Equal(260, frame.VendorId);
        Assert.Equal(Bytes("aabb"), frame.Payload.ToArray());
        Assert.Equal("BACnet Stack at SourceForge", BacnetVendors.GetName(frame.VendorId));
    }

    [Fact]
    public void NetworkMessages_ReadTheFixedLayouts()
    {
        Assert.True(NetworkMessages.TryReadRejectMessageToNetwork(Bytes("01 0009"), out RejectMessageToNetwork reject));
        Assert.Equal(new RejectMessageToNetwork(NetworkRejectReason.NotRouterToDnet, 9), reject);
        Assert.True(NetworkMessages.TryReadICouldBeRouterToNetwork(Bytes("0009 05"), out ICouldBeRouterToNetwork could));
        Assert.Equal(new ICouldBeRouterToNetwork(9, 5), could);
        Assert.True(NetworkMessages.TryReadNetworkNumberIs(Bytes("0005 01"), out NetworkNumberIs number));
        Assert.True(number.Configured);
        Assert.True(NetworkMessages.TryReadEstablishConnectionToNetwork(Bytes("0005 3c"), out EstablishConnectionToNetwork establish));
        Assert.Equal(60, establish.TerminationTime);
        Assert.Equal(2, NetworkMessages.GetNetworkCount(Bytes("0005 0006")));
        Assert.Equal(6, NetworkMessages.GetNetwork(Bytes("0005 0006"), 1));
        int ports = 0;
        foreach (RoutingTablePort port in NetworkMessages.EnumerateRoutingTable(Bytes("02 0005 01 00 0006 02 02 aabb")))
        {
            ports++;
            Assert.Equal(ports == 1 ? 5 : 6, port.Network);
            Assert.Equal(ports == 1 ? 0 : 2, port.PortInfo.Length);
        }

        Assert.Equal(2, ports);
    }

    [Theory]
    [InlineData("", BacnetError.NpduTruncated, 0)]
    [InlineData("01", BacnetError.NpduTruncated, 1)]
    [InlineData("02 00 1008", BacnetError.NpduVersionInvalid, 0)] // version must be 1
    [InlineData("0120 ffff", BacnetError.NpduTruncated, 2)] // ends inside DNET/DLEN
    [InlineData("0120 0005 06 0a", BacnetError.NpduTruncated, 4)] // DADR 6 octets, 1 present
    [InlineData("0120 ffff 00", BacnetError.NpduTruncated, 5)] // no hop count
    [InlineData("0108 0005 00 1008", BacnetError.NpduSourceInvalid, 4)] // SLEN 0 is invalid
    [InlineData("0108 ffff 01 0a 1008", BacnetError.NpduSourceInvalid, 2)] // SNET cannot be global
    [InlineData("0100", BacnetError.NpduApduMissing, 2)] // no APDU
    [InlineData("0180", BacnetError.NpduTruncated, 2)] // network message without a type
    [InlineData("0180 80 01", BacnetError.NpduTruncated, 3)] // proprietary type, 1 of 2 vendor id octets
    [InlineData("0180 01", BacnetError.NetworkMessageInvalid, 3)] // I-Am-Router needs a network
    [InlineData("0180 03 01", BacnetError.NetworkMessageInvalid, 3)] // Reject-Message is 3 octets
    [InlineData("0180 06 02 0005 01 00", BacnetError.NetworkMessageInvalid, 3)] // 2 ports announced, 1 present
    [InlineData("0180 12 00", BacnetError.NetworkMessageInvalid, 3)] // What-Is-Network-Number carries nothing
    public void TryRead_Invalid_ReturnsFalseWithReason(string hex, BacnetError expected, int offset)
    {
        Assert.False(Npdu.TryRead(Bytes(hex), out NpduFrame frame, out ProtocolError error));
        Assert.Equal(0, frame.Control);
        Assert.True(frame.Payload.IsEmpty);
        Assert.Equal((int)expected, error.Code);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void TryWrite_WithDestinationAndSource_MatchesHandEncoding()
    {
        byte[] apdu = Bytes("1008");
        NpduFrame frame = NpduFrame.ForApdu(apdu).WithDestination(5, Bytes("0a"), 200).WithSource(7, Bytes("0b0c"));
        byte[] buffer = new byte[Npdu.GetEncodedLength(frame)];
        Assert.Equal(OperationStatus.Done, Npdu.TryWrite(frame, buffer, out int written));
        Assert.Equal(buffer.Length, written);
        Assert.Equal(Bytes("0128 0005 01 0a 0007 02 0b0c c8 1008"), buffer);
    }

    [Fact]
    public void TryWrite_InvalidFrames_Throw()
    {
        Assert.Throws<ArgumentException>(() => Npdu.TryWrite(NpduFrame.ForApdu([]), new byte[8], out _));
        Assert.Throws<ArgumentException>(() => Npdu.TryWrite(NpduFrame.ForApdu(Bytes("1008")).WithSource(0xFFFF, Bytes("01")), new byte[16], out _));
        Assert.Throws<ArgumentException>(() => Npdu.TryWrite(NpduFrame.ForNetworkMessage(0x12, Bytes("00")), new byte[16], out _));
    }
}

public class ApduTests
{
    [Fact]
    public void TryRead_ConfirmedRequest_ReadsHeader()
    {
        // 20.1.2: 00 (type 0), 05 (unspecified segments, 1476 octets), invoke 1, readProperty (iti-bacnet-test frame 3).
        Assert.True(Apdu.TryRead(Bytes("00 05 01 0c 0c023fffff194b"), out ApduFrame frame, out _));
        Assert.Equal(BacnetPduType.ConfirmedRequest, frame.PduType);
        Assert.False(frame.IsSegmented);
        Assert.Equal(MaxSegmentsAccepted.Unspecified, frame.MaxSegments);
        Assert.Equal(MaxApduLengthAccepted.Up1476, frame.MaxApdu);
        Assert.Equal(1, frame.InvokeId);
        Assert.Equal(BacnetConfirmedService.ReadProperty, frame.ConfirmedService);
        Assert.Equal(Bytes("0c023fffff194b"), frame.ServiceData.ToArray());
    }

    [Fact]
    public void TryRead_ConfirmedRequestWithSegmentedResponseAccepted_ReadsFlag()
    {
        // 02: SA set; 03: 480 octets; invoke 0x36; atomicReadFile (icsnpp-bacnet-error-reject-abort frame 7).
        Assert.True(Apdu.TryRead(Bytes("02 03 36 06 c4028000000e31002201b80f"), out ApduFrame frame, out _));
        Assert.True(frame.SegmentedResponseAccepted);
        Assert.Equal(MaxApduLengthAccepted.Up480, frame.MaxApdu);
        Assert.Equal(0x36, frame.InvokeId);
        Assert.Equal(BacnetConfirmedService.AtomicReadFile, frame.ConfirmedService);
    }

    [Fact]
    public void TryRead_SegmentedConfirmedRequest_ReadsSequenceAndWindow()
    {
        // 0C: SEG and MOR; 75: 64 segments, 1476; invoke 9, sequence 2, window 4, writeProperty.
        Assert.True(Apdu.TryRead(Bytes("0c 65 09 02 04 0f 0c00400000"), out ApduFrame frame, out _));
        Assert.True(frame.IsSegmented);
        Assert.True(frame.MoreFollows);
        Assert.Equal(MaxSegmentsAccepted.SixtyFour, frame.MaxSegments);
        Assert.Equal(2, frame.SequenceNumber);
        Assert.Equal(4, frame.WindowSize);
        Assert.Equal(BacnetConfirmedService.WriteProperty, frame.ConfirmedService);
    }

    [Fact]
    public void TryRead_UnconfirmedRequest_ReadsService()
    {
        // 20.1.3: 10 08 = who-Is without limits (icsnpp-bacnet-error-reject-abort frame 37).
        Assert.True(Apdu.TryRead(Bytes("1008"), out ApduFrame frame, out _));
        Assert.Equal(BacnetPduType.UnconfirmedRequest, frame.PduType);
        Assert.Equal(BacnetUnconfirmedService.WhoIs, frame.UnconfirmedService);
        Assert.False(frame.HasInvokeId);
        Assert.True(frame.ServiceData.IsEmpty);
    }

    [Fact]
    public void TryRead_SimpleAck_ReadsInvokeIdAndService()
    {
        // 20.1.4: simple ACK of writeProperty, invoke 0x17.
        Assert.True(Apdu.TryRead(Bytes("20 17 0f"), out ApduFrame frame, out _));
        Assert.Equal(BacnetPduType.SimpleAck, frame.PduType);
        Assert.Equal(0x17, frame.InvokeId);
        Assert.Equal(BacnetConfirmedService.WriteProperty, frame.ConfirmedService);
    }

    [Fact]
    public void TryRead_SegmentedComplexAck_ReadsHeader()
    {
        // 20.1.5: 3C = complex ACK, SEG, MOR; invoke 0x5E, sequence 0, window 3, readProperty (icsnpp-bacnet-segmented frame 15).
        Assert.True(Apdu.TryRead(Bytes("3c 5e 00 03 0c 0c020000fe194c3e"), out ApduFrame frame, out _));
        Assert.Equal(BacnetPduType.ComplexAck, frame.PduType);
        Assert.True(frame.IsSegmented);
        Assert.True(frame.MoreFollows);
        Assert.Equal(0x5E, frame.InvokeId);
        Assert.Equal(0, frame.SequenceNumber);
        Assert.Equal(3, frame.WindowSize);
        Assert.Equal(BacnetConfirmedService.ReadProperty, frame.ConfirmedService);
    }

    [Fact]
    public void TryRead_SegmentAck_ReadsFields()
    {
        // 20.1.6: 40 = segment ACK from the client; invoke 0x5E, sequence 0, window 3 (icsnpp-bacnet-segmented frame 16).
        Assert.True(Apdu.TryRead(Bytes("40 5e 00 03"), out ApduFrame frame, out _));
        Assert.Equal(BacnetPduType.SegmentAck, frame.PduType);
        Assert.False(frame.NegativeAck);
        Assert.False(frame.SentByServer);
        Assert.Equal(3, frame.WindowSize);
    }

    [Fact]
    public void TryRead_Error_ReadsServiceAndErrorData()
    {
        // 20.1.7: error for reinitializeDevice, invoke 0x34: services / password-failure (icsnpp-bacnet-error-reject-abort frame 43).
        Assert.True(Apdu.TryRead(Bytes("50 34 14 9105 911a"), out ApduFrame frame, out _));
        Assert.Equal(BacnetPduType.Error, frame.PduType);
        Assert.Equal(BacnetConfirmedService.ReinitializeDevice, frame.ConfirmedService);
        Assert.True(BacnetErrorInfo.TryRead(frame.ConfirmedService, frame.ServiceData, out BacnetErrorInfo info, out _));
        Assert.Equal(new BacnetErrorInfo(BacnetErrorClass.Services, BacnetErrorCode.PasswordFailure), info);
    }

    [Fact]
    public void TryRead_RejectAndAbort_ReadReasons()
    {
        // 20.1.8: reject, invoke 0x3A, unrecognized-service (frame 44); 20.1.9: abort from the server, invoke 1, other (frame 45).
        Assert.True(Apdu.TryRead(Bytes("60 3a 09"), out ApduFrame reject, out _));
        Assert.Equal(BacnetRejectReason.UnrecognizedService, reject.RejectReason);
        Assert.False(reject.HasServiceChoice);
        Assert.True(Apdu.TryRead(Bytes("71 01 00"), out ApduFrame abort, out _));
        Assert.True(abort.SentByServer);
        Assert.Equal(BacnetAbortReason.Other, abort.AbortReason);
    }

    [Theory]
    [InlineData("", BacnetError.ApduTruncated, 0)]
    [InlineData("80 01 02", BacnetError.ApduTypeReserved, 0)] // types 8..15 are reserved
    [InlineData("00 05 01", BacnetError.ApduTruncated, 3)] // confirmed request without a service choice
    [InlineData("08 05 01 00", BacnetError.ApduTruncated, 4)] // segmented: sequence and window missing
    [InlineData("08 05 01 00 00 0c", BacnetError.ApduWindowSizeInvalid, 4)] // proposed window 0
    [InlineData("08 05 01 00 80 0c", BacnetError.ApduWindowSizeInvalid, 4)] // proposed window 128
    [InlineData("10", BacnetError.ApduTruncated, 1)]
    [InlineData("20 01", BacnetError.ApduTruncated, 2)]
    [InlineData("20 01 0f 00", BacnetError.ApduLengthInvalid, 3)] // simple ACK carries nothing
    [InlineData("38 01 00", BacnetError.ApduTruncated, 3)]
    [InlineData("40 01 00 00", BacnetError.ApduWindowSizeInvalid, 3)]
    [InlineData("40 01 00 01 00", BacnetError.ApduLengthInvalid, 4)]
    [InlineData("50 01", BacnetError.ApduTruncated, 2)]
    [InlineData("60 01 09 00", BacnetError.ApduLengthInvalid, 3)]
    [InlineData("70 01", BacnetError.ApduTruncated, 2)]
    public void TryRead_Invalid_ReturnsFalseWithReason(string hex, BacnetError expected, int offset)
    {
        Assert.False(Apdu.TryRead(Bytes(hex), out ApduFrame frame, out ProtocolError error));
        Assert.Equal(0, frame.FirstOctet);
        Assert.True(frame.ServiceData.IsEmpty);
        Assert.Equal((int)expected, error.Code);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void TryWrite_EveryPduType_MatchesHandEncoding()
    {
        AssertWrites("00 05 01 0c 0c023fffff194b", ApduFrame.ConfirmedRequest(1, BacnetConfirmedService.ReadProperty, Bytes("0c023fffff194b")));
        AssertWrites("0e 65 09 02 04 0f aa", ApduFrame.ConfirmedRequestSegment(9, BacnetConfirmedService.WriteProperty, Bytes("aa"), 2, 4, true, MaxSegmentsAccepted.SixtyFour, MaxApduLengthAccepted.Up1476, true));
        AssertWrites("10 08", ApduFrame.UnconfirmedRequest(BacnetUnconfirmedService.WhoIs, []));
        AssertWrites("20 17 0f", ApduFrame.SimpleAck(0x17, BacnetConfirmedService.WriteProperty));
        AssertWrites("30 01 0c bb", ApduFrame.ComplexAck(1, BacnetConfirmedService.ReadProperty, Bytes("bb")));
        AssertWrites("38 5e 01 03 0c cc", ApduFrame.ComplexAckSegment(0x5E, BacnetConfirmedService.ReadProperty, Bytes("cc"), 1, 3, false));
        AssertWrites("43 5e 00 03", ApduFrame.SegmentAck(0x5E, 0, 3, true, true));
        AssertWrites("50 34 14 9105 911a", ApduFrame.Error(0x34, BacnetConfirmedService.ReinitializeDevice, Bytes("9105 911a")));
        AssertWrites("60 3a 09", ApduFrame.Reject(0x3A, BacnetRejectReason.UnrecognizedService));
        AssertWrites("71 01 00", ApduFrame.Abort(1, BacnetAbortReason.Other, true));

        static void AssertWrites(string hex, ApduFrame frame)
        {
            byte[] buffer = new byte[Apdu.GetEncodedLength(frame)];
            Assert.Equal(OperationStatus.Done, Apdu.TryWrite(frame, buffer, out int written));
            Assert.Equal(buffer.Length, written);
            Assert.Equal(Bytes(hex), buffer);
        }
    }

    [Fact]
    public void TryWrite_InvalidWindow_Throws()
    {
        Assert.Throws<ArgumentException>(() => Apdu.TryWrite(ApduFrame.SegmentAck(1, 0, 0, false, false), new byte[8], out _));
    }
}
