using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.EtherNetIp;

/// <summary>EPATH segment types, bits 7..5 of a segment's first octet (CIP Vol. 1, C-1.1).</summary>
public enum CipSegmentType : byte
{
    /// <summary>Port segment (routing).</summary>
    Port = 0,

    /// <summary>Logical segment (class, instance, member, connection point, attribute, key, service).</summary>
    Logical = 1,

    /// <summary>Network segment (schedule, fixed tag, production inhibit time, safety).</summary>
    Network = 2,

    /// <summary>Symbolic segment.</summary>
    Symbolic = 3,

    /// <summary>Data segment (simple data, ANSI extended symbol).</summary>
    Data = 4,

    /// <summary>Data type, constructed.</summary>
    DataTypeConstructed = 5,

    /// <summary>Data type, elementary.</summary>
    DataTypeElementary = 6,

    /// <summary>Reserved.</summary>
    Reserved = 7,
}

/// <summary>Logical segment types, bits 4..2 of a logical segment (CIP Vol. 1, C-1.4.2).</summary>
public enum CipLogicalType : byte
{
    /// <summary>Class id.</summary>
    ClassId = 0,

    /// <summary>Instance id.</summary>
    InstanceId = 1,

    /// <summary>Member id.</summary>
    MemberId = 2,

    /// <summary>Connection point.</summary>
    ConnectionPoint = 3,

    /// <summary>Attribute id.</summary>
    AttributeId = 4,

    /// <summary>Special (electronic key).</summary>
    Special = 5,

    /// <summary>Service id.</summary>
    ServiceId = 6,

    /// <summary>Reserved.</summary>
    Reserved = 7,
}

/// <summary>One segment of a padded EPATH.</summary>
public readonly ref struct CipPathSegment
{
    internal CipPathSegment(byte first, uint value, ushort port, ReadOnlySpan<byte> data, int encodedLength)
    {
        FirstOctet = first;
        Value = value;
        Port = port;
        Data = data;
        EncodedLength = encodedLength;
    }

    /// <summary>The segment's first octet.</summary>
    public byte FirstOctet { get; }

    /// <summary>The segment type.</summary>
    public CipSegmentType Type => (CipSegmentType)(FirstOctet >> 5);

    /// <summary>Logical segments: the logical type.</summary>
    public CipLogicalType LogicalType => (CipLogicalType)((FirstOctet >> 2) & 0x07);

    /// <summary>Logical segments: the value (class, instance, attribute, member, connection point, service id); numeric symbols: the number.</summary>
    public uint Value { get; }

    /// <summary>Port segments: the port identifier (extended ids included).</summary>
    public ushort Port { get; }

    /// <summary>Port segments: the link address. Symbolic and ANSI extended symbol segments: the symbol. Data and network segments: the data. Electronic keys: the 8 key octets.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Octets of the segment, pad included.</summary>
    public int EncodedLength { get; }

    /// <summary>True for an ANSI extended symbol (data segment 0x91) or a symbolic segment with ASCII characters.</summary>
    public bool IsSymbol => FirstOctet == CipPath.AnsiExtendedSymbol || (Type == CipSegmentType.Symbolic && (FirstOctet & 0x1F) != 0);
}

