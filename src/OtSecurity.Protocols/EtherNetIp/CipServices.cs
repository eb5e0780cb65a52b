using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.EtherNetIp;

/// <summary>Connection types in network connection parameters (CIP Vol. 1, 3-5.5.1.1).</summary>
public enum CipConnectionType : byte
{
    /// <summary>Null (used to reconfigure).</summary>
    Null = 0,

    /// <summary>Multicast.</summary>
    Multicast = 1,

    /// <summary>Point to point.</summary>
    PointToPoint = 2,

    /// <summary>Reserved.</summary>
    Reserved = 3,
}

/// <summary>
/// Unconnected_Send request data (service 0x52 on the Connection Manager, CIP Vol. 1, 3-5.5.2): time tick, timeout,
/// the embedded message router request, and the route path (port segments) to the target.
/// </summary>
public readonly ref struct UnconnectedSendRequest : ICipEncodable
{
    /// <summary>Creates a request.</summary>
    /// <param name="priorityTimeTick">Priority/time tick octet.</param>
    /// <param name="timeoutTicks">Timeout ticks.</param>
    /// <param name="embeddedRequest">The embedded message router request.</param>
    /// <param name="routePath">The route path (padded EPATH, even length).</param>
    /// <param name="reserved">The reserved octet after the route path size (0).</param>
    public UnconnectedSendRequest(byte priorityTimeTick, byte timeoutTicks, ReadOnlySpan<byte> embeddedRequest, ReadOnlySpan<byte> routePath, byte reserved = 0)
    {
        PriorityTimeTick = priorityTimeTick;
        TimeoutTicks = timeoutTicks;
        EmbeddedRequest = embeddedRequest;
        RoutePath = routePath;
        Reserved = reserved;
    }

    /// <summary>Priority/time tick.</summary>
    public byte PriorityTimeTick { get; }

    /// <summary>Timeout ticks.</summary>
    public byte TimeoutTicks { get; }

    /// <summary>The embedded message router request.</summary>
    public ReadOnlySpan<byte> EmbeddedRequest { get; }

    /// <summary>The route path.</summary>
    public ReadOnlySpan<byte> RoutePath { get; }

    /// <summary>The reserved octet.</summary>
    public byte Reserved { get; }

    /// <summary>Reads Unconnected_Send request data.</summary>
    /// <param name="data">The request data of the 0x52 request.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid (offset relative to <paramref name="data"/>).</param>
    /// <returns>True when valid: the embedded request and the route path are validated too.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out UnconnectedSendRequest request, out ProtocolError error)
    {
        request = default;
        if (data.Length < 4)
        {
            error = EnipErrors.Create(EnipError.CipServiceDataInvalid, "Unconnected_Send data is shorter than its fixed fields", data.Length);
            return false;
        }

        int size = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
        int routeOffset = 4 + size + (size & 1);
        if (data.Length < routeOffset + 2)
        {
            error = EnipErrors.Create(EnipError.CipServiceDataInvalid, "Unconnected_Send embedded request size runs past the data", 2);
            return false;
        }

        int routeLength = data[routeOffset] * 2;
        if (data.Length != routeOffset + 2 + routeLength)
        {
            error = EnipErrors.Create(EnipError.CipServiceDataInvalid, "Unconnected_Send route path size does not end at the end of the data", routeOffset);
            return false;
        }

        ReadOnlySpan<byte> embedded = data.Slice(4, size);
        if (!CipRequest.TryRead(embedded, out _, out error))
        {
            error = EnipErrors.Shift(error, 4);
            return false;
        }

        ReadOnlySpan<byte> route = data.Slice(routeOffset + 2, routeLength);
        if (!CipCodec.TryValidatePath(route, routeOffset + 2, out error))
        {
            return false;
        }

        request = new UnconnectedSendRequest(data[0], data[1], embedded, route, data[routeOffset + 1]);
        return true;
    }

    /// <summary>Octets of the request data.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => 4 + EmbeddedRequest.Length + (EmbeddedRequest.Length & 1) + 2 + RoutePath.Length;

    /// <summary>Writes the request data (the caller wraps it in a 0x52 request to class 6 instance 1).</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The embedded request or the route path is invalid.</exception>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        if (EmbeddedRequest.Length > ushort.MaxValue || !CipRequest.TryRead(EmbeddedRequest, out _, out _) || !CipCodec.IsValidPaddedPath(RoutePath))
        {
            throw new ArgumentException("Unconnected_Send needs a valid embedded request and a valid padded route path.");
        }

        return CipCodec.TryWrite(this, destination, out bytesWritten);
    }

    void ICipEncodable.WriteFields(Span<byte> destination)
    {
        destination[0] = PriorityTimeTick;
        destination[1] = TimeoutTicks;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], (ushort)EmbeddedRequest.Length);
        EmbeddedRequest.CopyTo(destination[4..]);
        int offset = 4 + EmbeddedRequest.Length;
        if ((EmbeddedRequest.Length & 1) != 0)
        {
            destination[offset++] = 0;
        }

        CipCodec.WriteWordSizedTail(destination[offset..], Reserved, RoutePath);
    }
}

