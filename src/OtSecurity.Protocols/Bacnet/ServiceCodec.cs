namespace OtSecurity.Protocols.Bacnet;

/// <summary>Productions shared by several services.</summary>
internal static class ServiceCodec
{
    /// <summary>objectIdentifier [n], propertyIdentifier [n+1], propertyArrayIndex [n+2] OPTIONAL.</summary>
    public static bool TryReadObjectPropertyReference(scoped ref BacnetTagReader reader, byte first, out BacnetObjectIdentifier id, out BacnetPropertyIdentifier property, out uint? index)
    {
        property = default;
        index = null;
        if (!reader.TryReadContextObjectIdentifier(first, out id) || !reader.TryReadContextEnumerated((byte)(first + 1), out uint value)
            || !TryReadOptionalUnsigned(ref reader, (byte)(first + 2), out index))
        {
            return false;
        }

        property = (BacnetPropertyIdentifier)value;
        return true;
    }

    public static void WriteObjectPropertyReference(ref BacnetTagWriter writer, byte first, BacnetObjectIdentifier id, BacnetPropertyIdentifier property, uint? index)
    {
        writer.WriteContextObjectIdentifier(first, id);
        writer.WriteContextEnumerated((byte)(first + 1), (uint)property);
        if (index is uint value)
        {
            writer.WriteContextUnsigned((byte)(first + 2), value);
        }
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
