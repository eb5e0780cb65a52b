using System.Buffers;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>ReadProperty-Request (ANSI/ASHRAE 135 clause 15.5.1).</summary>
/// <param name="ObjectIdentifier">objectIdentifier [0].</param>
/// <param name="Property">propertyIdentifier [1].</param>
/// <param name="ArrayIndex">propertyArrayIndex [2], optional.</param>
public readonly record struct ReadPropertyRequest(BacnetObjectIdentifier ObjectIdentifier, BacnetPropertyIdentifier Property, uint? ArrayIndex) : IBacnetEncodable
{
    /// <summary>Reads a ReadProperty request.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out ReadPropertyRequest request, out ProtocolError error)
    {
        request = default;
        var reader = new BacnetTagReader(data);
        if (!ServiceCodec.TryReadObjectPropertyReference(ref reader, 0, out BacnetObjectIdentifier id, out BacnetPropertyIdentifier property, out uint? index)
            || !reader.TryReadEnd())
        {
            error = reader.Error;
            return false;
        }

        request = new ReadPropertyRequest(id, property, index);
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

    private void Write(ref BacnetTagWriter writer) => ServiceCodec.WriteObjectPropertyReference(ref writer, 0, ObjectIdentifier, Property, ArrayIndex);
}

/// <summary>ReadProperty-ACK (clause 15.5.1.3): the reference and the value (application-tagged data inside [3]).</summary>
public readonly ref struct ReadPropertyAck : IBacnetEncodable
{
    /// <summary>Creates an ACK.</summary>
    /// <param name="objectIdentifier">objectIdentifier [0].</param>
    /// <param name="property">propertyIdentifier [1].</param>
    /// <param name="arrayIndex">propertyArrayIndex [2], optional.</param>
    /// <param name="value">The tagged value octets that go inside [3] (well-formed tagged data).</param>
    public ReadPropertyAck(BacnetObjectIdentifier objectIdentifier, BacnetPropertyIdentifier property, uint? arrayIndex, ReadOnlySpan<byte> value)
    {
        ObjectIdentifier = objectIdentifier;
        Property = property;
        ArrayIndex = arrayIndex;
        Value = value;
    }

    /// <summary>objectIdentifier [0].</summary>
    public BacnetObjectIdentifier ObjectIdentifier { get; }

    /// <summary>propertyIdentifier [1].</summary>
    public BacnetPropertyIdentifier Property { get; }

    /// <summary>propertyArrayIndex [2].</summary>
    public uint? ArrayIndex { get; }

    /// <summary>The tagged value octets inside propertyValue [3]; read them with <see cref="BacnetTagReader"/>.</summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>Reads a ReadProperty ACK.</summary>
    /// <param name="data">The service ACK octets.</param>
    /// <param name="ack">The ACK.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out ReadPropertyAck ack, out ProtocolError error)
    {
        ack = default;
        var reader = new BacnetTagReader(data);
        if (!ServiceCodec.TryReadObjectPropertyReference(ref reader, 0, out BacnetObjectIdentifier id, out BacnetPropertyIdentifier property, out uint? index)
            || !reader.TryReadConstructed(3, out ReadOnlySpan<byte> value)
            || !reader.TryReadEnd())
        {
            error = reader.Error;
            return false;
        }

        ack = new ReadPropertyAck(id, property, index, value);
        error = default;
        return true;
    }

    /// <summary>Octets this ACK encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength()
    {
        var writer = BacnetTagWriter.CreateMeasuring();
        Write(ref writer);
        return writer.BytesWritten;
    }

    /// <summary>Writes the ACK.</summary>
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
        ServiceCodec.WriteObjectPropertyReference(ref writer, 0, ObjectIdentifier, Property, ArrayIndex);
        writer.WriteOpening(3);
        writer.WriteRaw(Value);
        writer.WriteClosing(3);
    }
}

