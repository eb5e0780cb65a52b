namespace OtSecurity.Protocols.Bacnet;

/// <summary>Decodes the content octets of primitive BACnet values (ANSI/ASHRAE 135 clause 20.2.4 to 20.2.10).</summary>
public static class BacnetPrimitives
{
    /// <summary>Decodes an Unsigned Integer or Enumerated: 1..8 big-endian octets (20.2.4, 20.2.11).</summary>
    /// <param name="content">The content octets.</param>
    /// <param name="value">The value.</param>
    /// <returns>False when the content is empty or longer than 8 octets.</returns>
    public static bool TryDecodeUnsigned(ReadOnlySpan<byte> content, out ulong value)
    {
        value = 0;
        if (content.IsEmpty || content.Length > 8)
        {
            return false;
        }

        foreach (byte b in content)
        {
            value = (value << 8) | b;
        }

        return true;
    }

    /// <summary>Decodes a Signed Integer: 1..8 octets, two's complement, big-endian (20.2.5).</summary>
    /// <param name="content">The content octets.</param>
    /// <param name="value">The value.</param>
    /// <returns>False when the content is empty or longer than 8 octets.</returns>
    public static bool TryDecodeSigned(ReadOnlySpan<byte> content, out long value)
    {
        value = 0;
        if (content.IsEmpty || content.Length > 8)
        {
            return false;
        }

        value = (sbyte)content[0];
        for (int i = 1; i < content.Length; i++)
        {
            value = (value << 8) | content[i];
        }

        return true;
    }

    /// <summary>Decodes a Bit String: the unused-bits octet (0..7, 0 when no bits follow) and the bits (20.2.10).</summary>
    /// <param name="content">The content octets.</param>
    /// <param name="value">The value.</param>
    /// <returns>False when the unused-bits octet is missing or invalid.</returns>
    public static bool TryDecodeBitString(ReadOnlySpan<byte> content, out BacnetBitString value)
    {
        value = default;
        if (content.IsEmpty || content[0] > 7 || (content.Length == 1 && content[0] != 0))
        {
            return false;
        }

        value = new BacnetBitString(content[0], content[1..]);
        return true;
    }

    /// <summary>Octets of the minimal encoding of an unsigned value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>1..8.</returns>
    public static int GetUnsignedLength(ulong value)
    {
        int length = 1;
        while (length < 8 && (value >> (length * 8)) != 0)
        {
            length++;
        }

        return length;
    }

    /// <summary>Octets of the minimal two's complement encoding of a signed value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>1..8.</returns>
    public static int GetSignedLength(long value)
    {
        int length = 1;
        while (length < 8)
        {
            long min = -(1L << ((length * 8) - 1));
            long max = (1L << ((length * 8) - 1)) - 1;
            if (value >= min && value <= max)
            {
                break;
            }

            length++;
        }

        return length;
    }
}
