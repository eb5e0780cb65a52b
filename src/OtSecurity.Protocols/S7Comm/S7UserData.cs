using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace OtSecurity.Protocols.S7Comm;

/// <summary>
/// The parameter part of a userdata PDU: head (00 01 12), length, method (0x11 request, 0x12 response), type and
/// function group, subfunction, sequence number and, in the 12-octet form, data unit reference, last-data-unit
/// flag and error code.
/// </summary>
/// <param name="Head">The three head octets as a 24-bit value (0x000112 in every known PDU).</param>
/// <param name="Method">0x11 request, 0x12 response.</param>
/// <param name="Type">Request, response or push.</param>
/// <param name="Group">Function group.</param>
/// <param name="Subfunction">Subfunction within the group.</param>
/// <param name="SequenceNumber">Sequence number.</param>
/// <param name="HasResponseFields">True for the 12-octet form.</param>
/// <param name="DataUnitReference">Data unit reference (pairs fragments).</param>
/// <param name="IsLastDataUnit">False when more fragments follow.</param>
/// <param name="ErrorCode">Error code of the 12-octet form.</param>
public readonly record struct S7UserDataParameter(
    int Head,
    byte Method,
    S7UserDataType Type,
    S7UserDataGroup Group,
    byte Subfunction,
    byte SequenceNumber,
    bool HasResponseFields,
    byte DataUnitReference,
    bool IsLastDataUnit,
    ushort ErrorCode)
{
    /// <summary>The head every userdata parameter starts with.</summary>
    public const int DefaultHead = 0x000112;

    /// <summary>Encoded length: 8, or 12 with the response fields.</summary>
    public int EncodedLength => HasResponseFields ? 12 : 8;

    /// <summary>Reads a userdata parameter part.</summary>
    /// <param name="parameter">The parameter part.</param>
    /// <param name="value">The parameter.</param>
    /// <returns>False when shorter than 8 octets, or shorter than its own length byte says.</returns>
    public static bool TryRead(ReadOnlySpan<byte> parameter, out S7UserDataParameter value)
    {
        value = default;
        if (parameter.Length < 8 || parameter.Length < 4 + parameter[3])
        {
            return false;
        }

        bool response = parameter[3] >= 8;
        value = new S7UserDataParameter(
            (parameter[0] << 16) | (parameter[1] << 8) | parameter[2],
            parameter[4],
            (S7UserDataType)(parameter[5] >> 4),
            (S7UserDataGroup)(parameter[5] & 0x0F),
            parameter[6],
            parameter[7],
            response,
            response ? parameter[8] : (byte)0,
            !response || parameter[9] == 0,
            response ? BinaryPrimitives.ReadUInt16BigEndian(parameter.Slice(10)) : (ushort)0);
        return true;
    }

    /// <summary>Writes the parameter part.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">8 or 12 on success.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < EncodedLength)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = (byte)(Head >> 16);
        destination[1] = (byte)(Head >> 8);
        destination[2] = (byte)Head;
        destination[3] = (byte)(EncodedLength - 4);
        destination[4] = Method;
        destination[5] = (byte)(((byte)Type << 4) | ((byte)Group & 0x0F));
        destination[6] = Subfunction;
        destination[7] = SequenceNumber;
        if (HasResponseFields)
        {
            destination[8] = DataUnitReference;
            destination[9] = IsLastDataUnit ? (byte)0 : (byte)1;
            BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(10), ErrorCode);
        }

        bytesWritten = EncodedLength;
        return OperationStatus.Done;
    }
}

