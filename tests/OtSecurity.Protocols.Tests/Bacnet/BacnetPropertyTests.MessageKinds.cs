using System.Buffers;
using System.Buffers.Binary;
using FsCheck.Xunit;
using OtSecurity.Protocols.Bacnet;

namespace OtSecurity.Protocols.Tests.Bacnet;

/// <summary>
/// A write→read round trip for every message kind the BACnet/IP codecs read: each BVLC function, each network layer
/// message, each PDU type and each decoded service, comparing every field that was written with what is read back.
/// </summary>
public partial class BacnetPropertyTests
{
    [Property(MaxTest = 300)]
    public bool Bvlc_EveryFunction_ReadsBackItsFields(byte function, uint address, ushort port, ushort value, byte count, byte[] data)
    {
        data ??= [];
        var bvlcFunction = (BvlcFunction)(function % 13);
        var endpoint = new BacnetIpEndpoint(address, port);
        BdtEntry[] bdt = [.. Enumerable.Range(0, count % 4).Select(i => new BdtEntry(new BacnetIpEndpoint(address + (uint)i, port), ~(uint)i))];
        FdtEntry[] fdt = [.. Enumerable.Range(0, count % 4).Select(i => new FdtEntry(new BacnetIpEndpoint(address ^ (uint)i, port), value, (ushort)(value + i)))];
        byte[] npdu = NpduBytes(NpduFrame.ForApdu(ApduBytes(ApduFrame.UnconfirmedRequest(BacnetUnconfirmedService.WhoIs, []))));
        byte[] buffer = new byte[64 + data.Length];
        int written;
        OperationStatus status = bvlcFunction switch
        {
            BvlcFunction.BvlcResult => Bvlc.TryWriteResult((BvlcResultCode)(value % 7 * 0x10), buffer, out written),
            BvlcFunction.WriteBroadcastDistributionTable or BvlcFunction.ReadBroadcastDistributionTableAck => Bvlc.TryWriteBroadcastDistributionTable(bvlcFunction, bdt, buffer, out written),
            BvlcFunction.ReadBroadcastDistributionTable or BvlcFunction.ReadForeignDeviceTable => Bvlc.TryWriteTableRead(bvlcFunction, buffer, out written),
            BvlcFunction.ForwardedNpdu => Bvlc.TryWriteForwardedNpdu(endpoint, npdu, buffer, out written),
            BvlcFunction.RegisterForeignDevice => Bvlc.TryWriteRegisterForeignDevice(value, buffer, out written),
            BvlcFunction.ReadForeignDeviceTableAck => Bvlc.TryWriteForeignDeviceTableAck(fdt, buffer, out written),
            BvlcFunction.DeleteForeignDeviceTableEntry => Bvlc.TryWriteDeleteForeignDeviceTableEntry(endpoint, buffer, out written),
            BvlcFunction.SecureBvll => Bvlc.TryWrite(BvlcFunction.SecureBvll, data, buffer, out written),
            _ => Bvlc.TryWriteNpdu(bvlcFunction, npdu, buffer, out written),
        };
        Assert.Equal(OperationStatus.Done, status);
        if (Bvlc.TryRead(buffer.AsSpan(0, written), out BvlcFrame frame, out int consumed) != OperationStatus.Done || consumed != written || frame.Function != bvlcFunction)
        {
            return false;
        }

        BdtEntry[] bdtRead = bvlcFunction is BvlcFunction.WriteBroadcastDistributionTable or BvlcFunction.ReadBroadcastDistributionTableAck
            ? new BdtEntry[frame.TableEntryCount]
            : [];
        for (int i = 0; i < bdtRead.Length; i++)
        {
            bdtRead[i] = frame.GetBdtEntry(i);
        }

        FdtEntry[] fdtRead = new FdtEntry[bvlcFunction == BvlcFunction.ReadForeignDeviceTableAck ? frame.TableEntryCount : 0];
        for (int i = 0; i < fdtRead.Length; i++)
        {
            fdtRead[i] = frame.GetFdtEntry(i);
        }

        return bvlcFunction switch
        {
            BvlcFunction.BvlcResult => frame.ResultCode == (BvlcResultCode)(value % 7 * 0x10),
            BvlcFunction.WriteBroadcastDistributionTable or BvlcFunction.ReadBroadcastDistributionTableAck =>
                bdtRead.SequenceEqual(bdt),
            BvlcFunction.ReadBroadcastDistributionTable or BvlcFunction.ReadForeignDeviceTable => frame.Body.IsEmpty,
            BvlcFunction.ForwardedNpdu => frame.OriginatingAddress == endpoint && frame.Npdu.SequenceEqual(npdu),
            BvlcFunction.RegisterForeignDevice => frame.TimeToLive == value,
            BvlcFunction.ReadForeignDeviceTableAck => fdtRead.SequenceEqual(fdt),
            BvlcFunction.DeleteForeignDeviceTableEntry => frame.DeleteEntryAddress == endpoint,
            BvlcFunction.SecureBvll => frame.SecurityWrapper.SequenceEqual(data),
            _ => frame.HasNpdu && frame.Npdu.SequenceEqual(npdu),
        };
    }

