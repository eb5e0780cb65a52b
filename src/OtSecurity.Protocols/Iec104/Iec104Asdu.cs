using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.Iec104;

/// <summary>
/// The data unit identifier of an ASDU as IEC 60870-5-104 fixes it (§9): type identification, variable structure
/// qualifier (SQ and number of objects), cause of transmission with its test (T) and negative (P/N) bits,
/// originator address, and a 2-octet common address.
/// </summary>
public readonly record struct Iec104AsduHeader
{
    /// <summary>SQ bit of the variable structure qualifier.</summary>
    public const byte SequenceBit = 0x80;

    /// <summary>T bit of the cause of transmission.</summary>
    public const byte TestBit = 0x80;

    /// <summary>P/N bit of the cause of transmission.</summary>
    public const byte NegativeBit = 0x40;

    /// <summary>Creates a data unit identifier.</summary>
    /// <param name="typeId">Type identification.</param>
    /// <param name="isSequence">SQ: one address followed by a sequence of elements.</param>
    /// <param name="objectCount">Number of objects or elements, 0..127.</param>
    /// <param name="cause">Cause of transmission, 1..63.</param>
    /// <param name="isNegative">P/N: negative confirmation.</param>
    /// <param name="isTest">T: test.</param>
    /// <param name="originatorAddress">Originator address.</param>
    /// <param name="commonAddress">Common address of ASDU.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="objectCount"/> or <paramref name="cause"/> is out of range.</exception>
    public Iec104AsduHeader(Iec104TypeId typeId, bool isSequence, byte objectCount, Iec104Cause cause, bool isNegative, bool isTest, byte originatorAddress, ushort commonAddress)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(objectCount, (byte)0x7F);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((byte)cause, (byte)0x3F, nameof(cause));
        TypeId = typeId;
        IsSequence = isSequence;
        ObjectCount = objectCount;
        Cause = cause;
        IsNegative = isNegative;
        IsTest = isTest;
        OriginatorAddress = originatorAddress;
        CommonAddress = commonAddress;
    }

    /// <summary>Type identification.</summary>
    public Iec104TypeId TypeId { get; }

    /// <summary>SQ: true when one information object address is followed by <see cref="ObjectCount"/> elements at consecutive addresses.</summary>
    public bool IsSequence { get; }

    /// <summary>Number of information objects (SQ = 0) or elements (SQ = 1).</summary>
    public byte ObjectCount { get; }

    /// <summary>Cause of transmission (6 bits).</summary>
    public Iec104Cause Cause { get; }

    /// <summary>P/N: negative confirmation of an activation.</summary>
    public bool IsNegative { get; }

    /// <summary>T: the ASDU was generated for test.</summary>
    public bool IsTest { get; }

    /// <summary>Originator address (0 when not used).</summary>
    public byte OriginatorAddress { get; }

    /// <summary>Common address of ASDU (station address; 0xFFFF is the global address).</summary>
    public ushort CommonAddress { get; }

    /// <summary>The variable structure qualifier octet.</summary>
    public byte VariableStructureQualifier => (byte)((IsSequence ? SequenceBit : 0) | ObjectCount);

    /// <summary>The cause of transmission octet, with T and P/N.</summary>
    public byte CauseOctet => (byte)((IsTest ? TestBit : 0) | (IsNegative ? NegativeBit : 0) | (byte)Cause);
}