/// <summary>Reads the segments of a padded EPATH one by one.</summary>
public ref struct CipPathReader
{
    private readonly ReadOnlySpan<byte> _path;
    private int _position;

    /// <summary>Creates a reader.</summary>
    /// <param name="path">The padded EPATH.</param>
    public CipPathReader(ReadOnlySpan<byte> path)
    {
        _path = path;
        _position = 0;
        Error = default;
    }

    /// <summary>True when every segment has been read.</summary>
    public readonly bool End => _position >= _path.Length;

    /// <summary>Octets read so far.</summary>
    public readonly int Position => _position;

    /// <summary>The reason of the last failure.</summary>
    public ProtocolError Error { get; private set; }

    /// <summary>Reads the next segment.</summary>
    /// <param name="segment">The segment.</param>
    /// <returns>False at the end or on an invalid segment (see <see cref="Error"/>).</returns>
    public bool TryRead(out CipPathSegment segment)
    {
        segment = default;
        ReadOnlySpan<byte> rest = _path[_position..];
        if (rest.IsEmpty)
        {
            Error = EnipErrors.Create(EnipError.CipPathSegmentInvalid, "EPATH ends where a segment is required", _position);
            return false;
        }

        byte first = rest[0];
        int length;
        uint value = 0;
        ushort port = 0;
        ReadOnlySpan<byte> data = [];
        switch ((CipSegmentType)(first >> 5))
        {
            case CipSegmentType.Port:
            {
                // C-1.4.1: [segment][link address size if bit 4][extended port if id 15][link address][pad].
                bool extendedLink = (first & 0x10) != 0;
                int offset = 1;
                int linkLength = 1;
                if (extendedLink)
                {
                    if (rest.Length < 2)
                    {
                        return Fail("port segment ends before its link address size");
                    }

                    linkLength = rest[1];
                    offset = 2;
                }

                port = (ushort)(first & 0x0F);
                if (port == 0x0F)
                {
                    if (rest.Length < offset + 2)
                    {
                        return Fail("port segment ends inside its extended port identifier");
                    }

                    port = BinaryPrimitives.ReadUInt16LittleEndian(rest[offset..]);
                    offset += 2;
                }

                if (rest.Length < offset + linkLength)
                {
                    return Fail("port segment ends inside its link address");
                }

                data = rest.Slice(offset, linkLength);
                length = offset + linkLength;
                length += length & 1;
                break;
            }

            case CipSegmentType.Logical:
            {
                var logical = (CipLogicalType)((first >> 2) & 0x07);
                int format = first & 0x03;
                if (logical == CipLogicalType.Special)
                {
                    // C-1.4.2.2: electronic key, key format 4, 8 octets of key data.
                    if (format != 0 || rest.Length < 10 || rest[1] != 4)
                    {
                        return Fail("special logical segment is not a format-4 electronic key");
                    }

                    data = rest.Slice(2, 8);
                    length = 10;
                    break;
                }

                if (logical == CipLogicalType.Reserved || format == 3 || (logical == CipLogicalType.ServiceId && format != 0))
                {
                    return Fail("logical segment type or format is reserved");
                }

                // Padded EPATH: 8-bit values follow directly; 16- and 32-bit values follow a pad octet.
                length = format switch { 0 => 2, 1 => 4, _ => 6 };
                if (rest.Length < length)
                {
                    return Fail("logical segment ends inside its value");
                }

                value = format switch
                {
                    0 => rest[1],
                    1 => BinaryPrimitives.ReadUInt16LittleEndian(rest[2..]),
                    _ => BinaryPrimitives.ReadUInt32LittleEndian(rest[2..]),
                };
                break;
            }

            case CipSegmentType.Network:
            {
                // C-1.4.3: subtypes 0x00..0x0F carry one data octet; 0x10..0x1F a word count and that many words.
                if (rest.Length < 2)
                {
                    return Fail("network segment ends before its data");
                }

                if ((first & 0x10) == 0)
                {
                    data = rest.Slice(1, 1);
                    length = 2;
                }
                else
                {
                    int words = rest[1];
                    length = 2 + (words * 2);
                    if (rest.Length < length)
                    {
                        return Fail("network segment ends inside its data");
                    }

                    data = rest.Slice(2, words * 2);
                }

                break;
            }

            case CipSegmentType.Symbolic:
            {
                int size = first & 0x1F;
                if (size != 0)
                {
                    // C-1.4.4: ASCII symbol of 1..31 characters, padded to an even length.
                    length = 1 + size;
                    if (rest.Length < length)
                    {
                        return Fail("symbolic segment ends inside its symbol");
                    }

                    data = rest.Slice(1, size);
                    length += length & 1;
                    break;
                }

                if (rest.Length < 2)
                {
                    return Fail("extended symbolic segment ends before its format");
                }

                int format = rest[1] >> 5;
                int count = rest[1] & 0x1F;
                int dataLength = format switch
                {
                    1 => count * 2,
                    2 => count * 3,
                    6 when count == 6 => 1,
                    6 when count == 7 => 2,
                    6 when count == 8 => 4,
                    _ => -1,
                };
                if (dataLength < 0)
                {
                    return Fail("extended symbolic segment format is reserved");
                }

                length = 2 + dataLength;
                if (rest.Length < length)
                {
                    return Fail("extended symbolic segment ends inside its symbol");
                }

                data = rest.Slice(2, dataLength);
                if (format == 6)
                {
                    value = dataLength switch
                    {
                        1 => data[0],
                        2 => BinaryPrimitives.ReadUInt16LittleEndian(data),
                        _ => BinaryPrimitives.ReadUInt32LittleEndian(data),
                    };
                }

                length += length & 1;
                break;
            }

            case CipSegmentType.Data:
            {
                if (rest.Length < 2)
                {
                    return Fail("data segment ends before its length");
                }

                if (first == CipPath.SimpleData)
                {
                    // C-1.4.5: simple data segment, word count then words.
                    length = 2 + (rest[1] * 2);
                    if (rest.Length < length)
                    {
                        return Fail("simple data segment ends inside its data");
                    }

                    data = rest[2..length];
                    break;
                }

                if (first == CipPath.AnsiExtendedSymbol)
                {
                    // C-1.4.5: ANSI extended symbol, octet count then characters, padded to an even length.
                    int size = rest[1];
                    length = 2 + size;
                    if (rest.Length < length)
                    {
                        return Fail("ANSI extended symbol ends inside its symbol");
                    }

                    data = rest.Slice(2, size);
                    length += length & 1;
                    break;
                }

                return Fail("data segment subtype is reserved");
            }

            default:
                return Fail("segment type is not valid in a padded request or connection path");
        }

        if (rest.Length < length)
        {
            return Fail("segment pad octet is missing");
        }

        segment = new CipPathSegment(first, value, port, data, length);
        _position += length;
        return true;
    }

    private bool Fail(string reason)
    {
        Error = EnipErrors.Create(EnipError.CipPathSegmentInvalid, reason, _position);
        return false;
    }
}

