using System.Buffers;

namespace OtSecurity.Protocols.EtherNetIp;

/// <summary>
/// A CIP implicit (class 0/1) I/O datagram on UDP port 2222 (CIP Vol. 2, 3-3): a common packet format whose first item
/// is a sequenced address (or connected address) item and whose second item is a connected data item. The data of a
/// class 1 connection starts with a 16-bit sequence count; class 0 data has none, so the data is left whole here.
/// </summary>
public readonly ref struct CipIoPacket
{
    private CipIoPacket(uint connectionId, uint? sequenceNumber, ReadOnlySpan<byte> data, CommonPacketFormat cpf)
    {
        ConnectionId = connectionId;
        SequenceNumber = sequenceNumber;
        Data = data;
        CommonPacketFormat = cpf;
    }

    /// <summary>The connection identifier of the address item.</summary>
    public uint ConnectionId { get; }

    /// <summary>The encapsulation sequence number of a sequenced address item.</summary>
    public uint? SequenceNumber { get; }

    /// <summary>The connected data item's data.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>The whole common packet format (further items, such as socket addresses, included).</summary>
    public CommonPacketFormat CommonPacketFormat { get; }

    /// <summary>Reads an I/O datagram.</summary>
    /// <param name="datagram">The UDP payload.</param>
    /// <param name="packet">The packet.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> datagram, out CipIoPacket packet, out ProtocolError error)
    {
        packet = default;
        if (!CommonPacketFormat.TryRead(datagram, out CommonPacketFormat cpf, out error))
        {
            return false;
        }

        if (cpf.ItemCount < 2)
        {
            error = EnipErrors.Create(EnipError.IoPacketInvalid, "I/O datagram has fewer than an address and a data item", 0);
            return false;
        }

        CpfItemEnumerator items = cpf.GetEnumerator();
        items.MoveNext();
        CpfItem address = items.Current;
        items.MoveNext();
        CpfItem data = items.Current;
        if (address.Type is not (CpfItemType.SequencedAddress or CpfItemType.ConnectedAddress) || data.Type != CpfItemType.ConnectedData)
        {
            error = EnipErrors.Create(EnipError.IoPacketInvalid, "I/O datagram does not start with an address item and a connected data item", 2);
            return false;
        }

        packet = new CipIoPacket(address.ConnectionId, address.Type == CpfItemType.SequencedAddress ? address.SequenceNumber : null, data.Data, cpf);
        return true;
    }

    /// <summary>Writes an I/O datagram with a sequenced address item and a connected data item.</summary>
    /// <param name="connectionId">Connection identifier.</param>
    /// <param name="sequenceNumber">Encapsulation sequence number.</param>
    /// <param name="data">Connected data (with its 16-bit sequence count for class 1).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWrite(uint connectionId, uint sequenceNumber, ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        var writer = new CpfWriter(destination);
        writer.AddSequencedAddress(connectionId, sequenceNumber);
        writer.Add(CpfItemType.ConnectedData, data);
        return writer.Complete(out bytesWritten);
    }
}
