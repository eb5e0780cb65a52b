using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>I-Could-Be-Router-To-Network (clause 6.4.3).</summary>
/// <param name="Network">The DNET the half-router could reach.</param>
/// <param name="PerformanceIndex">The performance index.</param>
public readonly record struct ICouldBeRouterToNetwork(ushort Network, byte PerformanceIndex);

/// <summary>Reject-Message-To-Network (clause 6.4.4).</summary>
/// <param name="Reason">Why the message was rejected.</param>
/// <param name="Network">The DNET of the rejected message.</param>
public readonly record struct RejectMessageToNetwork(NetworkRejectReason Reason, ushort Network);

/// <summary>Establish-Connection-To-Network (clause 6.4.9).</summary>
/// <param name="Network">The DNET to connect to.</param>
/// <param name="TerminationTime">Seconds of inactivity before the connection is closed (0: permanent).</param>
public readonly record struct EstablishConnectionToNetwork(ushort Network, byte TerminationTime);

/// <summary>Network-Number-Is (clause 6.4.20).</summary>
/// <param name="Network">The local network number.</param>
/// <param name="Configured">True when the number was configured, false when learned.</param>
public readonly record struct NetworkNumberIs(ushort Network, bool Configured);

/// <summary>One port of an Initialize-Routing-Table(-Ack) (clause 6.4.7).</summary>
public readonly ref struct RoutingTablePort
{
    /// <summary>Creates an entry.</summary>
    /// <param name="network">DNET.</param>
    /// <param name="portId">Port id (0: purge the entry).</param>
    /// <param name="portInfo">Port info (at most 255 octets).</param>
    public RoutingTablePort(ushort network, byte portId, ReadOnlySpan<byte> portInfo)
    {
        Network = network;
        PortId = portId;
        PortInfo = portInfo;
    }

    /// <summary>DNET.</summary>
    public ushort Network { get; }

    /// <summary>Port id.</summary>
    public byte PortId { get; }

    /// <summary>Port info.</summary>
    public ReadOnlySpan<byte> PortInfo { get; }
}

/// <summary>Enumerates the ports of a validated Initialize-Routing-Table(-Ack).</summary>
public ref struct RoutingTableEnumerator
{
    private readonly ReadOnlySpan<byte> _data;
    private int _offset;
    private int _remaining;

    internal RoutingTableEnumerator(ReadOnlySpan<byte> data)
    {
        _data = data;
        _offset = 1;
        _remaining = data.IsEmpty ? 0 : data[0];
        Current = default;
    }

    /// <summary>The current port.</summary>
    public RoutingTablePort Current { get; private set; }

    /// <summary>Returns this enumerator.</summary>
    /// <returns>This.</returns>
    public readonly RoutingTableEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next port.</summary>
    /// <returns>False at the end.</returns>
    public bool MoveNext()
    {
        if (_remaining == 0 || _data.Length - _offset < 4)
        {
            return false;
        }

        int infoLength = _data[_offset + 3];
        if (_data.Length - _offset - 4 < infoLength)
        {
            return false;
        }

        Current = new RoutingTablePort(BinaryPrimitives.ReadUInt16BigEndian(_data[_offset..]), _data[_offset + 2], _data.Slice(_offset + 4, infoLength));
        _offset += 4 + infoLength;
        _remaining--;
        return true;
    }
}

