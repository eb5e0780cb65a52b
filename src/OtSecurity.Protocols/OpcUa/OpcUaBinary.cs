using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.OpcUa;

/// <summary>A NodeId read from a message (OPC 10000-6 §5.2.2.9), viewing the message bytes.</summary>
public readonly ref struct OpcUaNodeId
{
    internal OpcUaNodeId(OpcUaNodeIdEncoding encoding, ushort namespaceIndex, uint numeric, ReadOnlySpan<byte> identifier)
    {
        Encoding = encoding;
        NamespaceIndex = namespaceIndex;
        Numeric = numeric;
        Identifier = identifier;
    }

    /// <summary>The encoding used on the wire.</summary>
    public OpcUaNodeIdEncoding Encoding { get; }

    /// <summary>The namespace index.</summary>
    public ushort NamespaceIndex { get; }

    /// <summary>True for the two-byte, four-byte and numeric encodings.</summary>
    public bool IsNumeric => Encoding is OpcUaNodeIdEncoding.TwoByte or OpcUaNodeIdEncoding.FourByte or OpcUaNodeIdEncoding.Numeric;

    /// <summary>The numeric identifier (numeric encodings).</summary>
    public uint Numeric { get; }

    /// <summary>The identifier bytes (UTF-8 string, 16-octet Guid, or opaque bytes).</summary>
    public ReadOnlySpan<byte> Identifier { get; }
}

