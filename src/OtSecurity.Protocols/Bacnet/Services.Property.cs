using System.Buffers;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>ReadProperty-Request (ANSI/ASHRAE 135 clause 15.5.1).</summary>
/// <param name="ObjectIdentifier">objectIdentifier [0].</param>
/// <param name="Property">propertyIdentifier [1].</param>
/// <param name="ArrayIndex">propertyArrayIndex [2], optional.</param>
public readonly record struct ReadPropertyRequest(BacnetObjectIdentifier ObjectIdentifier, BacnetPropertyIdentifier Property, uint? ArrayIndex)
    : IBacnetEncodable, IBacnetService<ReadPropertyRequest>
{
    /// <summary>Reads a ReadProperty request.</summary>
    /// <param name="data">The service request octets.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out ReadPropertyRequest request, out ProtocolError error) =>
        ServiceCodec.TryRead(data, out request, out error);

    /// <summary>Octets this request encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => ServiceCodec.GetEncodedLength(this);

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten) => ServiceCodec.TryWrite(this, destination, out bytesWritten);

    static bool IBacnetService<ReadPropertyRequest>.TryReadFields(scoped ref BacnetTagReader reader, out ReadPropertyRequest value)
    {
        bool valid = ServiceCodec.TryReadObjectPropertyReference(ref reader, 0, out BacnetObjectIdentifier id, out BacnetPropertyIdentifier property, out uint? index);
        value = new ReadPropertyRequest(id, property, index);
        return valid;
    }

    void IBacnetService<ReadPropertyRequest>.WriteFields(ref BacnetTagWriter writer) =>
        ServiceCodec.WriteObjectPropertyReference(ref writer, 0, ObjectIdentifier, Property, ArrayIndex);
}

/// <summary>ReadProperty-ACK (clause 15.5.1.3): the reference and the value (application-tagged data inside [3]).</summary>
public readonly ref struct ReadPropertyAck : IBacnetEncodable, IBacnetService<ReadPropertyAck>
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
    public static bool TryRead(ReadOnlySpan<byte> data, out ReadPropertyAck ack, out ProtocolError error) =>
        ServiceCodec.TryRead(data, out ack, out error);

    /// <summary>Octets this ACK encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => ServiceCodec.GetEncodedLength(this);

    /// <summary>Writes the ACK.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten) => ServiceCodec.TryWrite(this, destination, out bytesWritten);

    static bool IBacnetService<ReadPropertyAck>.TryReadFields(scoped ref BacnetTagReader reader, out ReadPropertyAck value)
    {
        value = default;
        if (!ServiceCodec.TryReadObjectPropertyReference(ref reader, 0, out BacnetObjectIdentifier id, out BacnetPropertyIdentifier property, out uint? index)
            || !reader.TryReadConstructed(3, out ReadOnlySpan<byte> content))
        {
            return false;
        }

        value = new ReadPropertyAck(id, property, index, content);
        return true;
    }

    void IBacnetService<ReadPropertyAck>.WriteFields(ref BacnetTagWriter writer)
    {
        ServiceCodec.WriteObjectPropertyReference(ref writer, 0, ObjectIdentifier, Property, ArrayIndex);
        ServiceCodec.WriteConstructed(ref writer, 3, Value);
    }
}

/// <summary>WriteProperty-Request (clause 15.9.1).</summary>
public readonly ref struct WritePropertyRequest : IBacnetEncodable, IBacnetService<WritePropertyRequest>
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
    public static bool TryRead(ReadOnlySpan<byte> data, out WritePropertyRequest request, out ProtocolError error) =>
        ServiceCodec.TryRead(data, out request, out error);

    /// <summary>Octets this request encodes to.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => ServiceCodec.GetEncodedLength(this);

    /// <summary>Writes the request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten) => ServiceCodec.TryWrite(this, destination, out bytesWritten);

    static bool IBacnetService<WritePropertyRequest>.TryReadFields(scoped ref BacnetTagReader reader, out WritePropertyRequest value)
    {
        value = default;
        if (!ServiceCodec.TryReadObjectPropertyReference(ref reader, 0, out BacnetObjectIdentifier id, out BacnetPropertyIdentifier property, out uint? index)
            || !reader.TryReadConstructed(3, out ReadOnlySpan<byte> content)
            || !ServiceCodec.TryReadOptionalPriority(ref reader, 4, out byte? priority))
        {
            return false;
        }

        value = new WritePropertyRequest(id, property, index, content, priority);
        return true;
    }

    void IBacnetService<WritePropertyRequest>.WriteFields(ref BacnetTagWriter writer)
    {
        ServiceCodec.WriteObjectPropertyReference(ref writer, 0, ObjectIdentifier, Property, ArrayIndex);
        ServiceCodec.WriteConstructed(ref writer, 3, Value);
        ServiceCodec.WritePriority(ref writer, 4, Priority);
    }
}