/// <summary>
/// Forward_Open (0x54) and Large_Forward_Open (0x5B) request data (CIP Vol. 1, 3-5.5.2, tables 3-5.16 and 3-5.17).
/// Network connection parameters are 16-bit for Forward_Open and 32-bit for Large_Forward_Open.
/// </summary>
public readonly ref struct ForwardOpenRequest : ICipEncodable
{
    /// <summary>Fixed octets of Forward_Open before the connection path.</summary>
    public const int FixedLength = 36;

    /// <summary>Fixed octets of Large_Forward_Open before the connection path.</summary>
    public const int LargeFixedLength = 40;

    /// <summary>Creates a request.</summary>
    /// <param name="isLarge">Large_Forward_Open (32-bit connection parameters).</param>
    /// <param name="priorityTimeTick">Priority/time tick.</param>
    /// <param name="timeoutTicks">Timeout ticks.</param>
    /// <param name="originatorToTargetConnectionId">O→T network connection id.</param>
    /// <param name="targetToOriginatorConnectionId">T→O network connection id.</param>
    /// <param name="connectionSerialNumber">Connection serial number.</param>
    /// <param name="originatorVendorId">Originator vendor id.</param>
    /// <param name="originatorSerialNumber">Originator serial number.</param>
    /// <param name="timeoutMultiplier">Connection timeout multiplier.</param>
    /// <param name="originatorToTargetRpi">O→T requested packet interval, µs.</param>
    /// <param name="originatorToTargetParameters">O→T network connection parameters.</param>
    /// <param name="targetToOriginatorRpi">T→O requested packet interval, µs.</param>
    /// <param name="targetToOriginatorParameters">T→O network connection parameters.</param>
    /// <param name="transportTypeTrigger">Transport type/trigger.</param>
    /// <param name="connectionPath">Connection path (padded EPATH).</param>
    /// <param name="reserved">The 3 reserved octets, little-endian (0).</param>
    public ForwardOpenRequest(
        bool isLarge,
        byte priorityTimeTick,
        byte timeoutTicks,
        uint originatorToTargetConnectionId,
        uint targetToOriginatorConnectionId,
        ushort connectionSerialNumber,
        ushort originatorVendorId,
        uint originatorSerialNumber,
        byte timeoutMultiplier,
        uint originatorToTargetRpi,
        uint originatorToTargetParameters,
        uint targetToOriginatorRpi,
        uint targetToOriginatorParameters,
        byte transportTypeTrigger,
        ReadOnlySpan<byte> connectionPath,
        uint reserved = 0)
    {
        IsLarge = isLarge;
        PriorityTimeTick = priorityTimeTick;
        TimeoutTicks = timeoutTicks;
        OriginatorToTargetConnectionId = originatorToTargetConnectionId;
        TargetToOriginatorConnectionId = targetToOriginatorConnectionId;
        ConnectionSerialNumber = connectionSerialNumber;
        OriginatorVendorId = originatorVendorId;
        OriginatorSerialNumber = originatorSerialNumber;
        TimeoutMultiplier = timeoutMultiplier;
        OriginatorToTargetRpi = originatorToTargetRpi;
        OriginatorToTargetParameters = originatorToTargetParameters;
        TargetToOriginatorRpi = targetToOriginatorRpi;
        TargetToOriginatorParameters = targetToOriginatorParameters;
        TransportTypeTrigger = transportTypeTrigger;
        ConnectionPath = connectionPath;
        Reserved = reserved;
    }

    /// <summary>True for Large_Forward_Open.</summary>
    public bool IsLarge { get; }

    /// <summary>Priority/time tick.</summary>
    public byte PriorityTimeTick { get; }

    /// <summary>Timeout ticks.</summary>
    public byte TimeoutTicks { get; }

    /// <summary>O→T network connection id.</summary>
    public uint OriginatorToTargetConnectionId { get; }

    /// <summary>T→O network connection id.</summary>
    public uint TargetToOriginatorConnectionId { get; }

    /// <summary>Connection serial number.</summary>
    public ushort ConnectionSerialNumber { get; }

    /// <summary>Originator vendor id.</summary>
    public ushort OriginatorVendorId { get; }

    /// <summary>Originator serial number.</summary>
    public uint OriginatorSerialNumber { get; }

    /// <summary>Connection timeout multiplier.</summary>
    public byte TimeoutMultiplier { get; }

    /// <summary>The 3 reserved octets.</summary>
    public uint Reserved { get; }

    /// <summary>O→T RPI in microseconds.</summary>
    public uint OriginatorToTargetRpi { get; }

    /// <summary>O→T network connection parameters.</summary>
    public uint OriginatorToTargetParameters { get; }

    /// <summary>T→O RPI in microseconds.</summary>
    public uint TargetToOriginatorRpi { get; }

    /// <summary>T→O network connection parameters.</summary>
    public uint TargetToOriginatorParameters { get; }

    /// <summary>Transport type/trigger (bit 7 direction, bits 6..4 trigger, bits 3..0 transport class).</summary>
    public byte TransportTypeTrigger { get; }

    /// <summary>Transport class (0..3).</summary>
    public int TransportClass => TransportTypeTrigger & 0x0F;

    /// <summary>The connection path.</summary>
    public ReadOnlySpan<byte> ConnectionPath { get; }

    /// <summary>O→T connection size in octets.</summary>
    public int OriginatorToTargetSize => ConnectionSize(OriginatorToTargetParameters);

    /// <summary>T→O connection size in octets.</summary>
    public int TargetToOriginatorSize => ConnectionSize(TargetToOriginatorParameters);

    /// <summary>O→T connection type.</summary>
    public CipConnectionType OriginatorToTargetType => ConnectionType(OriginatorToTargetParameters);

    /// <summary>T→O connection type.</summary>
    public CipConnectionType TargetToOriginatorType => ConnectionType(TargetToOriginatorParameters);

    private int ConnectionSize(uint parameters) => IsLarge ? (int)(parameters & 0xFFFF) : (int)(parameters & 0x01FF);

    private CipConnectionType ConnectionType(uint parameters) => (CipConnectionType)(IsLarge ? (parameters >> 29) & 0x03 : (parameters >> 13) & 0x03);

    /// <summary>Reads Forward_Open or Large_Forward_Open request data.</summary>
    /// <param name="data">The request data.</param>
    /// <param name="isLarge">True for service 0x5B.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, bool isLarge, out ForwardOpenRequest request, out ProtocolError error)
    {
        request = default;
        int fixedLength = isLarge ? LargeFixedLength : FixedLength;
        if (data.Length < fixedLength)
        {
            error = EnipErrors.Create(EnipError.CipServiceDataInvalid, "Forward_Open data is shorter than its fixed fields", data.Length);
            return false;
        }

        int pathLength = data[fixedLength - 1] * 2;
        if (data.Length != fixedLength + pathLength)
        {
            error = EnipErrors.Create(EnipError.CipServiceDataInvalid, "Forward_Open connection path size does not end at the end of the data", fixedLength - 1);
            return false;
        }

        ReadOnlySpan<byte> path = data.Slice(fixedLength, pathLength);
        if (!CipCodec.TryValidatePath(path, fixedLength, out error))
        {
            return false;
        }

        CipCodec.ReadTriad(data[10..], out ushort serial, out ushort vendor, out uint originator);
        int p = 22;
        uint otRpi = BinaryPrimitives.ReadUInt32LittleEndian(data[p..]);
        p += 4;
        uint otParameters = isLarge ? BinaryPrimitives.ReadUInt32LittleEndian(data[p..]) : BinaryPrimitives.ReadUInt16LittleEndian(data[p..]);
        p += isLarge ? 4 : 2;
        uint toRpi = BinaryPrimitives.ReadUInt32LittleEndian(data[p..]);
        p += 4;
        uint toParameters = isLarge ? BinaryPrimitives.ReadUInt32LittleEndian(data[p..]) : BinaryPrimitives.ReadUInt16LittleEndian(data[p..]);
        p += isLarge ? 4 : 2;
        request = new ForwardOpenRequest(
            isLarge,
            data[0],
            data[1],
            BinaryPrimitives.ReadUInt32LittleEndian(data[2..]),
            BinaryPrimitives.ReadUInt32LittleEndian(data[6..]),
            serial,
            vendor,
            originator,
            data[18],
            otRpi,
            otParameters,
            toRpi,
            toParameters,
            data[p],
            path,
            (uint)(data[19] | (data[20] << 8) | (data[21] << 16)));
        return true;
    }

    /// <summary>Octets of the request data.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => (IsLarge ? LargeFixedLength : FixedLength) + ConnectionPath.Length;

    /// <summary>Writes the request data.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">Parameters exceed 16 bits for Forward_Open, or the path is invalid.</exception>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        if ((!IsLarge && (OriginatorToTargetParameters > ushort.MaxValue || TargetToOriginatorParameters > ushort.MaxValue))
            || Reserved > 0xFFFFFF || !CipCodec.IsValidPaddedPath(ConnectionPath))
        {
            throw new ArgumentException("Forward_Open parameters are 16-bit (32-bit for Large_Forward_Open) and the connection path a valid padded EPATH.");
        }

        return CipCodec.TryWrite(this, destination, out bytesWritten);
    }

    void ICipEncodable.WriteFields(Span<byte> destination)
    {
        destination[0] = PriorityTimeTick;
        destination[1] = TimeoutTicks;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[2..], OriginatorToTargetConnectionId);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[6..], TargetToOriginatorConnectionId);
        CipCodec.WriteTriad(destination[10..], ConnectionSerialNumber, OriginatorVendorId, OriginatorSerialNumber);
        destination[18] = TimeoutMultiplier;
        destination[19] = (byte)Reserved;
        destination[20] = (byte)(Reserved >> 8);
        destination[21] = (byte)(Reserved >> 16);
        int p = 22;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[p..], OriginatorToTargetRpi);
        p += 4;
        p += WriteParameters(destination[p..], OriginatorToTargetParameters);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[p..], TargetToOriginatorRpi);
        p += 4;
        p += WriteParameters(destination[p..], TargetToOriginatorParameters);
        destination[p++] = TransportTypeTrigger;
        destination[p++] = (byte)(ConnectionPath.Length / 2);
        ConnectionPath.CopyTo(destination[p..]);
    }

    private int WriteParameters(Span<byte> destination, uint parameters)
    {
        if (IsLarge)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination, parameters);
            return 4;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)parameters);
        return 2;
    }
}