/// <summary>
/// A cursor over OPC UA binary-encoded values (OPC 10000-6 §5.2). Every read checks the remaining length first
/// and leaves the position unchanged on failure.
/// </summary>
public ref struct OpcUaBinaryReader
{
    /// <summary>Longest String or ByteString accepted: the largest message this SDK reads (16 MiB).</summary>
    public const int MaxLength = 1 << 24;

    /// <summary>Deepest DiagnosticInfo nesting accepted (OPC 10000-6 §5.2.2.12 lets it recurse; a bound stops hostile input).</summary>
    public const int MaxDiagnosticDepth = 16;

    private readonly ReadOnlySpan<byte> _buffer;

    /// <summary>Starts reading at the beginning of <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Encoded values.</param>
    public OpcUaBinaryReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        Position = 0;
    }

    /// <summary>Offset of the next value.</summary>
    public int Position { get; private set; }

    /// <summary>Bytes left.</summary>
    public readonly ReadOnlySpan<byte> Remaining => _buffer.Slice(Position);

    /// <summary>Reads a Byte.</summary>
    /// <param name="value">The value.</param>
    /// <returns>False when no byte is left.</returns>
    public bool TryReadByte(out byte value)
    {
        if (Position >= _buffer.Length)
        {
            value = 0;
            return false;
        }

        value = _buffer[Position++];
        return true;
    }

    /// <summary>Reads a UInt16 (little-endian).</summary>
    /// <param name="value">The value.</param>
    /// <returns>False when too short.</returns>
    public bool TryReadUInt16(out ushort value)
    {
        if (!BinaryPrimitives.TryReadUInt16LittleEndian(Remaining, out value))
        {
            return false;
        }

        Position += 2;
        return true;
    }

    /// <summary>Reads a UInt32 (little-endian).</summary>
    /// <param name="value">The value.</param>
    /// <returns>False when too short.</returns>
    public bool TryReadUInt32(out uint value)
    {
        if (!BinaryPrimitives.TryReadUInt32LittleEndian(Remaining, out value))
        {
            return false;
        }

        Position += 4;
        return true;
    }

    /// <summary>Reads an Int32 (little-endian).</summary>
    /// <param name="value">The value.</param>
    /// <returns>False when too short.</returns>
    public bool TryReadInt32(out int value)
    {
        if (!BinaryPrimitives.TryReadInt32LittleEndian(Remaining, out value))
        {
            return false;
        }

        Position += 4;
        return true;
    }

    /// <summary>Reads an Int64 (DateTime is an Int64 of 100 ns ticks since 1601).</summary>
    /// <param name="value">The value.</param>
    /// <returns>False when too short.</returns>
    public bool TryReadInt64(out long value)
    {
        if (!BinaryPrimitives.TryReadInt64LittleEndian(Remaining, out value))
        {
            return false;
        }

        Position += 8;
        return true;
    }

    /// <summary>Reads a Double.</summary>
    /// <param name="value">The value.</param>
    /// <returns>False when too short.</returns>
    public bool TryReadDouble(out double value)
    {
        if (!BinaryPrimitives.TryReadDoubleLittleEndian(Remaining, out value))
        {
            return false;
        }

        Position += 8;
        return true;
    }

    /// <summary>Reads a String or ByteString: Int32 length (-1 null) and that many octets (OPC 10000-6 §5.2.2.4, §5.2.2.7).</summary>
    /// <param name="value">The octets (empty when null).</param>
    /// <param name="isNull">True for the null value (length -1).</param>
    /// <returns>False when the length is below -1, above <see cref="MaxLength"/> or beyond the buffer.</returns>
    public bool TryReadByteString(out ReadOnlySpan<byte> value, out bool isNull)
    {
        value = default;
        isNull = false;
        if (!BinaryPrimitives.TryReadInt32LittleEndian(Remaining, out int length))
        {
            return false;
        }

        if (length == -1)
        {
            isNull = true;
            Position += 4;
            return true;
        }

        // §5.2.2.4: a negative length other than -1 is invalid; lengths are bounded before slicing.
        if (length < -1 || length > MaxLength || length > _buffer.Length - Position - 4)
        {
            return false;
        }

        value = _buffer.Slice(Position + 4, length);
        Position += 4 + length;
        return true;
    }

    /// <summary>Reads a String or ByteString, ignoring whether it is null.</summary>
    /// <param name="value">The octets.</param>
    /// <returns>False when malformed.</returns>
    public bool TryReadByteString(out ReadOnlySpan<byte> value) => TryReadByteString(out value, out _);

    /// <summary>Reads a NodeId (OPC 10000-6 §5.2.2.9): two-byte, four-byte, numeric, string, guid or opaque.</summary>
    /// <param name="nodeId">The node id.</param>
    /// <returns>False on an unknown encoding, expanded-node-id flags, or a short buffer.</returns>
    public bool TryReadNodeId(out OpcUaNodeId nodeId)
    {
        nodeId = default;
        int start = Position;
        if (!TryReadByte(out byte encoding))
        {
            return false;
        }

        bool ok;
        switch ((OpcUaNodeIdEncoding)encoding)
        {
            case OpcUaNodeIdEncoding.TwoByte:
                ok = TryReadByte(out byte b);
                nodeId = new OpcUaNodeId(OpcUaNodeIdEncoding.TwoByte, 0, b, default);
                break;
            case OpcUaNodeIdEncoding.FourByte:
                ok = TryReadByte(out byte ns) & TryReadUInt16(out ushort id16);
                nodeId = new OpcUaNodeId(OpcUaNodeIdEncoding.FourByte, ns, id16, default);
                break;
            case OpcUaNodeIdEncoding.Numeric:
                uint id32 = 0;
                ok = TryReadUInt16(out ushort ns2) && TryReadUInt32(out id32);
                nodeId = ok ? new OpcUaNodeId(OpcUaNodeIdEncoding.Numeric, ns2, id32, default) : default;
                break;
            case OpcUaNodeIdEncoding.String:
            case OpcUaNodeIdEncoding.ByteString:
                ReadOnlySpan<byte> text = default;
                ok = TryReadUInt16(out ushort ns3) && TryReadByteString(out text);
                nodeId = ok ? new OpcUaNodeId((OpcUaNodeIdEncoding)encoding, ns3, 0, text) : default;
                break;
            case OpcUaNodeIdEncoding.Guid:
                ok = TryReadUInt16(out ushort ns4) && Remaining.Length >= 16;
                if (ok)
                {
                    nodeId = new OpcUaNodeId(OpcUaNodeIdEncoding.Guid, ns4, 0, _buffer.Slice(Position, 16));
                    Position += 16;
                }

                break;
            default:
                ok = false;
                break;
        }

        if (!ok)
        {
            Position = start;
            nodeId = default;
        }

        return ok;
    }

    /// <summary>Reads a LocalizedText (mask, optional locale, optional text; OPC 10000-6 §5.2.2.14).</summary>
    /// <param name="locale">Locale octets.</param>
    /// <param name="text">Text octets.</param>
    /// <returns>False when malformed.</returns>
    public bool TryReadLocalizedText(out ReadOnlySpan<byte> locale, out ReadOnlySpan<byte> text)
    {
        locale = default;
        text = default;
        int start = Position;
        if (!TryReadByte(out byte mask) || (mask & ~0x03) != 0)
        {
            Position = start;
            return false;
        }

        if (((mask & 0x01) != 0 && !TryReadByteString(out locale)) || ((mask & 0x02) != 0 && !TryReadByteString(out text)))
        {
            Position = start;
            locale = default;
            text = default;
            return false;
        }

        return true;
    }

    /// <summary>Reads an ExtensionObject (type NodeId, encoding 0 none / 1 ByteString / 2 XmlElement, body; OPC 10000-6 §5.2.2.15).</summary>
    /// <param name="typeId">The type id.</param>
    /// <param name="body">The body octets.</param>
    /// <returns>False when malformed.</returns>
    public bool TryReadExtensionObject(out OpcUaNodeId typeId, out ReadOnlySpan<byte> body)
    {
        body = default;
        int start = Position;
        if (!TryReadNodeId(out typeId) || !TryReadByte(out byte encoding) || encoding > 2 || (encoding != 0 && !TryReadByteString(out body)))
        {
            Position = start;
            typeId = default;
            body = default;
            return false;
        }

        return true;
    }

    /// <summary>Skips an array of Strings (Int32 count, -1 null; each a String).</summary>
    /// <returns>False when malformed.</returns>
    public bool TrySkipStringArray()
    {
        int start = Position;
        if (!TryReadInt32(out int count) || count < -1 || count > Remaining.Length / 4)
        {
            Position = start;
            return false;
        }

        for (int i = 0; i < count; i++)
        {
            if (!TryReadByteString(out _))
            {
                Position = start;
                return false;
            }
        }

        return true;
    }

    /// <summary>Skips a DiagnosticInfo (OPC 10000-6 §5.2.2.12), recursing at most <see cref="MaxDiagnosticDepth"/> levels.</summary>
    /// <returns>False when malformed or too deep.</returns>
    public bool TrySkipDiagnosticInfo()
    {
        int start = Position;
        bool ok = SkipDiagnosticInfo(0);
        if (!ok)
        {
            Position = start;
        }

        return ok;
    }

    private bool SkipDiagnosticInfo(int depth)
    {
        if (depth > MaxDiagnosticDepth || !TryReadByte(out byte mask) || (mask & 0x80) != 0)
        {
            return false;
        }

        int fixedInts = ((mask & 0x01) != 0 ? 1 : 0) + ((mask & 0x02) != 0 ? 1 : 0) + ((mask & 0x04) != 0 ? 1 : 0) + ((mask & 0x08) != 0 ? 1 : 0);
        if (Remaining.Length < fixedInts * 4)
        {
            return false;
        }

        Position += fixedInts * 4;
        if ((mask & 0x10) != 0 && !TryReadByteString(out _))
        {
            return false;
        }

        if ((mask & 0x20) != 0 && !TryReadUInt32(out _))
        {
            return false;
        }

        return (mask & 0x40) == 0 || SkipDiagnosticInfo(depth + 1);
    }
}