/// <summary>A BACnetPropertyValue (clause 21): property, optional index, the value inside [2] and an optional priority.</summary>
public readonly ref struct BacnetPropertyValue : IBacnetElement<BacnetPropertyValue>
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

    /// <summary>Reads one BACnetPropertyValue.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="element">The value.</param>
    /// <returns>True when valid.</returns>
    static bool IBacnetElement<BacnetPropertyValue>.TryRead(scoped ref BacnetTagReader reader, out BacnetPropertyValue element)
    {
        element = default;
        if (!ServiceCodec.TryReadPropertyReference(ref reader, 0, out BacnetPropertyReference reference)
            || !reader.TryReadConstructed(2, out ReadOnlySpan<byte> content)
            || !ServiceCodec.TryReadOptionalPriority(ref reader, 3, out byte? priority))
        {
            return false;
        }

        element = new BacnetPropertyValue(reference.Property, reference.ArrayIndex, content, priority);
        return true;
    }

    internal void Write(ref BacnetTagWriter writer)
    {
        ServiceCodec.WritePropertyReference(ref writer, 0, new BacnetPropertyReference(Property, ArrayIndex));
        ServiceCodec.WriteConstructed(ref writer, 2, Value);
        ServiceCodec.WritePriority(ref writer, 3, Priority);
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
        bool valid = BacnetList.TryReadSequence<ReadAccessSpecification>(data, out int count, out error);
        request = valid ? new ReadPropertyMultipleRequest(data, count) : default;
        return valid;
    }

    /// <summary>Enumerates the specifications.</summary>
    /// <returns>An enumerator.</returns>
    public BacnetListEnumerator<ReadAccessSpecification> GetEnumerator() => new(Data);

    /// <summary>Writes a request from a list of ReadAccessSpecifications already encoded with <see cref="ReadAccessSpecification.TryWrite"/>.</summary>
    /// <param name="specifications">Concatenated encoded specifications.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The octets are not a valid list.</exception>
    public static OperationStatus TryWrite(ReadOnlySpan<byte> specifications, Span<byte> destination, out int bytesWritten) =>
        BacnetList.TryWriteSequence<ReadAccessSpecification>(specifications, destination, out bytesWritten, nameof(specifications));
}

/// <summary>A ReadAccessSpecification: an object and the references of the properties to read.</summary>
public readonly ref struct ReadAccessSpecification : IBacnetElement<ReadAccessSpecification>
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
    public BacnetListEnumerator<BacnetPropertyReference> EnumerateProperties() => new(PropertyReferences);

    /// <summary>Reads one ReadAccessSpecification.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="element">The specification.</param>
    /// <returns>True when valid.</returns>
    static bool IBacnetElement<ReadAccessSpecification>.TryRead(scoped ref BacnetTagReader reader, out ReadAccessSpecification element)
    {
        bool valid = BacnetList.TryReadObjectList<BacnetPropertyReference>(ref reader, out BacnetObjectIdentifier id, out ReadOnlySpan<byte> list);
        element = valid ? new ReadAccessSpecification(id, list) : default;
        return valid;
    }

    /// <summary>Writes this specification, one element of a ReadPropertyMultiple request.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        writer.WriteContextObjectIdentifier(0, ObjectIdentifier);
        ServiceCodec.WriteConstructed(ref writer, 1, PropertyReferences);
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
        ServiceCodec.WritePropertyReference(ref writer, 0, reference);
        return writer.Complete(out bytesWritten);
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
        bool valid = BacnetList.TryReadSequence<ReadAccessResult>(data, out int count, out error);
        ack = valid ? new ReadPropertyMultipleAck(data, count) : default;
        return valid;
    }

    /// <summary>Enumerates the results.</summary>
    /// <returns>An enumerator.</returns>
    public BacnetListEnumerator<ReadAccessResult> GetEnumerator() => new(Data);

    /// <summary>Writes an ACK from ReadAccessResults already encoded with <see cref="ReadAccessResult.TryWriteHeader"/> and the element writers.</summary>
    /// <param name="results">Concatenated encoded results.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The octets are not a valid list.</exception>
    public static OperationStatus TryWrite(ReadOnlySpan<byte> results, Span<byte> destination, out int bytesWritten) =>
        BacnetList.TryWriteSequence<ReadAccessResult>(results, destination, out bytesWritten, nameof(results));
}

/// <summary>One element of a ReadAccessResult's listOfResults.</summary>
public readonly ref struct ReadResultElement : IBacnetElement<ReadResultElement>
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

    /// <summary>Reads one result: property [2], optional index [3], then a value [4] or an access error [5].</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="element">The result.</param>
    /// <returns>True when valid.</returns>
    static bool IBacnetElement<ReadResultElement>.TryRead(scoped ref BacnetTagReader reader, out ReadResultElement element)
    {
        element = default;
        if (!ServiceCodec.TryReadPropertyReference(ref reader, 2, out BacnetPropertyReference reference))
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

            element = new ReadResultElement(reference.Property, reference.ArrayIndex, [], true, new BacnetErrorInfo((BacnetErrorClass)errorClass, (BacnetErrorCode)errorCode));
            return true;
        }

        if (!reader.TryReadConstructed(4, out ReadOnlySpan<byte> value))
        {
            return false;
        }

        element = new ReadResultElement(reference.Property, reference.ArrayIndex, value, false, default);
        return true;
    }
}