/// <summary>The successful reply data of Forward_Open and Large_Forward_Open (CIP Vol. 1, table 3-5.19).</summary>
public readonly ref struct ForwardOpenResponse : ICipEncodable
{
    /// <summary>Fixed octets before the application reply.</summary>
    public const int FixedLength = 26;

    /// <summary>Creates a reply.</summary>
    /// <param name="originatorToTargetConnectionId">O→T connection id chosen by the target.</param>
    /// <param name="targetToOriginatorConnectionId">T→O connection id.</param>
    /// <param name="connectionSerialNumber">Connection serial number.</param>
    /// <param name="originatorVendorId">Originator vendor id.</param>
    /// <param name="originatorSerialNumber">Originator serial number.</param>
    /// <param name="originatorToTargetApi">O→T actual packet interval, µs.</param>
    /// <param name="targetToOriginatorApi">T→O actual packet interval, µs.</param>
    /// <param name="applicationReply">Application reply (even length).</param>
    /// <param name="reserved">The reserved octet.</param>
    public ForwardOpenResponse(uint originatorToTargetConnectionId, uint targetToOriginatorConnectionId, ushort connectionSerialNumber, ushort originatorVendorId, uint originatorSerialNumber, uint originatorToTargetApi, uint targetToOriginatorApi, ReadOnlySpan<byte> applicationReply, byte reserved = 0)
    {
        OriginatorToTargetConnectionId = originatorToTargetConnectionId;
        TargetToOriginatorConnectionId = targetToOriginatorConnectionId;
        ConnectionSerialNumber = connectionSerialNumber;
        OriginatorVendorId = originatorVendorId;
        OriginatorSerialNumber = originatorSerialNumber;
        OriginatorToTargetApi = originatorToTargetApi;
        TargetToOriginatorApi = targetToOriginatorApi;
        ApplicationReply = applicationReply;
        Reserved = reserved;
    }

    /// <summary>O→T connection id.</summary>
    public uint OriginatorToTargetConnectionId { get; }

    /// <summary>T→O connection id.</summary>
    public uint TargetToOriginatorConnectionId { get; }

    /// <summary>Connection serial number.</summary>
    public ushort ConnectionSerialNumber { get; }

    /// <summary>Originator vendor id.</summary>
    public ushort OriginatorVendorId { get; }

    /// <summary>Originator serial number.</summary>
    public uint OriginatorSerialNumber { get; }

    /// <summary>O→T API, µs.</summary>
    public uint OriginatorToTargetApi { get; }

    /// <summary>T→O API, µs.</summary>
    public uint TargetToOriginatorApi { get; }

    /// <summary>The application reply.</summary>
    public ReadOnlySpan<byte> ApplicationReply { get; }

    /// <summary>The reserved octet.</summary>
    public byte Reserved { get; }

    /// <summary>Reads the successful reply data.</summary>
    /// <param name="data">The reply data.</param>
    /// <param name="response">The reply.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out ForwardOpenResponse response, out ProtocolError error)
    {
        response = default;
        if (!CipCodec.TryReadWordSizedTail(data, FixedLength, "Forward_Open reply length does not match its application reply size", out ReadOnlySpan<byte> reply, out error))
        {
            return false;
        }

        CipCodec.ReadTriad(data[8..], out ushort serial, out ushort vendor, out uint originator);
        response = new ForwardOpenResponse(
            BinaryPrimitives.ReadUInt32LittleEndian(data),
            BinaryPrimitives.ReadUInt32LittleEndian(data[4..]),
            serial,
            vendor,
            originator,
            BinaryPrimitives.ReadUInt32LittleEndian(data[16..]),
            BinaryPrimitives.ReadUInt32LittleEndian(data[20..]),
            reply,
            data[25]);
        return true;
    }

    /// <summary>Octets of the reply data.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => FixedLength + ApplicationReply.Length;

    /// <summary>Writes the reply data.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The application reply is odd or longer than 510 octets.</exception>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        if (!CipCodec.IsWordSized(ApplicationReply))
        {
            throw new ArgumentException("The application reply is at most 255 words.");
        }

        return CipCodec.TryWrite(this, destination, out bytesWritten);
    }

    void ICipEncodable.WriteFields(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, OriginatorToTargetConnectionId);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], TargetToOriginatorConnectionId);
        CipCodec.WriteTriad(destination[8..], ConnectionSerialNumber, OriginatorVendorId, OriginatorSerialNumber);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], OriginatorToTargetApi);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[20..], TargetToOriginatorApi);
        CipCodec.WriteWordSizedTail(destination[24..], Reserved, ApplicationReply);
    }
}