/// <summary>
/// A view over one ASDU in the IEC 60870-5-104 layout (IEC 60870-5-104 §9; IEC 60870-5-101 §7): the 6-octet data unit
/// identifier followed by information objects with 3-octet addresses.
/// </summary>
public readonly ref struct Iec104Asdu
{
    /// <summary>Size of the data unit identifier: type, VSQ, COT, originator, 2-octet common address.</summary>
    public const int HeaderLength = 6;

    /// <summary>Size of an information object address.</summary>
    public const int AddressLength = 3;

    /// <summary>Largest ASDU in an APDU (253 − 4 control octets).</summary>
    public const int MaxLength = 249;

    private Iec104Asdu(Iec104AsduHeader header, ReadOnlySpan<byte> objects, int elementSize)
    {
        Header = header;
        InformationObjectBytes = objects;
        ElementSize = elementSize;
    }

    /// <summary>The data unit identifier.</summary>
    public Iec104AsduHeader Header { get; }

    /// <summary>The information objects, undecoded.</summary>
    public ReadOnlySpan<byte> InformationObjectBytes { get; }

    /// <summary>Octets per information element, or −1 when the type's elements have no fixed size (then the objects are not enumerated).</summary>
    public int ElementSize { get; }

    /// <summary>Enumerates the information objects (nothing when <see cref="ElementSize"/> is −1).</summary>
    /// <returns>The enumerator.</returns>
    public Iec104InformationObjectEnumerator GetEnumerator() => new(Header, InformationObjectBytes, ElementSize);

    /// <summary>The encoded length of an ASDU with <paramref name="informationObjectLength"/> octets of information objects.</summary>
    /// <param name="informationObjectLength">Octets after the data unit identifier.</param>
    /// <returns>The length.</returns>
    public static int GetEncodedLength(int informationObjectLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(informationObjectLength);
        return HeaderLength + informationObjectLength;
    }

    /// <summary>
    /// The length the information objects must have for a type, SQ and count, or −1 when the type's elements have no fixed size.
    /// </summary>
    /// <param name="typeId">The type.</param>
    /// <param name="isSequence">SQ.</param>
    /// <param name="objectCount">Number of objects or elements.</param>
    /// <returns>Octets, or −1.</returns>
    public static int GetInformationObjectLength(byte typeId, bool isSequence, int objectCount)
    {
        int size = Iec104TypeIds.ElementSize(typeId);
        if (size < 0)
        {
            return -1;
        }

        // IEC 60870-5-101 §7.2.2: SQ = 0, each object has its address; SQ = 1, one address then the elements.
        return objectCount == 0 ? 0 : isSequence ? AddressLength + (objectCount * size) : objectCount * (AddressLength + size);
    }

    /// <summary>Reads and validates an ASDU; it consumes all of <paramref name="source"/> (the APDU delimits it).</summary>
    /// <param name="source">The ASDU octets.</param>
    /// <param name="asdu">The ASDU, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="bytesConsumed">All of <paramref name="source"/>, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="error">Why, on <see cref="OperationStatus.InvalidData"/>; offsets are relative to the ASDU.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out Iec104Asdu asdu, out int bytesConsumed, out ProtocolError error)
    {
        asdu = default;
        bytesConsumed = 0;
        error = default;

        // IEC 60870-5-104 §9: type (1), VSQ (1), COT (1), originator (1), common address (2).
        if (source.Length < HeaderLength)
        {
            error = Iec104Errors.Create(Iec104Error.AsduTooShort, source.Length);
            return OperationStatus.InvalidData;
        }

        // IEC 60870-5-101 §7.2.1.1: type 0 is not used.
        if (source[0] == 0)
        {
            error = Iec104Errors.Create(Iec104Error.InvalidTypeId, 0);
            return OperationStatus.InvalidData;
        }

        // IEC 60870-5-101 §7.2.3: cause 0 is not used.
        if ((source[2] & 0x3F) == 0)
        {
            error = Iec104Errors.Create(Iec104Error.InvalidCause, 2);
            return OperationStatus.InvalidData;
        }

        var header = new Iec104AsduHeader(
            (Iec104TypeId)source[0],
            (source[1] & Iec104AsduHeader.SequenceBit) != 0,
            (byte)(source[1] & 0x7F),
            (Iec104Cause)(source[2] & 0x3F),
            (source[2] & Iec104AsduHeader.NegativeBit) != 0,
            (source[2] & Iec104AsduHeader.TestBit) != 0,
            source[3],
            BinaryPrimitives.ReadUInt16LittleEndian(source.Slice(4, 2)));
        ReadOnlySpan<byte> objects = source[HeaderLength..];
        int expected = GetInformationObjectLength(source[0], header.IsSequence, header.ObjectCount);
        if (expected < 0 && source[0] == (byte)Iec104TypeId.F_SG_NA_1)
        {
            expected = SegmentLength(objects, header);
        }

        if (expected != -1 && expected != objects.Length)
        {
            error = Iec104Errors.Create(Iec104Error.AsduLengthMismatch, HeaderLength);
            return OperationStatus.InvalidData;
        }

        asdu = new Iec104Asdu(header, objects, Iec104TypeIds.ElementSize(source[0]));
        bytesConsumed = source.Length;
        return OperationStatus.Done;
    }

    /// <summary>Reads and validates an ASDU.</summary>
    /// <param name="source">The ASDU octets.</param>
    /// <param name="asdu">The ASDU, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="bytesConsumed">All of <paramref name="source"/>, on <see cref="OperationStatus.Done"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out Iec104Asdu asdu, out int bytesConsumed)
        => TryRead(source, out asdu, out bytesConsumed, out _);

    /// <summary>Writes an ASDU: the data unit identifier and the information objects as given.</summary>
    /// <param name="header">The data unit identifier.</param>
    /// <param name="informationObjects">Encoded information objects (addresses and elements, see <see cref="Iec104InformationObject.WriteAddress"/>).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">The encoded length, on <see cref="OperationStatus.Done"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The ASDU would exceed 249 octets, or the objects do not match the type, SQ and count.</exception>
    public static OperationStatus TryWrite(in Iec104AsduHeader header, ReadOnlySpan<byte> informationObjects, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        int length = HeaderLength + informationObjects.Length;
        if (length > MaxLength)
        {
            throw new ArgumentException("An ASDU carries at most 249 octets.", nameof(informationObjects));
        }

        int expected = GetInformationObjectLength((byte)header.TypeId, header.IsSequence, header.ObjectCount);
        if (expected >= 0 && expected != informationObjects.Length)
        {
            throw new ArgumentException("The information objects do not match the type, SQ and number of objects.", nameof(informationObjects));
        }

        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)header.TypeId;
        destination[1] = header.VariableStructureQualifier;
        destination[2] = header.CauseOctet;
        destination[3] = header.OriginatorAddress;
        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(4, 2), header.CommonAddress);
        informationObjects.CopyTo(destination[HeaderLength..]);
        bytesWritten = length;
        return OperationStatus.Done;
    }

    private static int SegmentLength(ReadOnlySpan<byte> objects, Iec104AsduHeader header)
    {
        // F_SG_NA_1 (IEC 60870-5-101 §7.3.6.9): address, NOF (2), NOS (1), LOS (1), then LOS octets of segment.
        if (header.IsSequence || header.ObjectCount != 1 || objects.Length < AddressLength + 4)
        {
            return header.ObjectCount == 0 ? 0 : -2;
        }

        return AddressLength + 4 + objects[AddressLength + 3];
    }
}

