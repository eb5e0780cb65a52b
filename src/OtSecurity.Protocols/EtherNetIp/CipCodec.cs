using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.EtherNetIp;

/// <summary>
/// A CIP (or encapsulation item) layout of known length: the codec states its length and its fields once,
/// <see cref="CipCodec.TryWrite"/> supplies the destination check.
/// </summary>
internal interface ICipEncodable
{
    /// <summary>Octets the value encodes to.</summary>
    /// <returns>The length.</returns>
    int GetEncodedLength();

    /// <summary>Checks the value and writes it (the public writer of the codec).</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Octets written.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    OperationStatus TryWrite(Span<byte> destination, out int bytesWritten);

    /// <summary>Writes the fields into <paramref name="destination"/>, exactly <see cref="GetEncodedLength"/> octets.</summary>
    /// <param name="destination">The octets to fill.</param>
    void WriteFields(Span<byte> destination);
}

/// <summary>The scaffolding and the layouts that several CIP service codecs share.</summary>
internal static class CipCodec
{
    /// <summary>Octets of the connection triad: connection serial number, originator vendor id, originator serial number.</summary>
    public const int TriadLength = 8;

    /// <summary>Writes <paramref name="value"/> when <paramref name="destination"/> is large enough.</summary>
    public static OperationStatus TryWrite<T>(scoped in T value, Span<byte> destination, out int bytesWritten)
        where T : ICipEncodable, allows ref struct
    {
        int length = value.GetEncodedLength();
        if (destination.Length < length)
        {
            bytesWritten = 0;
            return OperationStatus.DestinationTooSmall;
        }

        value.WriteFields(destination[..length]);
        bytesWritten = length;
        return OperationStatus.Done;
    }

    /// <summary>True for a padded EPATH that a 1-word size octet can describe (even, at most 255 words) and that validates.</summary>
    public static bool IsValidPaddedPath(ReadOnlySpan<byte> path) => IsWordSized(path) && CipPath.TryValidate(path, out _);

    /// <summary>True for octets that a 1-word size octet can describe: even and at most 255 words.</summary>
    public static bool IsWordSized(ReadOnlySpan<byte> words) => (words.Length & 1) == 0 && words.Length <= 510;

    /// <summary>Reads the connection triad (CIP Vol. 1, 3-5.5.2: serial number, vendor id, originator serial number).</summary>
    public static void ReadTriad(ReadOnlySpan<byte> source, out ushort connectionSerialNumber, out ushort originatorVendorId, out uint originatorSerialNumber)
    {
        connectionSerialNumber = BinaryPrimitives.ReadUInt16LittleEndian(source);
        originatorVendorId = BinaryPrimitives.ReadUInt16LittleEndian(source[2..]);
        originatorSerialNumber = BinaryPrimitives.ReadUInt32LittleEndian(source[4..]);
    }

    /// <summary>Writes the connection triad.</summary>
    public static void WriteTriad(Span<byte> destination, ushort connectionSerialNumber, ushort originatorVendorId, uint originatorSerialNumber)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, connectionSerialNumber);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], originatorVendorId);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], originatorSerialNumber);
    }

    /// <summary>
    /// Reads a layout of <paramref name="fixedLength"/> octets that ends with a size in words and a reserved octet, then
    /// that many words to the end of the data (the Forward_Open and Forward_Close replies, Forward_Close).
    /// </summary>
    public static bool TryReadWordSizedTail(ReadOnlySpan<byte> data, int fixedLength, string reason, out ReadOnlySpan<byte> tail, out ProtocolError error)
    {
        int sizeOffset = fixedLength - 2;
        if (data.Length < fixedLength || data.Length != fixedLength + (data[sizeOffset] * 2))
        {
            tail = default;
            error = EnipErrors.Create(EnipError.CipServiceDataInvalid, reason, Math.Min(data.Length, sizeOffset));
            return false;
        }

        tail = data[fixedLength..];
        error = default;
        return true;
    }

    /// <summary>Writes the size in words and the reserved octet that end a fixed layout, then the words.</summary>
    public static void WriteWordSizedTail(Span<byte> fixedEnd, byte reserved, ReadOnlySpan<byte> tail)
    {
        fixedEnd[0] = (byte)(tail.Length / 2);
        fixedEnd[1] = reserved;
        tail.CopyTo(fixedEnd[2..]);
    }

    /// <summary>Checks a padded EPATH that starts at <paramref name="offset"/> of the enclosing data; error offsets relative to that data.</summary>
    public static bool TryValidatePath(ReadOnlySpan<byte> path, int offset, out ProtocolError error)
    {
        if (CipPath.TryValidate(path, out error))
        {
            return true;
        }

        error = EnipErrors.Shift(error, offset);
        return false;
    }
}
