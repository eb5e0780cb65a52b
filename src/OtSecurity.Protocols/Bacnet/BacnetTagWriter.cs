using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>
/// Writes BACnet tagged data (ANSI/ASHRAE 135 clause 20.2) into a span, always in the minimal encoding. A writer made
/// by <see cref="CreateMeasuring"/> only counts octets, so one routine serves both <c>GetEncodedLength</c> and
/// <c>TryWrite</c>. Running out of room sets <see cref="Overflowed"/> and keeps counting.
/// </summary>
public ref struct BacnetTagWriter
{
    private readonly Span<byte> _destination;
    private readonly bool _measuring;
    private int _position;
    private bool _overflowed;

    /// <summary>Creates a writer over <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write.</param>
    public BacnetTagWriter(Span<byte> destination)
    {
        _destination = destination;
        _measuring = false;
        _position = 0;
        _overflowed = false;
    }

    private BacnetTagWriter(bool measuring)
    {
        _destination = default;
        _measuring = measuring;
        _position = 0;
        _overflowed = false;
    }

    /// <summary>A writer that writes nothing and counts octets.</summary>
    /// <returns>The writer.</returns>
    public static BacnetTagWriter CreateMeasuring() => new(measuring: true);

    /// <summary>Octets written (or counted).</summary>
    public readonly int BytesWritten => _position;

    /// <summary>True when the destination was too small.</summary>
    public readonly bool Overflowed => _overflowed;

    /// <summary>The result of a write routine: <see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</summary>
    /// <param name="bytesWritten">Octets written, 0 on overflow.</param>
    /// <returns>The status.</returns>
    public readonly OperationStatus Complete(out int bytesWritten)
    {
        bytesWritten = _overflowed ? 0 : _position;
        return _overflowed ? OperationStatus.DestinationTooSmall : OperationStatus.Done;
    }

    /// <summary>Writes raw octets.</summary>
    /// <param name="octets">The octets.</param>
    public void WriteRaw(scoped ReadOnlySpan<byte> octets)
    {
        if (!_measuring)
        {
            if (!_overflowed && _destination.Length - _position >= octets.Length)
            {
                octets.CopyTo(_destination[_position..]);
            }
            else
            {
                _overflowed = true;
            }
        }

        _position += octets.Length;
    }

    private void WriteByte(byte value)
    {
        if (!_measuring)
        {
            if (!_overflowed && _position < _destination.Length)
            {
                _destination[_position] = value;
            }
            else
            {
                _overflowed = true;
            }
        }

        _position++;
    }

    /// <summary>Writes a tag header (clause 20.2.1) for a primitive of <paramref name="length"/> content octets.</summary>
    /// <param name="number">Tag number (0..254).</param>
    /// <param name="isContext">Context class.</param>
    /// <param name="length">Content length (for an application Boolean, the value 0 or 1).</param>
    public void WriteTagHeader(byte number, bool isContext, uint length)
    {
        if (number == 255)
        {
            throw new ArgumentOutOfRangeException(nameof(number), "Tag number 255 is reserved.");
        }

        byte classBit = isContext ? (byte)0x08 : (byte)0;
        byte lvt = length <= 4 ? (byte)length : (byte)5;
        if (number <= 14)
        {
            WriteByte((byte)((number << 4) | classBit | lvt));
        }
        else
        {
            WriteByte((byte)(0xF0 | classBit | lvt));
            WriteByte(number);
        }

        if (length > 4)
        {
            if (length <= 253)
            {
                WriteByte((byte)length);
            }
            else if (length <= ushort.MaxValue)
            {
                WriteByte(254);
                WriteByte((byte)(length >> 8));
                WriteByte((byte)length);
            }
            else
            {
                WriteByte(255);
                WriteByte((byte)(length >> 24));
                WriteByte((byte)(length >> 16));
                WriteByte((byte)(length >> 8));
                WriteByte((byte)length);
            }
        }
    }

    /// <summary>Writes an opening tag (context class, LVT 6).</summary>
    /// <param name="number">Tag number.</param>
    public void WriteOpening(byte number) => WriteDelimiter(number, 6);

    /// <summary>Writes a closing tag (context class, LVT 7).</summary>
    /// <param name="number">Tag number.</param>
    public void WriteClosing(byte number) => WriteDelimiter(number, 7);

    private void WriteDelimiter(byte number, byte lvt)
    {
        if (number == 255)
        {
            throw new ArgumentOutOfRangeException(nameof(number), "Tag number 255 is reserved.");
        }

        if (number <= 14)
        {
            WriteByte((byte)((number << 4) | 0x08 | lvt));
        }
        else
        {
            WriteByte((byte)(0xF8 | lvt));
            WriteByte(number);
        }
    }

    /// <summary>Writes an application Null.</summary>
    public void WriteNull() => WriteTagHeader((byte)BacnetApplicationTag.Null, false, 0);

    /// <summary>Writes an application Boolean.</summary>
    /// <param name="value">The value.</param>
    public void WriteBoolean(bool value) => WriteTagHeader((byte)BacnetApplicationTag.Boolean, false, value ? 1u : 0u);

    /// <summary>Writes a context-tagged Boolean (one content octet).</summary>
    /// <param name="number">Tag number.</param>
    /// <param name="value">The value.</param>
    public void WriteContextBoolean(byte number, bool value)
    {
        WriteTagHeader(number, true, 1);
        WriteByte(value ? (byte)1 : (byte)0);
    }

    /// <summary>Writes an application Unsigned Integer.</summary>
    /// <param name="value">The value.</param>
    public void WriteUnsigned(ulong value) => WriteUnsignedCore((byte)BacnetApplicationTag.UnsignedInteger, false, value);

    /// <summary>Writes a context-tagged Unsigned Integer.</summary>
    /// <param name="number">Tag number.</param>
    /// <param name="value">The value.</param>
    public void WriteContextUnsigned(byte number, ulong value) => WriteUnsignedCore(number, true, value);

    /// <summary>Writes an application Enumerated.</summary>
    /// <param name="value">The value.</param>
    public void WriteEnumerated(uint value) => WriteUnsignedCore((byte)BacnetApplicationTag.Enumerated, false, value);

    /// <summary>Writes a context-tagged Enumerated.</summary>
    /// <param name="number">Tag number.</param>
    /// <param name="value">The value.</param>
    public void WriteContextEnumerated(byte number, uint value) => WriteUnsignedCore(number, true, value);

    private void WriteUnsignedCore(byte number, bool isContext, ulong value)
    {
        int length = BacnetPrimitives.GetUnsignedLength(value);
        WriteTagHeader(number, isContext, (uint)length);
        for (int i = length - 1; i >= 0; i--)
        {
            WriteByte((byte)(value >> (i * 8)));
        }
    }

    /// <summary>Writes an application Signed Integer.</summary>
    /// <param name="value">The value.</param>
    public void WriteSigned(long value) => WriteSignedCore((byte)BacnetApplicationTag.SignedInteger, false, value);

    /// <summary>Writes a context-tagged Signed Integer.</summary>
    /// <param name="number">Tag number.</param>
    /// <param name="value">The value.</param>
    public void WriteContextSigned(byte number, long value) => WriteSignedCore(number, true, value);

    private void WriteSignedCore(byte number, bool isContext, long value)
    {
        int length = BacnetPrimitives.GetSignedLength(value);
        WriteTagHeader(number, isContext, (uint)length);
        for (int i = length - 1; i >= 0; i--)
        {
            WriteByte((byte)(value >> (i * 8)));
        }
    }

    /// <summary>Writes an application Real.</summary>
    /// <param name="value">The value.</param>
    public void WriteReal(float value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleBigEndian(bytes, value);
        WriteTagHeader((byte)BacnetApplicationTag.Real, false, 4);
        WriteRaw(bytes);
    }

    /// <summary>Writes an application Double.</summary>
    /// <param name="value">The value.</param>
    public void WriteDouble(double value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(bytes, value);
        WriteTagHeader((byte)BacnetApplicationTag.Double, false, 8);
        WriteRaw(bytes);
    }

    /// <summary>Writes an application BACnetObjectIdentifier.</summary>
    /// <param name="value">The value.</param>
    public void WriteObjectIdentifier(BacnetObjectIdentifier value) => WriteObjectIdentifierCore((byte)BacnetApplicationTag.ObjectIdentifier, false, value);

    /// <summary>Writes a context-tagged BACnetObjectIdentifier.</summary>
    /// <param name="number">Tag number.</param>
    /// <param name="value">The value.</param>
    public void WriteContextObjectIdentifier(byte number, BacnetObjectIdentifier value) => WriteObjectIdentifierCore(number, true, value);

    private void WriteObjectIdentifierCore(byte number, bool isContext, BacnetObjectIdentifier value)
    {
        if ((ushort)value.Type > 1023 || value.Instance > BacnetObjectIdentifier.MaxInstance)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Object types are 0..1023 and instances 0..4194303.");
        }

        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value.ToUInt32());
        WriteTagHeader(number, isContext, 4);
        WriteRaw(bytes);
    }

    /// <summary>Writes an application Character String.</summary>
    /// <param name="value">The value.</param>
    public void WriteCharacterString(scoped in BacnetCharacterString value) => WriteCharacterStringCore((byte)BacnetApplicationTag.CharacterString, false, value);

    /// <summary>Writes a context-tagged Character String.</summary>
    /// <param name="number">Tag number.</param>
    /// <param name="value">The value.</param>
    public void WriteContextCharacterString(byte number, scoped in BacnetCharacterString value) => WriteCharacterStringCore(number, true, value);

    private void WriteCharacterStringCore(byte number, bool isContext, scoped in BacnetCharacterString value)
    {
        WriteTagHeader(number, isContext, (uint)value.Bytes.Length + 1);
        WriteByte((byte)value.CharacterSet);
        WriteRaw(value.Bytes);
    }

    /// <summary>Writes an application Octet String.</summary>
    /// <param name="value">The octets.</param>
    public void WriteOctetString(scoped ReadOnlySpan<byte> value)
    {
        WriteTagHeader((byte)BacnetApplicationTag.OctetString, false, (uint)value.Length);
        WriteRaw(value);
    }

    /// <summary>Writes a context-tagged Octet String.</summary>
    /// <param name="number">Tag number.</param>
    /// <param name="value">The octets.</param>
    public void WriteContextOctetString(byte number, scoped ReadOnlySpan<byte> value)
    {
        WriteTagHeader(number, true, (uint)value.Length);
        WriteRaw(value);
    }

    /// <summary>Writes an application Bit String.</summary>
    /// <param name="value">The value.</param>
    public void WriteBitString(scoped in BacnetBitString value)
    {
        WriteTagHeader((byte)BacnetApplicationTag.BitString, false, (uint)value.Bytes.Length + 1);
        WriteByte(value.UnusedBits);
        WriteRaw(value.Bytes);
    }

    /// <summary>Writes an application Date.</summary>
    /// <param name="value">The value.</param>
    public void WriteDate(BacnetDate value)
    {
        WriteTagHeader((byte)BacnetApplicationTag.Date, false, 4);
        WriteByte(value.YearSince1900);
        WriteByte(value.Month);
        WriteByte(value.Day);
        WriteByte(value.DayOfWeek);
    }

    /// <summary>Writes an application Time.</summary>
    /// <param name="value">The value.</param>
    public void WriteTime(BacnetTime value)
    {
        WriteTagHeader((byte)BacnetApplicationTag.Time, false, 4);
        WriteByte(value.Hour);
        WriteByte(value.Minute);
        WriteByte(value.Second);
        WriteByte(value.Hundredths);
    }
}