    [Property]
    public bool Npdu_Addressing_ReadsBackEveryField(ushort destinationNetwork, byte[] destinationAddress, byte hopCount, ushort sourceNetwork, byte[] sourceAddress, byte priority, bool expectingReply, bool routed)
    {
        // 6.2.2: DLEN 0 is a broadcast on DNET; SLEN is 1..255 and SNET not 0xFFFF.
        destinationAddress = (destinationAddress ?? []).Take(8).ToArray();
        sourceAddress = sourceAddress is { Length: > 0 } ? sourceAddress.Take(8).ToArray() : [1];
        ushort dnet = (ushort)Math.Max(1, (int)destinationNetwork);
        ushort snet = (ushort)(1 + (sourceNetwork % 0xFFFE));
        byte[] apdu = ApduBytes(ApduFrame.SimpleAck(7, BacnetConfirmedService.WriteProperty));
        NpduFrame npdu = NpduFrame.ForApdu(apdu, expectingReply, (NetworkPriority)(priority & 3));
        if (routed)
        {
            npdu = npdu.WithDestination(dnet, destinationAddress, hopCount).WithSource(snet, sourceAddress);
        }

        byte[] bytes = NpduBytes(npdu);
        return Npdu.TryRead(bytes, out NpduFrame back, out _)
            && back.Control == npdu.Control && back.Priority == (NetworkPriority)(priority & 3) && back.ExpectingReply == expectingReply
            && back.HasDestination == routed && back.HasSource == routed
            && (!routed || (back.DestinationNetwork == dnet && back.DestinationAddress.SequenceEqual(destinationAddress) && back.HopCount == hopCount
                && back.IsDestinationBroadcast == (destinationAddress.Length == 0) && back.SourceNetwork == snet && back.SourceAddress.SequenceEqual(sourceAddress)))
            && !back.IsNetworkMessage && back.Payload.SequenceEqual(apdu);
    }

