using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.Dnp3;

/// <summary>
/// A view over one DNP3 link layer frame (IEEE 1815-2012 §9.2.4): a 10-octet header (start octets 0x05 0x64,
/// LENGTH, CONTROL, DESTINATION, SOURCE, header CRC) followed by the user data in blocks of at most 16 octets,
/// each followed by its own CRC. Every CRC is checked by <see cref="TryRead(ReadOnlySpan{byte}, out Dnp3LinkFrame, out int, out ProtocolError)"/>.
/// </summary>
public readonly ref struct Dnp3LinkFrame
{
    /// <summary>Size of the link header including its CRC.</summary>
    public const int HeaderLength = 10;

    /// <summary>First start octet.</summary>
    public const byte StartOctet1 = 0x05;

    /// <summary>Second start octet.</summary>
    public const byte StartOctet2 = 0x64;

    /// <summary>Smallest LENGTH value: control, destination and source (§9.2.4.1.2).</summary>
    public const int MinimumLengthField = 5;

    /// <summary>Largest number of user data octets (LENGTH 255 − 5).</summary>
    public const int MaxUserDataLength = 250;

    /// <summary>User data octets per CRC block (§9.2.4.2).</summary>
    public const int BlockSize = 16;

    /// <summary>Largest encoded frame: header, 250 user data octets and 16 block CRCs.</summary>
    public const int MaxEncodedLength = HeaderLength + MaxUserDataLength + (2 * 16);

    private readonly ReadOnlySpan<byte> _frame;

    private Dnp3LinkFrame(ReadOnlySpan<byte> frame, Dnp3LinkHeader header)
    {
        _frame = frame;
        Header = header;
    }

    /// <summary>The header fields.</summary>
    public Dnp3LinkHeader Header { get; }

    /// <summary>The whole encoded frame, CRCs included.</summary>
    public ReadOnlySpan<byte> EncodedBytes => _frame;

    /// <summary>Number of user data octets (CRCs excluded).</summary>
    public int UserDataLength => Header.UserDataLength;

    /// <summary>The first user data octet (the transport header), or null when the frame has no user data.</summary>
    public byte? FirstUserDataOctet => UserDataLength > 0 ? _frame[HeaderLength] : null;

    /// <summary>Copies the user data, without the block CRCs, to <paramref name="destination"/>.</summary>
    /// <param name="destination">At least <see cref="UserDataLength"/> octets.</param>
    /// <returns>The number of octets copied (<see cref="UserDataLength"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="UserDataLength"/>.</exception>
    public int CopyUserData(Span<byte> destination)
    {
        int remaining = UserDataLength;
        if (destination.Length < remaining)
        {
            throw new ArgumentException("The destination is shorter than the frame's user data.", nameof(destination));
        }

        int source = HeaderLength;
        int written = 0;
        while (remaining > 0)
        {
            int chunk = Math.Min(BlockSize, remaining);
            _frame.Slice(source, chunk).CopyTo(destination[written..]);
            source += chunk + 2;
            written += chunk;
            remaining -= chunk;
        }

        return written;
    }

    /// <summary>The encoded size of a frame carrying <paramref name="userDataLength"/> user data octets.</summary>
    /// <param name="userDataLength">0..250.</param>
    /// <returns>Header, user data and one CRC per started 16-octet block.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="userDataLength"/> is outside 0..250.</exception>
    public static int GetEncodedLength(int userDataLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(userDataLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(userDataLength, MaxUserDataLength);
        return HeaderLength + userDataLength + (2 * ((userDataLength + BlockSize - 1) / BlockSize));
    }

    /// <summary>Reads one link frame from the start of <paramref name="source"/>.</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="frame">The frame, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="bytesConsumed">The frame's encoded length, on <see cref="OperationStatus.Done"/>; otherwise 0.</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out Dnp3LinkFrame frame, out int bytesConsumed)
        => TryRead(source, out frame, out bytesConsumed, out _);

    /// <summary>Reads one link frame from the start of <paramref name="source"/>, with the reason on failure.</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="frame">The frame, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="bytesConsumed">The frame's encoded length, on <see cref="OperationStatus.Done"/>; otherwise 0.</param>
    /// <param name="error">Why, on <see cref="OperationStatus.InvalidData"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> (a strict prefix of a valid frame) or <see cref="OperationStatus.InvalidData"/>.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out Dnp3LinkFrame frame, out int bytesConsumed, out ProtocolError error)
    {
        frame = default;
        bytesConsumed = 0;
        OperationStatus status = TryReadHeader(source, out Dnp3LinkHeader header, out error);
        if (status != OperationStatus.Done)
        {
            return status;
        }

        // §9.2.4.2: user data in blocks of 16 octets, each followed by a 2-octet CRC; the last block may be shorter.
        int remaining = header.UserDataLength;
        int offset = HeaderLength;
        while (remaining > 0)
        {
            int chunk = Math.Min(BlockSize, remaining);
            if (source.Length - offset < chunk + 2)
            {
                return OperationStatus.NeedMoreData;
            }

            ushort expected = Dnp3Crc.Compute(source.Slice(offset, chunk));
            if (BinaryPrimitives.ReadUInt16LittleEndian(source.Slice(offset + chunk, 2)) != expected)
            {
                error = Dnp3Errors.Create(Dnp3Error.DataCrcMismatch, offset + chunk);
                return OperationStatus.InvalidData;
            }

            offset += chunk + 2;
            remaining -= chunk;
        }

        frame = new Dnp3LinkFrame(source[..offset], header);
        bytesConsumed = offset;
        return OperationStatus.Done;
    }

    /// <summary>Reads one link frame from the start of a byte sequence (a pipe's buffer).</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="scratch">Where a frame that spans segments is copied (see <see cref="TryRead(in ReadOnlySequence{byte}, Span{byte}, out Dnp3LinkFrame, out int, out ProtocolError)"/>).</param>
    /// <param name="frame">The frame, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="bytesConsumed">The frame's encoded length, on <see cref="OperationStatus.Done"/>; otherwise 0.</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    /// <exception cref="ArgumentException">The frame spans segments and <paramref name="scratch"/> cannot hold it.</exception>
    public static OperationStatus TryRead(scoped in ReadOnlySequence<byte> source, Span<byte> scratch, out Dnp3LinkFrame frame, out int bytesConsumed)
        => TryRead(source, scratch, out frame, out bytesConsumed, out _);

    /// <summary>
    /// Reads one link frame from the start of a byte sequence (a pipe's buffer), with the reason on failure: the result
    /// is the one <see cref="TryRead(ReadOnlySpan{byte}, out Dnp3LinkFrame, out int, out ProtocolError)"/> gives for the
    /// same bytes made contiguous. A frame that lies within the first segment is viewed in place (nothing is copied);
    /// a frame that spans segments is copied into <paramref name="scratch"/> and viewed there.
    /// </summary>
    /// <param name="source">The bytes.</param>
    /// <param name="scratch">
    /// Where a frame that spans segments is copied: at least as long as the frame (or as the bytes of it that are
    /// available); <see cref="MaxEncodedLength"/> octets always suffice. It may be empty when every frame lies within one segment.
    /// </param>
    /// <param name="frame">The frame (a view into <paramref name="source"/>'s first segment or into <paramref name="scratch"/>), on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="bytesConsumed">The frame's encoded length, on <see cref="OperationStatus.Done"/>; otherwise 0.</param>
    /// <param name="error">Why, on <see cref="OperationStatus.InvalidData"/> (offset from the start of <paramref name="source"/>).</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> (a strict prefix of a valid frame) or <see cref="OperationStatus.InvalidData"/>.</returns>
    /// <exception cref="ArgumentException">The frame spans segments and <paramref name="scratch"/> cannot hold it.</exception>
    public static OperationStatus TryRead(scoped in ReadOnlySequence<byte> source, Span<byte> scratch, out Dnp3LinkFrame frame, out int bytesConsumed, out ProtocolError error)
    {
        // Fast path: a frame, or an error, within the first segment. NeedMoreData there only says the frame goes on.
        OperationStatus status = TryRead(source.FirstSpan, out frame, out bytesConsumed, out error);
        if (status != OperationStatus.NeedMoreData || source.IsSingleSegment)
        {
            return status;
        }

        // §9.2.4.1: the header (read across segments) gives the frame's length, at most MaxEncodedLength.
        Span<byte> head = stackalloc byte[HeaderLength];
        int available = (int)Math.Min(source.Length, HeaderLength);
        source.Slice(0, available).CopyTo(head);
        status = TryReadHeader(head[..available], out Dnp3LinkHeader header, out error);
        if (status != OperationStatus.Done)
        {
            return status;
        }

        int length = (int)Math.Min(source.Length, GetEncodedLength(header.UserDataLength));
        return TryRead(Framing.SequenceScratch.Copy(source, length, scratch, MaxEncodedLength), out frame, out bytesConsumed, out error);
    }

    /// <summary>
    /// Reads and checks only the 10-octet header (start octets, LENGTH, header CRC); the user data blocks are not looked at.
    /// A passive reader uses it to delimit a frame whose data CRCs fail.
    /// </summary>
    /// <param name="source">The bytes.</param>
    /// <param name="header">The header, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="error">Why, on <see cref="OperationStatus.InvalidData"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    public static OperationStatus TryReadHeader(ReadOnlySpan<byte> source, out Dnp3LinkHeader header, out ProtocolError error)
    {
        header = default;
        error = default;

        // §9.2.4.1.1: the frame starts with 0x05 0x64.
        if (source.Length < 1)
        {
            return OperationStatus.NeedMoreData;
        }

        if (source[0] != StartOctet1)
        {
            error = Dnp3Errors.Create(Dnp3Error.InvalidStartOctets, 0);
            return OperationStatus.InvalidData;
        }

        if (source.Length < 2)
        {
            return OperationStatus.NeedMoreData;
        }

        if (source[1] != StartOctet2)
        {
            error = Dnp3Errors.Create(Dnp3Error.InvalidStartOctets, 1);
            return OperationStatus.InvalidData;
        }

        if (source.Length < 3)
        {
            return OperationStatus.NeedMoreData;
        }

        // §9.2.4.1.2: LENGTH counts control, destination, source and user data, so it is at least 5.
        if (source[2] < MinimumLengthField)
        {
            error = Dnp3Errors.Create(Dnp3Error.LengthTooSmall, 2);
            return OperationStatus.InvalidData;
        }

        if (source.Length < HeaderLength)
        {
            return OperationStatus.NeedMoreData;
        }

        // §9.2.4.1.6: the CRC over the first 8 octets follows them, low octet first.
        if (BinaryPrimitives.ReadUInt16LittleEndian(source.Slice(8, 2)) != Dnp3Crc.Compute(source[..8]))
        {
            error = Dnp3Errors.Create(Dnp3Error.HeaderCrcMismatch, 8);
            return OperationStatus.InvalidData;
        }

        header = new Dnp3LinkHeader(
            source[2],
            source[3],
            BinaryPrimitives.ReadUInt16LittleEndian(source.Slice(4, 2)),
            BinaryPrimitives.ReadUInt16LittleEndian(source.Slice(6, 2)));
        return OperationStatus.Done;
    }

    /// <summary>Writes a link frame, computing the header CRC and one CRC per 16-octet user data block.</summary>
    /// <param name="control">The CONTROL octet (see <see cref="Dnp3LinkHeader.PrimaryControl"/>).</param>
    /// <param name="destinationAddress">DESTINATION.</param>
    /// <param name="sourceAddress">SOURCE.</param>
    /// <param name="userData">0..250 user data octets (a transport segment).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">The encoded length, on <see cref="OperationStatus.Done"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/> (nothing written).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="userData"/> is longer than 250 octets.</exception>
    public static OperationStatus TryWrite(byte control, ushort destinationAddress, ushort sourceAddress, ReadOnlySpan<byte> userData, Span<byte> destination, out int bytesWritten)
    {
        if (userData.Length > MaxUserDataLength)
        {
            throw new ArgumentOutOfRangeException(nameof(userData), userData.Length, "A link frame carries at most 250 user data octets.");
        }

        bytesWritten = 0;
        int length = GetEncodedLength(userData.Length);
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = StartOctet1;
        destination[1] = StartOctet2;
        destination[2] = (byte)(MinimumLengthField + userData.Length);
        destination[3] = control;
        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(4, 2), destinationAddress);
        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(6, 2), sourceAddress);
        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(8, 2), Dnp3Crc.Compute(destination[..8]));

        int offset = HeaderLength;
        int read = 0;
        while (read < userData.Length)
        {
            int chunk = Math.Min(BlockSize, userData.Length - read);
            ReadOnlySpan<byte> block = userData.Slice(read, chunk);
            block.CopyTo(destination[offset..]);
            BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(offset + chunk, 2), Dnp3Crc.Compute(block));
            offset += chunk + 2;
            read += chunk;
        }

        bytesWritten = offset;
        return OperationStatus.Done;
    }

    /// <summary>Writes a link frame from a header; the header's LENGTH must match <paramref name="userData"/>.</summary>
    /// <param name="header">The header fields.</param>
    /// <param name="userData">The user data.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">The encoded length, on <see cref="OperationStatus.Done"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentException">The header's LENGTH does not equal 5 + <paramref name="userData"/> length.</exception>
    public static OperationStatus TryWrite(in Dnp3LinkHeader header, ReadOnlySpan<byte> userData, Span<byte> destination, out int bytesWritten)
    {
        if (header.Length != MinimumLengthField + userData.Length)
        {
            throw new ArgumentException("The header LENGTH must be 5 plus the user data length.", nameof(header));
        }

        return TryWrite(header.Control, header.DestinationAddress, header.SourceAddress, userData, destination, out bytesWritten);
    }
}