/// <summary>WriteProperty-Request (clause 15.9.1).</summary>
public readonly ref struct WritePropertyRequest : IBacnetEncodable
{
    /// <summary>Creates a request.</summary>
    /// <param name="objectIdentifier">objectIdentifier [0].</param>
    /// <param name="property">propertyIdentifier [1].</param>
    /// <param name="arrayIndex">propertyArrayIndex [2], optional.</param>
    /// <param name="value">The tagged value octets that go inside [3].</param>
    /// <param name="priority">priority [4] (1..16), optional.</param>
    public WritePropertyRequest(BacnetObjectIdentifier objectIdentifier, BacnetPropertyIdentifier property, uint? arrayIndex, ReadOnlySpan<byte> value, byte? priority)
    {
        ObjectIdentifier = objectIdentifier;
        Property = property;
        ArrayIndex = arrayIndex;
        Value = value;
        Priority = priority;
    }

    /// <summary>objectIdentifier [0].</summary>
    public BacnetObjectIdentifier ObjectIdentifier { get; }

    /// <summary>propertyIdentifier [1].</summary>
    public BacnetPropertyIdentifier Property { get; }

    /// <summary>propertyArrayIndex [2].</summary>
    public uint? ArrayIndex { get; }

    /// <summary>The tagged value octets inside propertyValue [3].</summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>priority [4] (1..16).</summary>
    public byte? Priority { get; }

    /// <summary>Reads a WriteProperty request.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out WritePropertyRequest request, out ProtocolError error)
    {
        request = default;
        var reader = new BacnetTagReader(data);
        if (!ServiceCodec.TryReadObjectPropertyReference(ref reader, 0, out BacnetObjectIdentifier id, out BacnetPropertyIdentifier property, out uint? index)
            || !reader.TryReadConstructed(3, out ReadOnlySpan<byte> value)
            || !ServiceCodec.TryReadOptionalPriority(ref reader, 4, out byte? priority)
            || !reader.TryReadEnd())
        {
            error = reader.Error;
            return false;
        }

        request = new WritePropertyRequest(id, property, index, value, priority);
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
        ServiceCodec.WriteObjectPropertyReference(ref writer, 0, ObjectIdentifier, Property, ArrayIndex);
        writer.WriteOpening(3);
        writer.WriteRaw(Value);
        writer.WriteClosing(3);
        ServiceCodec.WritePriority(ref writer, 4, Priority);
    }
}

/// <summary>A BACnetPropertyValue (clause 21): property, optional index, the value inside [2] and an optional priority.</summary>
public readonly ref struct BacnetPropertyValue
{
    /// <summary>Creates a property value.</summary>
    /// <param name="property">propertyIdentifier [0].</param>
    /// <param name="arrayIndex">propertyArrayIndex [1], optional.</param>
    /// <param name="value">The tagged value octets inside [2].</param>
    /// <param name="priority">priority [3] (1..16), optional.</param>
    public BacnetPropertyValue(BacnetPropertyIdentifier property, uint? arrayIndex, ReadOnlySpan<byte> value, byte? priority)
    {
        Property = property;
        ArrayIndex = arrayIndex;
        Value = value;
        Priority = priority;
    }

    /// <summary>propertyIdentifier [0].</summary>
    public BacnetPropertyIdentifier Property { get; }

    /// <summary>propertyArrayIndex [1].</summary>
    public uint? ArrayIndex { get; }

    /// <summary>The tagged value octets inside value [2].</summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>priority [3].</summary>
    public byte? Priority { get; }

    internal static bool TryRead(scoped ref BacnetTagReader reader, out BacnetPropertyValue value)
    {
        value = default;
        if (!reader.TryReadContextEnumerated(0, out uint property)
            || !ServiceCodec.TryReadOptionalUnsigned(ref reader, 1, out uint? index)
            || !reader.TryReadConstructed(2, out ReadOnlySpan<byte> content)
            || !ServiceCodec.TryReadOptionalPriority(ref reader, 3, out byte? priority))
        {
            return false;
        }

        value = new BacnetPropertyValue((BacnetPropertyIdentifier)property, index, content, priority);
        return true;
    }

    internal void Write(ref BacnetTagWriter writer)
    {
        writer.WriteContextEnumerated(0, (uint)Property);
        if (ArrayIndex is uint index)
        {
            writer.WriteContextUnsigned(1, index);
        }

        writer.WriteOpening(2);
        writer.WriteRaw(Value);
        writer.WriteClosing(2);
        ServiceCodec.WritePriority(ref writer, 3, Priority);
    }
}

