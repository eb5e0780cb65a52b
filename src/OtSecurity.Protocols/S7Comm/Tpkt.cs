using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.S7Comm;

/// <summary>A view over one TPKT packet (RFC 1006 §6): version 3, a reserved byte, a 16-bit length and the TPDU.</summary>
public readonly ref struct TpktFrame
{
    internal TpktFrame(byte reserved, ushort length, ReadOnlySpan<byte> payload)
    {
        Reserved = reserved;
        Length = length;
        Payload = payload;
    }

    /// <summary>The reserved byte (0 in RFC 1006; read as sent).</summary>
    public byte Reserved { get; }

    /// <summary>The packet length including the 4-byte header (7..65535).</summary>
    public ushort Length { get; }

    /// <summary>The TPDU (COTP) carried by the packet.</summary>
    public ReadOnlySpan<byte> Payload { get; }
}

/// <summary>Reads and writes TPKT packets (RFC 1006 "ISO transport service on top of TCP").</summary>
public static class Tpkt
{
    /// <summary>Size of the TPKT header.</summary>
    public const int HeaderLength = 4;

    /// <summary>The only TPKT version (RFC 1006 §6).</summary>
    public const byte Version = 3;

    /// <summary>Smallest packet length: the header plus a 3-byte TPDU (RFC 1006 §6: "minimum 7").</summary>
    public const int MinimumLength = 7;

    /// <summary>Largest packet length (RFC 1006 §6: 16-bit length field).</summary>
    public const int MaximumLength = 65535;

    /// <summary>Reads one TPKT packet from the start of <paramref name="source"/>.</summary>
    /// <param name="source">Bytes received.</param>
    /// <param name="frame">The packet, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="bytesConsumed">The packet length, on <see cref="OperationStatus.Done"/>; otherwise 0.</param>
    /// <returns>Done, NeedMoreData (a strict prefix of a packet) or InvalidData.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out TpktFrame frame, out int bytesConsumed)
        => TryRead(source, out frame, out bytesConsumed, out _);

    /// <summary>Reads one TPKT packet, with the reason on <see cref="OperationStatus.InvalidData"/>.</summary>
    /// <param name="source">Bytes received.</param>
    /// <param name="frame">The packet, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="bytesConsumed">The packet length, on <see cref="OperationStatus.Done"/>; otherwise 0.</param>
    /// <param name="error">Why the input was refused.</param>
    /// <returns>Done, NeedMoreData or InvalidData.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out TpktFrame frame, out int bytesConsumed, out ProtocolError error)
    {
        frame = default;
        bytesConsumed = 0;
        error = default;
        if (source.IsEmpty)
        {
            return OperationStatus.NeedMoreData;
        }

        // RFC 1006 §6: "vrsn 8 bits: This field is always 3".
        if (source[0] != Version)
        {
            error = S7CommErrors.Make(S7CommError.TpktVersion, "TPKT version is not 3 (RFC 1006 §6)", 0);
            return OperationStatus.InvalidData;
        }

        if (source.Length < HeaderLength)
        {
            return OperationStatus.NeedMoreData;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(source.Slice(2));

        // RFC 1006 §6: packet length counts the header; a TPDU is at least 3 octets, so at least 7.
        if (length < MinimumLength)
        {
            error = S7CommErrors.Make(S7CommError.TpktLength, "TPKT length is below 7 (RFC 1006 §6)", 2);
            return OperationStatus.InvalidData;
        }

        if (source.Length < length)
        {
            return OperationStatus.NeedMoreData;
        }

        frame = new TpktFrame(source[1], (ushort)length, source.Slice(HeaderLength, length - HeaderLength));
        bytesConsumed = length;
        return OperationStatus.Done;
    }

    /// <summary>The encoded length of a packet carrying <paramref name="payloadLength"/> bytes.</summary>
    /// <param name="payloadLength">TPDU length (3..65531).</param>
    /// <returns>The packet length.</returns>
    public static int GetEncodedLength(int payloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(payloadLength, MinimumLength - HeaderLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadLength, MaximumLength - HeaderLength);
        return payloadLength + HeaderLength;
    }

    /// <summary>Writes the TPKT header for a TPDU of <paramref name="payloadLength"/> bytes (the caller writes the TPDU after it).</summary>
    /// <param name="payloadLength">TPDU length (3..65531).</param>
    /// <param name="destination">Where to write the 4 header bytes.</param>
    /// <param name="bytesWritten">4 on success.</param>
    /// <returns>Done, or DestinationTooSmall.</returns>
    public static OperationStatus TryWriteHeader(int payloadLength, Span<byte> destination, out int bytesWritten)
    {
        int length = GetEncodedLength(payloadLength);
        bytesWritten = 0;
        if (destination.Length < HeaderLength)
        {
            return OperationStatus.DestinationTooSmall;
        }

        destination[0] = Version;
        destination[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), (ushort)length);
        bytesWritten = HeaderLength;
        return OperationStatus.Done;
    }

    /// <summary>Writes a whole TPKT packet around <paramref name="payload"/>.</summary>
    /// <param name="payload">The TPDU.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">The packet length on success.</param>
    /// <returns>Done, or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(ReadOnlySpan<byte> payload, Span<byte> destination, out int bytesWritten)
    {
        int length = GetEncodedLength(payload.Length);
        bytesWritten = 0;
        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        TryWriteHeader(payload.Length, destination, out _);
        payload.CopyTo(destination.Slice(HeaderLength));
        bytesWritten = length;
        return OperationStatus.Done;
    }
}
