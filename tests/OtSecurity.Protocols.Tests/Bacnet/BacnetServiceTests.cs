using System.Buffers;
using OtSecurity.Protocols.Bacnet;
using static OtSecurity.Protocols.Tests.Bacnet.BacnetHex;

namespace OtSecurity.Protocols.Tests.Bacnet;

public class BacnetServiceTests
{
    [Fact]
    public void WhoIs_WithRange_ReadsLimits()
    {
        // 16.10.1: [0] 12345, [1] 12345 (bacnet-array-elements frame 2).
        Assert.True(WhoIsRequest.TryRead(Bytes("0a3039 1a3039"), out WhoIsRequest request, out _));
        Assert.Equal(new WhoIsRequest(12345, 12345), request);
        AssertRewrites("0a3039 1a3039", request);
    }

    [Fact]
    public void WhoIs_WithoutRange_IsEmpty()
    {
        Assert.True(WhoIsRequest.TryRead([], out WhoIsRequest request, out _));
        Assert.Equal(new WhoIsRequest(null, null), request);
        Assert.Equal(0, request.GetEncodedLength());
    }

    [Theory]
    [InlineData("0a3039", BacnetError.TagTruncated)] // low limit without high limit
    [InlineData("0b400000 1b400000", BacnetError.ParameterOutOfRange)] // 4194304 exceeds the instance range
    [InlineData("0a3039 1a3039 21 00", BacnetError.TrailingData)]
    public void WhoIs_Invalid_Fails(string hex, BacnetError expected)
    {
        Assert.False(WhoIsRequest.TryRead(Bytes(hex), out WhoIsRequest request, out ProtocolError error));
        Assert.Equal(default, request);
        Assert.Equal((int)expected, error.Code);
    }

    [Fact]
    public void IAm_ReadsDeviceAndVendor()
    {
        // 16.10.3: device,0; max APDU 1024; segmented-both; vendor 154 (icsnpp-bacnet-segmented frame 5).
        Assert.True(IAmRequest.TryRead(Bytes("c4 02000000 22 0400 91 00 21 9a"), out IAmRequest request, out _));
        Assert.Equal(new BacnetObjectIdentifier(BacnetObjectType.Device, 0), request.DeviceIdentifier);
        Assert.Equal(1024u, request.MaxApduLengthAccepted);
        Assert.Equal(BacnetSegmentation.SegmentedBoth, request.Segmentation);
        Assert.Equal(154, request.VendorId);
        Assert.Equal("Unitec Corporation", request.VendorName);
        AssertRewrites("c4 02000000 22 0400 91 00 21 9a", request);
    }

    [Fact]
    public void IAm_NotADevice_Fails()
    {
        // An analog-input identifier cannot announce a device.
        Assert.False(IAmRequest.TryRead(Bytes("c4 00000001 22 0400 91 00 21 9a"), out _, out ProtocolError error));
        Assert.Equal((int)BacnetError.ParameterOutOfRange, error.Code);
    }

    [Fact]
    public void WhoHas_ByName_ReadsName()
    {
        // 16.9.1: objectName [3] "SYNERGY" (icsnpp-bacnet-error-reject-abort frame 36).
        Assert.True(WhoHasRequest.TryRead(Bytes("3d 08 00 53594e45524759"), out WhoHasRequest request, out _));
        Assert.False(request.HasObjectIdentifier);
        Assert.Equal("SYNERGY", request.ObjectName.Decode());
        AssertRewrites("3d 08 00 53594e45524759", request);
    }

    [Fact]
    public void WhoHas_ByIdentifierWithRange_ReadsAll()
    {
        Assert.True(WhoHasRequest.TryRead(Bytes("09 01 19 0a 2c 00000005"), out WhoHasRequest request, out _));
        Assert.Equal(1u, request.LowLimit);
        Assert.Equal(10u, request.HighLimit);
        Assert.True(request.HasObjectIdentifier);
        Assert.Equal(new BacnetObjectIdentifier(BacnetObjectType.AnalogInput, 5), request.ObjectIdentifier);
    }

    [Fact]
    public void IHave_ReadsDeviceObjectAndName()
    {
        // 16.9.3: device,61; device,61; "SYNERGY" (icsnpp-bacnet-error-reject-abort frame 30).
        Assert.True(IHaveRequest.TryRead(Bytes("c4 0200003d c4 0200003d 75 08 00 53594e45524759"), out IHaveRequest request, out _));
        Assert.Equal(61u, request.DeviceIdentifier.Instance);
        Assert.Equal("SYNERGY", request.ObjectName.Decode());
        AssertRewrites("c4 0200003d c4 0200003d 75 08 00 53594e45524759", request);
    }