    [Property(MaxTest = 300)]
    public bool NetworkMessage_EveryType_ReadsBackItsFields(byte type, ushort network, byte octet, ushort[] networks, byte[] portInfo, ushort vendor)
    {
        networks = [.. (networks ?? []).Take(6)];
        portInfo = [.. (portInfo ?? []).Take(16)];
        byte messageType = (byte)(type % 21);
        if (messageType == 20)
        {
            messageType = (byte)(0x80 | type); // a vendor proprietary message (0x80..0xFF) with its vendor id
        }

        byte[] payload = new byte[64];
        int length;
        switch ((NetworkMessageType)messageType)
        {
            case NetworkMessageType.WhoIsRouterToNetwork:
                Assert.Equal(OperationStatus.Done, NetworkMessages.TryWriteNetworkList(networks.Take(1).ToArray(), payload, out length));
                break;
            case NetworkMessageType.IAmRouterToNetwork:
                Assert.Equal(OperationStatus.Done, NetworkMessages.TryWriteNetworkList([network, .. networks], payload, out length));
                break;
            case NetworkMessageType.RouterBusyToNetwork or NetworkMessageType.RouterAvailableToNetwork:
                Assert.Equal(OperationStatus.Done, NetworkMessages.TryWriteNetworkList(networks, payload, out length));
                break;
            case NetworkMessageType.DisconnectConnectionToNetwork:
                Assert.Equal(OperationStatus.Done, NetworkMessages.TryWriteNetworkList([network], payload, out length));
                break;
            case NetworkMessageType.ICouldBeRouterToNetwork or NetworkMessageType.EstablishConnectionToNetwork:
                Assert.Equal(OperationStatus.Done, NetworkMessages.TryWriteNetworkAndOctet(network, octet, payload, out length));
                break;
            case NetworkMessageType.NetworkNumberIs:
                Assert.Equal(OperationStatus.Done, NetworkMessages.TryWriteNetworkAndOctet(network, (byte)(octet & 1), payload, out length));
                break;
            case NetworkMessageType.RejectMessageToNetwork:
                Assert.Equal(OperationStatus.Done, NetworkMessages.TryWriteRejectMessageToNetwork(new RejectMessageToNetwork((NetworkRejectReason)(octet % 7), network), payload, out length));
                break;
            case NetworkMessageType.InitializeRoutingTable or NetworkMessageType.InitializeRoutingTableAck:
                // The port table without port info, then one more port with port info.
                Assert.Equal(OperationStatus.Done, NetworkMessages.TryWriteRoutingTable(networks, [.. networks.Select((_, i) => (byte)i)], payload, out length));
                Assert.Equal(OperationStatus.Done, NetworkMessages.TryWriteRoutingTablePort(new RoutingTablePort(network, octet, portInfo), payload.AsSpan(length), out int portLength));
                payload[0]++;
                length += portLength;
                break;
            case NetworkMessageType.WhatIsNetworkNumber:
                length = 0;
                break;
            default:
                // Security messages (0x0A..0x11) and proprietary messages: data kept opaque.
                length = portInfo.Length;
                portInfo.CopyTo(payload, 0);
                break;
        }

        byte[] npduBytes = NpduBytes(NpduFrame.ForNetworkMessage(messageType, payload.AsSpan(0, length), vendor));
        byte[] message = new byte[npduBytes.Length + 4];
        Assert.Equal(OperationStatus.Done, Bvlc.TryWriteNpdu(BvlcFunction.OriginalBroadcastNpdu, npduBytes, message, out _));
        if (BacnetIp.TryRead(message, out BacnetIpFrame frame, out _) != OperationStatus.Done || !frame.Npdu.IsNetworkMessage
            || frame.Npdu.MessageTypeValue != messageType || frame.HasApdu || !frame.Npdu.Payload.SequenceEqual(payload.AsSpan(0, length)))
        {
            return false;
        }

        ReadOnlySpan<byte> data = frame.Npdu.Payload;
        return (NetworkMessageType)messageType switch
        {
            NetworkMessageType.WhoIsRouterToNetwork or NetworkMessageType.RouterBusyToNetwork or NetworkMessageType.RouterAvailableToNetwork
                or NetworkMessageType.IAmRouterToNetwork or NetworkMessageType.DisconnectConnectionToNetwork => SameNetworks(data, payload.AsSpan(0, length)),
            NetworkMessageType.ICouldBeRouterToNetwork => NetworkMessages.TryReadICouldBeRouterToNetwork(data, out ICouldBeRouterToNetwork icb) && icb == new ICouldBeRouterToNetwork(network, octet),
            NetworkMessageType.EstablishConnectionToNetwork => NetworkMessages.TryReadEstablishConnectionToNetwork(data, out EstablishConnectionToNetwork ec) && ec == new EstablishConnectionToNetwork(network, octet),
            NetworkMessageType.NetworkNumberIs => NetworkMessages.TryReadNetworkNumberIs(data, out NetworkNumberIs nni) && nni == new NetworkNumberIs(network, (octet & 1) != 0),
            NetworkMessageType.RejectMessageToNetwork => NetworkMessages.TryReadRejectMessageToNetwork(data, out RejectMessageToNetwork reject) && reject == new RejectMessageToNetwork((NetworkRejectReason)(octet % 7), network),
            NetworkMessageType.InitializeRoutingTable or NetworkMessageType.InitializeRoutingTableAck => SameRoutingTable(data, networks, network, octet, portInfo),
            _ => frame.Npdu.VendorId == (messageType >= 0x80 ? vendor : 0),
        };

        static bool SameNetworks(ReadOnlySpan<byte> data, ReadOnlySpan<byte> written)
        {
            for (int i = 0; i < NetworkMessages.GetNetworkCount(data); i++)
            {
                if (NetworkMessages.GetNetwork(data, i) != BinaryPrimitives.ReadUInt16BigEndian(written[(i * 2)..]))
                {
                    return false;
                }
            }

            return NetworkMessages.GetNetworkCount(data) * 2 == written.Length;
        }
    }