/// <summary>
/// The unsuccessful reply data of Forward_Open, Large_Forward_Open and Forward_Close (CIP Vol. 1, table 3-5.20):
/// the connection triad and, for routing errors, the remaining path size.
/// </summary>
/// <param name="ConnectionSerialNumber">Connection serial number.</param>
/// <param name="OriginatorVendorId">Originator vendor id.</param>
/// <param name="OriginatorSerialNumber">Originator serial number.</param>
/// <param name="RemainingPathSize">Remaining path size in words (routing errors only).</param>
/// <param name="Reserved">The reserved octet after the remaining path size.</param>
public readonly record struct ConnectionFailureResponse(ushort ConnectionSerialNumber, ushort OriginatorVendorId, uint OriginatorSerialNumber, byte? RemainingPathSize, byte Reserved = 0) : ICipEncodable
{
    /// <summary>Reads the unsuccessful reply data (8 octets, or 10 with the remaining path size).</summary>
    /// <param name="data">The reply data.</param>
    /// <param name="response">The reply.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out ConnectionFailureResponse response, out ProtocolError error)
    {
        response = default;
        error = default;
        if (data.Length is not (8 or 10))
        {
            error = EnipErrors.Create(EnipError.CipServiceDataInvalid, "connection failure reply is not 8 or 10 octets", 0);
            return false;
        }

        CipCodec.ReadTriad(data, out ushort serial, out ushort vendor, out uint originator);
        response = new ConnectionFailureResponse(
            serial,
            vendor,
            originator,
            data.Length == 10 ? data[8] : null,
            data.Length == 10 ? data[9] : (byte)0);
        return true;
    }

    /// <summary>Octets of the reply data.</summary>
    /// <returns>8 or 10.</returns>
    public int GetEncodedLength() => RemainingPathSize.HasValue ? 10 : 8;

    /// <summary>Writes the reply data.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten) => CipCodec.TryWrite(this, destination, out bytesWritten);

    void ICipEncodable.WriteFields(Span<byte> destination)
    {
        CipCodec.WriteTriad(destination, ConnectionSerialNumber, OriginatorVendorId, OriginatorSerialNumber);
        if (RemainingPathSize is byte remaining)
        {
            destination[8] = remaining;
            destination[9] = Reserved;
        }
    }
}