    [Fact]
    public void ReadProperty_ReadsReference()
    {
        // 15.5.1: device,4194303 / object-identifier (75) (iti-bacnet-test frame 3).
        Assert.True(ReadPropertyRequest.TryRead(Bytes("0c 023fffff 19 4b"), out ReadPropertyRequest request, out _));
        Assert.Equal(new ReadPropertyRequest(new BacnetObjectIdentifier(BacnetObjectType.Device, BacnetObjectIdentifier.MaxInstance), BacnetPropertyIdentifier.ObjectIdentifier, null), request);
        AssertRewrites("0c 023fffff 19 4b", request);
    }

    [Fact]
    public void ReadPropertyAck_WithUcs2Name_DecodesValue()
    {
        // 15.5.1.3: device,4194303 / model-name (70) = UCS-2 "MS-NAE4510-2" (iti-bacnet-test frame 16).
        const string Hex = "0c 023fffff 19 46 3e 75 19 04 004d0053002d004e004100450034003500310030002d0032 3f";
        Assert.True(ReadPropertyAck.TryRead(Bytes(Hex), out ReadPropertyAck ack, out _));
        Assert.Equal(BacnetPropertyIdentifier.ModelName, ack.Property);
        var value = new BacnetTagReader(ack.Value);
        Assert.True(value.TryReadCharacterString(out BacnetCharacterString name));
        Assert.Equal(BacnetCharacterSet.Ucs2, name.CharacterSet);
        Assert.Equal("MS-NAE4510-2", name.Decode());
        AssertRewrites(Hex, ack);
    }

    [Theory]
    [InlineData("0c 023fffff 19 46 3e 21 01", BacnetError.TagTruncated)] // value never closed
    [InlineData("0c 023fffff 19 46", BacnetError.TagTruncated)] // no value
    [InlineData("1c 023fffff 19 46 3e 21 01 3f", BacnetError.TagUnexpected)] // objectIdentifier must be [0]
    public void ReadPropertyAck_Invalid_Fails(string hex, BacnetError expected)
    {
        Assert.False(ReadPropertyAck.TryRead(Bytes(hex), out ReadPropertyAck ack, out ProtocolError error));
        Assert.True(ack.Value.IsEmpty);
        Assert.Equal((int)expected, error.Code);
    }

    [Fact]
    public void ReadPropertyMultiple_EnumeratesSpecifications()
    {
        // 15.7.1: device,101: vendor-name, model-name, description, object-list (icsnpp-bacnet-error-reject-abort frame 14).
        Assert.True(ReadPropertyMultipleRequest.TryRead(Bytes("0c 02000065 1e 09 79 09 46 09 1c 09 4c 1f"), out ReadPropertyMultipleRequest request, out _));
        Assert.Equal(1, request.Count);
        foreach (ReadAccessSpecification specification in request)
        {
            Assert.Equal(101u, specification.ObjectIdentifier.Instance);
            var properties = new List<BacnetPropertyIdentifier>();
            foreach (BacnetPropertyReference reference in specification.EnumerateProperties())
            {
                properties.Add(reference.Property);
            }

            Assert.Equal([BacnetPropertyIdentifier.VendorName, BacnetPropertyIdentifier.ModelName, BacnetPropertyIdentifier.Description, BacnetPropertyIdentifier.ObjectList], properties);
        }
    }

    [Fact]
    public void ReadPropertyMultipleAck_ReadsValuesAndErrors()
    {
        // 15.7.1.3: device,101 { vendor-name = "ACME", description: error property / unknown-property }.
        const string Hex = "0c 02000065 1e 29 79 4e 75 05 00 41434d45 4f 29 1c 5e 91 02 91 20 5f 1f";
        Assert.True(ReadPropertyMultipleAck.TryRead(Bytes(Hex), out ReadPropertyMultipleAck ack, out _));
        int seen = 0;
        foreach (ReadAccessResult result in ack)
        {
            Assert.True(result.HasResults);
            foreach (ReadResultElement element in result.EnumerateResults())
            {
                seen++;
                if (element.Property == BacnetPropertyIdentifier.VendorName)
                {
                    Assert.False(element.IsError);
                    var reader = new BacnetTagReader(element.Value);
                    Assert.True(reader.TryReadCharacterString(out BacnetCharacterString vendor));
                    Assert.Equal("ACME", vendor.Decode());
                }
                else
                {
                    Assert.True(element.IsError);
                    Assert.Equal(new BacnetErrorInfo(BacnetErrorClass.Property, BacnetErrorCode.UnknownProperty), element.AccessError);
                }
            }
        }

        Assert.Equal(2, seen);
    }