    [Property(MaxTest = 300)]
    public bool Apdu_EveryPduType_ReadsBackItsHeader(byte type, byte invokeId, byte service, byte sequence, byte window, byte flags, byte reason, byte[] data)
    {
        data ??= [];
        bool segmented = (flags & 1) != 0;
        bool more = (flags & 2) != 0;
        bool accepted = (flags & 4) != 0;
        bool server = (flags & 8) != 0;
        byte proposed = (byte)(1 + (window % 127));
        var maxSegments = (MaxSegmentsAccepted)((flags >> 4) % 8);
        var maxApdu = (MaxApduLengthAccepted)(reason % 6);
        var confirmed = (BacnetConfirmedService)(service % 34);
        ApduFrame written = (BacnetPduType)(type % 8) switch
        {
            BacnetPduType.ConfirmedRequest => segmented
                ? ApduFrame.ConfirmedRequestSegment(invokeId, confirmed, data, sequence, proposed, more, maxSegments, maxApdu, accepted)
                : ApduFrame.ConfirmedRequest(invokeId, confirmed, data, maxSegments, maxApdu, accepted),
            BacnetPduType.UnconfirmedRequest => ApduFrame.UnconfirmedRequest((BacnetUnconfirmedService)(service % 15), data),
            BacnetPduType.SimpleAck => ApduFrame.SimpleAck(invokeId, confirmed),
            BacnetPduType.ComplexAck => segmented
                ? ApduFrame.ComplexAckSegment(invokeId, confirmed, data, sequence, proposed, more)
                : ApduFrame.ComplexAck(invokeId, confirmed, data),
            BacnetPduType.SegmentAck => ApduFrame.SegmentAck(invokeId, sequence, proposed, (flags & 2) != 0, server),
            BacnetPduType.Error => ApduFrame.Error(invokeId, BacnetErrorInfo.IsWrapped(confirmed) ? BacnetConfirmedService.ReadProperty : confirmed, ErrorOctets(reason, service)),
            BacnetPduType.Reject => ApduFrame.Reject(invokeId, (BacnetRejectReason)reason),
            _ => ApduFrame.Abort(invokeId, (BacnetAbortReason)reason, server),
        };
        byte[] bytes = ApduBytes(written);
        if (!Apdu.TryRead(bytes, out ApduFrame read, out _))
        {
            return false;
        }

        bool same = read.PduType == written.PduType && read.FirstOctet == written.FirstOctet && read.IsSegmented == written.IsSegmented
            && read.MoreFollows == written.MoreFollows && read.SegmentedResponseAccepted == written.SegmentedResponseAccepted
            && read.NegativeAck == written.NegativeAck && read.SentByServer == written.SentByServer
            && read.HasInvokeId == written.HasInvokeId && (!read.HasInvokeId || read.InvokeId == invokeId)
            && read.ServiceOrReason == written.ServiceOrReason && read.RejectReason == written.RejectReason && read.AbortReason == written.AbortReason
            && read.ServiceData.SequenceEqual(written.ServiceData);
        same &= written.PduType != BacnetPduType.ConfirmedRequest || (read.MaxSegments == maxSegments && read.MaxApdu == maxApdu);
        same &= !written.IsSegmented || (read.SequenceNumber == sequence && read.WindowSize == proposed);
        same &= written.PduType != BacnetPduType.SegmentAck || (read.SequenceNumber == sequence && read.WindowSize == proposed);
        if (written.PduType == BacnetPduType.Error)
        {
            same &= BacnetErrorInfo.TryRead(read.ConfirmedService, read.ServiceData, out BacnetErrorInfo error, out _)
                && error == new BacnetErrorInfo((BacnetErrorClass)(reason % 8), (BacnetErrorCode)service);
        }

        return same;

        static byte[] ErrorOctets(byte errorClass, byte errorCode)
        {
            var error = new BacnetErrorInfo((BacnetErrorClass)(errorClass % 8), (BacnetErrorCode)errorCode);
            return Encode(error);
        }
    }

    [Property]
    public bool WhoHas_RoundTrip(bool byIdentifier, bool ranged, uint low, uint high, ushort type, uint instance, byte[] name)
    {
        name ??= [];
        uint? lowLimit = ranged ? low & BacnetObjectIdentifier.MaxInstance : null;
        uint? highLimit = ranged ? high & BacnetObjectIdentifier.MaxInstance : null;
        var id = new BacnetObjectIdentifier((BacnetObjectType)(type % 1024), instance & BacnetObjectIdentifier.MaxInstance);
        WhoHasRequest request = byIdentifier
            ? new WhoHasRequest(id, lowLimit, highLimit)
            : new WhoHasRequest(new BacnetCharacterString(BacnetCharacterSet.Utf8, name), lowLimit, highLimit);
        byte[] bytes = Encode(request);
        return WhoHasRequest.TryRead(bytes, out WhoHasRequest back, out _)
            && back.LowLimit == lowLimit && back.HighLimit == highLimit && back.HasObjectIdentifier == byIdentifier
            && (byIdentifier ? back.ObjectIdentifier == id : back.ObjectName.CharacterSet == BacnetCharacterSet.Utf8 && back.ObjectName.Bytes.SequenceEqual(name))
            && Encode(back).AsSpan().SequenceEqual(bytes);
    }

    [Property]
    public bool IHave_RoundTrip(uint device, ushort type, uint instance, byte charset, byte[] name)
    {
        name ??= [];
        var characterSet = charset % 2 == 0 ? BacnetCharacterSet.Utf8 : BacnetCharacterSet.Iso8859Latin1;
        var request = new IHaveRequest(
            new BacnetObjectIdentifier(BacnetObjectType.Device, device & BacnetObjectIdentifier.MaxInstance),
            new BacnetObjectIdentifier((BacnetObjectType)(type % 1024), instance & BacnetObjectIdentifier.MaxInstance),
            new BacnetCharacterString(characterSet, name));
        byte[] bytes = Encode(request);
        return IHaveRequest.TryRead(bytes, out IHaveRequest back, out _)
            && back.DeviceIdentifier == request.DeviceIdentifier && back.ObjectIdentifier == request.ObjectIdentifier
            && back.ObjectName.CharacterSet == characterSet && back.ObjectName.Bytes.SequenceEqual(name)
            && Encode(back).AsSpan().SequenceEqual(bytes);
    }

