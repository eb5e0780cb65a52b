using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace OtSecurity.Protocols.EtherNetIp;

/// <summary>A sockaddr_in as EtherNet/IP carries it: all fields big-endian (CIP Vol. 2, 2-6.3.2).</summary>
/// <param name="Family">sin_family (2 for AF_INET).</param>
/// <param name="Port">sin_port.</param>
/// <param name="Address">sin_addr, big-endian (192.168.0.1 is 0xC0A80001).</param>
/// <param name="Zero">sin_zero, 8 octets that should be 0, kept as read.</param>
public readonly record struct CipSocketAddress(short Family, ushort Port, uint Address, ulong Zero)
{
    /// <summary>Encoded size.</summary>
    public const int EncodedLength = 16;

    /// <summary>Reads 16 octets.</summary>
    /// <param name="source">At least 16 octets.</param>
    /// <returns>The address.</returns>
    public static CipSocketAddress Read(ReadOnlySpan<byte> source) => new(
        BinaryPrimitives.ReadInt16BigEndian(source),
        BinaryPrimitives.ReadUInt16BigEndian(source[2..]),
        BinaryPrimitives.ReadUInt32BigEndian(source[4..]),
        BinaryPrimitives.ReadUInt64BigEndian(source[8..]));

    /// <summary>Writes 16 octets.</summary>
    /// <param name="destination">At least 16 octets.</param>
    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteInt16BigEndian(destination, Family);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Port);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Address);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], Zero);
    }

    /// <summary>Formats as <c>192.168.0.1:44818</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Address >> 24}.{(Address >> 16) & 0xFF}.{(Address >> 8) & 0xFF}.{Address & 0xFF}:{Port}");
}

/// <summary>
/// The identity fields shared by the ListIdentity item (Vol. 2, table 2-4.4) and the Identity object's
/// Get_Attributes_All reply (Vol. 1, 5-2): vendor, device type, product code, revision, status, serial, product name.
/// </summary>
/// <param name="VendorId">Vendor id (see <see cref="CipVendors"/>).</param>
/// <param name="DeviceType">Device type (profile).</param>
/// <param name="ProductCode">Product code.</param>
/// <param name="MajorRevision">Major revision.</param>
/// <param name="MinorRevision">Minor revision.</param>
/// <param name="Status">Status word.</param>
/// <param name="SerialNumber">Serial number.</param>
public readonly record struct CipIdentity(ushort VendorId, CipDeviceType DeviceType, ushort ProductCode, byte MajorRevision, byte MinorRevision, ushort Status, uint SerialNumber)
{
    /// <summary>Octets of the fixed fields (vendor through serial).</summary>
    public const int FixedLength = 14;

    /// <summary>The vendor's name from the ODVA list, or <see langword="null"/>.</summary>
    public string? VendorName => CipVendors.GetName(VendorId);

    /// <summary>The revision as <c>major.minor</c>.</summary>
    public string Revision => string.Create(CultureInfo.InvariantCulture, $"{MajorRevision}.{MinorRevision}");

    internal static CipIdentity Read(ReadOnlySpan<byte> source) => new(
        BinaryPrimitives.ReadUInt16LittleEndian(source),
        (CipDeviceType)BinaryPrimitives.ReadUInt16LittleEndian(source[2..]),
        BinaryPrimitives.ReadUInt16LittleEndian(source[4..]),
        source[6],
        source[7],
        BinaryPrimitives.ReadUInt16LittleEndian(source[8..]),
        BinaryPrimitives.ReadUInt32LittleEndian(source[10..]));

    internal void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, VendorId);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], (ushort)DeviceType);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[4..], ProductCode);
        destination[6] = MajorRevision;
        destination[7] = MinorRevision;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[8..], Status);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[10..], SerialNumber);
    }
}

