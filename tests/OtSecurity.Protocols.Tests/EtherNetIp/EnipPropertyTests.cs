using System.Buffers;
using FsCheck.Xunit;
using OtSecurity.Protocols.EtherNetIp;
using OtSecurity.Protocols.Tests.Framing;

namespace OtSecurity.Protocols.Tests.EtherNetIp;

public partial class EnipPropertyTests
{
    [Property(MaxTest = 1000)]
    public bool RoundTrip_EveryCommand_ReadsWhatWasWritten(int kind, byte a, byte b, ushort c, uint session, byte[] data)
    {
        (byte[] bytes, EncapsulationHeader header, byte? service) = EnipMessages.Build(kind, a, b, c, session, data);
        if (Encapsulation.TryRead(bytes, out EncapsulationFrame frame, out int consumed) != OperationStatus.Done
            || consumed != bytes.Length || frame.Header != header || !frame.Data.SequenceEqual(bytes.AsSpan(Encapsulation.HeaderLength)))
        {
            return false;
        }

        if (service is not byte expected)
        {
            return true;
        }

        // The CIP message inside reads back with the same service code.
        if (!frame.TryGetCommonPacketFormat(out CommonPacketFormat cpf) || cpf.ItemCount < 2)
        {
            return false;
        }

        CpfItem item = cpf.GetItem(1);
        ReadOnlySpan<byte> message = item.Type == CpfItemType.ConnectedData ? item.Data[2..] : item.Data;
        return Cip.IsResponse(message)
            ? CipResponse.TryRead(message, out CipResponse response, out _) && response.Service == expected
            : CipRequest.TryRead(message, out CipRequest request, out _) && request.Service == expected;
    }

    [Property(MaxTest = 500)]
    public bool CanonicalReencode_ReadThenWrite_GivesTheSameOctets(int kind, byte a, byte b, ushort c, uint session, byte[] data)
    {
        (byte[] bytes, _, _) = EnipMessages.Build(kind, a, b, c, session, data);
        if (Encapsulation.TryRead(bytes, out EncapsulationFrame frame, out _) != OperationStatus.Done)
        {
            return false;
        }

        byte[] again = new byte[bytes.Length];
        return Encapsulation.TryWrite(frame.Header, frame.Data, again, out int written) == OperationStatus.Done
            && written == bytes.Length && again.AsSpan().SequenceEqual(bytes);
    }

