using System.Buffers;
using FsCheck.Xunit;
using OtSecurity.Protocols.Bacnet;
using OtSecurity.Protocols.Tests.Framing;

namespace OtSecurity.Protocols.Tests.Bacnet;

public partial class BacnetPropertyTests
{
    [Property(MaxTest = 1000)]
    public bool RoundTrip_EveryMessageKind_ReadsWhatWasWritten(int kind, byte a, byte b, ushort c, byte[] data)
    {
        (byte[] bytes, BacnetSpec spec) = BacnetMessages.Build(kind, a, b, c, data);
        if (BacnetIp.TryRead(bytes, out BacnetIpFrame frame, out int consumed) != OperationStatus.Done || consumed != bytes.Length)
        {
            return false;
        }

        bool same = frame.Bvlc.Function == spec.Function
            && frame.Bvlc.Body.SequenceEqual(spec.Body)
            && frame.HasNpdu == spec.HasNpdu
            && (!spec.HasNpdu || frame.Npdu.Control == spec.Control)
            && (!spec.HasNpdu || frame.Npdu.IsNetworkMessage == spec.IsNetworkMessage)
            && frame.HasApdu == spec.PduType.HasValue;
        if (spec.PduType is BacnetPduType type)
        {
            ApduFrame apdu = frame.Apdu;
            same = same && apdu.PduType == type
                && apdu.IsSegmented == spec.Segmented
                && (apdu.HasServiceChoice ? apdu.ServiceChoice : apdu.ServiceOrReason) == spec.Service
                && apdu.ServiceData.SequenceEqual(spec.ServiceData)
                && (!apdu.HasInvokeId || apdu.InvokeId == spec.InvokeId);
        }

        return same;
    }

    [Property(MaxTest = 500)]
    public bool CanonicalReencode_ReadThenWrite_GivesTheSameOctets(int kind, byte a, byte b, ushort c, byte[] data)
    {
        (byte[] bytes, _) = BacnetMessages.Build(kind, a, b, c, data);
        return BacnetIp.TryRead(bytes, out BacnetIpFrame frame, out _) == OperationStatus.Done
            && BacnetMessages.Reencode(frame).AsSpan().SequenceEqual(bytes);
    }