/// <summary>A ReadAccessResult: an object and, optionally, the results for its properties.</summary>
public readonly ref struct ReadAccessResult : IBacnetElement<ReadAccessResult>
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
    public BacnetListEnumerator<ReadResultElement> EnumerateResults() => new(Results);

    /// <summary>Reads one ReadAccessResult.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="element">The result.</param>
    /// <returns>True when valid.</returns>
    static bool IBacnetElement<ReadAccessResult>.TryRead(scoped ref BacnetTagReader reader, out ReadAccessResult element)
    {
        element = default;
        if (!reader.TryReadContextObjectIdentifier(0, out BacnetObjectIdentifier id))
        {
            return false;
        }

        bool hasResults = reader.PeekIsOpening(1);
        ReadOnlySpan<byte> list = [];
        if (hasResults && !BacnetList.TryReadConstructed<ReadResultElement>(ref reader, 1, out list))
        {
            return false;
        }

        element = new ReadAccessResult(id, hasResults, list);
        return true;
    }

    /// <summary>Writes the object identifier [0] and the opening tag of listOfResults [1]; write elements, then <see cref="TryWriteTrailer"/>.</summary>
    /// <param name="objectIdentifier">The object.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWriteHeader(BacnetObjectIdentifier objectIdentifier, Span<byte> destination, out int bytesWritten) =>
        BacnetList.TryWriteObjectListHeader(objectIdentifier, destination, out bytesWritten);

    /// <summary>Writes one result with a value: property [2], optional index [3], value [4].</summary>
    /// <param name="reference">Property and index.</param>
    /// <param name="value">The tagged value octets.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWriteValue(BacnetPropertyReference reference, ReadOnlySpan<byte> value, Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        ServiceCodec.WritePropertyReference(ref writer, 2, reference);
        ServiceCodec.WriteConstructed(ref writer, 4, value);
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
        ServiceCodec.WritePropertyReference(ref writer, 2, reference);
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
    public static OperationStatus TryWriteTrailer(Span<byte> destination, out int bytesWritten) => BacnetList.TryWriteListTrailer(destination, out bytesWritten);
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
        bool valid = BacnetList.TryReadSequence<WriteAccessSpecification>(data, out int count, out error);
        request = valid ? new WritePropertyMultipleRequest(data, count) : default;
        return valid;
    }

    /// <summary>Enumerates the specifications.</summary>
    /// <returns>An enumerator.</returns>
    public BacnetListEnumerator<WriteAccessSpecification> GetEnumerator() => new(Data);

    /// <summary>Writes a request from WriteAccessSpecifications already encoded with <see cref="WriteAccessSpecification.TryWriteHeader"/>, <see cref="WriteAccessSpecification.TryWriteValue"/> and <see cref="WriteAccessSpecification.TryWriteTrailer"/>.</summary>
    /// <param name="specifications">Concatenated encoded specifications.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The octets are not a valid list.</exception>
    public static OperationStatus TryWrite(ReadOnlySpan<byte> specifications, Span<byte> destination, out int bytesWritten) =>
        BacnetList.TryWriteSequence<WriteAccessSpecification>(specifications, destination, out bytesWritten, nameof(specifications));
}

/// <summary>A WriteAccessSpecification: an object and the values to write to its properties.</summary>
public readonly ref struct WriteAccessSpecification : IBacnetElement<WriteAccessSpecification>
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
    public BacnetListEnumerator<BacnetPropertyValue> EnumerateProperties() => new(Properties);

    /// <summary>Reads one WriteAccessSpecification.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="element">The specification.</param>
    /// <returns>True when valid.</returns>
    static bool IBacnetElement<WriteAccessSpecification>.TryRead(scoped ref BacnetTagReader reader, out WriteAccessSpecification element)
    {
        bool valid = BacnetList.TryReadObjectList<BacnetPropertyValue>(ref reader, out BacnetObjectIdentifier id, out ReadOnlySpan<byte> list);
        element = valid ? new WriteAccessSpecification(id, list) : default;
        return valid;
    }

    /// <summary>Writes objectIdentifier [0] and the opening tag of listOfProperties [1].</summary>
    /// <param name="objectIdentifier">The object.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWriteHeader(BacnetObjectIdentifier objectIdentifier, Span<byte> destination, out int bytesWritten) =>
        BacnetList.TryWriteObjectListHeader(objectIdentifier, destination, out bytesWritten);

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
    public static OperationStatus TryWriteTrailer(Span<byte> destination, out int bytesWritten) => BacnetList.TryWriteListTrailer(destination, out bytesWritten);
}