    [Property]
    public bool ReadPropertyAck_RoundTrip(ushort type, uint instance, uint property, uint? index, byte[] value)
    {
        byte[] tagged = Tagged(value);
        var id = new BacnetObjectIdentifier((BacnetObjectType)(type % 1024), instance & BacnetObjectIdentifier.MaxInstance);
        var ack = new ReadPropertyAck(id, (BacnetPropertyIdentifier)property, index, tagged);
        byte[] bytes = Encode(ack);
        return ReadPropertyAck.TryRead(bytes, out ReadPropertyAck back, out _)
            && back.ObjectIdentifier == id && back.Property == ack.Property && back.ArrayIndex == index && back.Value.SequenceEqual(tagged)
            && Encode(back).AsSpan().SequenceEqual(bytes);
    }

    [Property]
    public bool WriteProperty_RoundTrip(ushort type, uint instance, uint property, uint? index, byte[] value, byte? priority)
    {
        byte[] tagged = Tagged(value);
        byte? validPriority = priority is byte p ? (byte)(1 + (p % 16)) : null;
        var id = new BacnetObjectIdentifier((BacnetObjectType)(type % 1024), instance & BacnetObjectIdentifier.MaxInstance);
        var request = new WritePropertyRequest(id, (BacnetPropertyIdentifier)property, index, tagged, validPriority);
        byte[] bytes = Encode(request);
        return WritePropertyRequest.TryRead(bytes, out WritePropertyRequest back, out _)
            && back.ObjectIdentifier == id && back.Property == request.Property && back.ArrayIndex == index
            && back.Value.SequenceEqual(tagged) && back.Priority == validPriority
            && Encode(back).AsSpan().SequenceEqual(bytes);
    }

    [Property]
    public bool ReadPropertyMultiple_RoundTrip(ushort[] objects, uint[] properties, uint? index)
    {
        // One ReadAccessSpecification per object, each with the same property references.
        (BacnetObjectIdentifier Id, BacnetPropertyReference[] References)[] specifications = Specifications(objects, properties, index);
        var encoded = new List<byte>();
        foreach ((BacnetObjectIdentifier id, BacnetPropertyReference[] references) in specifications)
        {
            byte[] list = [.. references.SelectMany(r => Written((Span<byte> d, out int w) => ReadAccessSpecification.TryWritePropertyReference(r, d, out w)))];
            var specification = new ReadAccessSpecification(id, list);
            byte[] buffer = new byte[16 + list.Length];
            Assert.Equal(OperationStatus.Done, specification.TryWrite(buffer, out int written));
            encoded.AddRange(buffer[..written]);
        }

        byte[] bytes = Written((Span<byte> d, out int w) => ReadPropertyMultipleRequest.TryWrite([.. encoded], d, out w));
        if (!ReadPropertyMultipleRequest.TryRead(bytes, out ReadPropertyMultipleRequest request, out _) || request.Count != specifications.Length)
        {
            return false;
        }

        int i = 0;
        foreach (ReadAccessSpecification specification in request)
        {
            var references = new List<BacnetPropertyReference>();
            foreach (BacnetPropertyReference reference in specification.EnumerateProperties())
            {
                references.Add(reference);
            }

            if (specification.ObjectIdentifier != specifications[i].Id || !references.SequenceEqual(specifications[i].References))
            {
                return false;
            }

            i++;
        }

        return i == specifications.Length && request.Data.SequenceEqual(bytes);
    }

    [Property]
    public bool ReadPropertyMultipleAck_RoundTrip(ushort[] objects, uint[] properties, uint? index, byte[] value, ushort errorCode)
    {
        // Results alternate between a value and a property access error.
        byte[] tagged = Tagged(value);
        var error = new BacnetErrorInfo(BacnetErrorClass.Property, (BacnetErrorCode)errorCode);
        (BacnetObjectIdentifier Id, BacnetPropertyReference[] References)[] results = Specifications(objects, properties, index);
        var encoded = new List<byte>();
        foreach ((BacnetObjectIdentifier id, BacnetPropertyReference[] references) in results)
        {
            encoded.AddRange(Written((Span<byte> d, out int w) => ReadAccessResult.TryWriteHeader(id, d, out w)));
            for (int r = 0; r < references.Length; r++)
            {
                BacnetPropertyReference reference = references[r];
                encoded.AddRange(r % 2 == 0
                    ? Written((Span<byte> d, out int w) => ReadAccessResult.TryWriteValue(reference, tagged, d, out w))
                    : Written((Span<byte> d, out int w) => ReadAccessResult.TryWriteError(reference, error, d, out w)));
            }

            encoded.AddRange(Written((Span<byte> d, out int w) => ReadAccessResult.TryWriteTrailer(d, out w)));
        }

        byte[] bytes = Written((Span<byte> d, out int w) => ReadPropertyMultipleAck.TryWrite([.. encoded], d, out w));
        if (!ReadPropertyMultipleAck.TryRead(bytes, out ReadPropertyMultipleAck ack, out _) || ack.Count != results.Length)
        {
            return false;
        }

        int i = 0;
        foreach (ReadAccessResult result in ack)
        {
            int r = 0;
            foreach (ReadResultElement element in result.EnumerateResults())
            {
                BacnetPropertyReference expected = results[i].References[r];
                bool isError = r % 2 != 0;
                if (element.Property != expected.Property || element.ArrayIndex != expected.ArrayIndex || element.IsError != isError
                    || (isError ? element.AccessError != error : !element.Value.SequenceEqual(tagged)))
                {
                    return false;
                }

                r++;
            }

            if (result.ObjectIdentifier != results[i].Id || !result.HasResults || r != results[i].References.Length)
            {
                return false;
            }

            i++;
        }

        return i == results.Length;
    }

