using System.Buffers;
using System.Buffers.Binary;
using FsCheck.Xunit;
using OtSecurity.Protocols.EtherNetIp;

namespace OtSecurity.Protocols.Tests.EtherNetIp;

/// <summary>
/// A write→read round trip for every message kind the EtherNet/IP and CIP codecs read, comparing every field that was
/// written with what is read back: encapsulation commands with fields, common packet format items, the ListIdentity
/// and ListServices items, EPATH segments, Unconnected_Send, Forward_Open/Large_Forward_Open/Forward_Close and their
/// replies, and Multiple_Service_Packet.
/// </summary>
public partial class EnipPropertyTests
{
    [Property]
    public bool RegisterSession_RoundTrip(uint session, ushort version, ushort options, ulong context)
    {
        var header = new EncapsulationHeader((ushort)EncapsulationCommand.Nop, session, 0, context, 0);
        byte[] bytes = Written((Span<byte> d, out int w) => Encapsulation.TryWriteRegisterSession(header, version, options, d, out w));
        return Encapsulation.TryRead(bytes, out EncapsulationFrame frame, out int consumed) == OperationStatus.Done && consumed == bytes.Length
            && frame.Command == EncapsulationCommand.RegisterSession && frame.SessionHandle == session && frame.SenderContext == context
            && frame.ProtocolVersion == version && frame.OptionFlags == options;
    }

    [Property]
    public bool SendRRDataAndSendUnitData_RoundTrip(bool connected, uint session, uint interfaceHandle, ushort timeout, uint connection, byte[] data)
    {
        // SendRRData: null address + unconnected data; SendUnitData: connected address + connected data.
        data = [.. (data ?? []).Take(300)];
        byte[] cpf = connected
            ? Cpf((ref CpfWriter w) => { w.AddConnectedAddress(connection); w.Add(CpfItemType.ConnectedData, data); })
            : Cpf((ref CpfWriter w) => { w.AddNullAddress(); w.Add(CpfItemType.UnconnectedData, data); });
        var command = connected ? EncapsulationCommand.SendUnitData : EncapsulationCommand.SendRRData;
        var header = new EncapsulationHeader((ushort)command, session, 0, 0, 0);
        byte[] bytes = Written((Span<byte> d, out int w) => Encapsulation.TryWriteTransport(header, interfaceHandle, timeout, cpf, d, out w));
        if (Encapsulation.TryRead(bytes, out EncapsulationFrame frame, out _) != OperationStatus.Done || !frame.HasCipTransport
            || frame.Command != command || frame.SessionHandle != session || frame.InterfaceHandle != interfaceHandle || frame.Timeout != timeout
            || !frame.TryGetCommonPacketFormat(out CommonPacketFormat read) || read.ItemCount != 2)
        {
            return false;
        }

        CpfItem address = read.GetItem(0);
        CpfItem item = read.GetItem(1);
        return connected
            ? address.Type == CpfItemType.ConnectedAddress && address.ConnectionId == connection && item.Type == CpfItemType.ConnectedData && item.Data.SequenceEqual(data)
            : address.Type == CpfItemType.NullAddress && address.Data.IsEmpty && item.Type == CpfItemType.UnconnectedData && item.Data.SequenceEqual(data);
    }

    [Property]
    public bool CommonPacketFormat_EveryItemType_RoundTrip(byte[] kinds, uint connection, uint sequence, ushort port, uint address, byte[] data)
    {
        data = [.. (data ?? []).Take(64)];
        kinds = [.. (kinds ?? []).Take(8)];
        var socket = new CipSocketAddress(2, port, address, 0);
        CpfItemType[] types =
        [
            CpfItemType.NullAddress, CpfItemType.ConnectedAddress, CpfItemType.SequencedAddress, CpfItemType.SocketAddressOriginatorToTarget,
            CpfItemType.SocketAddressTargetToOriginator, CpfItemType.UnconnectedData, CpfItemType.ConnectedData, CpfItemType.ListIdentity,
            CpfItemType.ListServices, CpfItemType.UnconnectedMessageOverUdp,
        ];
        CpfItemType[] chosen = [.. kinds.Select(k => types[k % types.Length])];
        byte[] bytes = Cpf((ref CpfWriter w) =>
        {
            foreach (CpfItemType type in chosen)
            {
                switch (type)
                {
                    case CpfItemType.NullAddress: w.AddNullAddress(); break;
                    case CpfItemType.ConnectedAddress: w.AddConnectedAddress(connection); break;
                    case CpfItemType.SequencedAddress: w.AddSequencedAddress(connection, sequence); break;
                    case CpfItemType.SocketAddressOriginatorToTarget or CpfItemType.SocketAddressTargetToOriginator: w.AddSocketAddress(type, socket); break;
                    default: w.Add(type, data); break;
                }
            }
        });
        if (!CommonPacketFormat.TryRead(bytes, out CommonPacketFormat cpf, out _) || cpf.ItemCount != chosen.Length)
        {
            return false;
        }

        int i = 0;
        foreach (CpfItem item in cpf)
        {
            CpfItemType type = chosen[i++];
            bool same = item.Type == type && type switch
            {
                CpfItemType.NullAddress => item.Data.IsEmpty,
                CpfItemType.ConnectedAddress => item.ConnectionId == connection && item.Data.Length == 4,
                CpfItemType.SequencedAddress => item.ConnectionId == connection && item.SequenceNumber == sequence,
                CpfItemType.SocketAddressOriginatorToTarget or CpfItemType.SocketAddressTargetToOriginator => item.SocketAddress == socket,
                _ => item.Data.SequenceEqual(data),
            };
            if (!same)
            {
                return false;
            }
        }

        return i == chosen.Length;
    }

