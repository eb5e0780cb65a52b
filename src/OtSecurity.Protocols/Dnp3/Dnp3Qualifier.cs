namespace OtSecurity.Protocols.Dnp3;

/// <summary>Object prefix codes, bits 4–6 of the qualifier (IEEE 1815-2012 §4.2.2.7.3.2, Table 4-5).</summary>
public enum Dnp3PrefixCode : byte
{
    /// <summary>Objects are packed without an index prefix.</summary>
    None = 0,

    /// <summary>Each object is prefixed with a 1-octet index.</summary>
    Index1 = 1,

    /// <summary>Each object is prefixed with a 2-octet index.</summary>
    Index2 = 2,

    /// <summary>Each object is prefixed with a 4-octet index.</summary>
    Index4 = 3,

    /// <summary>Each object is prefixed with a 1-octet object size.</summary>
    Size1 = 4,

    /// <summary>Each object is prefixed with a 2-octet object size.</summary>
    Size2 = 5,

    /// <summary>Each object is prefixed with a 4-octet object size.</summary>
    Size4 = 6,

    /// <summary>Reserved.</summary>
    Reserved = 7,
}

/// <summary>Range specifier codes, bits 0–3 of the qualifier (IEEE 1815-2012 §4.2.2.7.3.1, Table 4-4).</summary>
public enum Dnp3RangeCode : byte
{
    /// <summary>1-octet start and stop indexes.</summary>
    StartStop1 = 0x0,

    /// <summary>2-octet start and stop indexes.</summary>
    StartStop2 = 0x1,

    /// <summary>4-octet start and stop indexes.</summary>
    StartStop4 = 0x2,

    /// <summary>1-octet start and stop virtual addresses.</summary>
    VirtualAddress1 = 0x3,

    /// <summary>2-octet start and stop virtual addresses.</summary>
    VirtualAddress2 = 0x4,

    /// <summary>4-octet start and stop virtual addresses.</summary>
    VirtualAddress4 = 0x5,

    /// <summary>No range field: all objects of the type.</summary>
    AllObjects = 0x6,

    /// <summary>1-octet count of objects.</summary>
    Count1 = 0x7,

    /// <summary>2-octet count of objects.</summary>
    Count2 = 0x8,

    /// <summary>4-octet count of objects.</summary>
    Count4 = 0x9,

    /// <summary>Reserved.</summary>
    Reserved10 = 0xA,

    /// <summary>Variable format qualifier: 1-octet count of objects whose sizes come from their prefix.</summary>
    FreeFormatCount1 = 0xB,

    /// <summary>Reserved.</summary>
    Reserved12 = 0xC,

    /// <summary>Reserved.</summary>
    Reserved13 = 0xD,

    /// <summary>Reserved.</summary>
    Reserved14 = 0xE,

    /// <summary>Reserved.</summary>
    Reserved15 = 0xF,
}

/// <summary>Sizes of the qualifier's fields.</summary>
public static class Dnp3Qualifiers
{
    /// <summary>Composes a qualifier octet.</summary>
    /// <param name="prefix">The prefix code.</param>
    /// <param name="range">The range specifier code.</param>
    /// <returns>The octet (bit 7, reserved, is 0).</returns>
    public static byte Compose(Dnp3PrefixCode prefix, Dnp3RangeCode range) => (byte)((((byte)prefix & 0x07) << 4) | ((byte)range & 0x0F));

    /// <summary>Octets of the range field for <paramref name="range"/>, or −1 for reserved codes.</summary>
    /// <param name="range">The code.</param>
    /// <returns>0, 1, 2, 4, 8 or −1.</returns>
    public static int RangeFieldSize(Dnp3RangeCode range) => range switch
    {
        Dnp3RangeCode.StartStop1 or Dnp3RangeCode.VirtualAddress1 => 2,
        Dnp3RangeCode.StartStop2 or Dnp3RangeCode.VirtualAddress2 => 4,
        Dnp3RangeCode.StartStop4 or Dnp3RangeCode.VirtualAddress4 => 8,
        Dnp3RangeCode.AllObjects => 0,
        Dnp3RangeCode.Count1 or Dnp3RangeCode.FreeFormatCount1 => 1,
        Dnp3RangeCode.Count2 => 2,
        Dnp3RangeCode.Count4 => 4,
        _ => -1,
    };

    /// <summary>Octets of each object's prefix for <paramref name="prefix"/>, or −1 for the reserved code.</summary>
    /// <param name="prefix">The code.</param>
    /// <returns>0, 1, 2, 4 or −1.</returns>
    public static int PrefixSize(Dnp3PrefixCode prefix) => prefix switch
    {
        Dnp3PrefixCode.None => 0,
        Dnp3PrefixCode.Index1 or Dnp3PrefixCode.Size1 => 1,
        Dnp3PrefixCode.Index2 or Dnp3PrefixCode.Size2 => 2,
        Dnp3PrefixCode.Index4 or Dnp3PrefixCode.Size4 => 4,
        _ => -1,
    };

    /// <summary>True when the range field holds start and stop values (codes 0–5).</summary>
    /// <param name="range">The code.</param>
    /// <returns>Whether the range is a start-stop pair.</returns>
    public static bool IsStartStop(Dnp3RangeCode range) => (byte)range <= 5;

    /// <summary>True when the prefix is an object size (codes 4–6).</summary>
    /// <param name="prefix">The code.</param>
    /// <returns>Whether each prefix is a size.</returns>
    public static bool IsSizePrefix(Dnp3PrefixCode prefix) => prefix is Dnp3PrefixCode.Size1 or Dnp3PrefixCode.Size2 or Dnp3PrefixCode.Size4;
}
