using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.S7Comm;

/// <summary>An S7ANY address: what a read/write variable item with syntax id 0x10 addresses.</summary>
/// <param name="TransportSize">Element type.</param>
/// <param name="Count">Number of elements.</param>
/// <param name="DbNumber">Data block number (0 outside DB/DI).</param>
/// <param name="Area">Memory area.</param>
/// <param name="BitAddress">Start address in bits (byte address × 8 + bit), 19 bits wide on the wire.</param>
public readonly record struct S7AnyAddress(S7TransportSize TransportSize, ushort Count, ushort DbNumber, S7Area Area, int BitAddress)
{
    /// <summary>The byte part of the address.</summary>
    public int ByteAddress => BitAddress >> 3;

    /// <summary>The bit part of the address.</summary>
    public int BitNumber => BitAddress & 7;

    /// <summary>Item length on the wire: 0x12, 0x0A, 0x10 and 9 octets of address.</summary>
    public const int EncodedLength = 12;

    /// <summary>Writes the item (variable specification 0x12, length 10, syntax id S7ANY).</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">12 on success.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < EncodedLength)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = 0x12;
        destination[1] = 0x0A;
        destination[2] = (byte)S7SyntaxId.S7Any;
        destination[3] = (byte)TransportSize;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(4), Count);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(6), DbNumber);
        destination[8] = (byte)Area;
        destination[9] = (byte)((BitAddress >> 16) & 0x07);
        destination[10] = (byte)(BitAddress >> 8);
        destination[11] = (byte)BitAddress;
        bytesWritten = EncodedLength;
        return OperationStatus.Done;
    }
}

/// <summary>One item of a read/write variable job: its syntax id and its specification bytes.</summary>
public readonly ref struct S7VariableItem
{
    internal S7VariableItem(ReadOnlySpan<byte> specification) => Specification = specification;

    /// <summary>The bytes after the specification length (syntax id first).</summary>
    public ReadOnlySpan<byte> Specification { get; }

    /// <summary>The addressing syntax.</summary>
    public S7SyntaxId SyntaxId => (S7SyntaxId)Specification[0];

    /// <summary>For DBREAD (0xB0): the number of DB areas read.</summary>
    public int DbReadAreaCount => SyntaxId == S7SyntaxId.DbRead && Specification.Length > 1 ? Specification[1] : 0;

    /// <summary>Decodes an S7ANY address.</summary>
    /// <param name="address">The address.</param>
    /// <returns>False unless the syntax id is S7ANY with a 9-octet address.</returns>
    public bool TryGetS7AnyAddress(out S7AnyAddress address)
    {
        address = default;
        if (SyntaxId != S7SyntaxId.S7Any || Specification.Length != 10)
        {
            return false;
        }

        ReadOnlySpan<byte> s = Specification;
        address = new S7AnyAddress(
            (S7TransportSize)s[1],
            BinaryPrimitives.ReadUInt16BigEndian(s.Slice(2)),
            BinaryPrimitives.ReadUInt16BigEndian(s.Slice(4)),
            (S7Area)s[6],
            ((s[7] & 0x07) << 16) | (s[8] << 8) | s[9]);
        return true;
    }
}

/// <summary>Walks the items of a read/write variable job parameter (function, item count, items).</summary>
public ref struct S7VariableItemReader
{
    private ReadOnlySpan<byte> _remaining;
    private int _left;

    /// <summary>Starts reading items.</summary>
    /// <param name="parameter">The parameter part of a read or write variable job.</param>
    public S7VariableItemReader(ReadOnlySpan<byte> parameter)
    {
        if (parameter.Length >= 2)
        {
            ItemCount = parameter[1];
            _left = ItemCount;
            _remaining = parameter.Slice(2);
        }
        else
        {
            IsMalformed = true;
        }
    }

    /// <summary>The declared item count.</summary>
    public int ItemCount { get; }

    /// <summary>True once an item overran the parameter part, or the items do not fill it.</summary>
    public bool IsMalformed { get; private set; }

    /// <summary>Reads the next item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>False at the end or on a malformed item (see <see cref="IsMalformed"/>).</returns>
    public bool TryReadNext(out S7VariableItem item)
    {
        item = default;
        if (IsMalformed || _left == 0)
        {
            if (_left == 0 && !_remaining.IsEmpty)
            {
                IsMalformed = true;
            }

            return false;
        }

        // Each item: variable specification (0x12), length of the rest, then that many octets (at least the syntax id).
        if (_remaining.Length < 3 || _remaining[1] < 1 || _remaining.Length < 2 + _remaining[1])
        {
            IsMalformed = true;
            return false;
        }

        int length = _remaining[1];
        item = new S7VariableItem(_remaining.Slice(2, length));
        _remaining = _remaining.Slice(2 + length);
        _left--;
        return true;
    }

    /// <summary>Checks a whole read/write variable job parameter without allocating.</summary>
    /// <param name="parameter">The parameter part.</param>
    /// <returns>True when every declared item fits and the items fill the part.</returns>
    public static bool Validate(ReadOnlySpan<byte> parameter)
    {
        var reader = new S7VariableItemReader(parameter);
        while (reader.TryReadNext(out _))
        {
        }

        return !reader.IsMalformed;
    }

    /// <summary>Writes a read or write variable job parameter for S7ANY items.</summary>
    /// <param name="function">ReadVariable or WriteVariable.</param>
    /// <param name="items">The addresses.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(S7Function function, ReadOnlySpan<S7AnyAddress> items, Span<byte> destination, out int bytesWritten)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(items.Length, 255);
        bytesWritten = 0;
        int length = GetEncodedLength(items.Length);
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)function;
        destination[1] = (byte)items.Length;
        for (int i = 0; i < items.Length; i++)
        {
            items[i].TryWrite(destination.Slice(2 + (i * S7AnyAddress.EncodedLength)), out _);
        }

        bytesWritten = length;
        return OperationStatus.Done;
    }

    /// <summary>Encoded length of a job parameter with <paramref name="itemCount"/> S7ANY items.</summary>
    /// <param name="itemCount">Item count.</param>
    /// <returns>The length.</returns>
    public static int GetEncodedLength(int itemCount) => 2 + (itemCount * S7AnyAddress.EncodedLength);
}

