using System.Buffers.Binary;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>
/// A cursor over BACnet tagged data (ANSI/ASHRAE 135 clause 20.2). Every <c>Try*</c> method is atomic: on failure
/// the position does not move and <see cref="Error"/> says what, where and why. Offsets in errors are relative to the
/// start of the data plus the base offset given at construction.
/// </summary>
public ref struct BacnetTagReader
{
    /// <summary>Constructed values nested deeper than this are rejected.</summary>
    public const int MaxDepth = 32;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _baseOffset;
    private int _position;
    private ProtocolError _error;

    /// <summary>Creates a reader.</summary>
    /// <param name="data">The tagged data.</param>
    /// <param name="baseOffset">Added to error offsets (the data's offset in a larger message).</param>
    public BacnetTagReader(ReadOnlySpan<byte> data, int baseOffset = 0)
    {
        _data = data;
        _baseOffset = baseOffset;
        _position = 0;
        _error = default;
    }

    /// <summary>Octets consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>True when every octet has been consumed.</summary>
    public readonly bool End => _position >= _data.Length;

    /// <summary>The octets not consumed yet.</summary>
    public readonly ReadOnlySpan<byte> Remaining => _data[_position..];

    /// <summary>The reason of the last failed call.</summary>
    public readonly ProtocolError Error => _error;

    /// <summary>Decodes the tag at the current position without consuming it.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>False when the data is exhausted or the tag is invalid (see <see cref="Error"/>).</returns>
    public bool TryPeekTag(out BacnetTag tag) => TryDecode(_data, _position, out tag, out _error, _baseOffset);

    /// <summary>Decodes and consumes the tag (and its content) at the current position.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>False when the data is exhausted or the tag is invalid (see <see cref="Error"/>).</returns>
    public bool TryReadTag(out BacnetTag tag)
    {
        if (!TryPeekTag(out tag))
        {
            return false;
        }

        _position += tag.EncodedLength;
        return true;
    }

    /// <summary>True when the next tag is a context primitive with tag number <paramref name="number"/>.</summary>
    /// <param name="number">The context tag number.</param>
    /// <returns>Whether it is.</returns>
    public readonly bool PeekIsContext(byte number) => TryDecode(_data, _position, out BacnetTag tag, out _, 0) && tag.IsContextPrimitive(number);

    /// <summary>True when the next tag is the opening tag <paramref name="number"/>.</summary>
    /// <param name="number">The context tag number.</param>
    /// <returns>Whether it is.</returns>
    public readonly bool PeekIsOpening(byte number) =>
        TryDecode(_data, _position, out BacnetTag tag, out _, 0) && tag.Kind == BacnetTagKind.Opening && tag.Number == number;

    /// <summary>True when the next tag is the closing tag <paramref name="number"/>.</summary>
    /// <param name="number">The context tag number.</param>
    /// <returns>Whether it is.</returns>
    public readonly bool PeekIsClosing(byte number) =>
        TryDecode(_data, _position, out BacnetTag tag, out _, 0) && tag.Kind == BacnetTagKind.Closing && tag.Number == number;

    /// <summary>True when the next tag is an application tag <paramref name="tag"/>.</summary>
    /// <param name="tag">The application tag.</param>
    /// <returns>Whether it is.</returns>
    public readonly bool PeekIs(BacnetApplicationTag tag) => TryDecode(_data, _position, out BacnetTag t, out _, 0) && t.Is(tag);

    /// <summary>Consumes the opening tag <paramref name="number"/>.</summary>
    /// <param name="number">The context tag number.</param>
    /// <returns>False when the next tag is something else.</returns>
    public bool TryReadOpening(byte number) => TryReadDelimiter(number, BacnetTagKind.Opening);

    /// <summary>Consumes the closing tag <paramref name="number"/>.</summary>
    /// <param name="number">The context tag number.</param>
    /// <returns>False when the next tag is something else.</returns>
    public bool TryReadClosing(byte number) => TryReadDelimiter(number, BacnetTagKind.Closing);

    private bool TryReadDelimiter(byte number, BacnetTagKind kind)
    {
        if (!TryPeekTag(out BacnetTag tag))
        {
            return false;
        }

        if (tag.Kind != kind || tag.Number != number)
        {
            return Fail(BacnetError.TagUnexpected, kind == BacnetTagKind.Opening ? "expected an opening tag" : "expected a closing tag");
        }

        _position += tag.EncodedLength;
        return true;
    }

    /// <summary>
    /// Consumes a constructed value: the opening tag <paramref name="number"/>, every element up to the matching closing
    /// tag, and the closing tag.
    /// </summary>
    /// <param name="number">The context tag number.</param>
    /// <param name="content">The octets between the opening and the closing tag.</param>
    /// <returns>False when the opening tag is missing or the content is not well formed.</returns>
    public bool TryReadConstructed(byte number, out ReadOnlySpan<byte> content)
    {
        content = default;
        int start = _position;
        if (!TryReadOpening(number))
        {
            return false;
        }

        int contentStart = _position;
        while (true)
        {
            if (!TryPeekTag(out BacnetTag tag))
            {
                _position = start;
                return false;
            }

            if (tag.Kind == BacnetTagKind.Closing)
            {
                if (tag.Number != number)
                {
                    Fail(BacnetError.ConstructedUnbalanced, "closing tag does not match the opening tag");
                    _position = start;
                    return false;
                }

                content = _data[contentStart.._position];
                _position += tag.EncodedLength;
                return true;
            }

            if (!TrySkipElement(1))
            {
                _position = start;
                return false;
            }
        }
    }

    /// <summary>Consumes one element: a primitive, or a whole constructed value with everything nested in it.</summary>
    /// <returns>False when the element is not well formed (a stray closing tag included).</returns>
    public bool TrySkipElement() => TrySkipElement(0);

    private bool TrySkipElement(int depth)
    {
        int start = _position;
        if (!TryPeekTag(out BacnetTag tag))
        {
            return false;
        }

        switch (tag.Kind)
        {
            case BacnetTagKind.Primitive:
                _position += tag.EncodedLength;
                return true;
            case BacnetTagKind.Closing:
                return Fail(BacnetError.ConstructedUnbalanced, "closing tag without an opening tag");
        }

        if (depth >= MaxDepth)
        {
            return Fail(BacnetError.NestingTooDeep, "constructed values nest deeper than 32 levels");
        }

        _position += tag.EncodedLength;
        while (true)
        {
            if (!TryPeekTag(out BacnetTag inner))
            {
                _position = start;
                return false;
            }

            if (inner.Kind == BacnetTagKind.Closing)
            {
                if (inner.Number != tag.Number)
                {
                    Fail(BacnetError.ConstructedUnbalanced, "closing tag does not match the opening tag");
                    _position = start;
                    return false;
                }

                _position += inner.EncodedLength;
                return true;
            }

            if (!TrySkipElement(depth + 1))
            {
                _position = start;
                return false;
            }
        }
    }

    /// <summary>Reads an application Unsigned Integer of at most 32 bits.</summary>
    /// <param name="value">The value.</param>
    /// <returns>False on another tag or an invalid value.</returns>
    public bool TryReadUnsigned(out uint value) => TryReadUInt32(BacnetApplicationTag.UnsignedInteger, null, out value);

    /// <summary>Reads a context-tagged Unsigned Integer of at most 32 bits.</summary>
    /// <param name="number">The context tag number.</param>
    /// <param name="value">The value.</param>
    /// <returns>False on another tag or an invalid value.</returns>
    public bool TryReadContextUnsigned(byte number, out uint value) => TryReadUInt32(default, number, out value);

    /// <summary>Reads an application Unsigned Integer of at most 64 bits.</summary>
    /// <param name="value">The value.</param>
    /// <returns>False on another tag or an invalid value.</returns>
    public bool TryReadUnsigned64(out ulong value)
    {
        value = 0;
        if (!TryPeekPrimitive(BacnetApplicationTag.UnsignedInteger, null, out BacnetTag tag))
        {
            return false;
        }

        if (!BacnetPrimitives.TryDecodeUnsigned(tag.Content, out value))
        {
            return Fail(BacnetError.ValueInvalid, "unsigned value is not 1..8 octets");
        }

        _position += tag.EncodedLength;
        return true;
    }

    /// <summary>Reads an application Enumerated.</summary>
    /// <param name="value">The value.</param>
    /// <returns>False on another tag or an invalid value.</returns>
    public bool TryReadEnumerated(out uint value) => TryReadUInt32(BacnetApplicationTag.Enumerated, null, out value);

    /// <summary>Reads a context-tagged Enumerated.</summary>
    /// <param name="number">The context tag number.</param>
    /// <param name="value">The value.</param>
    /// <returns>False on another tag or an invalid value.</returns>
    public bool TryReadContextEnumerated(byte number, out uint value) => TryReadUInt32(default, number, out value);

    private bool TryReadUInt32(BacnetApplicationTag applicationTag, byte? contextNumber, out uint value)
    {
        value = 0;
        if (!TryPeekPrimitive(applicationTag, contextNumber, out BacnetTag tag))
        {
            return false;
        }

        if (!BacnetPrimitives.TryDecodeUnsigned(tag.Content, out ulong wide) || wide > uint.MaxValue)
        {
            return Fail(BacnetError.ValueInvalid, "unsigned or enumerated value is not 1..4 octets");
        }

        value = (uint)wide;
        _position += tag.EncodedLength;
        return true;
    }

    /// <summary>Reads an application Signed Integer of at most 32 bits.</summary>
    /// <param name="value">The value.</param>
    /// <returns>False on another tag or an invalid value.</returns>
    public bool TryReadSigned(out int value) => TryReadInt32(BacnetApplicationTag.SignedInteger, null, out value);

    /// <summary>Reads a context-tagged Signed Integer of at most 32 bits.</summary>
    /// <param name="number">The context tag number.</param>
    /// <param name="value">The value.</param>
    /// <returns>False on another tag or an invalid value.</returns>
    public bool TryReadContextSigned(byte number, out int value) => TryReadInt32(default, number, out value);

    private bool TryReadInt32(BacnetApplicationTag applicationTag, byte? contextNumber, out int value)
    {
        value = 0;
        if (!TryPeekPrimitive(applicationTag, contextNumber, out BacnetTag tag))
        {
            return false;
        }

        if (!BacnetPrimitives.TryDecodeSigned(tag.Content, out long wide) || wide is < int.MinValue or > int.MaxValue)
        {
            return Fail(BacnetError.ValueInvalid, "signed value is not 1..4 octets");
        }

        value = (int)wide;
        _position += tag.EncodedLength;
        return true;
    }

    /// <summary>Reads an application Real.</summary>
    /// <param name="value">The value.</param>
    /// <returns>False on another tag or an invalid value.</returns>
    public bool TryReadReal(out float value)
    {
        value = 0;
        if (!TryPeekPrimitive(BacnetApplicationTag.Real, null, out BacnetTag tag))
        {
            return false;
        }

        // 20.2.6: four octets, IEEE 754 single precision.
        if (tag.Content.Length != 4)
        {
            return Fail(BacnetError.ValueInvalid, "real value is not 4 octets");
        }

        value = BinaryPrimitives.ReadSingleBigEndian(tag.Content);
        _position += tag.EncodedLength;
        return true;
    }

    /// <summary>Reads an application Double.</summary>
    /// <param name="value">The value.</param>
    /// <returns>False on another tag or an invalid value.</returns>
    public bool TryReadDouble(out double value)
    {
        value = 0;
        if (!TryPeekPrimitive(BacnetApplicationTag.Double, null, out BacnetTag tag))
        {
            return false;
        }

        // 20.2.7: eight octets, IEEE 754 double precision.
        if (tag.Content.Length != 8)
        {
            return Fail(BacnetError.ValueInvalid, "double value is not 8 octets");
        }

        value = BinaryPrimitives.ReadDoubleBigEndian(tag.Content);
        _position += tag.EncodedLength;
        return true;
    }

    /// <summary>Reads an application Boolean (value in the LVT field, clause 20.2.3).</summary>
    /// <param name="value">The value.</param>
    /// <returns>False on another tag.</returns>
    public bool TryReadBoolean(out bool value)
    {
        value = false;
        if (!TryPeekPrimitive(BacnetApplicationTag.Boolean, null, out BacnetTag tag))
        {
            return false;
        }

        value = tag.BooleanValue;
        _position += tag.EncodedLength;
        return true;
    }

    /// <summary>Reads a context-tagged Boolean (one content octet, clause 20.2.3).</summary>
    /// <param name="number">The context tag number.</param>
    /// <param name="value">The value.</param>
    /// <returns>False on another tag or an invalid value.</returns>
    public bool TryReadContextBoolean(byte number, out bool value)
    {
        value = false;
        if (!TryPeekPrimitive(default, number, out BacnetTag tag))
        {
            return false;
        }

        if (tag.Content.Length != 1 || tag.Content[0] > 1)
        {
            return Fail(BacnetError.ValueInvalid, "context boolean is not one octet of 0 or 1");
        }

        value = tag.Content[0] != 0;
        _position += tag.EncodedLength;
        return true;
    }

    /// <summary>Reads an application BACnetObjectIdentifier.</summary>
    /// <param name="value">The value.</param>
    /// <returns>False on another tag or an invalid value.</returns>
    public bool TryReadObjectIdentifier(out BacnetObjectIdentifier value) => TryReadObjectIdentifier(BacnetApplicationTag.ObjectIdentifier, null, out value);

    /// <summary>Reads a context-tagged BACnetObjectIdentifier.</summary>
    /// <param name="number">The context tag number.</param>
    /// <param name="value">The value.</param>
    /// <returns>False on another tag or an invalid value.</returns>
    public bool TryReadContextObjectIdentifier(byte number, out BacnetObjectIdentifier value) => TryReadObjectIdentifier(default, number, out value);

    private bool TryReadObjectIdentifier(BacnetApplicationTag applicationTag, byte? contextNumber, out BacnetObjectIdentifier value)
    {
        value = default;
        if (!TryPeekPrimitive(applicationTag, contextNumber, out BacnetTag tag))
        {
            return false;
        }

        // 20.2.14: four octets.
        if (tag.Content.Length != 4)
        {
            return Fail(BacnetError.ValueInvalid, "object identifier is not 4 octets");
        }

        value = BacnetObjectIdentifier.FromUInt32(BinaryPrimitives.ReadUInt32BigEndian(tag.Content));
        _position += tag.EncodedLength;
        return true;
    }

    /// <summary>Reads an application Character String.</summary>
    /// <param name="value">The value.</param>
    /// <returns>False on another tag or an invalid value.</returns>
    public bool TryReadCharacterString(out BacnetCharacterString value) => TryReadCharacterString(BacnetApplicationTag.CharacterString, null, out value);

    /// <summary>Reads a context-tagged Character String.</summary>
    /// <param name="number">The context tag number.</param>
    /// <param name="value">The value.</param>
    /// <returns>False on another tag or an invalid value.</returns>
    public bool TryReadContextCharacterString(byte number, out BacnetCharacterString value) => TryReadCharacterString(default, number, out value);

    private bool TryReadCharacterString(BacnetApplicationTag applicationTag, byte? contextNumber, out BacnetCharacterString value)
    {
        value = default;
        if (!TryPeekPrimitive(applicationTag, contextNumber, out BacnetTag tag))
        {
            return false;
        }

        // 20.2.9: a character set octet, then the characters.
        if (tag.Content.IsEmpty)
        {
            return Fail(BacnetError.ValueInvalid, "character string has no character set octet");
        }

        value = new BacnetCharacterString((BacnetCharacterSet)tag.Content[0], tag.Content[1..]);
        _position += tag.EncodedLength;
        return true;
    }

    /// <summary>Reads an application Octet String.</summary>
    /// <param name="value">The octets.</param>
    /// <returns>False on another tag.</returns>
    public bool TryReadOctetString(out ReadOnlySpan<byte> value) => TryReadOctets(BacnetApplicationTag.OctetString, null, out value);

    /// <summary>Reads a context-tagged Octet String.</summary>
    /// <param name="number">The context tag number.</param>
    /// <param name="value">The octets.</param>
    /// <returns>False on another tag.</returns>
    public bool TryReadContextOctetString(byte number, out ReadOnlySpan<byte> value) => TryReadOctets(default, number, out value);

    private bool TryReadOctets(BacnetApplicationTag applicationTag, byte? contextNumber, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!TryPeekPrimitive(applicationTag, contextNumber, out BacnetTag tag))
        {
            return false;
        }

        value = tag.Content;
        _position += tag.EncodedLength;
        return true;
    }

    /// <summary>Reads an application Bit String.</summary>
    /// <param name="value">The value.</param>
    /// <returns>False on another tag or an invalid value.</returns>
    public bool TryReadBitString(out BacnetBitString value)
    {
        value = default;
        if (!TryPeekPrimitive(BacnetApplicationTag.BitString, null, out BacnetTag tag))
        {
            return false;
        }

        if (!BacnetPrimitives.TryDecodeBitString(tag.Content, out value))
        {
            return Fail(BacnetError.ValueInvalid, "bit string has an invalid unused-bits octet");
        }

        _position += tag.EncodedLength;
        return true;
    }

    /// <summary>Reads an application Date.</summary>
    /// <param name="value">The value.</param>
    /// <returns>False on another tag or an invalid value.</returns>
    public bool TryReadDate(out BacnetDate value)
    {
        value = default;
        if (!TryPeekPrimitive(BacnetApplicationTag.Date, null, out BacnetTag tag))
        {
            return false;
        }

        // 20.2.12: year-1900, month, day, day of week.
        if (tag.Content.Length != 4)
        {
            return Fail(BacnetError.ValueInvalid, "date is not 4 octets");
        }

        value = new BacnetDate(tag.Content[0], tag.Content[1], tag.Content[2], tag.Content[3]);
        _position += tag.EncodedLength;
        return true;
    }

    /// <summary>Reads an application Time.</summary>
    /// <param name="value">The value.</param>
    /// <returns>False on another tag or an invalid value.</returns>
    public bool TryReadTime(out BacnetTime value)
    {
        value = default;
        if (!TryPeekPrimitive(BacnetApplicationTag.Time, null, out BacnetTag tag))
        {
            return false;
        }

        // 20.2.13: hour, minute, second, hundredths.
        if (tag.Content.Length != 4)
        {
            return Fail(BacnetError.ValueInvalid, "time is not 4 octets");
        }

        value = new BacnetTime(tag.Content[0], tag.Content[1], tag.Content[2], tag.Content[3]);
        _position += tag.EncodedLength;
        return true;
    }

    /// <summary>Reads an application Null.</summary>
    /// <returns>False on another tag or a null with content.</returns>
    public bool TryReadNull()
    {
        if (!TryPeekPrimitive(BacnetApplicationTag.Null, null, out BacnetTag tag))
        {
            return false;
        }

        if (!tag.Content.IsEmpty)
        {
            return Fail(BacnetError.ValueInvalid, "null has content octets");
        }

        _position += tag.EncodedLength;
        return true;
    }

    /// <summary>Fails with <see cref="BacnetError.TrailingData"/> unless every octet has been consumed.</summary>
    /// <returns>True at the end of the data.</returns>
    public bool TryReadEnd() => End || Fail(BacnetError.TrailingData, "octets follow the end of the production");

    /// <summary>A reader over <paramref name="content"/>, a part of this reader's data, whose error offsets are relative to the same origin.</summary>
    /// <param name="content">A slice of this reader's data (for example the content of a constructed value).</param>
    /// <returns>The nested reader.</returns>
    public readonly BacnetTagReader CreateNested(ReadOnlySpan<byte> content) =>
        new(content, _data.Overlaps(content, out int offset) ? _baseOffset + offset : _baseOffset + _position);

    /// <summary>Records <paramref name="error"/> (from a nested reader) and returns false.</summary>
    /// <param name="error">The error.</param>
    /// <returns>False.</returns>
    public bool FailWith(ProtocolError error)
    {
        _error = error;
        return false;
    }

    /// <summary>Records an error at the current position and returns false.</summary>
    /// <param name="code">The error.</param>
    /// <param name="reason">The reason (a constant text).</param>
    /// <returns>False.</returns>
    public bool Fail(BacnetError code, string reason)
    {
        _error = BacnetErrors.Create(code, reason, _baseOffset + _position);
        return false;
    }

    private bool TryPeekPrimitive(BacnetApplicationTag applicationTag, byte? contextNumber, out BacnetTag tag)
    {
        if (!TryPeekTag(out tag))
        {
            return false;
        }

        bool matches = contextNumber is byte number ? tag.IsContextPrimitive(number) : tag.Is(applicationTag);
        if (!matches)
        {
            tag = default;
            return Fail(BacnetError.TagUnexpected, contextNumber is null ? "expected a different application tag" : "expected a different context tag");
        }

        return true;
    }

    /// <summary>Decodes a tag header at <paramref name="offset"/> (clause 20.2.1).</summary>
    internal static bool TryDecode(ReadOnlySpan<byte> data, int offset, out BacnetTag tag, out ProtocolError error, int baseOffset)
    {
        tag = default;
        error = default;
        if ((uint)offset >= (uint)data.Length)
        {
            error = BacnetErrors.Create(BacnetError.TagTruncated, "data ends where a tag is required", baseOffset + offset);
            return false;
        }

        byte initial = data[offset];
        int number = initial >> 4;
        bool isContext = (initial & 0x08) != 0;
        byte lvt = (byte)(initial & 0x07);
        int position = offset + 1;

        // 20.2.1.2: tag numbers 15..254 follow in the next octet; 255 is reserved.
        if (number == 0x0F)
        {
            if (position >= data.Length)
            {
                error = BacnetErrors.Create(BacnetError.TagTruncated, "data ends inside an extended tag number", baseOffset + position);
                return false;
            }

            number = data[position++];
            if (number is < 15 or 255)
            {
                error = BacnetErrors.Create(BacnetError.TagInvalid, "extended tag number is below 15 or the reserved 255", baseOffset + position - 1);
                return false;
            }
        }

        if (isContext && lvt >= 6)
        {
            // 20.2.1.3.2: LVT 6 opens and LVT 7 closes a constructed value.
            tag = new BacnetTag((byte)number, true, lvt == 6 ? BacnetTagKind.Opening : BacnetTagKind.Closing, lvt, position - offset, []);
            return true;
        }

        if (!isContext && number == (int)BacnetApplicationTag.Boolean)
        {
            // 20.2.3: an application Boolean holds its value in LVT (0 or 1) and has no content.
            if (lvt > 1)
            {
                error = BacnetErrors.Create(BacnetError.TagInvalid, "application boolean LVT is not 0 or 1", baseOffset + offset);
                return false;
            }

            tag = new BacnetTag((byte)number, false, BacnetTagKind.Primitive, lvt, position - offset, []);
            return true;
        }

        if (lvt >= 6)
        {
            error = BacnetErrors.Create(BacnetError.TagInvalid, "application tag with LVT 6 or 7 (only context tags open or close)", baseOffset + offset);
            return false;
        }

        long length = lvt;
        if (lvt == 5)
        {
            // 20.2.1.3.1: extended length: one octet 0..253, 254 + two octets, or 255 + four octets.
            if (position >= data.Length)
            {
                error = BacnetErrors.Create(BacnetError.TagTruncated, "data ends inside an extended length", baseOffset + position);
                return false;
            }

            byte first = data[position++];
            if (first == 254)
            {
                if (data.Length - position < 2)
                {
                    error = BacnetErrors.Create(BacnetError.TagTruncated, "data ends inside a 2-octet extended length", baseOffset + position);
                    return false;
                }

                length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
                position += 2;
            }
            else if (first == 255)
            {
                if (data.Length - position < 4)
                {
                    error = BacnetErrors.Create(BacnetError.TagTruncated, "data ends inside a 4-octet extended length", baseOffset + position);
                    return false;
                }

                length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
                position += 4;
            }
            else
            {
                length = first;
            }
        }

        if (length > data.Length - position)
        {
            error = BacnetErrors.Create(BacnetError.TagTruncated, "tag content runs past the end of the data", baseOffset + offset);
            return false;
        }

        tag = new BacnetTag((byte)number, isContext, BacnetTagKind.Primitive, lvt, position - offset, data.Slice(position, (int)length));
        return true;
    }
}