/// <summary>Forward_Close (0x4E on the Connection Manager) request data (CIP Vol. 1, 3-5.5.3).</summary>
public readonly ref struct ForwardCloseRequest : ICipEncodable
{
    /// <summary>Fixed octets before the connection path.</summary>
    public const int FixedLength = 12;

    /// <summary>Creates a request.</summary>
    /// <param name="priorityTimeTick">Priority/time tick.</param>
    /// <param name="timeoutTicks">Timeout ticks.</param>
    /// <param name="connectionSerialNumber">Connection serial number.</param>
    /// <param name="originatorVendorId">Originator vendor id.</param>
    /// <param name="originatorSerialNumber">Originator serial number.</param>
    /// <param name="connectionPath">Connection path (padded EPATH).</param>
    /// <param name="reserved">The reserved octet after the path size.</param>
    public ForwardCloseRequest(byte priorityTimeTick, byte timeoutTicks, ushort connectionSerialNumber, ushort originatorVendorId, uint originatorSerialNumber, ReadOnlySpan<byte> connectionPath, byte reserved = 0)
    {
        PriorityTimeTick = priorityTimeTick;
        TimeoutTicks = timeoutTicks;
        ConnectionSerialNumber = connectionSerialNumber;
        OriginatorVendorId = originatorVendorId;
        OriginatorSerialNumber = originatorSerialNumber;
        ConnectionPath = connectionPath;
        Reserved = reserved;
    }

    /// <summary>Priority/time tick.</summary>
    public byte PriorityTimeTick { get; }

    /// <summary>Timeout ticks.</summary>
    public byte TimeoutTicks { get; }

    /// <summary>Connection serial number.</summary>
    public ushort ConnectionSerialNumber { get; }

    /// <summary>Originator vendor id.</summary>
    public ushort OriginatorVendorId { get; }

    /// <summary>Originator serial number.</summary>
    public uint OriginatorSerialNumber { get; }

    /// <summary>The connection path.</summary>
    public ReadOnlySpan<byte> ConnectionPath { get; }

    /// <summary>The reserved octet.</summary>
    public byte Reserved { get; }

    /// <summary>Reads Forward_Close request data.</summary>
    /// <param name="data">The request data.</param>
    /// <param name="request">The request.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out ForwardCloseRequest request, out ProtocolError error)
    {
        request = default;
        if (!CipCodec.TryReadWordSizedTail(data, FixedLength, "Forward_Close length does not match its connection path size", out ReadOnlySpan<byte> path, out error)
            || !CipCodec.TryValidatePath(path, FixedLength, out error))
        {
            return false;
        }

        CipCodec.ReadTriad(data[2..], out ushort serial, out ushort vendor, out uint originator);
        request = new ForwardCloseRequest(data[0], data[1], serial, vendor, originator, path, data[11]);
        return true;
    }

    /// <summary>Octets of the request data.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => FixedLength + ConnectionPath.Length;

    /// <summary>Writes the request data.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The path is invalid.</exception>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        if (!CipCodec.IsValidPaddedPath(ConnectionPath))
        {
            throw new ArgumentException("The connection path is a valid padded EPATH of at most 255 words.");
        }

        return CipCodec.TryWrite(this, destination, out bytesWritten);
    }

    void ICipEncodable.WriteFields(Span<byte> destination)
    {
        destination[0] = PriorityTimeTick;
        destination[1] = TimeoutTicks;
        CipCodec.WriteTriad(destination[2..], ConnectionSerialNumber, OriginatorVendorId, OriginatorSerialNumber);
        CipCodec.WriteWordSizedTail(destination[10..], Reserved, ConnectionPath);
    }
}