/// <summary>Enumerates a validated list of BACnetPropertyValue.</summary>
public ref struct BacnetPropertyValueEnumerator
{
    private BacnetTagReader _reader;

    internal BacnetPropertyValueEnumerator(ReadOnlySpan<byte> list)
    {
        _reader = new BacnetTagReader(list);
        Current = default;
    }

    /// <summary>The current value.</summary>
    public BacnetPropertyValue Current { get; private set; }

    /// <summary>Returns this enumerator.</summary>
    /// <returns>This.</returns>
    public readonly BacnetPropertyValueEnumerator GetEnumerator() => this;

    /// <summary>Advances.</summary>
    /// <returns>False at the end.</returns>
    public bool MoveNext()
    {
        if (_reader.End || !BacnetPropertyValue.TryRead(ref _reader, out BacnetPropertyValue value))
        {
            return false;
        }

        Current = value;
        return true;
    }
}

/// <summary>
/// ReadPropertyMultiple-Request (clause 15.7.1): a list of ReadAccessSpecification, each an object identifier [0] and
/// a list of property references [1]. Validated by <see cref="TryRead"/>; enumerate with <see cref="GetEnumerator"/>.
/// </summary>
public readonly ref struct ReadPropertyMultipleRequest
{
    private ReadPropertyMultipleRequest(ReadOnlySpan<byte> data, int count)
    {
        Data = data;
        Count = count;
    }

    /// <summary>The encoded list.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Number of ReadAccessSpecifications.</summary>
    public int Count { get; }

    /// <summary>Reads and validates a ReadPropertyMultiple request.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out ReadPropertyMultipleRequest request, out ProtocolError error)
    {
        request = default;
        var reader = new BacnetTagReader(data);
        int count = 0;
        do
        {
            if (!ReadAccessSpecification.TryRead(ref reader, out _))
            {
                error = reader.Error;
                return false;
            }

            count++;
        }
        while (!reader.End);

        request = new ReadPropertyMultipleRequest(data, count);
        error = default;
        return true;
    }

    /// <summary>Enumerates the specifications.</summary>
    /// <returns>An enumerator.</returns>
    public ReadAccessSpecificationEnumerator GetEnumerator() => new(Data);

    /// <summary>Writes a request from a list of ReadAccessSpecifications already encoded with <see cref="ReadAccessSpecification.TryWrite"/>.</summary>
    /// <param name="specifications">Concatenated encoded specifications.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The octets are not a valid list.</exception>
    public static OperationStatus TryWrite(ReadOnlySpan<byte> specifications, Span<byte> destination, out int bytesWritten)
    {
        if (!TryRead(specifications, out _, out _))
        {
            throw new ArgumentException("Not a valid list of ReadAccessSpecification.", nameof(specifications));
        }

        var writer = new BacnetTagWriter(destination);
        writer.WriteRaw(specifications);
        return writer.Complete(out bytesWritten);
    }
}

/// <summary>A ReadAccessSpecification: an object and the references of the properties to read.</summary>
public readonly ref struct ReadAccessSpecification
{
    /// <summary>Creates a specification.</summary>
    /// <param name="objectIdentifier">objectIdentifier [0].</param>
    /// <param name="propertyReferences">The encoded list inside [1] (BACnetPropertyReference: [0] property, [1] optional index).</param>
    public ReadAccessSpecification(BacnetObjectIdentifier objectIdentifier, ReadOnlySpan<byte> propertyReferences)
    {
        ObjectIdentifier = objectIdentifier;
        PropertyReferences = propertyReferences;
    }

    /// <summary>objectIdentifier [0].</summary>
    public BacnetObjectIdentifier ObjectIdentifier { get; }

    /// <summary>The encoded listOfPropertyReferences inside [1].</summary>
    public ReadOnlySpan<byte> PropertyReferences { get; }

    /// <summary>Enumerates the property references.</summary>
    /// <returns>An enumerator.</returns>
    public PropertyReferenceEnumerator EnumerateProperties() => new(PropertyReferences);

    internal static bool TryRead(scoped ref BacnetTagReader reader, out ReadAccessSpecification specification)
    {
        specification = default;
        if (!reader.TryReadContextObjectIdentifier(0, out BacnetObjectIdentifier id) || !reader.TryReadConstructed(1, out ReadOnlySpan<byte> list))
        {
            return false;
        }

        var inner = reader.CreateNested(list);
        while (!inner.End)
        {
            if (!inner.TryReadContextEnumerated(0, out _) || !ServiceCodec.TryReadOptionalUnsigned(ref inner, 1, out _))
            {
                reader.FailWith(inner.Error);
                return false;
            }
        }

        specification = new ReadAccessSpecification(id, list);
        return true;
    }

    /// <summary>Writes this specification, one element of a ReadPropertyMultiple request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        writer.WriteContextObjectIdentifier(0, ObjectIdentifier);
        writer.WriteOpening(1);
        writer.WriteRaw(PropertyReferences);
        writer.WriteClosing(1);
        return writer.Complete(out bytesWritten);
    }

    /// <summary>Writes one BACnetPropertyReference of a listOfPropertyReferences.</summary>
    /// <param name="reference">The reference.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWritePropertyReference(BacnetPropertyReference reference, Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        writer.WriteContextEnumerated(0, (uint)reference.Property);
        if (reference.ArrayIndex is uint index)
        {
            writer.WriteContextUnsigned(1, index);
        }

        return writer.Complete(out bytesWritten);
    }
}