    [Property]
    public bool ListIdentity_ReplyItem_RoundTrip(ushort version, ushort port, uint address, ushort vendor, ushort deviceType, ushort product, byte major, byte minor, ushort status, uint serial, byte[] name, byte state)
    {
        name = [.. (name ?? []).Take(64)];
        var socket = new CipSocketAddress(2, port, address, 0);
        var identity = new CipIdentity(vendor, (CipDeviceType)deviceType, product, major, minor, status, serial);
        var item = new ListIdentityItem(version, socket, identity, name, state);
        byte[] itemBytes = Encode(item);
        byte[] frameBytes = Frame(EncapsulationCommand.ListIdentity, Cpf((ref CpfWriter w) => w.Add(CpfItemType.ListIdentity, itemBytes)));
        return Encapsulation.TryRead(frameBytes, out EncapsulationFrame frame, out _) == OperationStatus.Done
            && frame.TryGetCommonPacketFormat(out CommonPacketFormat cpf) && cpf.TryFind(CpfItemType.ListIdentity, out CpfItem found)
            && ListIdentityItem.TryRead(found.Data, out ListIdentityItem back, out _)
            && back.EncapsulationVersion == version && back.SocketAddress == socket && back.Identity == identity
            && back.ProductName.SequenceEqual(name) && back.State == state && back.GetEncodedLength() == itemBytes.Length;
    }

    [Property]
    public bool ListServices_ReplyItem_RoundTrip(ushort version, ushort flags, byte[] name)
    {
        byte[] padded = new byte[16];
        (name ?? []).AsSpan(0, Math.Min(16, name?.Length ?? 0)).CopyTo(padded);
        var item = new ListServicesItem(version, flags, padded);
        byte[] itemBytes = Encode(item);
        byte[] frameBytes = Frame(EncapsulationCommand.ListServices, Cpf((ref CpfWriter w) => w.Add(CpfItemType.ListServices, itemBytes)));
        return Encapsulation.TryRead(frameBytes, out EncapsulationFrame frame, out _) == OperationStatus.Done
            && frame.TryGetCommonPacketFormat(out CommonPacketFormat cpf) && cpf.TryFind(CpfItemType.ListServices, out CpfItem found)
            && ListServicesItem.TryRead(found.Data, out ListServicesItem back, out _)
            && back.Version == version && back.CapabilityFlags == flags && back.Name.SequenceEqual(padded);
    }