/// <summary>The data part of a userdata PDU: return code, transport size, length and payload.</summary>
public readonly ref struct S7UserDataData
{
    private S7UserDataData(byte returnCode, byte transportSize, ReadOnlySpan<byte> payload)
    {
        ReturnCodeValue = returnCode;
        TransportSizeValue = transportSize;
        Payload = payload;
    }

    /// <summary>Return code byte (0xFF success, 0x0A object does not exist, …).</summary>
    public byte ReturnCodeValue { get; }

    /// <summary>Return code.</summary>
    public S7ReturnCode ReturnCode => (S7ReturnCode)ReturnCodeValue;

    /// <summary>Transport size byte (0x09 octet string for SZL).</summary>
    public byte TransportSizeValue { get; }

    /// <summary>The payload the length field announces.</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>Reads the data part.</summary>
    /// <param name="data">The data part.</param>
    /// <param name="value">The data.</param>
    /// <returns>False when shorter than 4 octets or than its length field.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out S7UserDataData value)
    {
        value = default;
        if (data.Length < 4)
        {
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(2));
        if (data.Length - 4 < length)
        {
            return false;
        }

        value = new S7UserDataData(data[0], data[1], data.Slice(4, length));
        return true;
    }

    /// <summary>Writes a data part.</summary>
    /// <param name="returnCode">Return code.</param>
    /// <param name="transportSize">Transport size.</param>
    /// <param name="payload">Payload.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">4 + payload length.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(byte returnCode, byte transportSize, ReadOnlySpan<byte> payload, Span<byte> destination, out int bytesWritten)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payload.Length, ushort.MaxValue);
        bytesWritten = 0;
        if (destination.Length < 4 + payload.Length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = returnCode;
        destination[1] = transportSize;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), (ushort)payload.Length);
        payload.CopyTo(destination.Slice(4));
        bytesWritten = 4 + payload.Length;
        return OperationStatus.Done;
    }
}

/// <summary>The SZL (system status list) id and index of a read-SZL request or of the first fragment of its response.</summary>
/// <param name="SzlId">SZL id (module class, extract number, list number).</param>
/// <param name="Index">Index of the partial list.</param>
public readonly record struct S7SzlRequest(ushort SzlId, ushort Index)
{
    /// <summary>The list number (low byte of the id): 0x11 for module identification whatever the extract.</summary>
    public int ListNumber => SzlId & 0xFF;

    /// <summary>Reads the id and index.</summary>
    /// <param name="payload">The userdata payload.</param>
    /// <param name="value">Id and index.</param>
    /// <returns>False when shorter than 4 octets.</returns>
    public static bool TryRead(ReadOnlySpan<byte> payload, out S7SzlRequest value)
    {
        value = default;
        if (payload.Length < 4)
        {
            return false;
        }

        value = new S7SzlRequest(BinaryPrimitives.ReadUInt16BigEndian(payload), BinaryPrimitives.ReadUInt16BigEndian(payload.Slice(2)));
        return true;
    }

    /// <summary>Writes the id and index (4 octets).</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">4 on success.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < 4)
        {
            return OperationStatus.DestinationTooSmall;
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, SzlId);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), Index);
        bytesWritten = 4;
        return OperationStatus.Done;
    }
}

/// <summary>The first fragment of a read-SZL response: id, index, item length, item count and the items.</summary>
public readonly ref struct S7SzlResponse
{
    private S7SzlResponse(S7SzlRequest id, ushort itemLength, ushort itemCount, ReadOnlySpan<byte> items)
    {
        Id = id;
        ItemLength = itemLength;
        ItemCount = itemCount;
        Items = items;
    }

    /// <summary>SZL id and index.</summary>
    public S7SzlRequest Id { get; }

    /// <summary>Length of one item.</summary>
    public ushort ItemLength { get; }

    /// <summary>Number of items in the whole list (later fragments may carry some).</summary>
    public ushort ItemCount { get; }

    /// <summary>The item bytes present in this fragment.</summary>
    public ReadOnlySpan<byte> Items { get; }

    /// <summary>Reads the header of a read-SZL response payload.</summary>
    /// <param name="payload">Userdata payload.</param>
    /// <param name="value">The response.</param>
    /// <returns>False when shorter than 8 octets.</returns>
    public static bool TryRead(ReadOnlySpan<byte> payload, out S7SzlResponse value)
    {
        value = default;
        if (payload.Length < 8)
        {
            return false;
        }

        value = new S7SzlResponse(
            new S7SzlRequest(BinaryPrimitives.ReadUInt16BigEndian(payload), BinaryPrimitives.ReadUInt16BigEndian(payload.Slice(2))),
            BinaryPrimitives.ReadUInt16BigEndian(payload.Slice(4)),
            BinaryPrimitives.ReadUInt16BigEndian(payload.Slice(6)),
            payload.Slice(8));
        return true;
    }

    /// <summary>Writes a read-SZL response payload header and items.</summary>
    /// <param name="id">Id and index.</param>
    /// <param name="itemLength">Item length.</param>
    /// <param name="itemCount">Item count.</param>
    /// <param name="items">Item bytes.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">8 + items length.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(S7SzlRequest id, ushort itemLength, ushort itemCount, ReadOnlySpan<byte> items, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < 8 + items.Length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        id.TryWrite(destination, out _);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(4), itemLength);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(6), itemCount);
        items.CopyTo(destination.Slice(8));
        bytesWritten = 8 + items.Length;
        return OperationStatus.Done;
    }
}