/// <summary>One data item of a read-variable response or write-variable job.</summary>
public readonly ref struct S7DataItem
{
    internal S7DataItem(byte returnCode, byte transportSize, ushort length, ReadOnlySpan<byte> value)
    {
        ReturnCodeValue = returnCode;
        TransportSizeValue = transportSize;
        DeclaredLength = length;
        Value = value;
    }

    /// <summary>The return code byte.</summary>
    public byte ReturnCodeValue { get; }

    /// <summary>The return code.</summary>
    public S7ReturnCode ReturnCode => (S7ReturnCode)ReturnCodeValue;

    /// <summary>The transport size byte.</summary>
    public byte TransportSizeValue { get; }

    /// <summary>The transport size.</summary>
    public S7DataTransportSize TransportSize => (S7DataTransportSize)TransportSizeValue;

    /// <summary>The length as sent (bits for BIT, BYTE/WORD/DWORD and INTEGER; otherwise octets).</summary>
    public ushort DeclaredLength { get; }

    /// <summary>The value bytes.</summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>The number of value octets a length field announces.</summary>
    /// <param name="transportSize">Data transport size.</param>
    /// <param name="length">Length field.</param>
    /// <returns>Octets.</returns>
    public static int ValueLength(byte transportSize, int length)
        => transportSize is (byte)S7DataTransportSize.Bit or (byte)S7DataTransportSize.ByteWordDWord or (byte)S7DataTransportSize.Integer
            ? (length + 7) / 8
            : length;
}

/// <summary>Walks the data items of a read-variable response or write-variable job data part.</summary>
public ref struct S7DataItemReader
{
    private ReadOnlySpan<byte> _remaining;
    private int _left;

    /// <summary>Starts reading.</summary>
    /// <param name="data">The data part.</param>
    /// <param name="itemCount">Item count from the parameter part.</param>
    public S7DataItemReader(ReadOnlySpan<byte> data, int itemCount)
    {
        _remaining = data;
        _left = itemCount;
    }

    /// <summary>True once an item overran the data part.</summary>
    public bool IsMalformed { get; private set; }

    /// <summary>Reads the next item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>False at the end or when malformed.</returns>
    public bool TryReadNext(out S7DataItem item)
    {
        item = default;
        if (IsMalformed || _left == 0)
        {
            return false;
        }

        if (_remaining.Length < 4)
        {
            IsMalformed = true;
            return false;
        }

        byte tsize = _remaining[1];
        ushort length = BinaryPrimitives.ReadUInt16BigEndian(_remaining.Slice(2));

        // Only success (0xFF) and the write-job code (0x00) carry a value; an error item is its 4-octet head
        // whatever its length field says (S7-300 and Snap7 answer "0A 00 00 04" for a missing object).
        int valueLength = _remaining[0] is (byte)S7ReturnCode.Success or (byte)S7ReturnCode.Reserved ? S7DataItem.ValueLength(tsize, length) : 0;
        if (_remaining.Length - 4 < valueLength)
        {
            IsMalformed = true;
            return false;
        }

        item = new S7DataItem(_remaining[0], tsize, length, _remaining.Slice(4, valueLength));
        _left--;

        // All but the last item are padded to an even length.
        int advance = 4 + valueLength;
        if (_left > 0 && (valueLength & 1) == 1)
        {
            advance = Math.Min(advance + 1, _remaining.Length);
        }

        _remaining = _remaining.Slice(advance);
        return true;
    }

    /// <summary>Encoded length of one item (without padding).</summary>
    /// <param name="valueLength">Value octets.</param>
    /// <returns>The length.</returns>
    public static int GetEncodedItemLength(int valueLength) => 4 + valueLength;

    /// <summary>Writes one data item, padding to even length when it is not the last.</summary>
    /// <param name="returnCode">Return code (0 in a write job, 0xFF on success in a read response).</param>
    /// <param name="transportSize">Data transport size.</param>
    /// <param name="value">Value bytes.</param>
    /// <param name="isLast">True for the last item (no padding).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWriteItem(byte returnCode, S7DataTransportSize transportSize, ReadOnlySpan<byte> value, bool isLast, Span<byte> destination, out int bytesWritten)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value.Length, 8191);
        bytesWritten = 0;
        int pad = !isLast && (value.Length & 1) == 1 ? 1 : 0;
        int length = 4 + value.Length + pad;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        bool bits = transportSize is S7DataTransportSize.Bit or S7DataTransportSize.ByteWordDWord or S7DataTransportSize.Integer;
        destination[0] = returnCode;
        destination[1] = (byte)transportSize;
        int declared = bits && transportSize != S7DataTransportSize.Bit ? value.Length * 8 : value.Length;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), (ushort)declared);
        value.CopyTo(destination.Slice(4));
        if (pad == 1)
        {
            destination[4 + value.Length] = 0;
        }

        bytesWritten = length;
        return OperationStatus.Done;
    }
}