/// <summary>Enumerates the ReadAccessSpecifications of a validated ReadPropertyMultiple request.</summary>
public ref struct ReadAccessSpecificationEnumerator
{
    private BacnetTagReader _reader;

    internal ReadAccessSpecificationEnumerator(ReadOnlySpan<byte> data)
    {
        _reader = new BacnetTagReader(data);
        Current = default;
    }

    /// <summary>The current specification.</summary>
    public ReadAccessSpecification Current { get; private set; }

    /// <summary>Returns this enumerator.</summary>
    /// <returns>This.</returns>
    public readonly ReadAccessSpecificationEnumerator GetEnumerator() => this;

    /// <summary>Advances.</summary>
    /// <returns>False at the end.</returns>
    public bool MoveNext()
    {
        if (_reader.End || !ReadAccessSpecification.TryRead(ref _reader, out ReadAccessSpecification specification))
        {
            return false;
        }

        Current = specification;
        return true;
    }
}

/// <summary>Enumerates BACnetPropertyReference values ([0] property, [1] optional index).</summary>
public ref struct PropertyReferenceEnumerator
{
    private BacnetTagReader _reader;

    internal PropertyReferenceEnumerator(ReadOnlySpan<byte> data)
    {
        _reader = new BacnetTagReader(data);
        Current = default;
    }

    /// <summary>The current reference.</summary>
    public BacnetPropertyReference Current { get; private set; }

    /// <summary>Returns this enumerator.</summary>
    /// <returns>This.</returns>
    public readonly PropertyReferenceEnumerator GetEnumerator() => this;

    /// <summary>Advances.</summary>
    /// <returns>False at the end.</returns>
    public bool MoveNext()
    {
        if (_reader.End || !_reader.TryReadContextEnumerated(0, out uint property) || !ServiceCodec.TryReadOptionalUnsigned(ref _reader, 1, out uint? index))
        {
            return false;
        }

        Current = new BacnetPropertyReference((BacnetPropertyIdentifier)property, index);
        return true;
    }
}

/// <summary>
/// ReadPropertyMultiple-ACK (clause 15.7.1.3): a list of ReadAccessResult, each an object identifier [0] and an
/// optional list of results [1] (property [2], optional index [3], then a value [4] or an access error [5]).
/// </summary>
public readonly ref struct ReadPropertyMultipleAck
{
    private ReadPropertyMultipleAck(ReadOnlySpan<byte> data, int count)
    {
        Data = data;
        Count = count;
    }

    /// <summary>The encoded list.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Number of ReadAccessResults.</summary>
    public int Count { get; }

    /// <summary>Reads and validates a ReadPropertyMultiple ACK.</summary>
    /// <param name="data">The service ACK octets.</param>
    /// <param name="ack">The ACK.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out ReadPropertyMultipleAck ack, out ProtocolError error)
    {
        ack = default;
        var reader = new BacnetTagReader(data);
        int count = 0;
        do
        {
            if (!ReadAccessResult.TryRead(ref reader, out _))
            {
                error = reader.Error;
                return false;
            }

            count++;
        }
        while (!reader.End);

        ack = new ReadPropertyMultipleAck(data, count);
        error = default;
        return true;
    }

    /// <summary>Enumerates the results.</summary>
    /// <returns>An enumerator.</returns>
    public ReadAccessResultEnumerator GetEnumerator() => new(Data);

    /// <summary>Writes an ACK from ReadAccessResults already encoded with <see cref="ReadAccessResult.TryWriteHeader"/> and the element writers.</summary>
    /// <param name="results">Concatenated encoded results.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The octets are not a valid list.</exception>
    public static OperationStatus TryWrite(ReadOnlySpan<byte> results, Span<byte> destination, out int bytesWritten)
    {
        if (!TryRead(results, out _, out _))
        {
            throw new ArgumentException("Not a valid list of ReadAccessResult.", nameof(results));
        }

        var writer = new BacnetTagWriter(destination);
        writer.WriteRaw(results);
        return writer.Complete(out bytesWritten);
    }
}