/// <summary>The successful reply data of Forward_Close (CIP Vol. 1, table 3-5.22).</summary>
public readonly ref struct ForwardCloseResponse : ICipEncodable
{
    /// <summary>Fixed octets before the application reply.</summary>
    public const int FixedLength = 10;

    /// <summary>Creates a reply.</summary>
    /// <param name="connectionSerialNumber">Connection serial number.</param>
    /// <param name="originatorVendorId">Originator vendor id.</param>
    /// <param name="originatorSerialNumber">Originator serial number.</param>
    /// <param name="applicationReply">Application reply (even length).</param>
    /// <param name="reserved">The reserved octet.</param>
    public ForwardCloseResponse(ushort connectionSerialNumber, ushort originatorVendorId, uint originatorSerialNumber, ReadOnlySpan<byte> applicationReply, byte reserved = 0)
    {
        ConnectionSerialNumber = connectionSerialNumber;
        OriginatorVendorId = originatorVendorId;
        OriginatorSerialNumber = originatorSerialNumber;
        ApplicationReply = applicationReply;
        Reserved = reserved;
    }

    /// <summary>Connection serial number.</summary>
    public ushort ConnectionSerialNumber { get; }

    /// <summary>Originator vendor id.</summary>
    public ushort OriginatorVendorId { get; }

    /// <summary>Originator serial number.</summary>
    public uint OriginatorSerialNumber { get; }

    /// <summary>The application reply.</summary>
    public ReadOnlySpan<byte> ApplicationReply { get; }

    /// <summary>The reserved octet.</summary>
    public byte Reserved { get; }

    /// <summary>Reads Forward_Close reply data.</summary>
    /// <param name="data">The reply data.</param>
    /// <param name="response">The reply.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out ForwardCloseResponse response, out ProtocolError error)
    {
        response = default;
        if (!CipCodec.TryReadWordSizedTail(data, FixedLength, "Forward_Close reply length does not match its application reply size", out ReadOnlySpan<byte> reply, out error))
        {
            return false;
        }

        CipCodec.ReadTriad(data, out ushort serial, out ushort vendor, out uint originator);
        response = new ForwardCloseResponse(serial, vendor, originator, reply, data[9]);
        return true;
    }

    /// <summary>Octets of the reply data.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => FixedLength + ApplicationReply.Length;

    /// <summary>Writes the reply data.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The application reply is odd or longer than 510 octets.</exception>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        if (!CipCodec.IsWordSized(ApplicationReply))
        {
            throw new ArgumentException("The application reply is at most 255 words.");
        }

        return CipCodec.TryWrite(this, destination, out bytesWritten);
    }

    void ICipEncodable.WriteFields(Span<byte> destination)
    {
        CipCodec.WriteTriad(destination, ConnectionSerialNumber, OriginatorVendorId, OriginatorSerialNumber);
        CipCodec.WriteWordSizedTail(destination[8..], Reserved, ApplicationReply);
    }
}

