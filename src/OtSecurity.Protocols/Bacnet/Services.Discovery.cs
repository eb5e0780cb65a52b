using System.Buffers;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>Who-Is-Request (ANSI/ASHRAE 135 clause 16.10.1): an optional device instance range.</summary>
/// <param name="LowLimit">deviceInstanceRangeLowLimit [0], present together with <paramref name="HighLimit"/>.</param>
/// <param name="HighLimit">deviceInstanceRangeHighLimit [1].</param>
public readonly record struct WhoIsRequest(uint? LowLimit, uint? HighLimit) : IBacnetEncodable
{
    /// <summary>Reads a Who-Is request.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out WhoIsRequest request, out ProtocolError error)
    {
        request = default;
        var reader = new BacnetTagReader(data);
        uint? low = null, high = null;
        if (!reader.End)
        {
            // 16.10.1.1: both limits or neither, each 0..4194303.
            if (!reader.TryReadContextUnsigned(0, out uint lowValue) || !reader.TryReadContextUnsigned(1, out uint highValue))
            {
                error = reader.Error;
                return false;
            }

            if (lowValue > BacnetObjectIdentifier.MaxInstance || highValue > BacnetObjectIdentifier.MaxInstance)
            {
                error = BacnetErrors.Create(BacnetError.ParameterOutOfRange, "Who-Is device instance limit exceeds 4194303", 0);
                return false;
            }

            low = lowValue;
            high = highValue;
        }

        if (!reader.TryReadEnd())
        {
            error = reader.Error;
            return false;
        }

        request = new WhoIsRequest(low, high);
        error = default;
        return true;
    }

    /// <summary>Octets this request encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength()
    {
        var writer = BacnetTagWriter.CreateMeasuring();
        Write(ref writer);
        return writer.BytesWritten;
    }

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        Write(ref writer);
        return writer.Complete(out bytesWritten);
    }

    private void Write(ref BacnetTagWriter writer)
    {
        if (LowLimit.HasValue != HighLimit.HasValue)
        {
            throw new ArgumentException("Who-Is carries both limits or neither (clause 16.10.1.1).");
        }

        if (LowLimit is uint low && HighLimit is uint high)
        {
            if (low > BacnetObjectIdentifier.MaxInstance || high > BacnetObjectIdentifier.MaxInstance)
            {
                throw new ArgumentException("Who-Is limits are 0..4194303.");
            }

            writer.WriteContextUnsigned(0, low);
            writer.WriteContextUnsigned(1, high);
        }
    }
}