/// <summary>The addressing a request path resolves to: its logical segments and symbol.</summary>
public readonly ref struct CipPathTarget
{
    internal CipPathTarget(uint? classId, uint? instanceId, uint? attributeId, uint? memberId, uint? connectionPoint, ReadOnlySpan<byte> symbol, bool hasPort)
    {
        ClassId = classId;
        InstanceId = instanceId;
        AttributeId = attributeId;
        MemberId = memberId;
        ConnectionPoint = connectionPoint;
        Symbol = symbol;
        HasPortSegment = hasPort;
    }

    /// <summary>The (first) class id.</summary>
    public uint? ClassId { get; }

    /// <summary>The (first) instance id.</summary>
    public uint? InstanceId { get; }

    /// <summary>The (first) attribute id.</summary>
    public uint? AttributeId { get; }

    /// <summary>The (first) member id.</summary>
    public uint? MemberId { get; }

    /// <summary>The (first) connection point.</summary>
    public uint? ConnectionPoint { get; }

    /// <summary>The first symbol (ANSI extended or symbolic segment), or empty.</summary>
    public ReadOnlySpan<byte> Symbol { get; }

    /// <summary>True when the path addresses a tag by name.</summary>
    public bool IsSymbolic => !Symbol.IsEmpty;

    /// <summary>True when the path holds a port segment (routing).</summary>
    public bool HasPortSegment { get; }
}

/// <summary>Validates and summarises padded EPATHs (CIP Vol. 1, appendix C).</summary>
public static class CipPath
{
    /// <summary>First octet of a simple data segment.</summary>
    public const byte SimpleData = 0x80;

    /// <summary>First octet of an ANSI extended symbol segment.</summary>
    public const byte AnsiExtendedSymbol = 0x91;

    /// <summary>Checks every segment of <paramref name="path"/>.</summary>
    /// <param name="path">The padded EPATH.</param>
    /// <param name="error">Why it is invalid (offset relative to the path).</param>
    /// <returns>True when valid.</returns>
    public static bool TryValidate(ReadOnlySpan<byte> path, out ProtocolError error)
    {
        var reader = new CipPathReader(path);
        while (!reader.End)
        {
            if (!reader.TryRead(out _))
            {
                error = reader.Error;
                return false;
            }
        }

        error = default;
        return true;
    }

