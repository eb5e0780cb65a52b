using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.EtherNetIp;

/// <summary>One common packet format item: type id and data (CIP Vol. 2, 2-6.1).</summary>
public readonly ref struct CpfItem
{
    internal CpfItem(ushort typeId, ReadOnlySpan<byte> data)
    {
        TypeId = typeId;
        Data = data;
    }

    /// <summary>The type id.</summary>
    public ushort TypeId { get; }

    /// <summary>The type.</summary>
    public CpfItemType Type => (CpfItemType)TypeId;

    /// <summary>The item data.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Connected address item: the connection identifier.</summary>
    public uint ConnectionId => TypeId is (ushort)CpfItemType.ConnectedAddress or (ushort)CpfItemType.SequencedAddress ? BinaryPrimitives.ReadUInt32LittleEndian(Data) : 0;

    /// <summary>Sequenced address item: the encapsulation sequence number.</summary>
    public uint SequenceNumber => TypeId == (ushort)CpfItemType.SequencedAddress ? BinaryPrimitives.ReadUInt32LittleEndian(Data[4..]) : 0;

    /// <summary>Socket address items: the address.</summary>
    public CipSocketAddress SocketAddress => TypeId is (ushort)CpfItemType.SocketAddressOriginatorToTarget or (ushort)CpfItemType.SocketAddressTargetToOriginator
        ? CipSocketAddress.Read(Data)
        : default;
}

/// <summary>A validated common packet format: item count and items (CIP Vol. 2, 2-6).</summary>
public readonly ref struct CommonPacketFormat
{
    private CommonPacketFormat(ReadOnlySpan<byte> data, int itemCount)
    {
        Data = data;
        ItemCount = itemCount;
    }

    /// <summary>The encoded common packet format, item count included.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Number of items.</summary>
    public int ItemCount { get; }

    /// <summary>Reads and validates a common packet format that fills <paramref name="data"/>.</summary>
    /// <param name="data">The octets.</param>
    /// <param name="cpf">The common packet format.</param>
    /// <param name="error">Why it is invalid (offset relative to <paramref name="data"/>).</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out CommonPacketFormat cpf, out ProtocolError error)
    {
        cpf = default;
        error = default;
        if (data.Length < 2)
        {
            error = EnipErrors.Create(EnipError.CpfTruncated, "common packet format has no item count", 0);
            return false;
        }

        int count = BinaryPrimitives.ReadUInt16LittleEndian(data);
        int offset = 2;
        for (int i = 0; i < count; i++)
        {
            // 2-6.1: type id (2) and length (2), then the data.
            if (data.Length - offset < 4)
            {
                error = EnipErrors.Create(EnipError.CpfTruncated, "common packet format ends inside an item header", offset);
                return false;
            }

            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(data[offset..]);
            int length = BinaryPrimitives.ReadUInt16LittleEndian(data[(offset + 2)..]);
            if (data.Length - offset - 4 < length)
            {
                error = EnipErrors.Create(EnipError.CpfTruncated, "common packet format item data runs past the end", offset + 2);
                return false;
            }

            int required = RequiredLength((CpfItemType)type);
            if (required >= 0 && length != required)
            {
                error = EnipErrors.Create(EnipError.CpfItemLengthInvalid, "common packet format item length does not match its type", offset + 2);
                return false;
            }

            offset += 4 + length;
        }

        if (offset != data.Length)
        {
            error = EnipErrors.Create(EnipError.CpfTrailingData, "octets follow the last common packet format item", offset);
            return false;
        }

        cpf = new CommonPacketFormat(data, count);
        return true;
    }

    /// <summary>The fixed length of an item type (2-6.2, 2-6.3), or -1 when variable.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The length or -1.</returns>
    public static int RequiredLength(CpfItemType type) => type switch
    {
        CpfItemType.NullAddress => 0,
        CpfItemType.ConnectedAddress => 4,
        CpfItemType.SequencedAddress => 8,
        CpfItemType.SocketAddressOriginatorToTarget or CpfItemType.SocketAddressTargetToOriginator => CipSocketAddress.EncodedLength,
        _ => -1,
    };

    /// <summary>Enumerates the items.</summary>
    /// <returns>An enumerator.</returns>
    public CpfItemEnumerator GetEnumerator() => new(Data, ItemCount);

    /// <summary>The item at <paramref name="index"/>.</summary>
    /// <param name="index">0-based, below <see cref="ItemCount"/>.</param>
    /// <returns>The item.</returns>
    public CpfItem GetItem(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ItemCount);
        CpfItemEnumerator items = GetEnumerator();
        for (int i = 0; i <= index; i++)
        {
            items.MoveNext();
        }

        return items.Current;
    }

    /// <summary>Finds the first item of <paramref name="type"/>.</summary>
    /// <param name="type">The type.</param>
    /// <param name="item">The item.</param>
    /// <returns>False when there is none.</returns>
    public bool TryFind(CpfItemType type, out CpfItem item)
    {
        foreach (CpfItem candidate in this)
        {
            if (candidate.TypeId == (ushort)type)
            {
                item = candidate;
                return true;
            }
        }

        item = default;
        return false;
    }
}