    [Property]
    public bool WritePropertyMultiple_RoundTrip(ushort[] objects, uint[] properties, uint? index, byte[] value, byte? priority)
    {
        byte[] tagged = Tagged(value);
        byte? validPriority = priority is byte p ? (byte)(1 + (p % 16)) : null;
        (BacnetObjectIdentifier Id, BacnetPropertyReference[] References)[] specifications = Specifications(objects, properties, index);
        var encoded = new List<byte>();
        foreach ((BacnetObjectIdentifier id, BacnetPropertyReference[] references) in specifications)
        {
            encoded.AddRange(Written((Span<byte> d, out int w) => WriteAccessSpecification.TryWriteHeader(id, d, out w)));
            foreach (BacnetPropertyReference reference in references)
            {
                encoded.AddRange(Written((Span<byte> d, out int w) =>
                    WriteAccessSpecification.TryWriteValue(new BacnetPropertyValue(reference.Property, reference.ArrayIndex, tagged, validPriority), d, out w)));
            }

            encoded.AddRange(Written((Span<byte> d, out int w) => WriteAccessSpecification.TryWriteTrailer(d, out w)));
        }

        byte[] bytes = Written((Span<byte> d, out int w) => WritePropertyMultipleRequest.TryWrite([.. encoded], d, out w));
        if (!WritePropertyMultipleRequest.TryRead(bytes, out WritePropertyMultipleRequest request, out _) || request.Count != specifications.Length)
        {
            return false;
        }

        int i = 0;
        foreach (WriteAccessSpecification specification in request)
        {
            int r = 0;
            foreach (BacnetPropertyValue propertyValue in specification.EnumerateProperties())
            {
                BacnetPropertyReference expected = specifications[i].References[r++];
                if (propertyValue.Property != expected.Property || propertyValue.ArrayIndex != expected.ArrayIndex
                    || !propertyValue.Value.SequenceEqual(tagged) || propertyValue.Priority != validPriority)
                {
                    return false;
                }
            }

            if (specification.ObjectIdentifier != specifications[i].Id || r != specifications[i].References.Length)
            {
                return false;
            }

            i++;
        }

        return i == specifications.Length;
    }

    [Property]
    public bool DeviceCommunicationControl_RoundTrip(ushort? duration, byte state, bool hasPassword, byte[] password)
    {
        password ??= [];
        var request = new DeviceCommunicationControlRequest(duration, (BacnetCommunicationEnableDisable)(state % 3), hasPassword, new BacnetCharacterString(BacnetCharacterSet.Utf8, password));
        byte[] bytes = Encode(request);
        return DeviceCommunicationControlRequest.TryRead(bytes, out DeviceCommunicationControlRequest back, out _)
            && back.TimeDuration == duration && back.EnableDisable == request.EnableDisable && back.HasPassword == hasPassword
            && (!hasPassword || back.Password.Bytes.SequenceEqual(password))
            && Encode(back).AsSpan().SequenceEqual(bytes);
    }

    [Property]
    public bool ReinitializeDevice_RoundTrip(byte state, bool hasPassword, byte[] password)
    {
        password ??= [];
        var request = new ReinitializeDeviceRequest((BacnetReinitializedState)(state % 8), hasPassword, new BacnetCharacterString(BacnetCharacterSet.Utf8, password));
        byte[] bytes = Encode(request);
        return ReinitializeDeviceRequest.TryRead(bytes, out ReinitializeDeviceRequest back, out _)
            && back.State == request.State && back.HasPassword == hasPassword && (!hasPassword || back.Password.Bytes.SequenceEqual(password))
            && Encode(back).AsSpan().SequenceEqual(bytes);
    }

