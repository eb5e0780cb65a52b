using System.Buffers;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>Who-Is-Request (ANSI/ASHRAE 135 clause 16.10.1): an optional device instance range.</summary>
/// <param name="LowLimit">deviceInstanceRangeLowLimit [0], present together with <paramref name="HighLimit"/>.</param>
/// <param name="HighLimit">deviceInstanceRangeHighLimit [1].</param>
public readonly record struct WhoIsRequest(uint? LowLimit, uint? HighLimit) : IBacnetEncodable, IBacnetService<WhoIsRequest>
{
    /// <summary>Reads a Who-Is request.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out WhoIsRequest request, out ProtocolError error) =>
        ServiceCodec.TryRead(data, out request, out error);

    /// <summary>Octets this request encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => ServiceCodec.GetEncodedLength(this);

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten) => ServiceCodec.TryWrite(this, destination, out bytesWritten);

    static bool IBacnetService<WhoIsRequest>.TryReadFields(scoped ref BacnetTagReader reader, out WhoIsRequest value)
    {
        // 16.10.1.1: both limits or neither, each 0..4194303.
        bool valid = ServiceCodec.TryReadDeviceRange(ref reader, !reader.End, "Who-Is device instance limit exceeds 4194303", out uint? low, out uint? high);
        value = new WhoIsRequest(low, high);
        return valid;
    }

    void IBacnetService<WhoIsRequest>.WriteFields(ref BacnetTagWriter writer) => ServiceCodec.WriteDeviceRange(ref writer, LowLimit, HighLimit, "Who-Is");
}

/// <summary>I-Am-Request (clause 16.10.3): the device announces itself.</summary>
/// <param name="DeviceIdentifier">iAmDeviceIdentifier (object type device).</param>
/// <param name="MaxApduLengthAccepted">maxAPDULengthAccepted, in octets.</param>
/// <param name="Segmentation">segmentationSupported.</param>
/// <param name="VendorId">vendorID (see <see cref="BacnetVendors"/>).</param>
public readonly record struct IAmRequest(BacnetObjectIdentifier DeviceIdentifier, uint MaxApduLengthAccepted, BacnetSegmentation Segmentation, ushort VendorId)
    : IBacnetEncodable, IBacnetService<IAmRequest>
{
    /// <summary>Reads an I-Am request.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out IAmRequest request, out ProtocolError error) =>
        ServiceCodec.TryRead(data, out request, out error);

    /// <summary>The vendor's name from the ASHRAE list, or <see langword="null"/>.</summary>
    public string? VendorName => BacnetVendors.GetName(VendorId);

    /// <summary>Octets this request encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => ServiceCodec.GetEncodedLength(this);

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten) => ServiceCodec.TryWrite(this, destination, out bytesWritten);

    static bool IBacnetService<IAmRequest>.TryReadFields(scoped ref BacnetTagReader reader, out IAmRequest value)
    {
        value = default;
        if (!reader.TryReadObjectIdentifier(out BacnetObjectIdentifier device)
            || !reader.TryReadUnsigned(out uint maxApdu)
            || !reader.TryReadEnumerated(out uint segmentation)
            || !reader.TryReadUnsigned(out uint vendor)
            || !reader.TryReadEnd())
        {
            return false;
        }

        if (device.Type != BacnetObjectType.Device)
        {
            return ServiceCodec.FailAtStart(ref reader, BacnetError.ParameterOutOfRange, "I-Am identifier is not a device object");
        }

        if (segmentation > (uint)BacnetSegmentation.NoSegmentation || vendor > ushort.MaxValue)
        {
            return ServiceCodec.FailAtStart(ref reader, BacnetError.ParameterOutOfRange, "I-Am segmentation or vendor id out of range");
        }

        value = new IAmRequest(device, maxApdu, (BacnetSegmentation)segmentation, (ushort)vendor);
        return true;
    }

    void IBacnetService<IAmRequest>.WriteFields(ref BacnetTagWriter writer)
    {
        if (DeviceIdentifier.Type != BacnetObjectType.Device)
        {
            throw new ArgumentException("I-Am carries a device object identifier.");
        }

        writer.WriteObjectIdentifier(DeviceIdentifier);
        writer.WriteUnsigned(MaxApduLengthAccepted);
        writer.WriteEnumerated((uint)Segmentation);
        writer.WriteUnsigned(VendorId);
    }
}