/// <summary>One element of a ReadAccessResult's listOfResults.</summary>
public readonly ref struct ReadResultElement
{
    internal ReadResultElement(BacnetPropertyIdentifier property, uint? arrayIndex, ReadOnlySpan<byte> value, bool isError, BacnetErrorInfo error)
    {
        Property = property;
        ArrayIndex = arrayIndex;
        Value = value;
        IsError = isError;
        AccessError = error;
    }

    /// <summary>propertyIdentifier [2].</summary>
    public BacnetPropertyIdentifier Property { get; }

    /// <summary>propertyArrayIndex [3].</summary>
    public uint? ArrayIndex { get; }

    /// <summary>The tagged value octets inside propertyValue [4] (empty on error).</summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>True when the result is a propertyAccessError [5].</summary>
    public bool IsError { get; }

    /// <summary>The access error, when <see cref="IsError"/>.</summary>
    public BacnetErrorInfo AccessError { get; }

    internal static bool TryRead(scoped ref BacnetTagReader reader, out ReadResultElement element)
    {
        element = default;
        if (!reader.TryReadContextEnumerated(2, out uint property) || !ServiceCodec.TryReadOptionalUnsigned(ref reader, 3, out uint? index))
        {
            return false;
        }

        if (reader.PeekIsOpening(5))
        {
            if (!reader.TryReadOpening(5)
                || !reader.TryReadEnumerated(out uint errorClass)
                || !reader.TryReadEnumerated(out uint errorCode)
                || !reader.TryReadClosing(5))
            {
                return false;
            }

            element = new ReadResultElement((BacnetPropertyIdentifier)property, index, [], true, new BacnetErrorInfo((BacnetErrorClass)errorClass, (BacnetErrorCode)errorCode));
            return true;
        }

        if (!reader.TryReadConstructed(4, out ReadOnlySpan<byte> value))
        {
            return false;
        }

        element = new ReadResultElement((BacnetPropertyIdentifier)property, index, value, false, default);
        return true;
    }
}

/// <summary>A ReadAccessResult: an object and, optionally, the results for its properties.</summary>
public readonly ref struct ReadAccessResult
{
    internal ReadAccessResult(BacnetObjectIdentifier objectIdentifier, bool hasResults, ReadOnlySpan<byte> results)
    {
        ObjectIdentifier = objectIdentifier;
        HasResults = hasResults;
        Results = results;
    }

    /// <summary>objectIdentifier [0].</summary>
    public BacnetObjectIdentifier ObjectIdentifier { get; }

    /// <summary>True when listOfResults [1] is present.</summary>
    public bool HasResults { get; }

    /// <summary>The encoded listOfResults inside [1].</summary>
    public ReadOnlySpan<byte> Results { get; }

    /// <summary>Enumerates the results.</summary>
    /// <returns>An enumerator.</returns>
    public ReadResultElementEnumerator EnumerateResults() => new(Results);

    internal static bool TryRead(scoped ref BacnetTagReader reader, out ReadAccessResult result)
    {
        result = default;
        if (!reader.TryReadContextObjectIdentifier(0, out BacnetObjectIdentifier id))
        {
            return false;
        }

        if (!reader.PeekIsOpening(1))
        {
            result = new ReadAccessResult(id, false, []);
            return true;
        }

        if (!reader.TryReadConstructed(1, out ReadOnlySpan<byte> list))
        {
            return false;
        }

        var inner = reader.CreateNested(list);
        while (!inner.End)
        {
            if (!ReadResultElement.TryRead(ref inner, out _))
            {
                reader.FailWith(inner.Error);
                return false;
            }
        }

        result = new ReadAccessResult(id, true, list);
        return true;
    }

    /// <summary>Writes the object identifier [0] and the opening tag of listOfResults [1]; write elements, then <see cref="TryWriteTrailer"/>.</summary>
    /// <param name="objectIdentifier">The object.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWriteHeader(BacnetObjectIdentifier objectIdentifier, Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        writer.WriteContextObjectIdentifier(0, objectIdentifier);
        writer.WriteOpening(1);
        return writer.Complete(out bytesWritten);
    }

    /// <summary>Writes one result with a value: property [2], optional index [3], value [4].</summary>
    /// <param name="reference">Property and index.</param>
    /// <param name="value">The tagged value octets.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWriteValue(BacnetPropertyReference reference, ReadOnlySpan<byte> value, Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        WriteReference(ref writer, reference);
        writer.WriteOpening(4);
        writer.WriteRaw(value);
        writer.WriteClosing(4);
        return writer.Complete(out bytesWritten);
    }

    /// <summary>Writes one result with an access error: property [2], optional index [3], error [5].</summary>
    /// <param name="reference">Property and index.</param>
    /// <param name="error">The error.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWriteError(BacnetPropertyReference reference, BacnetErrorInfo error, Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        WriteReference(ref writer, reference);
        writer.WriteOpening(5);
        writer.WriteEnumerated((uint)error.ErrorClass);
        writer.WriteEnumerated((uint)error.ErrorCode);
        writer.WriteClosing(5);
        return writer.Complete(out bytesWritten);
    }

    /// <summary>Writes the closing tag of listOfResults [1].</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWriteTrailer(Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        writer.WriteClosing(1);
        return writer.Complete(out bytesWritten);
    }

    private static void WriteReference(ref BacnetTagWriter writer, BacnetPropertyReference reference)
    {
        writer.WriteContextEnumerated(2, (uint)reference.Property);
        if (reference.ArrayIndex is uint index)
        {
            writer.WriteContextUnsigned(3, index);
        }
    }
}

