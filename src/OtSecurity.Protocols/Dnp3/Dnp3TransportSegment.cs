using System.Buffers;

namespace OtSecurity.Protocols.Dnp3;

/// <summary>The one-octet DNP3 transport header (IEEE 1815-2012 §8.2.1): FIN, FIR and a 6-bit sequence number.</summary>
public readonly record struct Dnp3TransportHeader
{
    /// <summary>FIN: the segment is the last of an application fragment.</summary>
    public const byte FinalBit = 0x80;

    /// <summary>FIR: the segment is the first of an application fragment.</summary>
    public const byte FirstBit = 0x40;

    /// <summary>The 6-bit sequence number.</summary>
    public const byte SequenceMask = 0x3F;

    /// <summary>Wraps a transport header octet.</summary>
    /// <param name="value">The octet.</param>
    public Dnp3TransportHeader(byte value) => Value = value;

    /// <summary>Composes a transport header.</summary>
    /// <param name="isFinal">FIN.</param>
    /// <param name="isFirst">FIR.</param>
    /// <param name="sequence">0..63.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is above 63.</exception>
    public Dnp3TransportHeader(bool isFinal, bool isFirst, byte sequence)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, SequenceMask);
        Value = (byte)((isFinal ? FinalBit : 0) | (isFirst ? FirstBit : 0) | sequence);
    }

    /// <summary>The octet.</summary>
    public byte Value { get; }

    /// <summary>FIN: the last segment of an application fragment.</summary>
    public bool IsFinal => (Value & FinalBit) != 0;

    /// <summary>FIR: the first segment of an application fragment.</summary>
    public bool IsFirst => (Value & FirstBit) != 0;

    /// <summary>The sequence number, incremented modulo 64 from segment to segment (§8.2.1.3).</summary>
    public byte Sequence => (byte)(Value & SequenceMask);
}

/// <summary>
/// A DNP3 transport segment (IEEE 1815-2012 §8.2): a transport header followed by a chunk of an application fragment.
/// The segment is the whole user data of one link frame, so it has no length field of its own.
/// </summary>
public readonly ref struct Dnp3TransportSegment
{
    /// <summary>Largest payload of one segment: 250 user data octets minus the transport header.</summary>
    public const int MaxPayloadLength = Dnp3LinkFrame.MaxUserDataLength - 1;

    private Dnp3TransportSegment(Dnp3TransportHeader header, ReadOnlySpan<byte> payload)
    {
        Header = header;
        Payload = payload;
    }

    /// <summary>The transport header.</summary>
    public Dnp3TransportHeader Header { get; }

    /// <summary>The chunk of application data.</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>Reads a segment from the user data of one link frame; it consumes all of <paramref name="userData"/>.</summary>
    /// <param name="userData">The link frame's user data (CRCs removed).</param>
    /// <param name="segment">The segment, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="bytesConsumed">All of <paramref name="userData"/>, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="error">Why, on <see cref="OperationStatus.InvalidData"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/>, or <see cref="OperationStatus.InvalidData"/> for empty user data.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> userData, out Dnp3TransportSegment segment, out int bytesConsumed, out ProtocolError error)
    {
        segment = default;
        bytesConsumed = 0;
        error = default;

        // §8.2.1: every segment starts with the one-octet transport header.
        if (userData.IsEmpty)
        {
            error = Dnp3Errors.Create(Dnp3Error.EmptyTransportSegment, 0);
            return OperationStatus.InvalidData;
        }

        segment = new Dnp3TransportSegment(new Dnp3TransportHeader(userData[0]), userData[1..]);
        bytesConsumed = userData.Length;
        return OperationStatus.Done;
    }

    /// <summary>Reads a segment from the user data of one link frame.</summary>
    /// <param name="userData">The link frame's user data.</param>
    /// <param name="segment">The segment, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="bytesConsumed">All of <paramref name="userData"/>, on <see cref="OperationStatus.Done"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> userData, out Dnp3TransportSegment segment, out int bytesConsumed)
        => TryRead(userData, out segment, out bytesConsumed, out _);

    /// <summary>The encoded length of a segment: the header plus the payload.</summary>
    /// <param name="payloadLength">0..249.</param>
    /// <returns><paramref name="payloadLength"/> + 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="payloadLength"/> is outside 0..249.</exception>
    public static int GetEncodedLength(int payloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadLength, MaxPayloadLength);
        return payloadLength + 1;
    }

    /// <summary>Writes a segment.</summary>
    /// <param name="header">The transport header.</param>
    /// <param name="payload">0..249 octets of application data.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">The encoded length, on <see cref="OperationStatus.Done"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="payload"/> is longer than 249 octets.</exception>
    public static OperationStatus TryWrite(Dnp3TransportHeader header, ReadOnlySpan<byte> payload, Span<byte> destination, out int bytesWritten)
    {
        int length = GetEncodedLength(payload.Length);
        bytesWritten = 0;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = header.Value;
        payload.CopyTo(destination[1..]);
        bytesWritten = length;
        return OperationStatus.Done;
    }
}