/// <summary>Who-Has-Request (clause 16.9.1): optional device range, then an object identifier or an object name.</summary>
public readonly ref struct WhoHasRequest : IBacnetEncodable, IBacnetService<WhoHasRequest>
{
    /// <summary>Creates a request for an object identifier.</summary>
    /// <param name="objectIdentifier">The object sought.</param>
    /// <param name="lowLimit">Optional low limit (with <paramref name="highLimit"/>).</param>
    /// <param name="highLimit">Optional high limit.</param>
    public WhoHasRequest(BacnetObjectIdentifier objectIdentifier, uint? lowLimit = null, uint? highLimit = null)
    {
        LowLimit = lowLimit;
        HighLimit = highLimit;
        ObjectIdentifier = objectIdentifier;
        HasObjectIdentifier = true;
    }

    /// <summary>Creates a request for an object name.</summary>
    /// <param name="objectName">The name sought.</param>
    /// <param name="lowLimit">Optional low limit (with <paramref name="highLimit"/>).</param>
    /// <param name="highLimit">Optional high limit.</param>
    public WhoHasRequest(BacnetCharacterString objectName, uint? lowLimit = null, uint? highLimit = null)
    {
        LowLimit = lowLimit;
        HighLimit = highLimit;
        ObjectName = objectName;
    }

    /// <summary>deviceInstanceRangeLowLimit [0].</summary>
    public uint? LowLimit { get; }

    /// <summary>deviceInstanceRangeHighLimit [1].</summary>
    public uint? HighLimit { get; }

    /// <summary>True when the request names an object identifier [2]; false for an object name [3].</summary>
    public bool HasObjectIdentifier { get; }

    /// <summary>objectIdentifier [2].</summary>
    public BacnetObjectIdentifier ObjectIdentifier { get; }

    /// <summary>objectName [3].</summary>
    public BacnetCharacterString ObjectName { get; }

    /// <summary>Reads a Who-Has request.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out WhoHasRequest request, out ProtocolError error) =>
        ServiceCodec.TryRead(data, out request, out error);

    /// <summary>Octets this request encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => ServiceCodec.GetEncodedLength(this);

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten) => ServiceCodec.TryWrite(this, destination, out bytesWritten);

    static bool IBacnetService<WhoHasRequest>.TryReadFields(scoped ref BacnetTagReader reader, out WhoHasRequest value)
    {
        value = default;
        if (!ServiceCodec.TryReadDeviceRange(ref reader, reader.PeekIsContext(0), "Who-Has device instance limit exceeds 4194303", out uint? low, out uint? high))
        {
            return false;
        }

        if (reader.PeekIsContext(2))
        {
            bool hasId = reader.TryReadContextObjectIdentifier(2, out BacnetObjectIdentifier id);
            value = new WhoHasRequest(id, low, high);
            return hasId;
        }

        bool hasName = reader.TryReadContextCharacterString(3, out BacnetCharacterString name);
        value = new WhoHasRequest(name, low, high);
        return hasName;
    }

    void IBacnetService<WhoHasRequest>.WriteFields(ref BacnetTagWriter writer)
    {
        ServiceCodec.WriteDeviceRange(ref writer, LowLimit, HighLimit, "Who-Has");
        if (HasObjectIdentifier)
        {
            writer.WriteContextObjectIdentifier(2, ObjectIdentifier);
        }
        else
        {
            writer.WriteContextCharacterString(3, ObjectName);
        }
    }
}

/// <summary>I-Have-Request (clause 16.9.3): the device that has the object, the object and its name.</summary>
public readonly ref struct IHaveRequest : IBacnetEncodable, IBacnetService<IHaveRequest>
{
    /// <summary>Creates a request.</summary>
    /// <param name="deviceIdentifier">deviceIdentifier.</param>
    /// <param name="objectIdentifier">objectIdentifier.</param>
    /// <param name="objectName">objectName.</param>
    public IHaveRequest(BacnetObjectIdentifier deviceIdentifier, BacnetObjectIdentifier objectIdentifier, BacnetCharacterString objectName)
    {
        DeviceIdentifier = deviceIdentifier;
        ObjectIdentifier = objectIdentifier;
        ObjectName = objectName;
    }

    /// <summary>deviceIdentifier.</summary>
    public BacnetObjectIdentifier DeviceIdentifier { get; }

    /// <summary>objectIdentifier.</summary>
    public BacnetObjectIdentifier ObjectIdentifier { get; }

    /// <summary>objectName.</summary>
    public BacnetCharacterString ObjectName { get; }

    /// <summary>Reads an I-Have request.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out IHaveRequest request, out ProtocolError error) =>
        ServiceCodec.TryRead(data, out request, out error);

    /// <summary>Octets this request encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => ServiceCodec.GetEncodedLength(this);

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten) => ServiceCodec.TryWrite(this, destination, out bytesWritten);

    static bool IBacnetService<IHaveRequest>.TryReadFields(scoped ref BacnetTagReader reader, out IHaveRequest value)
    {
        value = default;
        if (!reader.TryReadObjectIdentifier(out BacnetObjectIdentifier device)
            || !reader.TryReadObjectIdentifier(out BacnetObjectIdentifier obj)
            || !reader.TryReadCharacterString(out BacnetCharacterString name))
        {
            return false;
        }

        value = new IHaveRequest(device, obj, name);
        return true;
    }

    void IBacnetService<IHaveRequest>.WriteFields(ref BacnetTagWriter writer)
    {
        writer.WriteObjectIdentifier(DeviceIdentifier);
        writer.WriteObjectIdentifier(ObjectIdentifier);
        writer.WriteCharacterString(ObjectName);
    }
}
