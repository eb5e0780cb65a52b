using System.Buffers.Binary;

namespace OtSecurity.Protocols.Dnp3;

/// <summary>One object header and the objects that follow it in a fragment.</summary>
public readonly ref struct Dnp3ObjectBlock
{
    internal Dnp3ObjectBlock(Dnp3ObjectHeader header, Dnp3ObjectSize size, ReadOnlySpan<byte> data, bool isRaw, int offset)
    {
        Header = header;
        Size = size;
        Data = data;
        IsRaw = isRaw;
        Offset = offset;
    }

    /// <summary>The object header.</summary>
    public Dnp3ObjectHeader Header { get; }

    /// <summary>The size of each object, from the object library.</summary>
    public Dnp3ObjectSize Size { get; }

    /// <summary>
    /// The objects with their prefixes, or — when <see cref="IsRaw"/> — every octet after the header to the end of the
    /// fragment, left undecoded because the size of the objects is not known.
    /// </summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>True when the objects could not be delimited (unknown size, no size prefix); <see cref="Data"/> is the raw rest.</summary>
    public bool IsRaw { get; }

    /// <summary>Offset of the header from the start of the fragment's object data.</summary>
    public int Offset { get; }

    /// <summary>Enumerates the objects (nothing for bare headers, empty objects and raw data).</summary>
    /// <returns>The enumerator.</returns>
    public Dnp3ObjectEnumerator GetEnumerator() => new(Header, IsRaw ? default : Size, IsRaw ? default : Data);
}

/// <summary>One object: its index (from the prefix or the range) and its octets, or its bits when packed.</summary>
public readonly ref struct Dnp3Object
{
    internal Dnp3Object(uint index, ReadOnlySpan<byte> value, byte packedValue)
    {
        Index = index;
        Value = value;
        PackedValue = packedValue;
    }

    /// <summary>The point index (index prefix, or range start plus position), or the position for size-prefixed objects.</summary>
    public uint Index { get; }

    /// <summary>The object's octets (empty for packed objects).</summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>For bit-packed objects, the object's bits (1 or 2 bits; for double-bit inputs 0 intermediate, 1 off, 2 on, 3 indeterminate).</summary>
    public byte PackedValue { get; }
}

