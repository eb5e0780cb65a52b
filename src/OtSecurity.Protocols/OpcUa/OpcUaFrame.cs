using System.Buffers;
using System.Buffers.Binary;

namespace OtSecurity.Protocols.OpcUa;

/// <summary>
/// A view over one UA TCP message chunk (OPC 10000-6 §7.1.2.2): three octets of message type, the chunk type,
/// a 32-bit little-endian message size that counts the 8-octet header, and the body.
/// </summary>
public readonly ref struct OpcUaFrame
{
    /// <summary>Header length.</summary>
    public const int HeaderLength = 8;

    /// <summary>
    /// Default upper bound of a chunk when nothing was negotiated: 16 MiB (2^24). OPC 10000-6 §7.1.2.3 lets each side
    /// announce its ReceiveBufferSize in Hello/Acknowledge, and a chunk never exceeds it; the dissector passes the
    /// negotiated value once it has seen them.
    /// </summary>
    public const int DefaultMaxMessageSize = 1 << 24;

    /// <summary>Smallest receive/send buffer a peer may announce (OPC 10000-6 §7.1.2.3: "at least 8 192 bytes").</summary>
    public const int MinimumBufferSize = 8192;

    /// <summary>Longest EndpointUrl, ServerUri or Error reason (OPC 10000-6 §7.1.2.3–§7.1.2.6: "less than 4 096 bytes").</summary>
    public const int MaxUrlLength = 4095;

    internal OpcUaFrame(OpcUaMessageType messageType, byte chunkType, uint messageSize, ReadOnlySpan<byte> body)
    {
        MessageType = messageType;
        ChunkTypeValue = chunkType;
        MessageSize = messageSize;
        Body = body;
    }

    /// <summary>The message type.</summary>
    public OpcUaMessageType MessageType { get; }

    /// <summary>The chunk type octet.</summary>
    public byte ChunkTypeValue { get; }

    /// <summary>The chunk type.</summary>
    public OpcUaChunkType ChunkType => (OpcUaChunkType)ChunkTypeValue;

    /// <summary>The message size, header included.</summary>
    public uint MessageSize { get; }

    /// <summary>The bytes after the 8-octet header.</summary>
    public ReadOnlySpan<byte> Body { get; }

    /// <summary>The three-letter message type ("HEL", "MSG", …), a constant string.</summary>
    public string MessageTypeText => TypeText(MessageType);

    /// <summary>The three-letter text of a message type (a constant string; empty for None).</summary>
    /// <param name="type">The type.</param>
    /// <returns>"HEL", "ACK", "ERR", "RHE", "OPN", "MSG" or "CLO".</returns>
    public static string TypeText(OpcUaMessageType type) => type switch
    {
        OpcUaMessageType.Hello => "HEL",
        OpcUaMessageType.Acknowledge => "ACK",
        OpcUaMessageType.Error => "ERR",
        OpcUaMessageType.ReverseHello => "RHE",
        OpcUaMessageType.OpenSecureChannel => "OPN",
        OpcUaMessageType.Message => "MSG",
        OpcUaMessageType.CloseSecureChannel => "CLO",
        _ => string.Empty,
    };

    /// <summary>Decodes the three message-type octets.</summary>
    /// <param name="source">At least 3 octets.</param>
    /// <returns>The type, or None.</returns>
    public static OpcUaMessageType ParseType(ReadOnlySpan<byte> source)
    {
        if (source.Length < 3)
        {
            return OpcUaMessageType.None;
        }

        var type = (OpcUaMessageType)((source[0] << 16) | (source[1] << 8) | source[2]);
        return type is OpcUaMessageType.Hello or OpcUaMessageType.Acknowledge or OpcUaMessageType.Error or OpcUaMessageType.ReverseHello
            or OpcUaMessageType.OpenSecureChannel or OpcUaMessageType.Message or OpcUaMessageType.CloseSecureChannel
            ? type
            : OpcUaMessageType.None;
    }

    private static bool IsTypePrefix(ReadOnlySpan<byte> prefix)
    {
        ReadOnlySpan<byte> typeOctets = "HELACKERRRHEOPNMSGCLO"u8;
        for (int t = 0; t < typeOctets.Length; t += 3)
        {
            if (prefix.SequenceEqual(typeOctets.Slice(t, prefix.Length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The smallest message size of a type: header plus the fixed fields of its body.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Octets.</returns>
    public static int MinimumSize(OpcUaMessageType type) => type switch
    {
        OpcUaMessageType.Hello => HeaderLength + 24, // §7.1.2.3: 5 UInt32 + EndpointUrl length
        OpcUaMessageType.Acknowledge => HeaderLength + 20, // §7.1.2.4: 5 UInt32
        OpcUaMessageType.Error => HeaderLength + 8, // §7.1.2.5: Error + Reason length
        OpcUaMessageType.ReverseHello => HeaderLength + 8, // §7.1.2.6: two String lengths
        OpcUaMessageType.OpenSecureChannel => HeaderLength + 4 + 12 + 8, // §6.7.2.3: channel id, 3 ByteString lengths, sequence header
        _ => HeaderLength + 8 + 8, // §6.7.2.2: channel id, token id, sequence header
    };

    /// <summary>Reads one chunk, bounded by the default 16 MiB.</summary>
    /// <param name="source">Bytes received.</param>
    /// <param name="frame">The chunk, on Done.</param>
    /// <param name="bytesConsumed">The message size, on Done.</param>
    /// <returns>Done, NeedMoreData or InvalidData.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out OpcUaFrame frame, out int bytesConsumed)
        => TryRead(source, DefaultMaxMessageSize, out frame, out bytesConsumed, out _);

    /// <summary>Reads one chunk, with the reason on InvalidData.</summary>
    /// <param name="source">Bytes received.</param>
    /// <param name="frame">The chunk, on Done.</param>
    /// <param name="bytesConsumed">The message size, on Done.</param>
    /// <param name="error">The reason.</param>
    /// <returns>Done, NeedMoreData or InvalidData.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out OpcUaFrame frame, out int bytesConsumed, out ProtocolError error)
        => TryRead(source, DefaultMaxMessageSize, out frame, out bytesConsumed, out error);

    /// <summary>Reads one chunk no larger than <paramref name="maxMessageSize"/> (the negotiated buffer size).</summary>
    /// <param name="source">Bytes received.</param>
    /// <param name="maxMessageSize">Largest chunk accepted.</param>
    /// <param name="frame">The chunk, on Done.</param>
    /// <param name="bytesConsumed">The message size, on Done.</param>
    /// <param name="error">The reason.</param>
    /// <returns>Done, NeedMoreData or InvalidData.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, int maxMessageSize, out OpcUaFrame frame, out int bytesConsumed, out ProtocolError error)
    {
        frame = default;
        bytesConsumed = 0;
        error = default;

        // Check what the available prefix already shows, so garbage is refused early; the common case (three
        // octets present) is one comparison of the packed type.
        bool typeMatches = source.Length >= 3 ? ParseType(source) != OpcUaMessageType.None : IsTypePrefix(source);

        if (!typeMatches)
        {
            error = OpcUaErrors.Make(OpcUaError.MessageType, "message type is not HEL, ACK, ERR, RHE, OPN, MSG or CLO (OPC 10000-6 §7.1.2.2)", 0);
            return OperationStatus.InvalidData;
        }

        if (source.Length < 4)
        {
            return OperationStatus.NeedMoreData;
        }

        OpcUaMessageType type = ParseType(source);
        byte chunk = source[3];
        bool connection = type is OpcUaMessageType.Hello or OpcUaMessageType.Acknowledge or OpcUaMessageType.Error or OpcUaMessageType.ReverseHello;

        // §7.1.2.2: chunk type C, F or A; HEL/ACK/ERR/RHE are always a single final chunk.
        if (chunk is not ((byte)'F' or (byte)'C' or (byte)'A') || (connection && chunk != (byte)'F'))
        {
            error = OpcUaErrors.Make(OpcUaError.ChunkType, "chunk type is not F, C or A, or not F for HEL/ACK/ERR/RHE (OPC 10000-6 §7.1.2.2)", 3);
            return OperationStatus.InvalidData;
        }

        if (source.Length < HeaderLength)
        {
            return OperationStatus.NeedMoreData;
        }

        uint size = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(4));

        // §7.1.2.2: the size counts the header; it is bounded below by the fixed body of the type and above by the
        // negotiated buffer size (§7.1.2.3) or the 16 MiB default.
        if (size < (uint)MinimumSize(type) || size > (uint)Math.Max(maxMessageSize, HeaderLength))
        {
            error = OpcUaErrors.Make(OpcUaError.MessageSize, "message size is below the minimum of its type or above the negotiated maximum (OPC 10000-6 §7.1.2.2, §7.1.2.3)", 4);
            return OperationStatus.InvalidData;
        }

        if ((uint)source.Length < size)
        {
            return OperationStatus.NeedMoreData;
        }

        ReadOnlySpan<byte> body = source.Slice(HeaderLength, (int)size - HeaderLength);
        if (!ValidateBody(type, body, out error))
        {
            return OperationStatus.InvalidData;
        }

        frame = new OpcUaFrame(type, chunk, size, body);
        bytesConsumed = (int)size;
        return OperationStatus.Done;
    }

    private static bool ValidateBody(OpcUaMessageType type, ReadOnlySpan<byte> body, out ProtocolError error)
    {
        error = default;
        bool ok = type switch
        {
            OpcUaMessageType.Hello => OpcUaHello.TryRead(body, out _),
            OpcUaMessageType.Acknowledge => OpcUaAcknowledge.TryRead(body, out _),
            OpcUaMessageType.Error => OpcUaErrorMessage.TryRead(body, out _),
            OpcUaMessageType.ReverseHello => OpcUaReverseHello.TryRead(body, out _),
            OpcUaMessageType.OpenSecureChannel => OpcUaAsymmetricSecurityHeader.TryRead(body, out _, out int used) && body.Length - used >= OpcUaSequenceHeader.EncodedLength,
            _ => true,
        };
        if (!ok)
        {
            error = type == OpcUaMessageType.OpenSecureChannel
                ? OpcUaErrors.Make(OpcUaError.SecurityHeader, "asymmetric security header overruns the chunk or breaks a limit (OPC 10000-6 §6.7.2.3)", HeaderLength)
                : OpcUaErrors.Make(OpcUaError.ConnectionMessage, "connection-protocol message body is malformed or breaks a limit (OPC 10000-6 §7.1.2.3–§7.1.2.6)", HeaderLength);
        }

        return ok;
    }

    /// <summary>The encoded length of a chunk with a body of <paramref name="bodyLength"/> octets.</summary>
    /// <param name="bodyLength">Body length.</param>
    /// <returns>Octets.</returns>
    public static int GetEncodedLength(int bodyLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bodyLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bodyLength, DefaultMaxMessageSize - HeaderLength);
        return HeaderLength + bodyLength;
    }

    /// <summary>Writes a chunk header followed by <paramref name="body"/>.</summary>
    /// <param name="messageType">Message type.</param>
    /// <param name="chunkType">Chunk type.</param>
    /// <param name="body">Body octets.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWrite(OpcUaMessageType messageType, OpcUaChunkType chunkType, ReadOnlySpan<byte> body, Span<byte> destination, out int bytesWritten)
    {
        int length = GetEncodedLength(body.Length);
        bytesWritten = 0;
        if (!TryWriteHeader(messageType, chunkType, length, destination))
        {
            return OperationStatus.DestinationTooSmall;
        }

        if (destination.Length < length)
        {
            return OperationStatus.DestinationTooSmall;
        }

        body.CopyTo(destination.Slice(HeaderLength));
        bytesWritten = length;
        return OperationStatus.Done;
    }

    internal static bool TryWriteHeader(OpcUaMessageType messageType, OpcUaChunkType chunkType, int messageSize, Span<byte> destination)
    {
        if (messageType == OpcUaMessageType.None || !Enum.IsDefined(messageType))
        {
            throw new ArgumentOutOfRangeException(nameof(messageType));
        }

        if (destination.Length < messageSize)
        {
            return false;
        }

        int t = (int)messageType;
        destination[0] = (byte)(t >> 16);
        destination[1] = (byte)(t >> 8);
        destination[2] = (byte)t;
        destination[3] = (byte)chunkType;
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(4), (uint)messageSize);
        return true;
    }
}