/// <summary>One information object: its address and its element octets.</summary>
public readonly ref partial struct Iec104InformationObject
{
    internal Iec104InformationObject(Iec104TypeId typeId, uint address, ReadOnlySpan<byte> element)
    {
        TypeId = typeId;
        Address = address;
        Element = element;
    }

    /// <summary>The ASDU's type.</summary>
    public Iec104TypeId TypeId { get; }

    /// <summary>The information object address (24 bits).</summary>
    public uint Address { get; }

    /// <summary>The information element octets (without the address).</summary>
    public ReadOnlySpan<byte> Element { get; }

    /// <summary>Writes a 3-octet information object address.</summary>
    /// <param name="address">0..16777215.</param>
    /// <param name="destination">At least 3 octets.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="address"/> does not fit 24 bits.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 3 octets.</exception>
    public static void WriteAddress(uint address, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(address, 0xFFFFFFu);
        if (destination.Length < Iec104Asdu.AddressLength)
        {
            throw new ArgumentException("An information object address needs 3 octets.", nameof(destination));
        }

        destination[0] = (byte)address;
        destination[1] = (byte)(address >> 8);
        destination[2] = (byte)(address >> 16);
    }
}

/// <summary>Enumerates the information objects of an ASDU, resolving SQ = 1 sequences into consecutive addresses.</summary>
public ref struct Iec104InformationObjectEnumerator
{
    private readonly Iec104AsduHeader _header;
    private readonly ReadOnlySpan<byte> _objects;
    private readonly int _elementSize;
    private int _index;
    private int _offset;
    private uint _baseAddress;

    internal Iec104InformationObjectEnumerator(Iec104AsduHeader header, ReadOnlySpan<byte> objects, int elementSize)
    {
        _header = header;
        _objects = objects;
        _elementSize = elementSize;
        _index = -1;
        _offset = 0;
        _baseAddress = 0;
        Current = default;
    }

    /// <summary>The current object.</summary>
    public Iec104InformationObject Current { get; private set; }

    /// <summary>Moves to the next object.</summary>
    /// <returns>False after the last.</returns>
    public bool MoveNext()
    {
        if (_elementSize < 0 || _index + 1 >= _header.ObjectCount)
        {
            return false;
        }

        _index++;
        uint address;
        if (!_header.IsSequence || _index == 0)
        {
            address = (uint)(_objects[_offset] | (_objects[_offset + 1] << 8) | (_objects[_offset + 2] << 16));
            _offset += Iec104Asdu.AddressLength;
            _baseAddress = address;
        }
        else
        {
            address = (_baseAddress + (uint)_index) & 0xFFFFFF;
        }

        Current = new Iec104InformationObject(_header.TypeId, address, _objects.Slice(_offset, _elementSize));
        _offset += _elementSize;
        return true;
    }
}