    [Property]
    public bool ListInterfaces_RequestAndReply_RoundTrip(bool reply, ushort[] types, byte[] data)
    {
        // Request: no data. Reply: a common packet format with one item per interface (item data kept opaque).
        data = [.. (data ?? []).Take(32)];
        ushort[] itemTypes = [.. (types ?? []).Take(4).Select(t => (ushort)(0x1000 | t))];
        byte[] payload = reply ? Cpf((ref CpfWriter w) => { foreach (ushort t in itemTypes) { w.Add((CpfItemType)t, data); } }) : [];
        byte[] frameBytes = Frame(EncapsulationCommand.ListInterfaces, payload);
        if (Encapsulation.TryRead(frameBytes, out EncapsulationFrame frame, out _) != OperationStatus.Done
            || frame.Command != EncapsulationCommand.ListInterfaces || !frame.Data.SequenceEqual(payload))
        {
            return false;
        }

        if (!reply)
        {
            return frame.Data.IsEmpty;
        }

        if (!frame.TryGetCommonPacketFormat(out CommonPacketFormat cpf) || cpf.ItemCount != itemTypes.Length)
        {
            return false;
        }

        int i = 0;
        foreach (CpfItem item in cpf)
        {
            if (item.TypeId != itemTypes[i++] || !item.Data.SequenceEqual(data))
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 300)]
    public bool CipPath_EverySegmentKind_RoundTrip(byte[] kinds, uint value, ushort port, byte[] link, byte[] symbol)
    {
        // Logical class/instance/member/connection point/attribute (8/16/32-bit), port (short and extended), ANSI
        // extended symbol, symbolic, electronic key and simple data segments.
        kinds = [.. (kinds ?? []).Take(6)];
        link = link is { Length: > 0 } ? [.. link.Take(20)] : [1];
        symbol = symbol is { Length: > 0 } ? [.. symbol.Take(31)] : [(byte)'A'];
        byte[] words = [.. symbol.Take(symbol.Length & ~1)];
        CipLogicalType[] logical = [CipLogicalType.ClassId, CipLogicalType.InstanceId, CipLogicalType.MemberId, CipLogicalType.ConnectionPoint, CipLogicalType.AttributeId];
        var expected = new List<(CipSegmentType Type, CipLogicalType Logical, uint Value, ushort Port, byte[] Data)>();
        Span<byte> buffer = stackalloc byte[2048];
        var builder = new CipPathBuilder(buffer);
        for (int i = 0; i < kinds.Length; i++)
        {
            int kind = kinds[i] % 10;
            uint width = (uint)(kinds[i] / 10 % 3) switch { 0 => value & 0xFF, 1 => value & 0xFFFF, _ => value };
            ushort portId = (ushort)Math.Max(1, (int)port);
            switch (kind)
            {
                case < 5:
                    builder.AddLogical(logical[kind], width);
                    expected.Add((CipSegmentType.Logical, logical[kind], width, 0, []));
                    break;
                case 5:
                    builder.AddPort(portId, link);
                    expected.Add((CipSegmentType.Port, default, 0, portId, link));
                    break;
                case 6:
                    builder.AddAnsiSymbol(symbol);
                    expected.Add((CipSegmentType.Data, default, 0, 0, symbol));
                    break;
                case 7:
                    builder.AddSymbolic(symbol);
                    expected.Add((CipSegmentType.Symbolic, default, 0, 0, symbol));
                    break;
                case 8:
                {
                    builder.AddElectronicKey(port, (ushort)value, (ushort)(value >> 16), (byte)kinds[i], (byte)i);
                    byte[] key = new byte[8];
                    BinaryPrimitives.WriteUInt16LittleEndian(key, port);
                    BinaryPrimitives.WriteUInt16LittleEndian(key.AsSpan(2), (ushort)value);
                    BinaryPrimitives.WriteUInt16LittleEndian(key.AsSpan(4), (ushort)(value >> 16));
                    key[6] = kinds[i];
                    key[7] = (byte)i;
                    expected.Add((CipSegmentType.Logical, CipLogicalType.Special, 0, 0, key));
                    break;
                }

                default:
                    builder.AddSimpleData(words);
                    expected.Add((CipSegmentType.Data, default, 0, 0, words));
                    break;
            }
        }

        Assert.Equal(OperationStatus.Done, builder.Complete(out int length));
        ReadOnlySpan<byte> path = buffer[..length];
        if ((length & 1) != 0 || !CipPath.TryValidate(path, out _))
        {
            return false;
        }

        var reader = new CipPathReader(path);
        foreach ((CipSegmentType type, CipLogicalType logicalType, uint segmentValue, ushort segmentPort, byte[] data) in expected)
        {
            if (!reader.TryRead(out CipPathSegment segment) || segment.Type != type
                || (type == CipSegmentType.Logical && (segment.LogicalType != logicalType || segment.Value != segmentValue))
                || segment.Port != segmentPort || !segment.Data.SequenceEqual(data))
            {
                return false;
            }
        }

        return reader.End;
    }

