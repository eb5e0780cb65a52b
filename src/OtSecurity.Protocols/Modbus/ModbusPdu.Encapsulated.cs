namespace OtSecurity.Protocols.Modbus;

public readonly ref partial struct ModbusPdu
{
    /// <summary>The request or response of function 43 / MEI 13 (§6.20).</summary>
    /// <param name="message">The CANopen data.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.CanOpenGeneralReference"/>.</returns>
    public bool TryGetCanOpenGeneralReference(out ModbusCanOpenGeneralReference message)
    {
        if (Kind != ModbusMessageKind.CanOpenGeneralReference)
        {
            message = default;
            return false;
        }

        message = new ModbusCanOpenGeneralReference(Span[2..]);
        return true;
    }

    /// <summary>The request of function 43 / MEI 14 (§6.21).</summary>
    /// <param name="message">Access type and object id.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.ReadDeviceIdentificationRequest"/>.</returns>
    public bool TryGetReadDeviceIdentificationRequest(out ModbusReadDeviceIdentificationRequest message)
    {
        if (Kind != ModbusMessageKind.ReadDeviceIdentificationRequest)
        {
            message = default;
            return false;
        }

        message = new ModbusReadDeviceIdentificationRequest((ModbusReadDeviceIdCode)Span[2], Span[3]);
        return true;
    }

    /// <summary>The response of function 43 / MEI 14 (§6.21).</summary>
    /// <param name="message">The header and the objects.</param>
    /// <returns>True when <see cref="Kind"/> is <see cref="ModbusMessageKind.ReadDeviceIdentificationResponse"/>.</returns>
    public bool TryGetReadDeviceIdentificationResponse(out ModbusReadDeviceIdentificationResponse message)
    {
        if (Kind != ModbusMessageKind.ReadDeviceIdentificationResponse)
        {
            message = default;
            return false;
        }

        message = new ModbusReadDeviceIdentificationResponse(
            (ModbusReadDeviceIdCode)Span[2],
            (ModbusConformityLevel)Span[3],
            Span[4] == 0xFF,
            Span[5],
            Span[6],
            Span[ModbusPduValidator.DeviceIdResponseHeaderLength..]);
        return true;
    }
}

/// <summary>The request or response of function 43 / MEI 13 (§6.20): CANopen general reference data, opaque to Modbus.</summary>
public readonly ref struct ModbusCanOpenGeneralReference
{
    /// <summary>Creates the message.</summary>
    /// <param name="data">The bytes after the MEI type.</param>
    public ModbusCanOpenGeneralReference(ReadOnlySpan<byte> data) => Data = data;

    /// <summary>The bytes after the MEI type.</summary>
    public ReadOnlySpan<byte> Data { get; }
}

/// <summary>The request of function 43 / MEI 14 (§6.21).</summary>
/// <param name="ReadDeviceIdCode">Basic, regular or extended stream access, or individual access.</param>
/// <param name="ObjectId">The first object to return (stream access) or the one object (individual access).</param>
public readonly record struct ModbusReadDeviceIdentificationRequest(ModbusReadDeviceIdCode ReadDeviceIdCode, byte ObjectId);

/// <summary>One object of a Read Device Identification response (§6.21).</summary>
public readonly ref struct ModbusDeviceIdentificationObject
{
    /// <summary>Creates the object.</summary>
    /// <param name="objectId">Object id (0..6 standard, 0x80..0xFF private).</param>
    /// <param name="value">Value bytes (ASCII strings for the standard objects).</param>
    public ModbusDeviceIdentificationObject(byte objectId, ReadOnlySpan<byte> value)
    {
        ObjectId = objectId;
        Value = value;
    }

    /// <summary>Object id; compare with <see cref="ModbusDeviceObjectId"/> for the standard ones.</summary>
    public byte ObjectId { get; }

    /// <summary>Value bytes.</summary>
    public ReadOnlySpan<byte> Value { get; }
}

/// <summary>
/// The response of function 43 / MEI 14 (§6.21). When <see cref="MoreFollows"/> is true the client asks again with
/// <see cref="NextObjectId"/> to get the objects that did not fit (stream access paging). Enumerate the objects with <c>foreach</c>.
/// </summary>
public readonly ref struct ModbusReadDeviceIdentificationResponse
{
    /// <summary>Creates the view.</summary>
    /// <param name="readDeviceIdCode">The access type of the request.</param>
    /// <param name="conformityLevel">Identification level and supported access types of the device.</param>
    /// <param name="moreFollows">True (0xFF) when more objects follow in a further transaction.</param>
    /// <param name="nextObjectId">The object id to ask for next when <paramref name="moreFollows"/> is true.</param>
    /// <param name="numberOfObjects">Number of objects in <paramref name="encodedObjects"/>.</param>
    /// <param name="encodedObjects">(object id, length, value) entries.</param>
    public ModbusReadDeviceIdentificationResponse(
        ModbusReadDeviceIdCode readDeviceIdCode,
        ModbusConformityLevel conformityLevel,
        bool moreFollows,
        byte nextObjectId,
        byte numberOfObjects,
        ReadOnlySpan<byte> encodedObjects)
    {
        ReadDeviceIdCode = readDeviceIdCode;
        ConformityLevel = conformityLevel;
        MoreFollows = moreFollows;
        NextObjectId = nextObjectId;
        NumberOfObjects = numberOfObjects;
        EncodedObjects = encodedObjects;
    }

    /// <summary>The access type of the request.</summary>
    public ModbusReadDeviceIdCode ReadDeviceIdCode { get; }

    /// <summary>Identification level and access types the device supports.</summary>
    public ModbusConformityLevel ConformityLevel { get; }

    /// <summary>True when the objects did not fit and a further request is needed.</summary>
    public bool MoreFollows { get; }

    /// <summary>The object id to ask for next.</summary>
    public byte NextObjectId { get; }

    /// <summary>Number of objects in this response.</summary>
    public byte NumberOfObjects { get; }

    /// <summary>The encoded (object id, length, value) entries.</summary>
    public ReadOnlySpan<byte> EncodedObjects { get; }

    /// <summary>An enumerator over the objects (no allocation).</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(EncodedObjects);

    /// <summary>Enumerates the objects of a validated response.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<byte> _data;
        private int _next;

        internal Enumerator(ReadOnlySpan<byte> data)
        {
            _data = data;
            _next = 0;
            Current = default;
        }

        /// <summary>The current object.</summary>
        public ModbusDeviceIdentificationObject Current { get; private set; }

        /// <summary>Moves to the next object.</summary>
        /// <returns>False at the end (or at bytes that do not form an object).</returns>
        public bool MoveNext()
        {
            if (_next + 2 > _data.Length || _next + 2 + _data[_next + 1] > _data.Length)
            {
                return false;
            }

            int length = _data[_next + 1];
            Current = new ModbusDeviceIdentificationObject(_data[_next], _data.Slice(_next + 2, length));
            _next += 2 + length;
            return true;
        }
    }
}