/// <summary>Enumerates the ReadAccessResults of a validated ReadPropertyMultiple ACK.</summary>
public ref struct ReadAccessResultEnumerator
{
    private BacnetTagReader _reader;

    internal ReadAccessResultEnumerator(ReadOnlySpan<byte> data)
    {
        _reader = new BacnetTagReader(data);
        Current = default;
    }

    /// <summary>The current result.</summary>
    public ReadAccessResult Current { get; private set; }

    /// <summary>Returns this enumerator.</summary>
    /// <returns>This.</returns>
    public readonly ReadAccessResultEnumerator GetEnumerator() => this;

    /// <summary>Advances.</summary>
    /// <returns>False at the end.</returns>
    public bool MoveNext()
    {
        if (_reader.End || !ReadAccessResult.TryRead(ref _reader, out ReadAccessResult result))
        {
            return false;
        }

        Current = result;
        return true;
    }
}

/// <summary>Enumerates the elements of a validated listOfResults.</summary>
public ref struct ReadResultElementEnumerator
{
    private BacnetTagReader _reader;

    internal ReadResultElementEnumerator(ReadOnlySpan<byte> data)
    {
        _reader = new BacnetTagReader(data);
        Current = default;
    }

    /// <summary>The current element.</summary>
    public ReadResultElement Current { get; private set; }

    /// <summary>Returns this enumerator.</summary>
    /// <returns>This.</returns>
    public readonly ReadResultElementEnumerator GetEnumerator() => this;

    /// <summary>Advances.</summary>
    /// <returns>False at the end.</returns>
    public bool MoveNext()
    {
        if (_reader.End || !ReadResultElement.TryRead(ref _reader, out ReadResultElement element))
        {
            return false;
        }

        Current = element;
        return true;
    }
}

