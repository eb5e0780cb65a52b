namespace OtSecurity.Protocols.Bacnet;

/// <summary>What a BACnet tag introduces (clause 20.2.1.3).</summary>
public enum BacnetTagKind : byte
{
    /// <summary>A primitive value (LVT is a length, or the value of an application Boolean).</summary>
    Primitive = 0,

    /// <summary>An opening tag of a constructed value (context class, LVT 6).</summary>
    Opening = 1,

    /// <summary>A closing tag of a constructed value (context class, LVT 7).</summary>
    Closing = 2,
}

/// <summary>One decoded tag header and its content octets (ANSI/ASHRAE 135 clause 20.2.1).</summary>
public readonly ref struct BacnetTag
{
    internal BacnetTag(byte number, bool isContext, BacnetTagKind kind, byte lvt, int headerLength, ReadOnlySpan<byte> content)
    {
        Number = number;
        IsContext = isContext;
        Kind = kind;
        Lvt = lvt;
        HeaderLength = headerLength;
        Content = content;
    }

    /// <summary>The tag number (0..254; 15..254 use the extended tag number octet).</summary>
    public byte Number { get; }

    /// <summary>True for a context-specific tag, false for an application tag.</summary>
    public bool IsContext { get; }

    /// <summary>Primitive, opening or closing.</summary>
    public BacnetTagKind Kind { get; }

    /// <summary>The raw length/value/type field (bits 2..0 of the first octet).</summary>
    public byte Lvt { get; }

    /// <summary>Octets of the tag header (initial octet, extended tag number, extended length).</summary>
    public int HeaderLength { get; }

    /// <summary>The content octets of a primitive (empty for an application Boolean, opening and closing tags).</summary>
    public ReadOnlySpan<byte> Content { get; }

    /// <summary>Header and content octets.</summary>
    public int EncodedLength => HeaderLength + Content.Length;

    /// <summary>The application tag (meaningful when <see cref="IsContext"/> is false).</summary>
    public BacnetApplicationTag ApplicationTag => (BacnetApplicationTag)Number;

    /// <summary>True for an application tag of <paramref name="tag"/> that introduces a primitive.</summary>
    /// <param name="tag">The application tag.</param>
    /// <returns>Whether it matches.</returns>
    public bool Is(BacnetApplicationTag tag) => !IsContext && Kind == BacnetTagKind.Primitive && Number == (byte)tag;

    /// <summary>True for a context-specific primitive with tag number <paramref name="number"/>.</summary>
    /// <param name="number">The context tag number.</param>
    /// <returns>Whether it matches.</returns>
    public bool IsContextPrimitive(byte number) => IsContext && Kind == BacnetTagKind.Primitive && Number == number;

    /// <summary>The value of an application Boolean, which lives in the LVT field (clause 20.2.3).</summary>
    public bool BooleanValue => Lvt != 0;
}