/// <summary>Validates, reads and writes the data of network layer messages (ANSI/ASHRAE 135 clause 6.4).</summary>
public static class NetworkMessages
{
    /// <summary>Checks that <paramref name="data"/> matches the layout of message type <paramref name="messageType"/>.
    /// Security messages (0x0A..0x11), reserved types and proprietary types are opaque and always accepted.</summary>
    /// <param name="messageType">The message type octet.</param>
    /// <param name="data">The octets after the message type (and vendor id).</param>
    /// <param name="error">Why the data is invalid (offset relative to <paramref name="data"/>).</param>
    /// <returns>True when valid.</returns>
    public static bool TryValidate(byte messageType, ReadOnlySpan<byte> data, out ProtocolError error)
    {
        error = default;
        bool valid = (NetworkMessageType)messageType switch
        {
            // 6.4.1: an optional DNET.
            NetworkMessageType.WhoIsRouterToNetwork => data.Length is 0 or 2,

            // 6.4.2: one or more DNETs.
            NetworkMessageType.IAmRouterToNetwork => data.Length >= 2 && data.Length % 2 == 0,

            // 6.4.5 and 6.4.6: an optional list of DNETs.
            NetworkMessageType.RouterBusyToNetwork or NetworkMessageType.RouterAvailableToNetwork => data.Length % 2 == 0,

            // 6.4.3: DNET and performance index; 6.4.4: reason and DNET; 6.4.9: DNET and termination time; 6.4.20: network and flag.
            NetworkMessageType.ICouldBeRouterToNetwork or NetworkMessageType.RejectMessageToNetwork
                or NetworkMessageType.EstablishConnectionToNetwork or NetworkMessageType.NetworkNumberIs => data.Length == 3,

            // 6.4.10: DNET.
            NetworkMessageType.DisconnectConnectionToNetwork => data.Length == 2,

            // 6.4.19: no data.
            NetworkMessageType.WhatIsNetworkNumber => data.IsEmpty,

            // 6.4.7 and 6.4.8: count, then DNET, port id, port info length and port info per port.
            NetworkMessageType.InitializeRoutingTable or NetworkMessageType.InitializeRoutingTableAck => IsValidRoutingTable(data),
            _ => true,
        };

        if (!valid)
        {
            error = BacnetErrors.Create(BacnetError.NetworkMessageInvalid, "network message data does not match the layout of its message type", 0);
        }

        return valid;
    }

    private static bool IsValidRoutingTable(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return false;
        }

        int count = data[0];
        int offset = 1;
        for (int i = 0; i < count; i++)
        {
            if (data.Length - offset < 4)
            {
                return false;
            }

            int infoLength = data[offset + 3];
            offset += 4;
            if (data.Length - offset < infoLength)
            {
                return false;
            }

            offset += infoLength;
        }