    [Fact]
    public void ReadPropertyMultipleAck_WrittenFromParts_RoundTrips()
    {
        byte[] buffer = new byte[64];
        int offset = 0;
        offset += Written(ReadAccessResult.TryWriteHeader(new BacnetObjectIdentifier(BacnetObjectType.Device, 101), buffer.AsSpan(offset), out int n), n);
        offset += Written(ReadAccessResult.TryWriteValue(new BacnetPropertyReference(BacnetPropertyIdentifier.VendorName, null), Bytes("75 05 00 41434d45"), buffer.AsSpan(offset), out n), n);
        offset += Written(ReadAccessResult.TryWriteError(new BacnetPropertyReference(BacnetPropertyIdentifier.Description, null), new BacnetErrorInfo(BacnetErrorClass.Property, BacnetErrorCode.UnknownProperty), buffer.AsSpan(offset), out n), n);
        offset += Written(ReadAccessResult.TryWriteTrailer(buffer.AsSpan(offset), out n), n);
        Assert.Equal(Bytes("0c 02000065 1e 29 79 4e 75 05 00 41434d45 4f 29 1c 5e 91 02 91 20 5f 1f"), buffer[..offset]);
        byte[] copy = new byte[offset];
        Assert.Equal(OperationStatus.Done, ReadPropertyMultipleAck.TryWrite(buffer.AsSpan(0, offset), copy, out int copied));
        Assert.Equal(offset, copied);
    }

    [Fact]
    public void WriteProperty_ReadsValueAndPriority()
    {
        // 15.9.1: analog-output,0 / present-value = 80.0 at priority 5 (icsnpp-bacnet-error-reject-abort frame 15).
        const string Hex = "0c 00400000 19 55 3e 44 42a00000 3f 49 05";
        Assert.True(WritePropertyRequest.TryRead(Bytes(Hex), out WritePropertyRequest request, out _));
        Assert.Equal(BacnetObjectType.AnalogOutput, request.ObjectIdentifier.Type);
        Assert.Equal(BacnetPropertyIdentifier.PresentValue, request.Property);
        Assert.Equal((byte)5, request.Priority);
        var value = new BacnetTagReader(request.Value);
        Assert.True(value.TryReadReal(out float real));
        Assert.Equal(80.0f, real);
        AssertRewrites(Hex, request);
    }

    [Fact]
    public void WriteProperty_PriorityOutOfRange_Fails()
    {
        Assert.False(WritePropertyRequest.TryRead(Bytes("0c 00400000 19 55 3e 44 42a00000 3f 49 11"), out _, out ProtocolError error));
        Assert.Equal((int)BacnetError.ParameterOutOfRange, error.Code);
    }

    [Fact]
    public void WritePropertyMultiple_EnumeratesValues()
    {
        // 15.10.1: binary-output,0 and binary-output,1 / present-value = 0.0 at priority 5 (icsnpp-bacnet-error-reject-abort frame 16).
        const string Hex = "0c 01000000 1e 09 55 2e 44 00000000 2f 39 05 1f 0c 01000001 1e 09 55 2e 44 00000000 2f 39 05 1f";
        Assert.True(WritePropertyMultipleRequest.TryRead(Bytes(Hex), out WritePropertyMultipleRequest request, out _));
        Assert.Equal(2, request.Count);
        uint instance = 0;
        foreach (WriteAccessSpecification specification in request)
        {
            Assert.Equal(instance++, specification.ObjectIdentifier.Instance);
            foreach (BacnetPropertyValue value in specification.EnumerateProperties())
            {
                Assert.Equal(BacnetPropertyIdentifier.PresentValue, value.Property);
                Assert.Equal((byte)5, value.Priority);
            }
        }
    }