/// <summary>
/// Multiple_Service_Packet (0x0A) request or reply data (CIP Vol. 1, A-4.10): the number of services, their offsets
/// (from the start of the data) and the embedded requests or replies.
/// </summary>
public readonly ref struct MultipleServicePacket
{
    private MultipleServicePacket(ReadOnlySpan<byte> data, int count, bool isResponse)
    {
        Data = data;
        Count = count;
        IsResponse = isResponse;
    }

    /// <summary>The encoded data.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Number of embedded services.</summary>
    public int Count { get; }

    /// <summary>True when the embedded messages are replies.</summary>
    public bool IsResponse { get; }

    /// <summary>The embedded message at <paramref name="index"/>.</summary>
    /// <param name="index">0-based, below <see cref="Count"/>.</param>
    /// <returns>The message octets.</returns>
    public ReadOnlySpan<byte> GetService(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        int start = BinaryPrimitives.ReadUInt16LittleEndian(Data[(2 + (index * 2))..]);
        int end = index + 1 < Count ? BinaryPrimitives.ReadUInt16LittleEndian(Data[(2 + ((index + 1) * 2))..]) : Data.Length;
        return Data[start..end];
    }

    /// <summary>Reads Multiple_Service_Packet data; every embedded message is validated as a request or a reply.</summary>
    /// <param name="data">The request or reply data.</param>
    /// <param name="isResponse">True for reply data.</param>
    /// <param name="packet">The packet.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, bool isResponse, out MultipleServicePacket packet, out ProtocolError error)
    {
        packet = default;
        error = default;
        if (data.Length < 2)
        {
            error = EnipErrors.Create(EnipError.CipServiceDataInvalid, "Multiple_Service_Packet has no service count", 0);
            return false;
        }

        int count = BinaryPrimitives.ReadUInt16LittleEndian(data);
        int tableEnd = 2 + (count * 2);
        if (data.Length < tableEnd)
        {
            error = EnipErrors.Create(EnipError.CipServiceDataInvalid, "Multiple_Service_Packet offset table runs past the data", 0);
            return false;
        }

        int previous = tableEnd;
        for (int i = 0; i < count; i++)
        {
            int start = BinaryPrimitives.ReadUInt16LittleEndian(data[(2 + (i * 2))..]);
            int end = i + 1 < count ? BinaryPrimitives.ReadUInt16LittleEndian(data[(2 + ((i + 1) * 2))..]) : data.Length;
            if ((i == 0 && start != tableEnd) || start < previous || end <= start || end > data.Length)
            {
                error = EnipErrors.Create(EnipError.CipServiceDataInvalid, "Multiple_Service_Packet offsets are not increasing within the data", 2 + (i * 2));
                return false;
            }

            ReadOnlySpan<byte> embedded = data[start..end];
            bool valid = isResponse ? CipResponse.TryRead(embedded, out _, out error) : CipRequest.TryRead(embedded, out _, out error);
            if (!valid)
            {
                error = EnipErrors.Shift(error, start);
                return false;
            }

            previous = start;
        }

        if (count == 0 && data.Length != 2)
        {
            error = EnipErrors.Create(EnipError.CipServiceDataInvalid, "Multiple_Service_Packet without services carries data", 2);
            return false;
        }

        packet = new MultipleServicePacket(data, count, isResponse);
        return true;
    }

    /// <summary>Octets of the data for messages of the given lengths.</summary>
    /// <param name="lengths">The length of each embedded message.</param>
    /// <returns>The length.</returns>
    public static int GetEncodedLength(ReadOnlySpan<int> lengths)
    {
        int length = 2 + (lengths.Length * 2);
        foreach (int l in lengths)
        {
            length += l;
        }

        return length;
    }

    /// <summary>Writes Multiple_Service_Packet data.</summary>
    /// <param name="messages">The embedded messages, concatenated.</param>
    /// <param name="lengths">The length of each message in <paramref name="messages"/>.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The lengths do not add up, a message is empty, or an offset exceeds 65535.</exception>
    public static OperationStatus TryWrite(ReadOnlySpan<byte> messages, ReadOnlySpan<int> lengths, Span<byte> destination, out int bytesWritten)
    {
        int total = 0;
        foreach (int l in lengths)
        {
            if (l <= 0)
            {
                throw new ArgumentException("Every embedded message has at least one octet.", nameof(lengths));
            }

            total += l;
        }

        int length = GetEncodedLength(lengths);
        int lastOffset = length - (lengths.IsEmpty ? 0 : lengths[^1]);
        if (total != messages.Length || lengths.Length > ushort.MaxValue || lastOffset > ushort.MaxValue)
        {
            throw new ArgumentException("The lengths must add up to the messages and every offset fit in 16 bits.", nameof(lengths));
        }

        bytesWritten = 0;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)lengths.Length);
        int offset = 2 + (lengths.Length * 2);
        for (int i = 0; i < lengths.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(destination[(2 + (i * 2))..], (ushort)offset);
            offset += lengths[i];
        }

        messages.CopyTo(destination[(2 + (lengths.Length * 2))..]);
        bytesWritten = length;
        return OperationStatus.Done;
    }
}