        return offset == data.Length;
    }

    /// <summary>The number of 2-octet network numbers in a DNET list (I-Am-Router, Router-Busy, Router-Available, Who-Is-Router).</summary>
    /// <param name="data">The message data.</param>
    /// <returns>The count.</returns>
    public static int GetNetworkCount(ReadOnlySpan<byte> data) => data.Length / 2;

    /// <summary>The network number at <paramref name="index"/> of a DNET list.</summary>
    /// <param name="data">The message data.</param>
    /// <param name="index">0-based index below <see cref="GetNetworkCount"/>.</param>
    /// <returns>The network number.</returns>
    public static ushort GetNetwork(ReadOnlySpan<byte> data, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, GetNetworkCount(data));
        return BinaryPrimitives.ReadUInt16BigEndian(data[(index * 2)..]);
    }

    /// <summary>Reads I-Could-Be-Router-To-Network data.</summary>
    /// <param name="data">3 octets.</param>
    /// <param name="message">The message.</param>
    /// <returns>False when the data is not 3 octets.</returns>
    public static bool TryReadICouldBeRouterToNetwork(ReadOnlySpan<byte> data, out ICouldBeRouterToNetwork message)
    {
        message = data.Length == 3 ? new(BinaryPrimitives.ReadUInt16BigEndian(data), data[2]) : default;
        return data.Length == 3;
    }

    /// <summary>Reads Reject-Message-To-Network data.</summary>
    /// <param name="data">3 octets.</param>
    /// <param name="message">The message.</param>
    /// <returns>False when the data is not 3 octets.</returns>
    public static bool TryReadRejectMessageToNetwork(ReadOnlySpan<byte> data, out RejectMessageToNetwork message)
    {
        message = data.Length == 3 ? new((NetworkRejectReason)data[0], BinaryPrimitives.ReadUInt16BigEndian(data[1..])) : default;
        return data.Length == 3;
    }

    /// <summary>Reads Establish-Connection-To-Network data.</summary>
    /// <param name="data">3 octets.</param>
    /// <param name="message">The message.</param>
    /// <returns>False when the data is not 3 octets.</returns>
    public static bool TryReadEstablishConnectionToNetwork(ReadOnlySpan<byte> data, out EstablishConnectionToNetwork message)
    {
        message = data.Length == 3 ? new(BinaryPrimitives.ReadUInt16BigEndian(data), data[2]) : default;
        return data.Length == 3;
    }

    /// <summary>Reads Network-Number-Is data.</summary>
    /// <param name="data">3 octets.</param>
    /// <param name="message">The message.</param>
    /// <returns>False when the data is not 3 octets.</returns>
    public static bool TryReadNetworkNumberIs(ReadOnlySpan<byte> data, out NetworkNumberIs message)
    {
        message = data.Length == 3 ? new(BinaryPrimitives.ReadUInt16BigEndian(data), data[2] != 0) : default;
        return data.Length == 3;
    }

    /// <summary>Enumerates the ports of Initialize-Routing-Table(-Ack) data validated by <see cref="TryValidate"/>.</summary>
    /// <param name="data">The message data.</param>
    /// <returns>An enumerator.</returns>
    public static RoutingTableEnumerator EnumerateRoutingTable(ReadOnlySpan<byte> data) => new(data);

    /// <summary>Writes a list of network numbers (I-Am-Router, Router-Busy, Router-Available, or one DNET for Who-Is-Router).</summary>
    /// <param name="networks">The networks.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWriteNetworkList(ReadOnlySpan<ushort> networks, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < networks.Length * 2)
        {
            return OperationStatus.DestinationTooSmall;
        }

        for (int i = 0; i < networks.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[(i * 2)..], networks[i]);
        }

        bytesWritten = networks.Length * 2;
        return OperationStatus.Done;
    }

    /// <summary>Writes 3-octet data: a 2-octet network number and one octet (I-Could-Be-Router, Establish-Connection, Network-Number-Is).</summary>
    /// <param name="network">The network number.</param>
    /// <param name="value">Performance index, termination time or configured flag.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written (3).</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWriteNetworkAndOctet(ushort network, byte value, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < 3)
        {
            return OperationStatus.DestinationTooSmall;
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, network);
        destination[2] = value;
        bytesWritten = 3;
        return OperationStatus.Done;
    }

    /// <summary>Writes Reject-Message-To-Network data.</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written (3).</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public static OperationStatus TryWriteRejectMessageToNetwork(RejectMessageToNetwork message, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < 3)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)message.Reason;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], message.Network);
        bytesWritten = 3;
        return OperationStatus.Done;
    }

    /// <summary>Writes Initialize-Routing-Table(-Ack) data: the count and each port.</summary>
    /// <param name="networks">DNET of each port.</param>
    /// <param name="portIds">Port id of each port (same length).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The lists differ in length or hold more than 255 ports.</exception>
    /// <remarks>Port info is written empty; use <see cref="TryWriteRoutingTablePort"/> for ports with port info.</remarks>
    public static OperationStatus TryWriteRoutingTable(ReadOnlySpan<ushort> networks, ReadOnlySpan<byte> portIds, Span<byte> destination, out int bytesWritten)
    {
        if (networks.Length != portIds.Length || networks.Length > byte.MaxValue)
        {
            throw new ArgumentException("One port id per network, at most 255 ports.", nameof(portIds));
        }

        bytesWritten = 0;
        int length = 1 + (networks.Length * 4);
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)networks.Length;
        for (int i = 0; i < networks.Length; i++)
        {
            Span<byte> entry = destination.Slice(1 + (i * 4), 4);
            BinaryPrimitives.WriteUInt16BigEndian(entry, networks[i]);
            entry[2] = portIds[i];
            entry[3] = 0;
        }

        bytesWritten = length;
        return OperationStatus.Done;
    }

    /// <summary>Appends one port (DNET, port id, port info) to routing table data being built; the caller writes the count octet first.</summary>
    /// <param name="port">The port.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The port info is longer than 255 octets.</exception>
    public static OperationStatus TryWriteRoutingTablePort(in RoutingTablePort port, Span<byte> destination, out int bytesWritten)
    {
        if (port.PortInfo.Length > byte.MaxValue)
        {
            throw new ArgumentException("Port info is at most 255 octets.", nameof(port));
        }

        bytesWritten = 0;
        int length = 4 + port.PortInfo.Length;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, port.Network);
        destination[2] = port.PortId;
        destination[3] = (byte)port.PortInfo.Length;
        port.PortInfo.CopyTo(destination[4..]);
        bytesWritten = length;
        return OperationStatus.Done;
    }
}