    [Fact]
    public void DeviceCommunicationControl_ReadsAllParameters()
    {
        // 16.1.1: 60 minutes, disable, password "filister" (icsnpp-bacnet-error-reject-abort frame 17).
        const string Hex = "09 3c 19 01 2d 09 00 66696c6973746572";
        Assert.True(DeviceCommunicationControlRequest.TryRead(Bytes(Hex), out DeviceCommunicationControlRequest request, out _));
        Assert.Equal((ushort)60, request.TimeDuration);
        Assert.Equal(BacnetCommunicationEnableDisable.Disable, request.EnableDisable);
        Assert.True(request.HasPassword);
        Assert.Equal("filister", request.Password.Decode());
        AssertRewrites(Hex, request);
    }

    [Fact]
    public void DeviceCommunicationControl_UndefinedEnable_Fails()
    {
        Assert.False(DeviceCommunicationControlRequest.TryRead(Bytes("19 03"), out _, out ProtocolError error));
        Assert.Equal((int)BacnetError.ParameterOutOfRange, error.Code);
    }

    [Fact]
    public void ReinitializeDevice_ReadsState()
    {
        // 16.4.1: coldstart, no password (icsnpp-bacnet-error-reject-abort frame 19).
        Assert.True(ReinitializeDeviceRequest.TryRead(Bytes("09 00"), out ReinitializeDeviceRequest request, out _));
        Assert.Equal(BacnetReinitializedState.Coldstart, request.State);
        Assert.False(request.HasPassword);
        AssertRewrites("09 00", request);
    }

    [Fact]
    public void AtomicReadFile_ReadsStreamAccess()
    {
        // 14.1.1: file,0; stream access from 0, 440 octets (icsnpp-bacnet-error-reject-abort frame 7).
        Assert.True(AtomicReadFileRequest.TryRead(Bytes("c4 02800000 0e 31 00 22 01b8 0f"), out AtomicReadFileRequest request, out _));
        Assert.Equal(new AtomicReadFileRequest(new BacnetObjectIdentifier(BacnetObjectType.File, 0), BacnetFileAccessMethod.Stream, 0, 440), request);
        AssertRewrites("c4 02800000 0e 31 00 22 01b8 0f", request);
    }

    [Fact]
    public void AtomicReadFileAck_ReadsRecords()
    {
        // 14.1.1.3: end of file; record access from record 2, two records "ab" and "cdef".
        const string Hex = "11 1e 31 02 21 02 61 ab 62 cdef 1f";
        Assert.True(AtomicReadFileAck.TryRead(Bytes(Hex), out AtomicReadFileAck ack, out _));
        Assert.True(ack.EndOfFile);
        Assert.Equal(BacnetFileAccessMethod.Record, ack.Data.AccessMethod);
        Assert.Equal(2u, ack.Data.RecordCount);
        var records = new List<byte[]>();
        foreach (ReadOnlySpan<byte> record in ack.Data.EnumerateRecords())
        {
            records.Add(record.ToArray());
        }

        Assert.Equal([Bytes("ab"), Bytes("cdef")], records);
        AssertRewrites(Hex, ack);
    }

    [Fact]
    public void AtomicReadFileAck_FewerRecordsThanCounted_Fails()
    {
        Assert.False(AtomicReadFileAck.TryRead(Bytes("11 1e 31 02 21 03 61 ab 62 cdef 1f"), out _, out ProtocolError error));
        Assert.Equal((int)BacnetError.TagUnexpected, error.Code);
    }

    [Fact]
    public void AtomicWriteFile_ReadsStreamData()
    {
        // 14.2.1: file,0; stream from 0, 4 octets.
        const string Hex = "c4 02800000 0e 31 00 64 23212f62 0f";
        Assert.True(AtomicWriteFileRequest.TryRead(Bytes(Hex), out AtomicWriteFileRequest request, out _));
        Assert.Equal(BacnetFileAccessMethod.Stream, request.Data.AccessMethod);
        Assert.Equal(Bytes("23212f62"), request.Data.Data.ToArray());
        AssertRewrites(Hex, request);
        Assert.True(AtomicWriteFileAck.TryRead(Bytes("09 00"), out AtomicWriteFileAck ack, out _));
        Assert.Equal(new AtomicWriteFileAck(BacnetFileAccessMethod.Stream, 0), ack);
    }

    [Fact]
    public void SubscribeCov_ReadsAndDetectsCancellation()
    {
        // 13.14.1: process 18, analog-input,1, unconfirmed, lifetime 600.
        Assert.True(SubscribeCovRequest.TryRead(Bytes("09 12 1c 00000001 29 00 3a 0258"), out SubscribeCovRequest request, out _));
        Assert.Equal(new SubscribeCovRequest(18, new BacnetObjectIdentifier(BacnetObjectType.AnalogInput, 1), false, 600), request);
        Assert.False(request.IsCancellation);
        AssertRewrites("09 12 1c 00000001 29 00 3a 0258", request);
        Assert.True(SubscribeCovRequest.TryRead(Bytes("09 12 1c 00000001"), out SubscribeCovRequest cancel, out _));
        Assert.True(cancel.IsCancellation);
    }