/// <summary>Writes OPC UA binary-encoded values (OPC 10000-6 §5.2) into a span; the caller sizes it with the matching length helpers.</summary>
public ref struct OpcUaBinaryWriter
{
    private readonly Span<byte> _buffer;

    /// <summary>Starts writing at the beginning of <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Destination.</param>
    public OpcUaBinaryWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        Position = 0;
        Overflow = false;
    }

    /// <summary>Bytes written.</summary>
    public int Position { get; private set; }

    /// <summary>True once a value did not fit (nothing further is written).</summary>
    public bool Overflow { get; private set; }

    private Span<byte> Take(int count)
    {
        if (Overflow || _buffer.Length - Position < count)
        {
            Overflow = true;
            return default;
        }

        Span<byte> s = _buffer.Slice(Position, count);
        Position += count;
        return s;
    }

    /// <summary>Writes a Byte.</summary>
    /// <param name="value">Value.</param>
    public void WriteByte(byte value)
    {
        Span<byte> s = Take(1);
        if (!s.IsEmpty)
        {
            s[0] = value;
        }
    }

    /// <summary>Writes raw octets.</summary>
    /// <param name="value">Octets.</param>
    public void WriteRaw(ReadOnlySpan<byte> value)
    {
        Span<byte> s = Take(value.Length);
        if (!Overflow)
        {
            value.CopyTo(s);
        }
    }

    /// <summary>Writes a UInt16.</summary>
    /// <param name="value">Value.</param>
    public void WriteUInt16(ushort value)
    {
        Span<byte> s = Take(2);
        if (!s.IsEmpty)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(s, value);
        }
    }

    /// <summary>Writes a UInt32.</summary>
    /// <param name="value">Value.</param>
    public void WriteUInt32(uint value)
    {
        Span<byte> s = Take(4);
        if (!s.IsEmpty)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s, value);
        }
    }

    /// <summary>Writes an Int32.</summary>
    /// <param name="value">Value.</param>
    public void WriteInt32(int value) => WriteUInt32((uint)value);

    /// <summary>Writes an Int64.</summary>
    /// <param name="value">Value.</param>
    public void WriteInt64(long value)
    {
        Span<byte> s = Take(8);
        if (!s.IsEmpty)
        {
            BinaryPrimitives.WriteInt64LittleEndian(s, value);
        }
    }

    /// <summary>Writes a Double.</summary>
    /// <param name="value">Value.</param>
    public void WriteDouble(double value)
    {
        Span<byte> s = Take(8);
        if (!s.IsEmpty)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(s, value);
        }
    }

    /// <summary>Writes a String or ByteString; <paramref name="isNull"/> writes length -1.</summary>
    /// <param name="value">Octets.</param>
    /// <param name="isNull">Write the null value.</param>
    public void WriteByteString(ReadOnlySpan<byte> value, bool isNull = false)
    {
        if (isNull)
        {
            WriteInt32(-1);
            return;
        }

        WriteInt32(value.Length);
        WriteRaw(value);
    }

    /// <summary>Writes a numeric NodeId in its most compact encoding (two-byte, four-byte or numeric; OPC 10000-6 §5.2.2.9).</summary>
    /// <param name="namespaceIndex">Namespace.</param>
    /// <param name="identifier">Numeric identifier.</param>
    public void WriteNumericNodeId(ushort namespaceIndex, uint identifier)
    {
        if (namespaceIndex == 0 && identifier <= byte.MaxValue)
        {
            WriteByte((byte)OpcUaNodeIdEncoding.TwoByte);
            WriteByte((byte)identifier);
        }
        else if (namespaceIndex <= byte.MaxValue && identifier <= ushort.MaxValue)
        {
            WriteByte((byte)OpcUaNodeIdEncoding.FourByte);
            WriteByte((byte)namespaceIndex);
            WriteUInt16((ushort)identifier);
        }
        else
        {
            WriteByte((byte)OpcUaNodeIdEncoding.Numeric);
            WriteUInt16(namespaceIndex);
            WriteUInt32(identifier);
        }
    }

    /// <summary>Writes a NodeId with a string, guid or opaque identifier.</summary>
    /// <param name="encoding">String, Guid or ByteString.</param>
    /// <param name="namespaceIndex">Namespace.</param>
    /// <param name="identifier">Identifier octets (16 for a Guid).</param>
    public void WriteNodeId(OpcUaNodeIdEncoding encoding, ushort namespaceIndex, ReadOnlySpan<byte> identifier)
    {
        if (encoding is not (OpcUaNodeIdEncoding.String or OpcUaNodeIdEncoding.Guid or OpcUaNodeIdEncoding.ByteString))
        {
            throw new ArgumentOutOfRangeException(nameof(encoding), "Use WriteNumericNodeId for numeric node ids.");
        }

        if (encoding == OpcUaNodeIdEncoding.Guid && identifier.Length != 16)
        {
            throw new ArgumentException("A Guid identifier is 16 octets.", nameof(identifier));
        }

        WriteByte((byte)encoding);
        WriteUInt16(namespaceIndex);
        if (encoding == OpcUaNodeIdEncoding.Guid)
        {
            WriteRaw(identifier);
        }
        else
        {
            WriteByteString(identifier);
        }
    }

    /// <summary>Writes a LocalizedText with the fields present.</summary>
    /// <param name="locale">Locale (empty: absent).</param>
    /// <param name="text">Text (empty: absent).</param>
    public void WriteLocalizedText(ReadOnlySpan<byte> locale, ReadOnlySpan<byte> text)
    {
        WriteByte((byte)((locale.IsEmpty ? 0 : 1) | (text.IsEmpty ? 0 : 2)));
        if (!locale.IsEmpty)
        {
            WriteByteString(locale);
        }

        if (!text.IsEmpty)
        {
            WriteByteString(text);
        }
    }
}
