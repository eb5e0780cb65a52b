using System.Globalization;
using System.Text;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>Application tag numbers (ANSI/ASHRAE 135 clause 20.2.1.4). 13..15 are reserved.</summary>
public enum BacnetApplicationTag : byte
{
    /// <summary>Null.</summary>
    Null = 0,

    /// <summary>Boolean (value in the tag's LVT field).</summary>
    Boolean = 1,

    /// <summary>Unsigned Integer.</summary>
    UnsignedInteger = 2,

    /// <summary>Signed Integer (two's complement).</summary>
    SignedInteger = 3,

    /// <summary>Real (IEEE 754 single precision).</summary>
    Real = 4,

    /// <summary>Double (IEEE 754 double precision).</summary>
    Double = 5,

    /// <summary>Octet String.</summary>
    OctetString = 6,

    /// <summary>Character String.</summary>
    CharacterString = 7,

    /// <summary>Bit String.</summary>
    BitString = 8,

    /// <summary>Enumerated.</summary>
    Enumerated = 9,

    /// <summary>Date.</summary>
    Date = 10,

    /// <summary>Time.</summary>
    Time = 11,

    /// <summary>BACnetObjectIdentifier.</summary>
    ObjectIdentifier = 12,
}

/// <summary>Character sets of a BACnet character string (clause 20.2.9).</summary>
public enum BacnetCharacterSet : byte
{
    /// <summary>ISO 10646 (UTF-8); ANSI X3.4 in older revisions.</summary>
    Utf8 = 0,

    /// <summary>IBM/Microsoft DBCS (followed by a 2-octet code page).</summary>
    IbmMicrosoftDbcs = 1,

    /// <summary>JIS X 0208.</summary>
    JisX0208 = 2,

    /// <summary>ISO 10646 (UCS-4), big-endian.</summary>
    Ucs4 = 3,

    /// <summary>ISO 10646 (UCS-2), big-endian.</summary>
    Ucs2 = 4,

    /// <summary>ISO 8859-1.</summary>
    Iso8859Latin1 = 5,
}

/// <summary>A BACnetObjectIdentifier (clause 20.2.14): a 10-bit object type and a 22-bit instance number.</summary>
/// <param name="Type">The object type (0..1023).</param>
/// <param name="Instance">The instance number (0..4194303; 4194303 is the wildcard).</param>
public readonly record struct BacnetObjectIdentifier(BacnetObjectType Type, uint Instance)
{
    /// <summary>The largest instance number (also the "unconfigured" wildcard).</summary>
    public const uint MaxInstance = 0x3FFFFF;

    /// <summary>Decodes the 32-bit encoding.</summary>
    /// <param name="value">Type in bits 31..22, instance in bits 21..0.</param>
    /// <returns>The identifier.</returns>
    public static BacnetObjectIdentifier FromUInt32(uint value) => new((BacnetObjectType)(value >> 22), value & MaxInstance);

    /// <summary>The 32-bit encoding.</summary>
    /// <returns>Type in bits 31..22, instance in bits 21..0.</returns>
    public uint ToUInt32() => ((uint)Type << 22) | (Instance & MaxInstance);

    /// <summary>Formats as <c>device,1234</c> (the numeric type for proprietary types).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{BacnetNames.GetObjectTypeName(Type)},{Instance}");
}

/// <summary>A BACnet Date (clause 20.2.12); 255 in a field means "unspecified".</summary>
/// <param name="YearSince1900">Year minus 1900 (255: unspecified).</param>
/// <param name="Month">1..12, 13 odd months, 14 even months, 255 unspecified.</param>
/// <param name="Day">1..31, 32 last day of month, 33 odd days, 34 even days, 255 unspecified.</param>
/// <param name="DayOfWeek">1 Monday .. 7 Sunday, 255 unspecified.</param>
public readonly record struct BacnetDate(byte YearSince1900, byte Month, byte Day, byte DayOfWeek)
{
    /// <summary>The year, or <see langword="null"/> when unspecified.</summary>
    public int? Year => YearSince1900 == 0xFF ? null : 1900 + YearSince1900;
}

/// <summary>A BACnet Time (clause 20.2.13); 255 in a field means "unspecified".</summary>
/// <param name="Hour">0..23.</param>
/// <param name="Minute">0..59.</param>
/// <param name="Second">0..59.</param>
/// <param name="Hundredths">0..99.</param>
public readonly record struct BacnetTime(byte Hour, byte Minute, byte Second, byte Hundredths);