    [Property]
    public bool StrictPrefix_OfAnyMessage_NeedsMoreData(int kind, byte a, byte b, ushort c, byte[] data)
    {
        (byte[] bytes, _) = BacnetMessages.Build(kind, a, b, c, data);
        for (int length = 0; length < bytes.Length; length++)
        {
            if (BacnetIp.TryRead(bytes.AsSpan(0, length), out BacnetIpFrame frame, out int consumed) != OperationStatus.NeedMoreData
                || consumed != 0 || frame.Bvlc.Length != Bvlc.HeaderLength)
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    public bool Segmentation_OfAStream_YieldsTheSameMessages(int[] kinds, byte a, byte b, ushort c, byte[] data, int[] cuts)
    {
        var messages = (kinds ?? []).Take(8).Select((k, i) => BacnetMessages.Build(k, (byte)(a + i), b, c, data).Bytes).ToList();
        List<byte[]> received = FrameStream.ReadSegmented(messages, (cuts ?? []).Take(64).ToArray(), static (ReadOnlySpan<byte> source, out int consumed) => BacnetIp.TryRead(source, out _, out consumed));
        return received.Count == messages.Count && received.Zip(messages).All(p => p.First.SequenceEqual(p.Second));
    }

    [Property(MaxTest = 1000)]
    public void ArbitraryBytes_NeverThrowAndNeverLoop(byte[] data)
    {
        data ??= [];
        ReadOnlySpan<byte> rest = data;
        int guard = 0;
        while (BacnetIp.TryRead(rest, out BacnetIpFrame frame, out int consumed, out ProtocolError error) == OperationStatus.Done)
        {
            Assert.InRange(consumed, Bvlc.HeaderLength, rest.Length);
            Assert.False(error.IsError);
            TouchEverything(frame);
            rest = rest[consumed..];
            Assert.True(++guard <= data.Length);
        }
    }

    [Property(MaxTest = 1000)]
    public void ArbitraryBytesWithBacnetHeader_NeverThrow(byte function, byte[] data)
    {
        // Give random content a plausible BVLC header so the NPDU and APDU readers see it too.
        data ??= [];
        byte[] bytes = new byte[4 + data.Length];
        bytes[0] = Bvlc.BacnetIpType;
        bytes[1] = (byte)(function % 13);
        bytes[2] = (byte)(bytes.Length >> 8);
        bytes[3] = (byte)bytes.Length;
        data.CopyTo(bytes, 4);
        OperationStatus status = BacnetIp.TryRead(bytes, out BacnetIpFrame frame, out int consumed, out ProtocolError error);
        Assert.Equal(status == OperationStatus.Done ? bytes.Length : 0, consumed);
        Assert.Equal(status == OperationStatus.InvalidData, error.IsError);
        if (status == OperationStatus.Done)
        {
            TouchEverything(frame);
        }
    }

    [Property(MaxTest = 1000)]
    public void ArbitraryServiceData_NeverThrows(byte[] data)
    {
        data ??= [];
        _ = WhoIsRequest.TryRead(data, out _, out _);
        _ = IAmRequest.TryRead(data, out _, out _);
        _ = WhoHasRequest.TryRead(data, out _, out _);
        _ = IHaveRequest.TryRead(data, out _, out _);
        _ = ReadPropertyRequest.TryRead(data, out _, out _);
        _ = ReadPropertyAck.TryRead(data, out _, out _);
        _ = WritePropertyRequest.TryRead(data, out _, out _);
        if (ReadPropertyMultipleRequest.TryRead(data, out ReadPropertyMultipleRequest rpm, out _))
        {
            foreach (ReadAccessSpecification specification in rpm)
            {
                foreach (BacnetPropertyReference reference in specification.EnumerateProperties())
                {
                    _ = reference.Property;
                }
            }
        }

        if (ReadPropertyMultipleAck.TryRead(data, out ReadPropertyMultipleAck rpmAck, out _))
        {
            foreach (ReadAccessResult result in rpmAck)
            {
                foreach (ReadResultElement element in result.EnumerateResults())
                {
                    _ = element.Value.Length;
                }
            }
        }

        if (WritePropertyMultipleRequest.TryRead(data, out WritePropertyMultipleRequest wpm, out _))
        {
            foreach (WriteAccessSpecification specification in wpm)
            {
                foreach (BacnetPropertyValue value in specification.EnumerateProperties())
                {
                    _ = value.Value.Length;
                }
            }
        }

        _ = DeviceCommunicationControlRequest.TryRead(data, out _, out _);
        _ = ReinitializeDeviceRequest.TryRead(data, out _, out _);
        _ = AtomicReadFileRequest.TryRead(data, out _, out _);
        if (AtomicReadFileAck.TryRead(data, out AtomicReadFileAck fileAck, out _))
        {
            foreach (ReadOnlySpan<byte> record in fileAck.Data.EnumerateRecords())
            {
                _ = record.Length;
            }
        }

        _ = AtomicWriteFileRequest.TryRead(data, out _, out _);
        _ = AtomicWriteFileAck.TryRead(data, out _, out _);
        _ = SubscribeCovRequest.TryRead(data, out _, out _);
        if (CovNotificationRequest.TryRead(data, out CovNotificationRequest cov, out _))
        {
            foreach (BacnetPropertyValue value in cov.EnumerateValues())
            {
                _ = value.Value.Length;
            }
        }

        _ = TimeSynchronizationRequest.TryRead(data, out _, out _);
        _ = BacnetErrorInfo.TryRead(BacnetConfirmedService.ReadProperty, data, out _, out _);
        _ = BacnetErrorInfo.TryRead(BacnetConfirmedService.WritePropertyMultiple, data, out _, out _);
        var reader = new BacnetTagReader(data);
        while (!reader.End && reader.TrySkipElement())
        {
        }
    }

    [Property]
    public bool WhoIs_RoundTrip(uint low, uint high, bool ranged)
    {
        var request = ranged ? new WhoIsRequest(low & BacnetObjectIdentifier.MaxInstance, high & BacnetObjectIdentifier.MaxInstance) : new WhoIsRequest(null, null);
        return RoundTrip(request, static (ReadOnlySpan<byte> bytes, out WhoIsRequest read) => WhoIsRequest.TryRead(bytes, out read, out _));
    }

    [Property]
    public bool IAm_RoundTrip(uint instance, uint maxApdu, byte segmentation, ushort vendor)
    {
        var request = new IAmRequest(new BacnetObjectIdentifier(BacnetObjectType.Device, instance & BacnetObjectIdentifier.MaxInstance), maxApdu, (BacnetSegmentation)(segmentation % 4), vendor);
        return RoundTrip(request, static (ReadOnlySpan<byte> bytes, out IAmRequest read) => IAmRequest.TryRead(bytes, out read, out _));
    }

    [Property]
    public bool ReadProperty_RoundTrip(ushort type, uint instance, uint property, uint? index)
    {
        var request = new ReadPropertyRequest(new BacnetObjectIdentifier((BacnetObjectType)(type % 1024), instance & BacnetObjectIdentifier.MaxInstance), (BacnetPropertyIdentifier)property, index);
        return RoundTrip(request, static (ReadOnlySpan<byte> bytes, out ReadPropertyRequest read) => ReadPropertyRequest.TryRead(bytes, out read, out _));
    }

    [Property]
    public bool AtomicReadFile_RoundTrip(uint instance, bool record, int start, uint count)
    {
        var request = new AtomicReadFileRequest(new BacnetObjectIdentifier(BacnetObjectType.File, instance & BacnetObjectIdentifier.MaxInstance), record ? BacnetFileAccessMethod.Record : BacnetFileAccessMethod.Stream, start, count);
        return RoundTrip(request, static (ReadOnlySpan<byte> bytes, out AtomicReadFileRequest read) => AtomicReadFileRequest.TryRead(bytes, out read, out _));
    }

    [Property]
    public bool AtomicWriteFileAck_RoundTrip(bool record, int start)
    {
        var ack = new AtomicWriteFileAck(record ? BacnetFileAccessMethod.Record : BacnetFileAccessMethod.Stream, start);
        return RoundTrip(ack, static (ReadOnlySpan<byte> bytes, out AtomicWriteFileAck read) => AtomicWriteFileAck.TryRead(bytes, out read, out _));
    }

    [Property]
    public bool SubscribeCov_RoundTrip(uint process, uint instance, bool? confirmed, uint? lifetime)
    {
        var request = new SubscribeCovRequest(process, new BacnetObjectIdentifier(BacnetObjectType.AnalogValue, instance & BacnetObjectIdentifier.MaxInstance), confirmed, lifetime);
        return RoundTrip(request, static (ReadOnlySpan<byte> bytes, out SubscribeCovRequest read) => SubscribeCovRequest.TryRead(bytes, out read, out _));
    }

    [Property]
    public bool TimeSynchronization_RoundTrip(byte year, byte month, byte day, byte weekday, byte hour, byte minute, byte second, byte hundredths)
    {
        var request = new TimeSynchronizationRequest(new BacnetDate(year, month, day, weekday), new BacnetTime(hour, minute, second, hundredths));
        return RoundTrip(request, static (ReadOnlySpan<byte> bytes, out TimeSynchronizationRequest read) => TimeSynchronizationRequest.TryRead(bytes, out read, out _));
    }

    [Property]
    public bool ErrorInfo_RoundTrip(ushort errorClass, ushort errorCode)
    {
        var error = new BacnetErrorInfo((BacnetErrorClass)errorClass, (BacnetErrorCode)errorCode);
        return RoundTrip(error, static (ReadOnlySpan<byte> bytes, out BacnetErrorInfo read) => BacnetErrorInfo.TryRead(BacnetConfirmedService.ReadProperty, bytes, out read, out _));
    }

    [Property]
    public bool RefStructServices_RoundTrip(ushort duration, bool hasDuration, byte state, byte[] password, uint instance, byte[] value, byte priority, int start)
    {
        password = password is { Length: > 0 } ? password : [0x41];
        value ??= [];
        byte[] tagged = new byte[value.Length + 8];
        var valueWriter = new BacnetTagWriter(tagged);
        valueWriter.WriteOctetString(value);
        tagged = tagged[..valueWriter.BytesWritten];
        var name = new BacnetCharacterString(BacnetCharacterSet.Utf8, password);
        var id = new BacnetObjectIdentifier(BacnetObjectType.AnalogOutput, instance & BacnetObjectIdentifier.MaxInstance);

        var dcc = new DeviceCommunicationControlRequest(hasDuration ? duration : null, (BacnetCommunicationEnableDisable)(state % 3), true, name);
        byte[] bytes = Encode(dcc);
        bool ok = DeviceCommunicationControlRequest.TryRead(bytes, out DeviceCommunicationControlRequest dccRead, out _)
            && dccRead.TimeDuration == dcc.TimeDuration && dccRead.EnableDisable == dcc.EnableDisable && dccRead.Password.Bytes.SequenceEqual(password);

        var reinit = new ReinitializeDeviceRequest((BacnetReinitializedState)(state % 8), hasDuration, name);
        bytes = Encode(reinit);
        ok &= ReinitializeDeviceRequest.TryRead(bytes, out ReinitializeDeviceRequest reinitRead, out _)
            && reinitRead.State == reinit.State && reinitRead.HasPassword == hasDuration;

        var write = new WritePropertyRequest(id, BacnetPropertyIdentifier.PresentValue, hasDuration ? duration : null, tagged, priority is >= 1 and <= 16 ? priority : null);
        bytes = Encode(write);
        ok &= WritePropertyRequest.TryRead(bytes, out WritePropertyRequest writeRead, out _)
            && writeRead.ObjectIdentifier == id && writeRead.ArrayIndex == write.ArrayIndex && writeRead.Priority == write.Priority && writeRead.Value.SequenceEqual(tagged);

        var ack = new ReadPropertyAck(id, BacnetPropertyIdentifier.ObjectName, null, tagged);
        bytes = Encode(ack);
        ok &= ReadPropertyAck.TryRead(bytes, out ReadPropertyAck ackRead, out _) && ackRead.Value.SequenceEqual(tagged);

        var file = new AtomicWriteFileRequest(new BacnetObjectIdentifier(BacnetObjectType.File, 1), BacnetFileData.ForStream(start, value));
        bytes = Encode(file);
        ok &= AtomicWriteFileRequest.TryRead(bytes, out AtomicWriteFileRequest fileRead, out _)
            && fileRead.Data.Start == start && fileRead.Data.Data.SequenceEqual(value);

        var cov = new CovNotificationRequest(instance, id, id, duration, []);
        bytes = Encode(cov);
        ok &= CovNotificationRequest.TryRead(bytes, out CovNotificationRequest covRead, out _) && covRead.SubscriberProcessIdentifier == instance;

        var has = new IHaveRequest(id, id, name);
        bytes = Encode(has);
        ok &= IHaveRequest.TryRead(bytes, out IHaveRequest hasRead, out _) && hasRead.ObjectName.Bytes.SequenceEqual(password);
        return ok;
    }

    private delegate bool Reader<T>(ReadOnlySpan<byte> bytes, out T value);

    private static bool RoundTrip<T>(T value, Reader<T> read)
        where T : IBacnetEncodable, IEquatable<T>
    {
        byte[] bytes = Encode(value);
        if (!read(bytes, out T back) || !back.Equals(value))
        {
            return false;
        }

        // Canonical: writing what was read gives the same octets.
        return Encode(back).AsSpan().SequenceEqual(bytes);
    }

    private static byte[] Encode<T>(scoped in T value)
        where T : IBacnetEncodable, allows ref struct
    {
        byte[] buffer = new byte[value.GetEncodedLength()];
        Assert.Equal(OperationStatus.Done, value.TryWrite(buffer, out int written));
        Assert.Equal(buffer.Length, written);
        return buffer;
    }

    private static void TouchEverything(in BacnetIpFrame frame)
    {
        BvlcFrame bvlc = frame.Bvlc;
        _ = bvlc.ResultCode;
        _ = bvlc.TimeToLive;
        _ = bvlc.OriginatingAddress;
        _ = bvlc.DeleteEntryAddress;
        for (int i = 0; i < bvlc.TableEntryCount; i++)
        {
            _ = bvlc.Function == BvlcFunction.ReadForeignDeviceTableAck ? bvlc.GetFdtEntry(i).Endpoint : bvlc.GetBdtEntry(i).Endpoint;
        }

        if (frame.HasNpdu && frame.Npdu.IsNetworkMessage)
        {
            foreach (RoutingTablePort port in NetworkMessages.EnumerateRoutingTable(frame.Npdu.Payload))
            {
                _ = port.PortInfo.Length;
            }
        }

        if (frame.HasApdu)
        {
            ApduFrame apdu = frame.Apdu;
            _ = apdu.MaxSegments;
            _ = apdu.MaxApdu;
            _ = apdu.RejectReason;
            _ = apdu.AbortReason;
            _ = BacnetNames.GetConfirmedServiceName(apdu.ServiceChoice);
            if (apdu.PduType == BacnetPduType.Error)
            {
                _ = BacnetErrorInfo.TryRead(apdu.ConfirmedService, apdu.ServiceData, out _, out _);
            }
        }
    }
}
