using System.Buffers;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>
/// A service request or ACK that is a production of tagged data filling the service octets: the codec states its
/// fields once, <see cref="ServiceCodec"/> supplies the reader, the end check, the measuring and the writing.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
internal interface IBacnetService<TSelf>
    where TSelf : IBacnetService<TSelf>, allows ref struct
{
    /// <summary>Reads the fields at the reader's position; the caller checks that nothing follows.</summary>
    /// <param name="reader">The reader; on failure its error says why.</param>
    /// <param name="value">The value read.</param>
    /// <returns>True when the fields are valid.</returns>
    static abstract bool TryReadFields(scoped ref BacnetTagReader reader, out TSelf value);

    /// <summary>Writes the fields.</summary>
    /// <param name="writer">The writer.</param>
    void WriteFields(ref BacnetTagWriter writer);
}

/// <summary>Productions shared by several services, and the scaffolding every service codec shares.</summary>
internal static class ServiceCodec
{
    /// <summary>Reads a whole service production: its fields, then nothing else.</summary>
    /// <typeparam name="T">The service.</typeparam>
    /// <param name="data">The service octets.</param>
    /// <param name="value">The value; default when invalid.</param>
    /// <param name="error">Why the octets are invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead<T>(ReadOnlySpan<byte> data, out T value, out ProtocolError error)
        where T : IBacnetService<T>, allows ref struct
    {
        var reader = new BacnetTagReader(data);
        if (T.TryReadFields(ref reader, out value) && reader.TryReadEnd())
        {
            error = default;
            return true;
        }

        value = default!;
        error = reader.Error;
        return false;
    }

    /// <summary>Octets <paramref name="value"/> encodes to.</summary>
    /// <typeparam name="T">The service.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The length.</returns>
    public static int GetEncodedLength<T>(scoped in T value)
        where T : IBacnetService<T>, allows ref struct
    {
        var writer = BacnetTagWriter.CreateMeasuring();
        value.WriteFields(ref writer);
        return writer.BytesWritten;
    }

    /// <summary>Writes <paramref name="value"/>.</summary>
    /// <typeparam name="T">The service.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWrite<T>(scoped in T value, Span<byte> destination, out int bytesWritten)
        where T : IBacnetService<T>, allows ref struct
    {
        var writer = new BacnetTagWriter(destination);
        value.WriteFields(ref writer);
        return writer.Complete(out bytesWritten);
    }

    /// <summary>Records an error at offset 0 of the service data (a value that is well-formed but out of range).</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="code">The error.</param>
    /// <param name="reason">The reason (a constant text).</param>
    /// <returns>False.</returns>
    public static bool FailAtStart(scoped ref BacnetTagReader reader, BacnetError code, string reason) =>
        reader.FailWith(BacnetErrors.Create(code, reason, 0));

    /// <summary>objectIdentifier [n], propertyIdentifier [n+1], propertyArrayIndex [n+2] OPTIONAL.</summary>
    public static bool TryReadObjectPropertyReference(scoped ref BacnetTagReader reader, byte first, out BacnetObjectIdentifier id, out BacnetPropertyIdentifier property, out uint? index)
    {
        property = default;
        index = null;
        if (!reader.TryReadContextObjectIdentifier(first, out id) || !TryReadPropertyReference(ref reader, (byte)(first + 1), out BacnetPropertyReference reference))
        {
            return false;
        }

        property = reference.Property;
        index = reference.ArrayIndex;
        return true;
    }

    public static void WriteObjectPropertyReference(ref BacnetTagWriter writer, byte first, BacnetObjectIdentifier id, BacnetPropertyIdentifier property, uint? index)
    {
        writer.WriteContextObjectIdentifier(first, id);
        WritePropertyReference(ref writer, (byte)(first + 1), new BacnetPropertyReference(property, index));
    }

    /// <summary>propertyIdentifier [n], propertyArrayIndex [n+1] OPTIONAL (a BACnetPropertyReference at tags n, n+1).</summary>
    public static bool TryReadPropertyReference(scoped ref BacnetTagReader reader, byte first, out BacnetPropertyReference reference)
    {
        reference = default;
        if (!reader.TryReadContextEnumerated(first, out uint property) || !TryReadOptionalUnsigned(ref reader, (byte)(first + 1), out uint? index))
        {
            return false;
        }

        reference = new BacnetPropertyReference((BacnetPropertyIdentifier)property, index);
        return true;
    }