/// <summary>A BACnet character string (clause 20.2.9): the character set octet and the encoded characters.</summary>
public readonly ref struct BacnetCharacterString
{
    private static readonly UTF32Encoding Ucs4BigEndian = new(bigEndian: true, byteOrderMark: false);

    /// <summary>Creates a character string.</summary>
    /// <param name="characterSet">The character set.</param>
    /// <param name="bytes">The encoded characters (for DBCS, the 2-octet code page first).</param>
    public BacnetCharacterString(BacnetCharacterSet characterSet, ReadOnlySpan<byte> bytes)
    {
        CharacterSet = characterSet;
        Bytes = bytes;
    }

    /// <summary>The character set.</summary>
    public BacnetCharacterSet CharacterSet { get; }

    /// <summary>The encoded characters.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>
    /// Decodes the characters (allocates). UTF-8, UCS-2, UCS-4 and ISO 8859-1 are decoded; DBCS and JIS X 0208
    /// return <see langword="null"/> because their code pages are not part of the BCL.
    /// </summary>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public string? Decode() => CharacterSet switch
    {
        BacnetCharacterSet.Utf8 => Encoding.UTF8.GetString(Bytes),
        BacnetCharacterSet.Ucs2 when Bytes.Length % 2 == 0 => Encoding.BigEndianUnicode.GetString(Bytes),
        BacnetCharacterSet.Ucs4 when Bytes.Length % 4 == 0 => Ucs4BigEndian.GetString(Bytes),
        BacnetCharacterSet.Iso8859Latin1 => Encoding.Latin1.GetString(Bytes),
        _ => null,
    };

    /// <summary>A UTF-8 string (encodes <paramref name="text"/> into <paramref name="buffer"/>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="buffer">Room for the UTF-8 bytes.</param>
    /// <returns>The character string over the written part of <paramref name="buffer"/>.</returns>
    public static BacnetCharacterString FromUtf8(ReadOnlySpan<char> text, Span<byte> buffer)
    {
        int written = Encoding.UTF8.GetBytes(text, buffer);
        return new BacnetCharacterString(BacnetCharacterSet.Utf8, buffer[..written]);
    }
}

/// <summary>A BACnet bit string (clause 20.2.10): the number of unused bits in the last octet and the octets.</summary>
public readonly ref struct BacnetBitString
{
    /// <summary>Creates a bit string.</summary>
    /// <param name="unusedBits">Unused bits in the last octet (0..7; 0 when empty).</param>
    /// <param name="bytes">The bits, first bit in the most significant bit of the first octet.</param>
    public BacnetBitString(byte unusedBits, ReadOnlySpan<byte> bytes)
    {
        UnusedBits = unusedBits;
        Bytes = bytes;
    }

    /// <summary>Unused bits in the last octet.</summary>
    public byte UnusedBits { get; }

    /// <summary>The octets.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>Number of bits.</summary>
    public int Length => (Bytes.Length * 8) - UnusedBits;

    /// <summary>The bit at <paramref name="index"/>.</summary>
    /// <param name="index">0-based, below <see cref="Length"/>.</param>
    /// <returns>The bit.</returns>
    public bool this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Length);
            return (Bytes[index >> 3] & (0x80 >> (index & 7))) != 0;
        }
    }
}

/// <summary>A property reference: property identifier and optional array index (BACnetPropertyReference, clause 21).</summary>
/// <param name="Property">The property.</param>
/// <param name="ArrayIndex">The array index, or <see langword="null"/> for the whole property.</param>
public readonly record struct BacnetPropertyReference(BacnetPropertyIdentifier Property, uint? ArrayIndex) : IBacnetElement<BacnetPropertyReference>
{
    /// <summary>Reads propertyIdentifier [0] and propertyArrayIndex [1] OPTIONAL (a listOfPropertyReferences element).</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="element">The reference.</param>
    /// <returns>True when valid.</returns>
    static bool IBacnetElement<BacnetPropertyReference>.TryRead(scoped ref BacnetTagReader reader, out BacnetPropertyReference element) =>
        ServiceCodec.TryReadPropertyReference(ref reader, 0, out element);
}
