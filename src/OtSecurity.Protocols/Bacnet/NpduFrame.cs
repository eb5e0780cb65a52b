namespace OtSecurity.Protocols.Bacnet;

/// <summary>
/// A view over a BACnet NPDU (ANSI/ASHRAE 135 clause 6.2): version, control, optional destination and source
/// specifiers, hop count, network message type (and vendor id) and the payload (an APDU or the network message's data).
/// Build one with <see cref="ForApdu"/> or <see cref="ForNetworkMessage"/> and the <c>With*</c> methods to write it.
/// </summary>
public readonly ref struct NpduFrame
{
    /// <summary>Control bit 7: the NPDU carries a network layer message.</summary>
    public const byte NetworkMessageFlag = 0x80;

    /// <summary>Control bit 5: DNET, DLEN, DADR and hop count are present.</summary>
    public const byte DestinationFlag = 0x20;

    /// <summary>Control bit 3: SNET, SLEN and SADR are present.</summary>
    public const byte SourceFlag = 0x08;

    /// <summary>Control bit 2: a reply is expected (data expecting reply).</summary>
    public const byte ExpectingReplyFlag = 0x04;

    /// <summary>Creates a view from its parts; <see cref="Npdu.TryRead(ReadOnlySpan{byte}, out NpduFrame, out ProtocolError)"/> and the factory methods use it.</summary>
    /// <param name="control">The control octet (bits 6 and 4 are reserved and kept as read).</param>
    /// <param name="destinationNetwork">DNET, when <see cref="DestinationFlag"/> is set.</param>
    /// <param name="destinationAddress">DADR (DLEN octets; empty for a broadcast on DNET).</param>
    /// <param name="hopCount">Hop count, when <see cref="DestinationFlag"/> is set.</param>
    /// <param name="sourceNetwork">SNET, when <see cref="SourceFlag"/> is set.</param>
    /// <param name="sourceAddress">SADR (SLEN octets).</param>
    /// <param name="messageType">Network message type, when <see cref="NetworkMessageFlag"/> is set.</param>
    /// <param name="vendorId">Vendor id of a proprietary network message (type 0x80..0xFF).</param>
    /// <param name="payload">The APDU, or the network message's data.</param>
    public NpduFrame(
        byte control,
        ushort destinationNetwork,
        ReadOnlySpan<byte> destinationAddress,
        byte hopCount,
        ushort sourceNetwork,
        ReadOnlySpan<byte> sourceAddress,
        byte messageType,
        ushort vendorId,
        ReadOnlySpan<byte> payload)
    {
        Control = control;
        DestinationNetwork = destinationNetwork;
        DestinationAddress = destinationAddress;
        HopCount = hopCount;
        SourceNetwork = sourceNetwork;
        SourceAddress = sourceAddress;
        MessageTypeValue = messageType;
        VendorId = vendorId;
        Payload = payload;
    }

    /// <summary>The control octet.</summary>
    public byte Control { get; }

    /// <summary>True when the NPDU carries a network layer message rather than an APDU.</summary>
    public bool IsNetworkMessage => (Control & NetworkMessageFlag) != 0;

    /// <summary>True when a destination specifier (DNET, DLEN, DADR) and hop count are present.</summary>
    public bool HasDestination => (Control & DestinationFlag) != 0;

    /// <summary>True when a source specifier (SNET, SLEN, SADR) is present.</summary>
    public bool HasSource => (Control & SourceFlag) != 0;

    /// <summary>True when the sender expects a reply.</summary>
    public bool ExpectingReply => (Control & ExpectingReplyFlag) != 0;

    /// <summary>The network priority.</summary>
    public NetworkPriority Priority => (NetworkPriority)(Control & 0x03);

    /// <summary>DNET: 0xFFFF is a global broadcast.</summary>
    public ushort DestinationNetwork { get; }

    /// <summary>DADR: empty (DLEN 0) for a broadcast on <see cref="DestinationNetwork"/>.</summary>
    public ReadOnlySpan<byte> DestinationAddress { get; }

    /// <summary>True when the message is a broadcast on a remote network or a global broadcast (DLEN 0).</summary>
    public bool IsDestinationBroadcast => HasDestination && DestinationAddress.IsEmpty;

    /// <summary>Hop count.</summary>
    public byte HopCount { get; }

    /// <summary>SNET.</summary>
    public ushort SourceNetwork { get; }

    /// <summary>SADR.</summary>
    public ReadOnlySpan<byte> SourceAddress { get; }

    /// <summary>The network message type octet (0 when this is not a network message).</summary>
    public byte MessageTypeValue { get; }

    /// <summary>The network message type.</summary>
    public NetworkMessageType MessageType => (NetworkMessageType)MessageTypeValue;

    /// <summary>True for a vendor-proprietary network message (type 0x80..0xFF), which carries a vendor id.</summary>
    public bool IsProprietaryMessage => IsNetworkMessage && MessageTypeValue >= 0x80;

    /// <summary>The vendor id of a proprietary network message.</summary>
    public ushort VendorId { get; }

    /// <summary>The APDU, or the network message's data.</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>Octets before <see cref="Payload"/>.</summary>
    public int HeaderLength => Npdu.GetHeaderLength(this);

    /// <summary>An NPDU that carries <paramref name="apdu"/> on the local network.</summary>
    /// <param name="apdu">The APDU.</param>
    /// <param name="expectingReply">Whether a reply is expected (set for confirmed requests).</param>
    /// <param name="priority">Network priority.</param>
    /// <returns>The NPDU view.</returns>
    public static NpduFrame ForApdu(ReadOnlySpan<byte> apdu, bool expectingReply = false, NetworkPriority priority = NetworkPriority.Normal) =>
        new((byte)((expectingReply ? ExpectingReplyFlag : 0) | ((byte)priority & 0x03)), 0, [], 0, 0, [], 0, 0, apdu);

    /// <summary>An NPDU that carries a network layer message.</summary>
    /// <param name="messageType">The message type octet (0x80..0xFF for proprietary messages).</param>
    /// <param name="data">The message's data.</param>
    /// <param name="vendorId">The vendor id of a proprietary message.</param>
    /// <param name="priority">Network priority.</param>
    /// <returns>The NPDU view.</returns>
    public static NpduFrame ForNetworkMessage(byte messageType, ReadOnlySpan<byte> data, ushort vendorId = 0, NetworkPriority priority = NetworkPriority.Normal) =>
        new((byte)(NetworkMessageFlag | ((byte)priority & 0x03)), 0, [], 0, 0, [], messageType, messageType >= 0x80 ? vendorId : (ushort)0, data);

    /// <summary>The same NPDU addressed to a remote station or network.</summary>
    /// <param name="network">DNET (0xFFFF for a global broadcast).</param>
    /// <param name="address">DADR (empty for a broadcast).</param>
    /// <param name="hopCount">Hop count (255 when sending).</param>
    /// <returns>The NPDU view.</returns>
    public NpduFrame WithDestination(ushort network, ReadOnlySpan<byte> address, byte hopCount = 255) =>
        new((byte)(Control | DestinationFlag), network, address, hopCount, SourceNetwork, SourceAddress, MessageTypeValue, VendorId, Payload);

    /// <summary>The same NPDU with a source specifier (added by a router).</summary>
    /// <param name="network">SNET.</param>
    /// <param name="address">SADR (1..255 octets).</param>
    /// <returns>The NPDU view.</returns>
    public NpduFrame WithSource(ushort network, ReadOnlySpan<byte> address) =>
        new((byte)(Control | SourceFlag), DestinationNetwork, DestinationAddress, HopCount, network, address, MessageTypeValue, VendorId, Payload);
}