/// <summary>
/// The reply data of Get_Attributes_All on an Identity object instance (CIP Vol. 1, 5-2.3.1): vendor, device type,
/// product code, revision, status, serial number and product name; later attributes (state, configuration
/// consistency value, heartbeat interval, ...) follow when the device implements them.
/// </summary>
public readonly ref struct IdentityAttributes : ICipEncodable
{
    /// <summary>Creates the reply data.</summary>
    /// <param name="identity">Attributes 1..6.</param>
    /// <param name="productName">Attribute 7, SHORT_STRING (at most 255 octets).</param>
    /// <param name="optionalAttributes">The octets of the later attributes.</param>
    public IdentityAttributes(CipIdentity identity, ReadOnlySpan<byte> productName, ReadOnlySpan<byte> optionalAttributes)
    {
        Identity = identity;
        ProductName = productName;
        OptionalAttributes = optionalAttributes;
    }

    /// <summary>Attributes 1..6.</summary>
    public CipIdentity Identity { get; }

    /// <summary>Attribute 7: the product name octets.</summary>
    public ReadOnlySpan<byte> ProductName { get; }

    /// <summary>The octets of the attributes after the product name.</summary>
    public ReadOnlySpan<byte> OptionalAttributes { get; }

    /// <summary>Attribute 8 (state), when present.</summary>
    public byte? State => OptionalAttributes.IsEmpty ? null : OptionalAttributes[0];

    /// <summary>Reads Get_Attributes_All reply data of the Identity object.</summary>
    /// <param name="data">The reply data.</param>
    /// <param name="attributes">The attributes.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out IdentityAttributes attributes, out ProtocolError error)
    {
        attributes = default;
        error = default;
        if (data.Length < CipIdentity.FixedLength + 1 || data.Length < CipIdentity.FixedLength + 1 + data[CipIdentity.FixedLength])
        {
            error = EnipErrors.Create(EnipError.CipServiceDataInvalid, "Identity attributes are shorter than the required attributes 1..7", Math.Min(data.Length, CipIdentity.FixedLength));
            return false;
        }

        int nameLength = data[CipIdentity.FixedLength];
        attributes = new IdentityAttributes(
            CipIdentity.Read(data),
            data.Slice(CipIdentity.FixedLength + 1, nameLength),
            data[(CipIdentity.FixedLength + 1 + nameLength)..]);
        return true;
    }

    /// <summary>Octets of the reply data.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => CipIdentity.FixedLength + 1 + ProductName.Length + OptionalAttributes.Length;

    /// <summary>Writes the reply data.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The product name is longer than 255 octets.</exception>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        if (ProductName.Length > byte.MaxValue)
        {
            throw new ArgumentException("The product name is a SHORT_STRING of at most 255 octets.");
        }

        return CipCodec.TryWrite(this, destination, out bytesWritten);
    }

    void ICipEncodable.WriteFields(Span<byte> destination)
    {
        Identity.Write(destination);
        destination[CipIdentity.FixedLength] = (byte)ProductName.Length;
        ProductName.CopyTo(destination[(CipIdentity.FixedLength + 1)..]);
        OptionalAttributes.CopyTo(destination[(CipIdentity.FixedLength + 1 + ProductName.Length)..]);
    }
}