    /// <summary>Summarises the logical segments and the first symbol of a valid path.</summary>
    /// <param name="path">The padded EPATH.</param>
    /// <param name="target">The summary.</param>
    /// <returns>False when the path is invalid.</returns>
    public static bool TryGetTarget(ReadOnlySpan<byte> path, out CipPathTarget target)
    {
        target = default;
        uint? classId = null, instanceId = null, attributeId = null, memberId = null, connectionPoint = null;
        ReadOnlySpan<byte> symbol = [];
        bool hasPort = false;
        var reader = new CipPathReader(path);
        while (!reader.End)
        {
            if (!reader.TryRead(out CipPathSegment segment))
            {
                return false;
            }

            if (segment.Type == CipSegmentType.Port)
            {
                hasPort = true;
            }
            else if (segment.Type == CipSegmentType.Logical)
            {
                switch (segment.LogicalType)
                {
                    case CipLogicalType.ClassId: classId ??= segment.Value; break;
                    case CipLogicalType.InstanceId: instanceId ??= segment.Value; break;
                    case CipLogicalType.AttributeId: attributeId ??= segment.Value; break;
                    case CipLogicalType.MemberId: memberId ??= segment.Value; break;
                    case CipLogicalType.ConnectionPoint: connectionPoint ??= segment.Value; break;
                }
            }
            else if (segment.IsSymbol && symbol.IsEmpty)
            {
                symbol = segment.Data;
            }
        }

        target = new CipPathTarget(classId, instanceId, attributeId, memberId, connectionPoint, symbol, hasPort);
        return true;
    }
}