    [Property]
    public bool UnconnectedSend_WithRoute_RoundTrip(byte tick, byte timeout, byte service, byte classId, ushort instance, byte[] data, byte slot, byte[] address)
    {
        // The embedded request goes through a backplane slot and, when an address is given, a network port.
        data = [.. (data ?? []).Take(64)];
        byte[] embedded = EnipMessages.Request((byte)(service & 0x7F), classId, 0, instance, data);
        Span<byte> routeBuffer = stackalloc byte[64];
        var route = new CipPathBuilder(routeBuffer);
        route.AddPort(1, [slot]);
        if (address is { Length: > 0 })
        {
            route.AddPort(2, address.AsSpan(0, Math.Min(address.Length, 15)));
        }

        Assert.Equal(OperationStatus.Done, route.Complete(out int routeLength));
        byte[] routePath = routeBuffer[..routeLength].ToArray();
        var send = new UnconnectedSendRequest(tick, timeout, embedded, routePath);
        byte[] bytes = Encode(send);
        if (bytes.Length != send.GetEncodedLength() || !UnconnectedSendRequest.TryRead(bytes, out UnconnectedSendRequest back, out _))
        {
            return false;
        }

        var reader = new CipPathReader(back.RoutePath);
        return back.PriorityTimeTick == tick && back.TimeoutTicks == timeout && back.EmbeddedRequest.SequenceEqual(embedded) && back.RoutePath.SequenceEqual(routePath)
            && CipRequest.TryRead(back.EmbeddedRequest, out CipRequest request, out _) && request.Service == (service & 0x7F) && request.Data.SequenceEqual(data)
            && reader.TryRead(out CipPathSegment first) && first.Port == 1 && first.Data.SequenceEqual([slot])
            && Encode(back).AsSpan().SequenceEqual(bytes);
    }

    [Property]
    public bool ForwardOpenAndLargeForwardOpen_RoundTripEveryField(bool large, byte tick, byte timeout, uint otId, uint toId, ushort serial, ushort vendor, uint originator, byte multiplier, uint otRpi, uint otParameters, uint toRpi, uint toParameters, byte transport, byte instance, uint reserved)
    {
        uint ot = large ? otParameters : (ushort)otParameters;
        uint to = large ? toParameters : (ushort)toParameters;
        byte[] path = [0x34, 0x04, 0x01, 0x00, 0x0E, 0x00, 0x36, 0x00, 0x14, 0x0B, 0x20, 0x04, 0x24, instance, 0x2C, 0x64];
        var open = new ForwardOpenRequest(large, tick, timeout, otId, toId, serial, vendor, originator, multiplier, otRpi, ot, toRpi, to, transport, path, reserved & 0xFFFFFF);
        byte[] bytes = Encode(open);
        return bytes.Length == open.GetEncodedLength() && bytes.Length == (large ? ForwardOpenRequest.LargeFixedLength : ForwardOpenRequest.FixedLength) + path.Length
            && ForwardOpenRequest.TryRead(bytes, large, out ForwardOpenRequest back, out _)
            && back.IsLarge == large && back.PriorityTimeTick == tick && back.TimeoutTicks == timeout
            && back.OriginatorToTargetConnectionId == otId && back.TargetToOriginatorConnectionId == toId
            && back.ConnectionSerialNumber == serial && back.OriginatorVendorId == vendor && back.OriginatorSerialNumber == originator
            && back.TimeoutMultiplier == multiplier && back.Reserved == (reserved & 0xFFFFFF)
            && back.OriginatorToTargetRpi == otRpi && back.OriginatorToTargetParameters == ot && back.TargetToOriginatorRpi == toRpi && back.TargetToOriginatorParameters == to
            && back.OriginatorToTargetSize == open.OriginatorToTargetSize && back.TargetToOriginatorType == open.TargetToOriginatorType
            && back.TransportTypeTrigger == transport && back.TransportClass == (transport & 0x0F) && back.ConnectionPath.SequenceEqual(path)
            && Encode(back).AsSpan().SequenceEqual(bytes);
    }