/// <summary>
/// The CIP Identity item of a ListIdentity reply (CIP Vol. 2, table 2-4.4): encapsulation version, socket address,
/// identity, product name (SHORT_STRING) and state.
/// </summary>
public readonly ref struct ListIdentityItem : ICipEncodable
{
    /// <summary>Octets of the item with an empty product name.</summary>
    public const int MinimumLength = 2 + CipSocketAddress.EncodedLength + CipIdentity.FixedLength + 1 + 1;

    /// <summary>Creates an item.</summary>
    /// <param name="encapsulationVersion">Encapsulation protocol version (1).</param>
    /// <param name="socketAddress">The device's socket address.</param>
    /// <param name="identity">Identity fields.</param>
    /// <param name="productName">Product name (ASCII, at most 255 octets).</param>
    /// <param name="state">Device state.</param>
    public ListIdentityItem(ushort encapsulationVersion, CipSocketAddress socketAddress, CipIdentity identity, ReadOnlySpan<byte> productName, byte state)
    {
        EncapsulationVersion = encapsulationVersion;
        SocketAddress = socketAddress;
        Identity = identity;
        ProductName = productName;
        State = state;
    }

    /// <summary>Encapsulation protocol version.</summary>
    public ushort EncapsulationVersion { get; }

    /// <summary>Socket address.</summary>
    public CipSocketAddress SocketAddress { get; }

    /// <summary>Vendor, device type, product code, revision, status, serial.</summary>
    public CipIdentity Identity { get; }

    /// <summary>The product name octets.</summary>
    public ReadOnlySpan<byte> ProductName { get; }

    /// <summary>The product name as text (allocates; ISO 8859-1).</summary>
    public string ProductNameText => Encoding.Latin1.GetString(ProductName);

    /// <summary>Device state.</summary>
    public byte State { get; }

    /// <summary>Reads the data of a ListIdentity item (type 0x0C).</summary>
    /// <param name="data">The item data.</param>
    /// <param name="item">The item.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out ListIdentityItem item, out ProtocolError error)
    {
        item = default;
        error = default;
        const int NameOffset = 2 + CipSocketAddress.EncodedLength + CipIdentity.FixedLength;
        if (data.Length < MinimumLength)
        {
            error = EnipErrors.Create(EnipError.IdentityItemInvalid, "ListIdentity item is shorter than its fixed fields", data.Length);
            return false;
        }

        int nameLength = data[NameOffset];
        if (data.Length != NameOffset + 1 + nameLength + 1)
        {
            error = EnipErrors.Create(EnipError.IdentityItemInvalid, "ListIdentity item length does not match its product name length", NameOffset);
            return false;
        }

        item = new ListIdentityItem(
            BinaryPrimitives.ReadUInt16LittleEndian(data),
            CipSocketAddress.Read(data[2..]),
            CipIdentity.Read(data[(2 + CipSocketAddress.EncodedLength)..]),
            data.Slice(NameOffset + 1, nameLength),
            data[^1]);
        return true;
    }

    /// <summary>Octets of the item data.</summary>
    /// <returns>The length.</returns>
    public int GetEncodedLength() => MinimumLength + ProductName.Length;

    /// <summary>Writes the item data.</summary>
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
        BinaryPrimitives.WriteUInt16LittleEndian(destination, EncapsulationVersion);
        SocketAddress.Write(destination[2..]);
        Identity.Write(destination[(2 + CipSocketAddress.EncodedLength)..]);
        int offset = 2 + CipSocketAddress.EncodedLength + CipIdentity.FixedLength;
        destination[offset] = (byte)ProductName.Length;
        ProductName.CopyTo(destination[(offset + 1)..]);
        destination[^1] = State;
    }
}

/// <summary>The item of a ListServices reply (CIP Vol. 2, table 2-4.6): version, capability flags and a 16-octet name.</summary>
public readonly ref struct ListServicesItem : ICipEncodable
{
    /// <summary>Octets of the item data.</summary>
    public const int EncodedLength = 20;

    /// <summary>Capability flag: supports CIP encapsulation over TCP.</summary>
    public const ushort CipTcpFlag = 0x0020;

    /// <summary>Capability flag: supports CIP class 0/1 transport over UDP.</summary>
    public const ushort CipUdpClass01Flag = 0x0100;

    /// <summary>Creates an item.</summary>
    /// <param name="version">Protocol version (1).</param>
    /// <param name="capabilityFlags">Capability flags.</param>
    /// <param name="name">16 octets, NUL-padded ASCII (for example "Communications").</param>
    public ListServicesItem(ushort version, ushort capabilityFlags, ReadOnlySpan<byte> name)
    {
        Version = version;
        CapabilityFlags = capabilityFlags;
        Name = name;
    }

    /// <summary>Protocol version.</summary>
    public ushort Version { get; }

    /// <summary>Capability flags.</summary>
    public ushort CapabilityFlags { get; }

    /// <summary>The 16 name octets.</summary>
    public ReadOnlySpan<byte> Name { get; }

    /// <summary>Reads the data of a ListServices item (type 0x100).</summary>
    /// <param name="data">The item data.</param>
    /// <param name="item">The item.</param>
    /// <param name="error">Why it is invalid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out ListServicesItem item, out ProtocolError error)
    {
        item = default;
        error = default;
        if (data.Length != EncodedLength)
        {
            error = EnipErrors.Create(EnipError.ServicesItemInvalid, "ListServices item is not 20 octets", 0);
            return false;
        }

        item = new ListServicesItem(BinaryPrimitives.ReadUInt16LittleEndian(data), BinaryPrimitives.ReadUInt16LittleEndian(data[2..]), data[4..]);
        return true;
    }

    /// <summary>Writes the item data.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written (20).</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The name is not 16 octets.</exception>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        if (Name.Length != 16)
        {
            throw new ArgumentException("The service name is 16 octets.");
        }

        return CipCodec.TryWrite(this, destination, out bytesWritten);
    }

    /// <summary>Octets of the item data.</summary>
    /// <returns>20.</returns>
    public int GetEncodedLength() => EncodedLength;

    void ICipEncodable.WriteFields(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, Version);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], CapabilityFlags);
        Name.CopyTo(destination[4..]);
    }
}