/// <summary>Builds a padded EPATH, segment by segment, choosing the smallest logical format for each value.</summary>
public ref struct CipPathBuilder
{
    private readonly Span<byte> _destination;
    private int _position;
    private bool _overflowed;

    /// <summary>Creates a builder.</summary>
    /// <param name="destination">Where to write.</param>
    public CipPathBuilder(Span<byte> destination)
    {
        _destination = destination;
        _position = 0;
        _overflowed = false;
    }

    /// <summary>Octets written.</summary>
    public readonly int Length => _position;

    /// <summary>Adds a class id segment.</summary>
    /// <param name="classId">The class.</param>
    public void AddClass(uint classId) => AddLogical(CipLogicalType.ClassId, classId);

    /// <summary>Adds an instance id segment.</summary>
    /// <param name="instanceId">The instance.</param>
    public void AddInstance(uint instanceId) => AddLogical(CipLogicalType.InstanceId, instanceId);

    /// <summary>Adds an attribute id segment.</summary>
    /// <param name="attributeId">The attribute.</param>
    public void AddAttribute(uint attributeId) => AddLogical(CipLogicalType.AttributeId, attributeId);

    /// <summary>Adds a member id segment.</summary>
    /// <param name="memberId">The member.</param>
    public void AddMember(uint memberId) => AddLogical(CipLogicalType.MemberId, memberId);

    /// <summary>Adds a connection point segment.</summary>
    /// <param name="connectionPoint">The connection point.</param>
    public void AddConnectionPoint(uint connectionPoint) => AddLogical(CipLogicalType.ConnectionPoint, connectionPoint);

    /// <summary>Adds a logical segment in the smallest format that holds <paramref name="value"/>.</summary>
    /// <param name="type">The logical type (not Special, Service or Reserved).</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentException">The type is not a plain numeric logical type.</exception>
    public void AddLogical(CipLogicalType type, uint value)
    {
        if (type is CipLogicalType.Special or CipLogicalType.ServiceId or CipLogicalType.Reserved)
        {
            throw new ArgumentException("Use a class, instance, member, connection point or attribute segment.", nameof(type));
        }

        byte baseOctet = (byte)(0x20 | ((byte)type << 2));
        if (value <= byte.MaxValue)
        {
            Span<byte> segment = [baseOctet, (byte)value];
            Append(segment);
        }
        else if (value <= ushort.MaxValue)
        {
            Span<byte> segment = [(byte)(baseOctet | 1), 0, 0, 0];
            BinaryPrimitives.WriteUInt16LittleEndian(segment[2..], (ushort)value);
            Append(segment);
        }
        else
        {
            Span<byte> segment = [(byte)(baseOctet | 2), 0, 0, 0, 0, 0];
            BinaryPrimitives.WriteUInt32LittleEndian(segment[2..], value);
            Append(segment);
        }
    }

    /// <summary>Adds a port segment.</summary>
    /// <param name="port">Port identifier (1 backplane, 2 network; 15 and above use the extended form).</param>
    /// <param name="linkAddress">Link address (slot, or an IP address as ASCII).</param>
    /// <exception cref="ArgumentException">The port is 0 or the link address is empty or longer than 255 octets.</exception>
    public void AddPort(ushort port, scoped ReadOnlySpan<byte> linkAddress)
    {
        if (port == 0 || linkAddress.IsEmpty || linkAddress.Length > byte.MaxValue)
        {
            throw new ArgumentException("Port 1..65535 with a link address of 1..255 octets.", nameof(linkAddress));
        }

        bool extendedLink = linkAddress.Length > 1;
        bool extendedPort = port >= 0x0F;
        byte first = (byte)((extendedLink ? 0x10 : 0) | (extendedPort ? 0x0F : port));
        Append([first]);
        if (extendedLink)
        {
            Append([(byte)linkAddress.Length]);
        }

        if (extendedPort)
        {
            Append([(byte)port, (byte)(port >> 8)]);
        }

        Append(linkAddress);
        int segmentLength = 1 + (extendedLink ? 1 : 0) + (extendedPort ? 2 : 0) + linkAddress.Length;
        if ((segmentLength & 1) != 0)
        {
            Append([0]);
        }
    }

    /// <summary>Adds an ANSI extended symbol segment (0x91): a tag name.</summary>
    /// <param name="symbol">ASCII characters, 1..255.</param>
    /// <exception cref="ArgumentException">The symbol is empty or longer than 255 octets.</exception>
    public void AddAnsiSymbol(scoped ReadOnlySpan<byte> symbol)
    {
        if (symbol.IsEmpty || symbol.Length > byte.MaxValue)
        {
            throw new ArgumentException("An ANSI extended symbol is 1..255 octets.", nameof(symbol));
        }

        Append([CipPath.AnsiExtendedSymbol, (byte)symbol.Length]);
        Append(symbol);
        if ((symbol.Length & 1) != 0)
        {
            Append([0]);
        }
    }

    /// <summary>Adds a symbolic segment (0x61..0x7F): 1..31 ASCII characters.</summary>
    /// <param name="symbol">The characters.</param>
    /// <exception cref="ArgumentException">The symbol is empty or longer than 31 octets.</exception>
    public void AddSymbolic(scoped ReadOnlySpan<byte> symbol)
    {
        if (symbol.IsEmpty || symbol.Length > 31)
        {
            throw new ArgumentException("A symbolic segment is 1..31 octets.", nameof(symbol));
        }

        Append([(byte)(0x60 | symbol.Length)]);
        Append(symbol);
        if (((1 + symbol.Length) & 1) != 0)
        {
            Append([0]);
        }
    }

    /// <summary>Adds an electronic key segment (0x34, key format 4).</summary>
    /// <param name="vendorId">Vendor id.</param>
    /// <param name="deviceType">Device type.</param>
    /// <param name="productCode">Product code.</param>
    /// <param name="majorRevision">Major revision (bit 7: compatibility).</param>
    /// <param name="minorRevision">Minor revision.</param>
    public void AddElectronicKey(ushort vendorId, ushort deviceType, ushort productCode, byte majorRevision, byte minorRevision)
    {
        Span<byte> segment = stackalloc byte[10];
        segment[0] = 0x34;
        segment[1] = 4;
        BinaryPrimitives.WriteUInt16LittleEndian(segment[2..], vendorId);
        BinaryPrimitives.WriteUInt16LittleEndian(segment[4..], deviceType);
        BinaryPrimitives.WriteUInt16LittleEndian(segment[6..], productCode);
        segment[8] = majorRevision;
        segment[9] = minorRevision;
        Append(segment);
    }

    /// <summary>Adds a simple data segment (0x80): a word count and the words.</summary>
    /// <param name="data">An even number of octets, at most 510.</param>
    /// <exception cref="ArgumentException">Odd or too long.</exception>
    public void AddSimpleData(scoped ReadOnlySpan<byte> data)
    {
        if ((data.Length & 1) != 0 || data.Length > 510)
        {
            throw new ArgumentException("Simple data is an even number of octets, at most 255 words.", nameof(data));
        }

        Append([CipPath.SimpleData, (byte)(data.Length / 2)]);
        Append(data);
    }

    /// <summary>Finishes the path.</summary>
    /// <param name="bytesWritten">Octets written (always even), 0 on overflow.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    public readonly OperationStatus Complete(out int bytesWritten)
    {
        bytesWritten = _overflowed ? 0 : _position;
        return _overflowed ? OperationStatus.DestinationTooSmall : OperationStatus.Done;
    }

    private void Append(scoped ReadOnlySpan<byte> octets)
    {
        if (!_overflowed && _destination.Length - _position >= octets.Length)
        {
            octets.CopyTo(_destination[_position..]);
        }
        else
        {
            _overflowed = true;
        }

        _position += octets.Length;
    }
}