/// <summary>What SZL 0x0011 (module identification) and 0x001C (component identification) reveal about a CPU.</summary>
public sealed record S7Identity
{
    /// <summary>Order number (MLFB) of the module, "6ES7 315-2EH14-0AB0".</summary>
    public string? OrderNumber { get; init; }

    /// <summary>Hardware revision (SZL 0x0011 index 1 or 6).</summary>
    public string? HardwareVersion { get; init; }

    /// <summary>Firmware version (SZL 0x0011 index 7), "V3.2.6".</summary>
    public string? FirmwareVersion { get; init; }

    /// <summary>Name of the automation system (SZL 0x001C index 1).</summary>
    public string? PlcName { get; init; }

    /// <summary>Name of the module (index 2).</summary>
    public string? ModuleName { get; init; }

    /// <summary>Plant designation (index 3).</summary>
    public string? PlantId { get; init; }

    /// <summary>Copyright (index 4).</summary>
    public string? Copyright { get; init; }

    /// <summary>Serial number (index 5).</summary>
    public string? SerialNumber { get; init; }

    /// <summary>Module type name (index 7).</summary>
    public string? ModuleTypeName { get; init; }

    /// <summary>Serial number of the memory card (index 8).</summary>
    public string? MemoryCardSerialNumber { get; init; }

    /// <summary>
    /// Reads identity from the items of an SZL response with list number 0x11 or 0x1C. Allocates the strings: this
    /// runs once per identity response, not per frame.
    /// </summary>
    /// <param name="response">The first SZL response fragment.</param>
    /// <returns>The identity, or null when the list is neither or holds nothing readable.</returns>
    public static S7Identity? TryRead(in S7SzlResponse response)
    {
        int list = response.Id.ListNumber;
        int itemLength = response.ItemLength;
        if ((list != 0x11 && list != 0x1C) || itemLength < 4)
        {
            return null;
        }

        ReadOnlySpan<byte> items = response.Items;
        var identity = new S7Identity();
        bool any = false;
        for (int i = 0; i + itemLength <= items.Length && i / itemLength < response.ItemCount; i += itemLength)
        {
            ReadOnlySpan<byte> item = items.Slice(i, itemLength);
            ushort index = BinaryPrimitives.ReadUInt16BigEndian(item);
            if (list == 0x11)
            {
                // SZL 0x0011 item: index (2), MLFB (20), BGTyp (2), Ausbg (2), Ausbg1 (2).
                if (itemLength < 28)
                {
                    return null;
                }

                string mlfb = Text(item.Slice(2, 20));
                byte ausbg0 = item[24], ausbg1 = item[25];
                byte ausbe0 = item[26], ausbe1 = item[27];
                switch (index)
                {
                    case 0x0001:
                        identity = identity with { OrderNumber = mlfb.Length > 0 ? mlfb : identity.OrderNumber, HardwareVersion = identity.HardwareVersion ?? ((ausbe0 << 8) | ausbe1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
                        any = true;
                        break;
                    case 0x0006:
                        identity = identity with { OrderNumber = identity.OrderNumber ?? (mlfb.Length > 0 ? mlfb : null), HardwareVersion = ((ausbe0 << 8) | ausbe1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
                        any = true;
                        break;
                    case 0x0007 when ausbg0 == (byte)'V':
                        identity = identity with { FirmwareVersion = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"V{ausbg1}.{ausbe0}.{ausbe1}") };
                        any = true;
                        break;
                    default:
                        break;
                }
            }
            else
            {
                string text = Text(item.Slice(2));
                if (text.Length == 0)
                {
                    continue;
                }

                any = true;
                identity = index switch
                {
                    1 => identity with { PlcName = text },
                    2 => identity with { ModuleName = text },
                    3 => identity with { PlantId = text },
                    4 => identity with { Copyright = text },
                    5 => identity with { SerialNumber = text },
                    7 => identity with { ModuleTypeName = text },
                    8 => identity with { MemoryCardSerialNumber = text },
                    _ => identity,
                };
            }
        }

        return any ? identity : null;
    }

    private static string Text(ReadOnlySpan<byte> raw)
    {
        int end = raw.IndexOf((byte)0);
        if (end >= 0)
        {
            raw = raw.Slice(0, end);
        }

        foreach (byte b in raw)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return string.Empty;
            }
        }

        return Encoding.ASCII.GetString(raw).Trim();
    }
}