/// <summary>Enumerates the items of a validated common packet format.</summary>
public ref struct CpfItemEnumerator
{
    private readonly ReadOnlySpan<byte> _data;
    private int _offset;
    private int _remaining;

    internal CpfItemEnumerator(ReadOnlySpan<byte> data, int count)
    {
        _data = data;
        _offset = 2;
        _remaining = count;
        Current = default;
    }

    /// <summary>The current item.</summary>
    public CpfItem Current { get; private set; }

    /// <summary>Advances.</summary>
    /// <returns>False at the end.</returns>
    public bool MoveNext()
    {
        if (_remaining == 0 || _data.Length - _offset < 4)
        {
            return false;
        }

        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(_data[_offset..]);
        int length = BinaryPrimitives.ReadUInt16LittleEndian(_data[(_offset + 2)..]);
        if (_data.Length - _offset - 4 < length)
        {
            return false;
        }

        Current = new CpfItem(type, _data.Slice(_offset + 4, length));
        _offset += 4 + length;
        _remaining--;
        return true;
    }
}

/// <summary>
/// Writes a common packet format: item count, then items added one by one. The count is filled in by
/// <see cref="Complete"/>.
/// </summary>
public ref struct CpfWriter
{
    private readonly Span<byte> _destination;
    private int _position;
    private int _count;
    private bool _overflowed;

    /// <summary>Creates a writer.</summary>
    /// <param name="destination">Where to write.</param>
    public CpfWriter(Span<byte> destination)
    {
        _destination = destination;
        _position = 2;
        _count = 0;
        _overflowed = destination.Length < 2;
    }

    /// <summary>Adds an item.</summary>
    /// <param name="type">The item type.</param>
    /// <param name="data">The item data.</param>
    /// <exception cref="ArgumentException">The data is longer than 65535 octets or has the wrong length for a fixed-length type.</exception>
    public void Add(CpfItemType type, scoped ReadOnlySpan<byte> data)
    {
        int required = CommonPacketFormat.RequiredLength(type);
        if (data.Length > ushort.MaxValue || (required >= 0 && data.Length != required))
        {
            throw new ArgumentException("Item data length does not match the item type.", nameof(data));
        }

        _count++;
        if (_overflowed || _destination.Length - _position < 4 + data.Length)
        {
            _overflowed = true;
            _position += 4 + data.Length;
            return;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(_destination[_position..], (ushort)type);
        BinaryPrimitives.WriteUInt16LittleEndian(_destination[(_position + 2)..], (ushort)data.Length);
        data.CopyTo(_destination[(_position + 4)..]);
        _position += 4 + data.Length;
    }

    /// <summary>Adds a null address item.</summary>
    public void AddNullAddress() => Add(CpfItemType.NullAddress, []);

    /// <summary>Adds a connected address item.</summary>
    /// <param name="connectionId">The connection identifier.</param>
    public void AddConnectedAddress(uint connectionId)
    {
        Span<byte> data = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(data, connectionId);
        Add(CpfItemType.ConnectedAddress, data);
    }

    /// <summary>Adds a sequenced address item.</summary>
    /// <param name="connectionId">The connection identifier.</param>
    /// <param name="sequenceNumber">The encapsulation sequence number.</param>
    public void AddSequencedAddress(uint connectionId, uint sequenceNumber)
    {
        Span<byte> data = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(data, connectionId);
        BinaryPrimitives.WriteUInt32LittleEndian(data[4..], sequenceNumber);
        Add(CpfItemType.SequencedAddress, data);
    }

    /// <summary>Adds a socket address item.</summary>
    /// <param name="type">Originator-to-target or target-to-originator.</param>
    /// <param name="address">The socket address.</param>
    public void AddSocketAddress(CpfItemType type, CipSocketAddress address)
    {
        Span<byte> data = stackalloc byte[CipSocketAddress.EncodedLength];
        address.Write(data);
        Add(type, data);
    }

    /// <summary>Finishes: writes the item count.</summary>
    /// <param name="bytesWritten">Octets written, 0 on overflow.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public readonly OperationStatus Complete(out int bytesWritten)
    {
        if (_overflowed)
        {
            bytesWritten = 0;
            return OperationStatus.DestinationTooSmall;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(_destination, (ushort)_count);
        bytesWritten = _position;
        return OperationStatus.Done;
    }
}
