using System.Buffers;
using System.Buffers.Binary;
using OtSecurity.Protocols.Framing;

namespace OtSecurity.Protocols.OpcUa;

/// <summary>
/// One UA TCP chunk delimited by <see cref="OpcUaMessageReader"/>; its bytes stay in the pipe's buffer (valid until
/// <see cref="ProtocolReader{TMessage}.Advance"/>).
/// </summary>
public readonly struct OpcUaChunkMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="chunk">The whole chunk.</param>
    public OpcUaChunkMessage(ReadOnlySequence<byte> chunk) => Chunk = chunk;

    /// <summary>The whole chunk (header and body).</summary>
    public ReadOnlySequence<byte> Chunk { get; }

    /// <summary>Reads the chunk, copying it into <paramref name="scratch"/> only when it spans buffer segments.</summary>
    /// <param name="scratch">At least <see cref="Chunk"/>'s length when the chunk spans segments.</param>
    /// <param name="frame">The view.</param>
    /// <returns>True when the chunk reads (it was validated when delimited).</returns>
    public bool TryRead(Span<byte> scratch, out OpcUaFrame frame) =>
        OpcUaFrame.TryRead(SequenceScratch.Contiguous(Chunk, scratch, "chunk"), out frame, out _) == OperationStatus.Done;
}

/// <summary>
/// Frames UA TCP chunks for <see cref="ProtocolReader{TMessage}"/>: validates the message type, chunk type and size
/// (OPC 10000-6 §7.1.2.2) and the body of connection-protocol messages, then delimits the chunk.
/// </summary>
public sealed class OpcUaMessageReader : IMessageReader<OpcUaChunkMessage>
{
    /// <summary>Creates a reader bounded by the default 16 MiB.</summary>
    public OpcUaMessageReader()
        : this(OpcUaFrame.DefaultMaxMessageSize)
    {
    }

    /// <summary>Creates a reader bounded by a negotiated buffer size.</summary>
    /// <param name="maxMessageSize">Largest chunk accepted (the ReceiveBufferSize announced in Hello/Acknowledge).</param>
    public OpcUaMessageReader(int maxMessageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageSize, OpcUaFrame.HeaderLength);
        MaxMessageSize = maxMessageSize;
    }

    /// <summary>Largest chunk accepted.</summary>
    public int MaxMessageSize { get; }

    /// <inheritdoc />
    public OperationStatus TryReadMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, out OpcUaChunkMessage message, out ProtocolError protocolError)
    {
        var format = new ChunkFormat(MaxMessageSize);
        OperationStatus status = LengthPrefixedDelimiter.TryDelimit(ref format, input, ref consumed, ref examined, out ReadOnlySequence<byte> chunk, out protocolError);
        message = status == OperationStatus.Done ? new OpcUaChunkMessage(chunk) : default;
        return status;
    }

    /// <summary>OPC 10000-6 §7.1.2.2: the message header (8 octets) gives the chunk's size (UInt32 at offset 4).</summary>
    private readonly struct ChunkFormat(int maxMessageSize) : ILengthPrefixedFormat
    {
        public int HeadLength => OpcUaFrame.HeaderLength;

        public OperationStatus ReadLength(ReadOnlySpan<byte> head, out long frameLength, out ProtocolError error)
        {
            frameLength = 0;
            OperationStatus status = OpcUaFrame.TryRead(head, maxMessageSize, out _, out _, out error);
            if (status == OperationStatus.InvalidData)
            {
                return status;
            }

            if (head.Length < OpcUaFrame.HeaderLength)
            {
                return OperationStatus.NeedMoreData;
            }

            frameLength = BinaryPrimitives.ReadUInt32LittleEndian(head[4..]);
            return OperationStatus.Done;
        }

        public OperationStatus Validate(ReadOnlySpan<byte> frame, out ProtocolError error) =>
            OpcUaFrame.TryRead(frame, maxMessageSize, out _, out _, out error);
    }
}