/// <summary>
/// WritePropertyMultiple-Request (clause 15.10.1): a list of WriteAccessSpecification, each an object identifier [0]
/// and a list of BACnetPropertyValue [1].
/// </summary>
public readonly ref struct WritePropertyMultipleRequest
{
    private WritePropertyMultipleRequest(ReadOnlySpan<byte> data, int count)
    {
        Data = data;
        Count = count;
    }

    /// <summary>The encoded list.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Number of WriteAccessSpecifications.</summary>
    public int Count { get; }

    /// <summary>Reads and validates a WritePropertyMultiple request.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out WritePropertyMultipleRequest request, out ProtocolError error)
    {
        request = default;
        var reader = new BacnetTagReader(data);
        int count = 0;
        do
        {
            if (!WriteAccessSpecification.TryRead(ref reader, out _))
            {
                error = reader.Error;
                return false;
            }

            count++;
        }
        while (!reader.End);

        request = new WritePropertyMultipleRequest(data, count);
        error = default;
        return true;
    }

    /// <summary>Enumerates the specifications.</summary>
    /// <returns>An enumerator.</returns>
    public WriteAccessSpecificationEnumerator GetEnumerator() => new(Data);

    /// <summary>Writes a request from WriteAccessSpecifications already encoded with <see cref="WriteAccessSpecification.TryWriteHeader"/>, <see cref="WriteAccessSpecification.TryWriteValue"/> and <see cref="WriteAccessSpecification.TryWriteTrailer"/>.</summary>
    /// <param name="specifications">Concatenated encoded specifications.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The octets are not a valid list.</exception>
    public static OperationStatus TryWrite(ReadOnlySpan<byte> specifications, Span<byte> destination, out int bytesWritten)
    {
        if (!TryRead(specifications, out _, out _))
        {
            throw new ArgumentException("Not a valid list of WriteAccessSpecification.", nameof(specifications));
        }

        var writer = new BacnetTagWriter(destination);
        writer.WriteRaw(specifications);
        return writer.Complete(out bytesWritten);
    }
}

/// <summary>A WriteAccessSpecification: an object and the values to write to its properties.</summary>
public readonly ref struct WriteAccessSpecification
{
    internal WriteAccessSpecification(BacnetObjectIdentifier objectIdentifier, ReadOnlySpan<byte> properties)
    {
        ObjectIdentifier = objectIdentifier;
        Properties = properties;
    }

    /// <summary>objectIdentifier [0].</summary>
    public BacnetObjectIdentifier ObjectIdentifier { get; }

    /// <summary>The encoded listOfProperties inside [1].</summary>
    public ReadOnlySpan<byte> Properties { get; }

    /// <summary>Enumerates the property values.</summary>
    /// <returns>An enumerator.</returns>
    public BacnetPropertyValueEnumerator EnumerateProperties() => new(Properties);

    internal static bool TryRead(scoped ref BacnetTagReader reader, out WriteAccessSpecification specification)
    {
        specification = default;
        if (!reader.TryReadContextObjectIdentifier(0, out BacnetObjectIdentifier id) || !reader.TryReadConstructed(1, out ReadOnlySpan<byte> list))
        {
            return false;
        }

        var inner = reader.CreateNested(list);
        while (!inner.End)
        {
            if (!BacnetPropertyValue.TryRead(ref inner, out _))
            {
                reader.FailWith(inner.Error);
                return false;
            }
        }

        specification = new WriteAccessSpecification(id, list);
        return true;
    }

    /// <summary>Writes objectIdentifier [0] and the opening tag of listOfProperties [1].</summary>
    /// <param name="objectIdentifier">The object.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWriteHeader(BacnetObjectIdentifier objectIdentifier, Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        writer.WriteContextObjectIdentifier(0, objectIdentifier);
        writer.WriteOpening(1);
        return writer.Complete(out bytesWritten);
    }

    /// <summary>Writes one BACnetPropertyValue.</summary>
    /// <param name="value">The property value.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWriteValue(in BacnetPropertyValue value, Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        value.Write(ref writer);
        return writer.Complete(out bytesWritten);
    }

    /// <summary>Writes the closing tag of listOfProperties [1].</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWriteTrailer(Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        writer.WriteClosing(1);
        return writer.Complete(out bytesWritten);
    }
}

/// <summary>Enumerates the WriteAccessSpecifications of a validated WritePropertyMultiple request.</summary>
public ref struct WriteAccessSpecificationEnumerator
{
    private BacnetTagReader _reader;

    internal WriteAccessSpecificationEnumerator(ReadOnlySpan<byte> data)
    {
        _reader = new BacnetTagReader(data);
        Current = default;
    }

    /// <summary>The current specification.</summary>
    public WriteAccessSpecification Current { get; private set; }

    /// <summary>Returns this enumerator.</summary>
    /// <returns>This.</returns>
    public readonly WriteAccessSpecificationEnumerator GetEnumerator() => this;

    /// <summary>Advances.</summary>
    /// <returns>False at the end.</returns>
    public bool MoveNext()
    {
        if (_reader.End || !WriteAccessSpecification.TryRead(ref _reader, out WriteAccessSpecification specification))
        {
            return false;
        }

        Current = specification;
        return true;
    }
}