    [Property]
    public bool ForwardOpenReplyForwardCloseAndFailure_RoundTripEveryField(uint otId, uint toId, ushort serial, ushort vendor, uint originator, uint otApi, uint toApi, byte[] reply, byte reserved, byte tick, byte timeout, byte instance, byte? remaining)
    {
        reply = [.. (reply ?? []).Take(40)];
        reply = reply.Length % 2 == 0 ? reply : reply[..^1];
        byte[] path = [0x20, 0x02, 0x24, instance];

        var openReply = new ForwardOpenResponse(otId, toId, serial, vendor, originator, otApi, toApi, reply, reserved);
        byte[] bytes = Encode(openReply);
        bool ok = ForwardOpenResponse.TryRead(bytes, out ForwardOpenResponse openBack, out _)
            && openBack.OriginatorToTargetConnectionId == otId && openBack.TargetToOriginatorConnectionId == toId
            && openBack.ConnectionSerialNumber == serial && openBack.OriginatorVendorId == vendor && openBack.OriginatorSerialNumber == originator
            && openBack.OriginatorToTargetApi == otApi && openBack.TargetToOriginatorApi == toApi && openBack.ApplicationReply.SequenceEqual(reply) && openBack.Reserved == reserved
            && Encode(openBack).AsSpan().SequenceEqual(bytes);

        var close = new ForwardCloseRequest(tick, timeout, serial, vendor, originator, path, reserved);
        bytes = Encode(close);
        ok &= ForwardCloseRequest.TryRead(bytes, out ForwardCloseRequest closeBack, out _)
            && closeBack.PriorityTimeTick == tick && closeBack.TimeoutTicks == timeout && closeBack.ConnectionSerialNumber == serial
            && closeBack.OriginatorVendorId == vendor && closeBack.OriginatorSerialNumber == originator && closeBack.ConnectionPath.SequenceEqual(path) && closeBack.Reserved == reserved
            && Encode(closeBack).AsSpan().SequenceEqual(bytes);

        var closeReply = new ForwardCloseResponse(serial, vendor, originator, reply, reserved);
        bytes = Encode(closeReply);
        ok &= ForwardCloseResponse.TryRead(bytes, out ForwardCloseResponse closeReplyBack, out _)
            && closeReplyBack.ConnectionSerialNumber == serial && closeReplyBack.OriginatorVendorId == vendor && closeReplyBack.OriginatorSerialNumber == originator
            && closeReplyBack.ApplicationReply.SequenceEqual(reply) && closeReplyBack.Reserved == reserved
            && Encode(closeReplyBack).AsSpan().SequenceEqual(bytes);

        var failure = new ConnectionFailureResponse(serial, vendor, originator, remaining, remaining.HasValue ? reserved : (byte)0);
        bytes = Encode(failure);
        ok &= ConnectionFailureResponse.TryRead(bytes, out ConnectionFailureResponse failureBack, out _) && failureBack == failure;
        return ok;
    }

    [Property]
    public bool MultipleServicePacket_RequestsAndReplies_RoundTrip(bool replies, byte[] services, byte status, byte[] data)
    {
        data = [.. (data ?? []).Take(16)];
        byte[][] messages = [.. (services is { Length: > 0 } ? services.Take(5) : [0x0E]).Select((s, i) => replies
            ? EnipMessages.Response((byte)(s & 0x7F), i % 2 == 0 ? (byte)0 : status, data)
            : EnipMessages.Request((byte)(s & 0x7F), s, 0, (ushort)i, data))];
        int[] lengths = [.. messages.Select(m => m.Length)];
        byte[] bytes = Written((Span<byte> d, out int w) => MultipleServicePacket.TryWrite([.. messages.SelectMany(m => m)], lengths, d, out w));
        if (bytes.Length != MultipleServicePacket.GetEncodedLength(lengths)
            || !MultipleServicePacket.TryRead(bytes, replies, out MultipleServicePacket packet, out _) || packet.Count != messages.Length || packet.IsResponse != replies)
        {
            return false;
        }

        for (int i = 0; i < messages.Length; i++)
        {
            if (!packet.GetService(i).SequenceEqual(messages[i]))
            {
                return false;
            }
        }

        return true;
    }

    private delegate OperationStatus Writer(Span<byte> destination, out int bytesWritten);

    private delegate void CpfItems(ref CpfWriter writer);

    private static byte[] Written(Writer write)
    {
        byte[] buffer = new byte[4096];
        Assert.Equal(OperationStatus.Done, write(buffer, out int written));
        return buffer[..written];
    }

    /// <summary>Writes a value with its public writer, into a buffer of exactly its encoded length.</summary>
    private static byte[] Encode<T>(scoped in T value)
        where T : ICipEncodable, allows ref struct
    {
        byte[] buffer = new byte[value.GetEncodedLength()];
        Assert.Equal(OperationStatus.Done, value.TryWrite(buffer, out int written));
        Assert.Equal(buffer.Length, written);
        return buffer;
    }

    private static byte[] Cpf(CpfItems add)
    {
        byte[] buffer = new byte[4096];
        var writer = new CpfWriter(buffer);
        add(ref writer);
        Assert.Equal(OperationStatus.Done, writer.Complete(out int written));
        return buffer[..written];
    }

    private static byte[] Frame(EncapsulationCommand command, byte[] data) =>
        Written((Span<byte> d, out int w) => Encapsulation.TryWrite(new EncapsulationHeader((ushort)command, 0, 0, 0x0102030405060708, 0), data, d, out w));
}