    [Property]
    public bool AtomicReadFileAckAndWriteFileRequest_RoundTrip(bool record, bool endOfFile, int start, byte[][] chunks, uint instance)
    {
        // Stream access: one octet string. Record access: a count and that many octet strings.
        byte[][] records = [.. (chunks ?? []).Take(5).Select(c => c ?? [])];
        byte[] stream = [.. records.SelectMany(c => c)];
        byte[] encodedRecords = [.. records.SelectMany(Tagged)];
        BacnetFileData data = record ? BacnetFileData.ForRecords(start, (uint)records.Length, encodedRecords) : BacnetFileData.ForStream(start, stream);
        var file = new BacnetObjectIdentifier(BacnetObjectType.File, instance & BacnetObjectIdentifier.MaxInstance);

        byte[] ackBytes = Encode(new AtomicReadFileAck(endOfFile, data));
        byte[] requestBytes = Encode(new AtomicWriteFileRequest(file, data));
        return AtomicReadFileAck.TryRead(ackBytes, out AtomicReadFileAck ack, out _) && ack.EndOfFile == endOfFile && SameFileData(ack.Data)
            && Encode(ack).AsSpan().SequenceEqual(ackBytes)
            && AtomicWriteFileRequest.TryRead(requestBytes, out AtomicWriteFileRequest request, out _) && request.FileIdentifier == file && SameFileData(request.Data)
            && Encode(request).AsSpan().SequenceEqual(requestBytes);

        bool SameFileData(BacnetFileData back)
        {
            if (back.AccessMethod != (record ? BacnetFileAccessMethod.Record : BacnetFileAccessMethod.Stream) || back.Start != start)
            {
                return false;
            }

            if (!record)
            {
                return back.Data.SequenceEqual(stream) && back.RecordCount == 0;
            }

            var read = new List<byte[]>();
            foreach (ReadOnlySpan<byte> chunk in back.EnumerateRecords())
            {
                read.Add(chunk.ToArray());
            }

            return back.RecordCount == records.Length && read.Count == records.Length && read.Zip(records).All(p => p.First.SequenceEqual(p.Second));
        }
    }

    [Property]
    public bool CovNotification_ConfirmedAndUnconfirmed_RoundTrip(bool confirmed, uint process, uint device, uint instance, uint remaining, uint[] properties, byte[] value, byte invokeId)
    {
        // The same production is the service request of ConfirmedCOVNotification and UnconfirmedCOVNotification.
        byte[] tagged = Tagged(value);
        uint[] changed = [.. (properties ?? []).Take(4)];
        byte[] values = [.. changed.SelectMany(p => Written((Span<byte> d, out int w) =>
            WriteAccessSpecification.TryWriteValue(new BacnetPropertyValue((BacnetPropertyIdentifier)p, null, tagged, null), d, out w)))];
        var deviceId = new BacnetObjectIdentifier(BacnetObjectType.Device, device & BacnetObjectIdentifier.MaxInstance);
        var monitored = new BacnetObjectIdentifier(BacnetObjectType.BinaryInput, instance & BacnetObjectIdentifier.MaxInstance);
        byte[] serviceData = Encode(new CovNotificationRequest(process, deviceId, monitored, remaining, values));
        ApduFrame apdu = confirmed
            ? ApduFrame.ConfirmedRequest(invokeId, BacnetConfirmedService.ConfirmedCovNotification, serviceData)
            : ApduFrame.UnconfirmedRequest(BacnetUnconfirmedService.UnconfirmedCovNotification, serviceData);
        if (!TryReadService(apdu, out BacnetPduType type, out byte service, out byte[] read)
            || type != (confirmed ? BacnetPduType.ConfirmedRequest : BacnetPduType.UnconfirmedRequest)
            || service != (confirmed ? (byte)BacnetConfirmedService.ConfirmedCovNotification : (byte)BacnetUnconfirmedService.UnconfirmedCovNotification)
            || !CovNotificationRequest.TryRead(read, out CovNotificationRequest back, out _))
        {
            return false;
        }

        var backProperties = new List<uint>();
        foreach (BacnetPropertyValue changedValue in back.EnumerateValues())
        {
            if (!changedValue.Value.SequenceEqual(tagged) || changedValue.ArrayIndex is not null || changedValue.Priority is not null)
            {
                return false;
            }

            backProperties.Add((uint)changedValue.Property);
        }

        return back.SubscriberProcessIdentifier == process && back.InitiatingDeviceIdentifier == deviceId && back.MonitoredObjectIdentifier == monitored
            && back.TimeRemaining == remaining && backProperties.SequenceEqual(changed) && Encode(back).AsSpan().SequenceEqual(serviceData);
    }

    [Property]
    public bool TimeSynchronization_LocalAndUtc_RoundTrip(bool utc, byte year, byte month, byte day, byte hour, byte minute, byte second)
    {
        var request = new TimeSynchronizationRequest(new BacnetDate(year, (byte)(1 + (month % 12)), (byte)(1 + (day % 31)), 255), new BacnetTime((byte)(hour % 24), (byte)(minute % 60), (byte)(second % 60), 0));
        var service = utc ? BacnetUnconfirmedService.UtcTimeSynchronization : BacnetUnconfirmedService.TimeSynchronization;
        return TryReadService(ApduFrame.UnconfirmedRequest(service, Encode(request)), out BacnetPduType type, out byte choice, out byte[] read)
            && type == BacnetPduType.UnconfirmedRequest && choice == (byte)service
            && TimeSynchronizationRequest.TryRead(read, out TimeSynchronizationRequest back, out _) && back == request;
    }