    public static void WritePropertyReference(ref BacnetTagWriter writer, byte first, BacnetPropertyReference reference)
    {
        writer.WriteContextEnumerated(first, (uint)reference.Property);
        WriteOptionalUnsigned(ref writer, (byte)(first + 1), reference.ArrayIndex);
    }

    /// <summary>Tagged value octets inside opening and closing tags [n].</summary>
    public static void WriteConstructed(ref BacnetTagWriter writer, byte number, scoped ReadOnlySpan<byte> content)
    {
        writer.WriteOpening(number);
        writer.WriteRaw(content);
        writer.WriteClosing(number);
    }

    /// <summary>An optional context Unsigned: absent is success with <see langword="null"/>.</summary>
    public static bool TryReadOptionalUnsigned(scoped ref BacnetTagReader reader, byte number, out uint? value)
    {
        value = null;
        if (!reader.PeekIsContext(number))
        {
            return true;
        }

        if (!reader.TryReadContextUnsigned(number, out uint present))
        {
            return false;
        }

        value = present;
        return true;
    }

    public static void WriteOptionalUnsigned(ref BacnetTagWriter writer, byte number, uint? value)
    {
        if (value is uint present)
        {
            writer.WriteContextUnsigned(number, present);
        }
    }

    /// <summary>An optional context CharacterString (a password): absent is success with <paramref name="present"/> false.</summary>
    public static bool TryReadOptionalCharacterString(scoped ref BacnetTagReader reader, byte number, out bool present, out BacnetCharacterString value)
    {
        value = default;
        present = reader.PeekIsContext(number);
        return !present || reader.TryReadContextCharacterString(number, out value);
    }

    public static void WriteOptionalCharacterString(ref BacnetTagWriter writer, byte number, bool present, BacnetCharacterString value)
    {
        if (present)
        {
            writer.WriteContextCharacterString(number, value);
        }
    }

    /// <summary>
    /// deviceInstanceRangeLowLimit [0] and deviceInstanceRangeHighLimit [1] of Who-Is and Who-Has (clauses 16.9.1.1,
    /// 16.10.1.1): both or neither, each 0..4194303.
    /// </summary>
    public static bool TryReadDeviceRange(scoped ref BacnetTagReader reader, bool present, string outOfRange, out uint? low, out uint? high)
    {
        low = null;
        high = null;
        if (!present)
        {
            return true;
        }

        if (!reader.TryReadContextUnsigned(0, out uint lowValue) || !reader.TryReadContextUnsigned(1, out uint highValue))
        {
            return false;
        }

        if (lowValue > BacnetObjectIdentifier.MaxInstance || highValue > BacnetObjectIdentifier.MaxInstance)
        {
            return FailAtStart(ref reader, BacnetError.ParameterOutOfRange, outOfRange);
        }

        low = lowValue;
        high = highValue;
        return true;
    }

    public static void WriteDeviceRange(ref BacnetTagWriter writer, uint? low, uint? high, string service)
    {
        if (low.HasValue != high.HasValue)
        {
            throw new ArgumentException(service + " carries both limits or neither.");
        }

        if (low is uint lowValue && high is uint highValue)
        {
            if (lowValue > BacnetObjectIdentifier.MaxInstance || highValue > BacnetObjectIdentifier.MaxInstance)
            {
                throw new ArgumentException(service + " limits are 0..4194303.");
            }

            writer.WriteContextUnsigned(0, lowValue);
            writer.WriteContextUnsigned(1, highValue);
        }
    }

    /// <summary>An optional context priority, Unsigned (1..16).</summary>
    public static bool TryReadOptionalPriority(scoped ref BacnetTagReader reader, byte number, out byte? priority)
    {
        priority = null;
        if (!TryReadOptionalUnsigned(ref reader, number, out uint? value))
        {
            return false;
        }

        if (value is uint present)
        {
            if (present is < 1 or > 16)
            {
                return reader.Fail(BacnetError.ParameterOutOfRange, "priority is outside 1..16");
            }

            priority = (byte)present;
        }

        return true;
    }

    public static void WritePriority(ref BacnetTagWriter writer, byte number, byte? priority)
    {
        if (priority is byte value)
        {
            if (value is < 1 or > 16)
            {
                throw new ArgumentOutOfRangeException(nameof(priority), "Priorities are 1..16.");
            }

            writer.WriteContextUnsigned(number, value);
        }
    }
}