    [Fact]
    public void CovNotification_EnumeratesValues()
    {
        // 13.7: process 1, device,2, binary-input,4, 5 s left, present-value = 100.0 (icsnpp-bacnet-error-reject-abort frame 31).
        const string Hex = "09 01 1c 02000002 2c 00c00004 39 05 4e 09 55 2e 44 42c80000 2f 4f";
        Assert.True(CovNotificationRequest.TryRead(Bytes(Hex), out CovNotificationRequest notification, out _));
        Assert.Equal(2u, notification.InitiatingDeviceIdentifier.Instance);
        Assert.Equal(BacnetObjectType.BinaryInput, notification.MonitoredObjectIdentifier.Type);
        Assert.Equal(5u, notification.TimeRemaining);
        int values = 0;
        foreach (BacnetPropertyValue value in notification.EnumerateValues())
        {
            values++;
            Assert.Equal(BacnetPropertyIdentifier.PresentValue, value.Property);
        }

        Assert.Equal(1, values);
        AssertRewrites(Hex, notification);
    }

    [Fact]
    public void CovNotification_BadValueInList_Fails()
    {
        // The value list holds a property value without its [2] value.
        Assert.False(CovNotificationRequest.TryRead(Bytes("09 01 1c 02000002 2c 00c00004 39 05 4e 09 55 4f"), out _, out ProtocolError error));
        Assert.Equal((int)BacnetError.TagTruncated, error.Code);
    }

    [Fact]
    public void TimeSynchronization_ReadsDateAndTime()
    {
        // 16.7: date and time (icsnpp-bacnet-error-reject-abort frame 35).
        Assert.True(TimeSynchronizationRequest.TryRead(Bytes("a4 d90a0101 b4 0a2c2f33"), out TimeSynchronizationRequest request, out _));
        Assert.Equal(new BacnetDate(0xD9, 10, 1, 1), request.Date);
        Assert.Equal(new BacnetTime(10, 44, 47, 51), request.Time);
        AssertRewrites("a4 d90a0101 b4 0a2c2f33", request);
    }

    [Fact]
    public void ErrorInfo_WrappedForWritePropertyMultiple_ReadsErrorType()
    {
        // WritePropertyMultiple-Error: errorType [0] { property, write-access-denied }, firstFailedWriteAttempt [1] {...}.
        Assert.True(BacnetErrorInfo.TryRead(BacnetConfirmedService.WritePropertyMultiple, Bytes("0e 91 02 91 28 0f 1e 0c 00000001 19 55 1f"), out BacnetErrorInfo info, out _));
        Assert.Equal(new BacnetErrorInfo(BacnetErrorClass.Property, BacnetErrorCode.WriteAccessDenied), info);
    }

    [Theory]
    [InlineData("91 05", BacnetError.TagTruncated)] // no error code
    [InlineData("91 05 91 1a 00", BacnetError.TrailingData)]
    [InlineData("21 05 91 1a", BacnetError.TagUnexpected)] // class must be Enumerated
    public void ErrorInfo_Invalid_Fails(string hex, BacnetError expected)
    {
        Assert.False(BacnetErrorInfo.TryRead(BacnetConfirmedService.ReadProperty, Bytes(hex), out BacnetErrorInfo info, out ProtocolError error));
        Assert.Equal(default, info);
        Assert.Equal((int)expected, error.Code);
    }

    private static void AssertRewrites<T>(string hex, scoped in T value)
        where T : IBacnetEncodable, allows ref struct
    {
        byte[] expected = Bytes(hex);
        int length = value.GetEncodedLength();
        Assert.Equal(expected.Length, length);
        byte[] buffer = new byte[length];
        Assert.Equal(OperationStatus.Done, value.TryWrite(buffer, out int written));
        Assert.Equal(length, written);
        Assert.Equal(expected, buffer);
        Assert.Equal(OperationStatus.DestinationTooSmall, value.TryWrite(new byte[length - 1], out written));
        Assert.Equal(0, written);
    }

    private static int Written(OperationStatus status, int written)
    {
        Assert.Equal(OperationStatus.Done, status);
        return written;
    }
}