/// <summary>I-Am-Request (clause 16.10.3): the device announces itself.</summary>
/// <param name="DeviceIdentifier">iAmDeviceIdentifier (object type device).</param>
/// <param name="MaxApduLengthAccepted">maxAPDULengthAccepted, in octets.</param>
/// <param name="Segmentation">segmentationSupported.</param>
/// <param name="VendorId">vendorID (see <see cref="BacnetVendors"/>).</param>
public readonly record struct IAmRequest(BacnetObjectIdentifier DeviceIdentifier, uint MaxApduLengthAccepted, BacnetSegmentation Segmentation, ushort VendorId) : IBacnetEncodable
{
    /// <summary>Reads an I-Am request.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out IAmRequest request, out ProtocolError error)
    {
        request = default;
        var reader = new BacnetTagReader(data);
        if (!reader.TryReadObjectIdentifier(out BacnetObjectIdentifier device)
            || !reader.TryReadUnsigned(out uint maxApdu)
            || !reader.TryReadEnumerated(out uint segmentation)
            || !reader.TryReadUnsigned(out uint vendor)
            || !reader.TryReadEnd())
        {
            error = reader.Error;
            return false;
        }

        if (device.Type != BacnetObjectType.Device)
        {
            error = BacnetErrors.Create(BacnetError.ParameterOutOfRange, "I-Am identifier is not a device object", 0);
            return false;
        }

        if (segmentation > (uint)BacnetSegmentation.NoSegmentation || vendor > ushort.MaxValue)
        {
            error = BacnetErrors.Create(BacnetError.ParameterOutOfRange, "I-Am segmentation or vendor id out of range", 0);
            return false;
        }

        request = new IAmRequest(device, maxApdu, (BacnetSegmentation)segmentation, (ushort)vendor);
        error = default;
        return true;
    }

    /// <summary>The vendor's name from the ASHRAE list, or <see langword="null"/>.</summary>
    public string? VendorName => BacnetVendors.GetName(VendorId);

    /// <summary>Octets this request encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength()
    {
        var writer = BacnetTagWriter.CreateMeasuring();
        Write(ref writer);
        return writer.BytesWritten;
    }

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        Write(ref writer);
        return writer.Complete(out bytesWritten);
    }

    private void Write(ref BacnetTagWriter writer)
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
public readonly ref struct WhoHasRequest : IBacnetEncodable
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
    public static bool TryRead(ReadOnlySpan<byte> data, out WhoHasRequest request, out ProtocolError error)
    {
        request = default;
        var reader = new BacnetTagReader(data);
        uint? low = null, high = null;
        if (reader.PeekIsContext(0))
        {
            if (!reader.TryReadContextUnsigned(0, out uint lowValue) || !reader.TryReadContextUnsigned(1, out uint highValue))
            {
                error = reader.Error;
                return false;
            }

            if (lowValue > BacnetObjectIdentifier.MaxInstance || highValue > BacnetObjectIdentifier.MaxInstance)
            {
                error = BacnetErrors.Create(BacnetError.ParameterOutOfRange, "Who-Has device instance limit exceeds 4194303", 0);
                return false;
            }

            low = lowValue;
            high = highValue;
        }

        if (reader.PeekIsContext(2))
        {
            if (!reader.TryReadContextObjectIdentifier(2, out BacnetObjectIdentifier id) || !reader.TryReadEnd())
            {
                error = reader.Error;
                return false;
            }

            request = new WhoHasRequest(id, low, high);
        }
        else
        {
            if (!reader.TryReadContextCharacterString(3, out BacnetCharacterString name) || !reader.TryReadEnd())
            {
                error = reader.Error;
                return false;
            }

            request = new WhoHasRequest(name, low, high);
        }

        error = default;
        return true;
    }

    /// <summary>Octets this request encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength()
    {
        var writer = BacnetTagWriter.CreateMeasuring();
        Write(ref writer);
        return writer.BytesWritten;
    }

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        Write(ref writer);
        return writer.Complete(out bytesWritten);
    }

    private void Write(ref BacnetTagWriter writer)
    {
        if (LowLimit.HasValue != HighLimit.HasValue)
        {
            throw new ArgumentException("Who-Has carries both limits or neither.");
        }

        if (LowLimit is uint low && HighLimit is uint high)
        {
            writer.WriteContextUnsigned(0, low);
            writer.WriteContextUnsigned(1, high);
        }

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
public readonly ref struct IHaveRequest : IBacnetEncodable
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
    public static bool TryRead(ReadOnlySpan<byte> data, out IHaveRequest request, out ProtocolError error)
    {
        request = default;
        var reader = new BacnetTagReader(data);
        if (!reader.TryReadObjectIdentifier(out BacnetObjectIdentifier device)
            || !reader.TryReadObjectIdentifier(out BacnetObjectIdentifier obj)
            || !reader.TryReadCharacterString(out BacnetCharacterString name)
            || !reader.TryReadEnd())
        {
            error = reader.Error;
            return false;
        }

        request = new IHaveRequest(device, obj, name);
        error = default;
        return true;
    }

    /// <summary>Octets this request encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength()
    {
        var writer = BacnetTagWriter.CreateMeasuring();
        Write(ref writer);
        return writer.BytesWritten;
    }

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        Write(ref writer);
        return writer.Complete(out bytesWritten);
    }

    private void Write(ref BacnetTagWriter writer)
    {
        writer.WriteObjectIdentifier(DeviceIdentifier);
        writer.WriteObjectIdentifier(ObjectIdentifier);
        writer.WriteCharacterString(ObjectName);
    }
}