    [Property]
    public bool ErrorInfo_Wrapped_RoundTrip(ushort errorClass, ushort errorCode, uint firstFailedElement, byte service)
    {
        // Services whose error is a sequence carry errorType [0] and service-specific fields (here firstFailedElementNumber [1]).
        BacnetConfirmedService[] wrapped = [BacnetConfirmedService.AddListElement, BacnetConfirmedService.RemoveListElement, BacnetConfirmedService.CreateObject,
            BacnetConfirmedService.WritePropertyMultiple, BacnetConfirmedService.ConfirmedPrivateTransfer, BacnetConfirmedService.VtClose, BacnetConfirmedService.SubscribeCovPropertyMultiple];
        BacnetConfirmedService choice = wrapped[service % wrapped.Length];
        var error = new BacnetErrorInfo((BacnetErrorClass)errorClass, (BacnetErrorCode)errorCode);
        byte[] fields = new byte[8];
        var fieldWriter = new BacnetTagWriter(fields);
        fieldWriter.WriteContextUnsigned(1, firstFailedElement);
        fields = fields[..fieldWriter.BytesWritten];
        byte[] bytes = Written((Span<byte> d, out int w) => error.TryWriteWrapped(fields, d, out w));
        return BacnetErrorInfo.IsWrapped(choice)
            && TryReadService(ApduFrame.Error(9, choice, bytes), out BacnetPduType type, out byte readChoice, out byte[] read)
            && type == BacnetPduType.Error && readChoice == (byte)choice
            && BacnetErrorInfo.TryRead(choice, read, out BacnetErrorInfo back, out _) && back == error;
    }

    private static (BacnetObjectIdentifier Id, BacnetPropertyReference[] References)[] Specifications(ushort[] objects, uint[] properties, uint? index)
    {
        ushort[] ids = objects is { Length: > 0 } ? [.. objects.Take(4)] : [8];
        uint[] props = [.. (properties ?? []).Take(4).Append(85u)];
        return [.. ids.Select((o, i) => (
            new BacnetObjectIdentifier((BacnetObjectType)(o % 64), (uint)(o * 7) & BacnetObjectIdentifier.MaxInstance),
            props.Select((p, k) => new BacnetPropertyReference((BacnetPropertyIdentifier)p, (k + i) % 2 == 0 ? index : null)).ToArray()))];
    }

    /// <summary>Writes an APDU into a BACnet/IP message, reads the message and returns what the APDU carries.</summary>
    private static bool TryReadService(in ApduFrame apdu, out BacnetPduType type, out byte service, out byte[] serviceData)
    {
        byte[] npdu = NpduBytes(NpduFrame.ForApdu(ApduBytes(apdu), apdu.PduType == BacnetPduType.ConfirmedRequest));
        byte[] message = new byte[npdu.Length + 4];
        Assert.Equal(OperationStatus.Done, Bvlc.TryWriteNpdu(BvlcFunction.OriginalUnicastNpdu, npdu, message, out _));
        type = default;
        service = 0;
        serviceData = [];
        if (BacnetIp.TryRead(message, out BacnetIpFrame frame, out _) != OperationStatus.Done || !frame.HasApdu)
        {
            return false;
        }

        type = frame.Apdu.PduType;
        service = frame.Apdu.ServiceOrReason;
        serviceData = frame.Apdu.ServiceData.ToArray();
        return true;
    }

    private static byte[] Tagged(byte[]? value)
    {
        value ??= [];
        byte[] tagged = new byte[value.Length + 8];
        var writer = new BacnetTagWriter(tagged);
        writer.WriteOctetString(value);
        return tagged[..writer.BytesWritten];
    }

    private static byte[] ApduBytes(in ApduFrame frame)
    {
        byte[] bytes = new byte[Apdu.GetEncodedLength(frame)];
        Assert.Equal(OperationStatus.Done, Apdu.TryWrite(frame, bytes, out _));
        return bytes;
    }

    private static byte[] NpduBytes(in NpduFrame frame)
    {
        byte[] bytes = new byte[Npdu.GetEncodedLength(frame)];
        Assert.Equal(OperationStatus.Done, Npdu.TryWrite(frame, bytes, out _));
        return bytes;
    }

    private delegate OperationStatus Writer(Span<byte> destination, out int bytesWritten);

    private static byte[] Written(Writer write)
    {
        byte[] buffer = new byte[4096];
        Assert.Equal(OperationStatus.Done, write(buffer, out int written));
        return buffer[..written];
    }

    private static bool SameRoutingTable(ReadOnlySpan<byte> data, ushort[] networks, ushort network, byte portId, byte[] portInfo)
    {
        int i = 0;
        foreach (RoutingTablePort port in NetworkMessages.EnumerateRoutingTable(data))
        {
            bool last = i == networks.Length;
            if (port.Network != (last ? network : networks[i]) || port.PortId != (last ? portId : (byte)i)
                || !port.PortInfo.SequenceEqual(last ? portInfo : []))
            {
                return false;
            }

            i++;
        }

        return i == networks.Length + 1 && data[0] == i;
    }
}