/// <summary>Enumerates the objects of a <see cref="Dnp3ObjectBlock"/>.</summary>
public ref struct Dnp3ObjectEnumerator
{
    private readonly Dnp3ObjectHeader _header;
    private readonly Dnp3ObjectSize _size;
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _prefixSize;
    private long _position;
    private int _offset;

    internal Dnp3ObjectEnumerator(Dnp3ObjectHeader header, Dnp3ObjectSize size, ReadOnlySpan<byte> data)
    {
        _header = header;
        _size = size;
        _data = data;
        _prefixSize = Math.Max(0, Dnp3Qualifiers.PrefixSize(header.PrefixCode));
        _position = -1;
        _offset = 0;
        Current = default;
    }

    /// <summary>The current object.</summary>
    public Dnp3Object Current { get; private set; }

    /// <summary>Moves to the next object.</summary>
    /// <returns>False after the last object.</returns>
    public bool MoveNext()
    {
        if (_data.IsEmpty || _position + 1 >= _header.ObjectCount)
        {
            return false;
        }

        _position++;
        uint defaultIndex = (uint)((_header.HasStartStop ? _header.RangeStart : 0) + _position);
        if (_size.Kind == Dnp3ObjectSizeKind.PackedBits)
        {
            long bit = _position * _size.Value;
            int packed = (_data[(int)(bit >> 3)] >> (int)(bit & 7)) & ((1 << _size.Value) - 1);
            Current = new Dnp3Object(defaultIndex, default, (byte)packed);
            return true;
        }

        ReadOnlySpan<byte> prefix = _data.Slice(_offset, _prefixSize);
        uint prefixValue = _prefixSize switch
        {
            1 => prefix[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(prefix),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(prefix),
            _ => 0,
        };
        _offset += _prefixSize;
        bool sizePrefix = Dnp3Qualifiers.IsSizePrefix(_header.PrefixCode);
        int length = sizePrefix
            ? (int)prefixValue
            : _size.Kind == Dnp3ObjectSizeKind.DeviceAttribute ? 2 + _data[_offset + 1] : _size.Value;
        Current = new Dnp3Object(_prefixSize == 0 || sizePrefix ? defaultIndex : prefixValue, _data.Slice(_offset, length), 0);
        _offset += length;
        return true;
    }
}

/// <summary>
/// Walks the object headers of an application fragment (IEEE 1815-2012 §4.2.2.7), using the size of each group and
/// variation to find the next header. Where a size is not known and no size prefix gives it, the walk stops and
/// reports the rest of the fragment as raw. Headers of READ and other bare requests carry no objects.
/// </summary>
public ref struct Dnp3ObjectReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly Dnp3FunctionCode _function;
    private int _offset;
    private bool _stopped;

    /// <summary>Creates a reader over the object data of a fragment.</summary>
    /// <param name="function">The fragment's function (it decides whether headers carry objects).</param>
    /// <param name="objectData">The octets after the application header.</param>
    public Dnp3ObjectReader(Dnp3FunctionCode function, ReadOnlySpan<byte> objectData)
    {
        _data = objectData;
        _function = function;
        _offset = 0;
        _stopped = false;
        Error = default;
    }

    /// <summary>The offset of the next header in the object data.</summary>
    public readonly int Offset => _offset;

    /// <summary>Why the walk stopped early; offsets are relative to the object data. Default when it did not.</summary>
    public ProtocolError Error { get; private set; }

    /// <summary>True when the walk ended at a raw (undecodable) block.</summary>
    public bool EndedRaw { get; private set; }

    /// <summary>Reads the next header and its objects.</summary>
    /// <param name="block">The block.</param>
    /// <returns>False at the end of the data, after a raw block, or on malformed data (see <see cref="Error"/>).</returns>
    public bool TryReadNext(out Dnp3ObjectBlock block)
    {
        block = default;
        if (_stopped || _offset >= _data.Length)
        {
            return false;
        }

        ReadOnlySpan<byte> rest = _data[_offset..];
        if (!Dnp3ObjectHeader.TryReadHeader(rest, out Dnp3ObjectHeader header, out int headerLength, out Dnp3Error code, out int at))
        {
            return Fail(code, _offset + at);
        }

        Dnp3ObjectSize size = Dnp3ObjectSize.Of(header.Group, header.Variation);
        ReadOnlySpan<byte> body = rest[headerLength..];
        int start = _offset;
        if (header.RangeCode == Dnp3RangeCode.AllObjects || !Dnp3FunctionCodes.HeaderCarriesData(_function, header.Group, header.Variation)
            || size.Kind == Dnp3ObjectSizeKind.Empty)
        {
            _offset += headerLength;
            block = new Dnp3ObjectBlock(header, size, default, false, start);
            return true;
        }

        if (!TryMeasure(header, size, body, out int length, out bool raw, out code, out at))
        {
            return Fail(code, code == Dnp3Error.QualifierNotAllowed ? _offset + 2 : _offset + headerLength + at);
        }

        if (raw)
        {
            _stopped = true;
            EndedRaw = true;
            _offset = _data.Length;
            block = new Dnp3ObjectBlock(header, size, body, true, start);
            return true;
        }

        _offset += headerLength + length;
        block = new Dnp3ObjectBlock(header, size, body[..length], false, start);
        return true;
    }

    private bool Fail(Dnp3Error code, int offset)
    {
        _stopped = true;
        Error = Dnp3Errors.Create(code, offset);
        return false;
    }

    private static bool TryMeasure(Dnp3ObjectHeader header, Dnp3ObjectSize size, ReadOnlySpan<byte> body, out int length, out bool raw, out Dnp3Error error, out int errorOffset)
    {
        length = 0;
        raw = false;
        error = Dnp3Error.None;
        errorOffset = 0;
        long count = header.ObjectCount;
        int prefixSize = Dnp3Qualifiers.PrefixSize(header.PrefixCode);
        bool sizePrefix = Dnp3Qualifiers.IsSizePrefix(header.PrefixCode);

        if (size.Kind == Dnp3ObjectSizeKind.PackedBits && !sizePrefix)
        {
            // §4.2.2.7.4: packed objects have no prefix; the last octet is padded with zero bits.
            if (prefixSize != 0)
            {
                error = Dnp3Error.QualifierNotAllowed;
                return false;
            }

            long octets = ((count * size.Value) + 7) / 8;
            return Fits(octets, body, ref length, ref error, ref errorOffset);
        }

        if (size.Kind == Dnp3ObjectSizeKind.Octets && !sizePrefix)
        {
            long octets = count * (prefixSize + size.Value);
            return Fits(octets, body, ref length, ref error, ref errorOffset);
        }

        if (!sizePrefix && size.Kind != Dnp3ObjectSizeKind.DeviceAttribute)
        {
            // The size is not known and nothing gives it: stop and report the rest as raw.
            raw = true;
            length = body.Length;
            return true;
        }

        // Objects of individual sizes: a size prefix, or a device attribute's own length octet.
        int offset = 0;
        for (long i = 0; i < count; i++)
        {
            if (body.Length - offset < prefixSize)
            {
                error = Dnp3Error.ObjectDataTruncated;
                errorOffset = offset;
                return false;
            }

            ReadOnlySpan<byte> prefix = body.Slice(offset, prefixSize);
            long objectLength;
            if (sizePrefix)
            {
                objectLength = prefixSize switch
                {
                    1 => prefix[0],
                    2 => BinaryPrimitives.ReadUInt16LittleEndian(prefix),
                    _ => BinaryPrimitives.ReadUInt32LittleEndian(prefix),
                };
            }
            else
            {
                // Group 0: data type code, length octet, value (IEEE 1815-2012 §A.1).
                if (body.Length - offset - prefixSize < 2)
                {
                    error = Dnp3Error.ObjectDataTruncated;
                    errorOffset = offset;
                    return false;
                }

                objectLength = 2 + body[offset + prefixSize + 1];
            }

            if (body.Length - offset - prefixSize < objectLength)
            {
                error = Dnp3Error.ObjectDataTruncated;
                errorOffset = offset;
                return false;
            }

            offset += prefixSize + (int)objectLength;
        }

        length = offset;
        return true;
    }

    private static bool Fits(long octets, ReadOnlySpan<byte> body, ref int length, ref Dnp3Error error, ref int errorOffset)
    {
        if (octets > body.Length)
        {
            error = Dnp3Error.ObjectDataTruncated;
            errorOffset = 0;
            return false;
        }

        length = (int)octets;
        return true;
    }
}