    [Property]
    public bool StrictPrefix_OfAnyPacket_NeedsMoreData(int kind, byte a, byte b, ushort c, uint session, byte[] data)
    {
        (byte[] bytes, _, _) = EnipMessages.Build(kind, a, b, c, session, data);
        for (int length = 0; length < bytes.Length; length++)
        {
            if (Encapsulation.TryRead(bytes.AsSpan(0, length), out EncapsulationFrame frame, out int consumed) != OperationStatus.NeedMoreData
                || consumed != 0 || !frame.Data.IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    public bool Segmentation_OfAStream_YieldsTheSamePackets(int[] kinds, byte a, byte b, ushort c, uint session, byte[] data, int[] cuts)
    {
        var packets = (kinds ?? []).Take(8).Select((k, i) => EnipMessages.Build(k, (byte)(a + i), b, c, session, data).Bytes).ToList();
        List<byte[]> received = FrameStream.ReadSegmented(packets, (cuts ?? []).Take(64).ToArray(), static (ReadOnlySpan<byte> source, out int consumed) => Encapsulation.TryRead(source, out _, out consumed));
        return received.Count == packets.Count && received.Zip(packets).All(p => p.First.SequenceEqual(p.Second));
    }

    [Property(MaxTest = 1000)]
    public void ArbitraryBytes_NeverThrowAndNeverLoop(byte[] data)
    {
        data ??= [];
        ReadOnlySpan<byte> rest = data;
        int guard = 0;
        while (Encapsulation.TryRead(rest, out EncapsulationFrame frame, out int consumed, out ProtocolError error) == OperationStatus.Done)
        {
            Assert.InRange(consumed, Encapsulation.HeaderLength, rest.Length);
            Assert.False(error.IsError);
            TouchEverything(frame);
            rest = rest[consumed..];
            Assert.True(++guard <= data.Length);
        }
    }

    [Property(MaxTest = 1000)]
    public void ArbitraryCommandData_NeverThrows(byte command, uint status, byte[] data)
    {
        // Random data behind a valid header of each command, so the command-specific readers see it.
        data ??= [];
        ushort[] commands = [0x00, 0x04, 0x63, 0x64, 0x65, 0x66, 0x6F, 0x70, 0x72, 0x73, 0xC8, 0x01];
        byte[] bytes = new byte[Encapsulation.HeaderLength + data.Length];
        ushort chosen = commands[command % commands.Length];
        bytes[0] = (byte)chosen;
        bytes[2] = (byte)data.Length;
        bytes[3] = (byte)(data.Length >> 8);
        bytes[8] = (byte)(status & 1);
        data.CopyTo(bytes, Encapsulation.HeaderLength);
        OperationStatus result = Encapsulation.TryRead(bytes, out EncapsulationFrame frame, out int consumed, out ProtocolError error);
        Assert.Equal(result == OperationStatus.Done ? bytes.Length : 0, consumed);
        Assert.Equal(result == OperationStatus.InvalidData, error.IsError);
        if (result == OperationStatus.Done)
        {
            TouchEverything(frame);
        }
    }

    [Property(MaxTest = 1000)]
    public void ArbitraryCipData_NeverThrows(byte[] data, bool large)
    {
        data ??= [];
        if (CipRequest.TryRead(data, out CipRequest request, out _))
        {
            Assert.True(request.TryGetTarget(out _));
        }

        if (CipResponse.TryRead(data, out CipResponse response, out _))
        {
            _ = response.ExtendedStatus;
        }

        var path = new CipPathReader(data);
        while (!path.End && path.TryRead(out _))
        {
        }

        _ = UnconnectedSendRequest.TryRead(data, out _, out _);
        _ = ForwardOpenRequest.TryRead(data, large, out _, out _);
        _ = ForwardOpenResponse.TryRead(data, out _, out _);
        _ = ForwardCloseRequest.TryRead(data, out _, out _);
        _ = ForwardCloseResponse.TryRead(data, out _, out _);
        _ = ConnectionFailureResponse.TryRead(data, out _, out _);
        if (MultipleServicePacket.TryRead(data, large, out MultipleServicePacket packet, out _))
        {
            for (int i = 0; i < packet.Count; i++)
            {
                _ = packet.GetService(i).Length;
            }
        }

        _ = IdentityAttributes.TryRead(data, out _, out _);
        _ = ListIdentityItem.TryRead(data, out _, out _);
        _ = ListServicesItem.TryRead(data, out _, out _);
        _ = CipIoPacket.TryRead(data, out _, out _);
    }

    [Property]
    public bool CipRequest_RoundTrip(byte service, byte a, byte b, ushort c, byte[] data)
    {
        data ??= [];
        byte[] bytes = EnipMessages.Request((byte)(service & 0x7F), a, b, c, data);
        if (!CipRequest.TryRead(bytes, out CipRequest request, out _) || !request.TryGetTarget(out CipPathTarget target))
        {
            return false;
        }

        byte[] again = new byte[request.GetEncodedLength()];
        return request.Service == (service & 0x7F) && target.ClassId == a && target.InstanceId == c
            && (target.AttributeId == ((b & 1) != 0 ? b : null)) && request.Data.SequenceEqual(data)
            && request.TryWrite(again, out _) == OperationStatus.Done && again.AsSpan().SequenceEqual(bytes);
    }

    [Property]
    public bool CipResponse_RoundTrip(byte service, byte status, byte[] data)
    {
        data ??= [];
        byte[] bytes = EnipMessages.Response((byte)(service & 0x7F), status, data);
        return CipResponse.TryRead(bytes, out CipResponse response, out _)
            && response.Service == (service & 0x7F) && response.GeneralStatus == status && response.Data.SequenceEqual(data)
            && (status == 0 ? response.ExtendedStatus is null : response.ExtendedStatus == (ushort)(status | 0x100));
    }

    [Property]
    public bool ForwardOpenAndClose_RoundTrip(bool large, uint id, ushort serial, ushort vendor, uint originator, uint rpi, ushort parameters, byte instance)
    {
        byte[] path = [0x20, 0x04, 0x24, instance];
        var open = new ForwardOpenRequest(large, 0x0A, 0x0E, id, ~id, serial, vendor, originator, 3, rpi, parameters, rpi, parameters, 0xA3, path);
        byte[] bytes = new byte[open.GetEncodedLength()];
        Assert.Equal(OperationStatus.Done, open.TryWrite(bytes, out _));
        bool ok = ForwardOpenRequest.TryRead(bytes, large, out ForwardOpenRequest back, out _)
            && back.OriginatorToTargetConnectionId == id && back.TargetToOriginatorConnectionId == ~id && back.ConnectionSerialNumber == serial
            && back.OriginatorVendorId == vendor && back.OriginatorSerialNumber == originator && back.OriginatorToTargetRpi == rpi
            && back.TargetToOriginatorParameters == parameters && back.ConnectionPath.SequenceEqual(path);

        var reply = new ForwardOpenResponse(id, ~id, serial, vendor, originator, rpi, rpi, path);
        bytes = new byte[reply.GetEncodedLength()];
        Assert.Equal(OperationStatus.Done, reply.TryWrite(bytes, out _));
        ok &= ForwardOpenResponse.TryRead(bytes, out ForwardOpenResponse replyBack, out _) && replyBack.ApplicationReply.SequenceEqual(path);

        var close = new ForwardCloseRequest(0x0A, 0x0E, serial, vendor, originator, path);
        bytes = new byte[close.GetEncodedLength()];
        Assert.Equal(OperationStatus.Done, close.TryWrite(bytes, out _));
        ok &= ForwardCloseRequest.TryRead(bytes, out ForwardCloseRequest closeBack, out _) && closeBack.OriginatorSerialNumber == originator;

        var closeReply = new ForwardCloseResponse(serial, vendor, originator, []);
        bytes = new byte[closeReply.GetEncodedLength()];
        Assert.Equal(OperationStatus.Done, closeReply.TryWrite(bytes, out _));
        ok &= ForwardCloseResponse.TryRead(bytes, out ForwardCloseResponse closeReplyBack, out _) && closeReplyBack.ConnectionSerialNumber == serial;

        var failure = new ConnectionFailureResponse(serial, vendor, originator, large ? instance : null);
        bytes = new byte[failure.GetEncodedLength()];
        Assert.Equal(OperationStatus.Done, failure.TryWrite(bytes, out _));
        ok &= ConnectionFailureResponse.TryRead(bytes, out ConnectionFailureResponse failureBack, out _) && failureBack == failure;
        return ok;
    }

    [Property]
    public bool IdentityAttributesAndIo_RoundTrip(ushort vendor, ushort type, byte major, byte minor, uint serial, byte[] name, uint connection, uint sequence)
    {
        name = (name ?? []).Take(255).ToArray();
        var identity = new CipIdentity(vendor, (CipDeviceType)type, 7, major, minor, 0x30, serial);
        var attributes = new IdentityAttributes(identity, name, [3]);
        byte[] bytes = new byte[attributes.GetEncodedLength()];
        Assert.Equal(OperationStatus.Done, attributes.TryWrite(bytes, out _));
        bool ok = IdentityAttributes.TryRead(bytes, out IdentityAttributes back, out _) && back.Identity == identity && back.ProductName.SequenceEqual(name) && back.State == 3;

        byte[] io = new byte[2 + 12 + 4 + name.Length];
        Assert.Equal(OperationStatus.Done, CipIoPacket.TryWrite(connection, sequence, name, io, out int written));
        ok &= CipIoPacket.TryRead(io.AsSpan(0, written), out CipIoPacket packet, out _)
            && packet.ConnectionId == connection && packet.SequenceNumber == sequence && packet.Data.SequenceEqual(name);
        return ok;
    }

    private static void TouchEverything(in EncapsulationFrame frame)
    {
        _ = frame.ProtocolVersion;
        _ = frame.OptionFlags;
        _ = frame.InterfaceHandle;
        _ = frame.Timeout;
        _ = CipNames.GetCommandName(frame.Header.Command);
        if (!frame.TryGetCommonPacketFormat(out CommonPacketFormat cpf))
        {
            return;
        }

        foreach (CpfItem item in cpf)
        {
            _ = item.ConnectionId;
            _ = item.SequenceNumber;
            _ = item.SocketAddress;
            switch (item.Type)
            {
                case CpfItemType.ListIdentity:
                    _ = ListIdentityItem.TryRead(item.Data, out _, out _);
                    break;
                case CpfItemType.ListServices:
                    _ = ListServicesItem.TryRead(item.Data, out _, out _);
                    break;
                case CpfItemType.UnconnectedData:
                case CpfItemType.ConnectedData:
                    ReadOnlySpan<byte> message = item.Type == CpfItemType.ConnectedData && item.Data.Length >= 2 ? item.Data[2..] : item.Data;
                    _ = CipRequest.TryRead(message, out _, out _);
                    _ = CipResponse.TryRead(message, out _, out _);
                    break;
            }
        }
    }
}
