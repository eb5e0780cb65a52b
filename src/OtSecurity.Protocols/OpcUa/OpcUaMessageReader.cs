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
    public bool TryRead(Span<byte> scratch, out OpcUaFrame frame)
    {
        if (Chunk.IsSingleSegment)
        {
            return OpcUaFrame.TryRead(Chunk.FirstSpan, out frame, out _) == OperationStatus.Done;
        }

        if (scratch.Length < Chunk.Length)
        {
            throw new ArgumentException("The scratch buffer must hold the chunk.", nameof(scratch));
        }

        Chunk.CopyTo(scratch);
        return OpcUaFrame.TryRead(scratch[..(int)Chunk.Length], out frame, out _) == OperationStatus.Done;
    }
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
        message = default;
        Span<byte> head = stackalloc byte[OpcUaFrame.HeaderLength];
        int available = (int)Math.Min(input.Length, head.Length);
        input.Slice(0, available).CopyTo(head);
        OperationStatus status = OpcUaFrame.TryRead(head[..available], MaxMessageSize, out _, out _, out protocolError);
        if (status == OperationStatus.InvalidData)
        {
            return status;
        }

        if (available < OpcUaFrame.HeaderLength)
        {
            examined = input.End;
            return OperationStatus.NeedMoreData;
        }

        uint size = BinaryPrimitives.ReadUInt32LittleEndian(head[4..]);
        if ((ulong)input.Length < size)
        {
            examined = input.End;
            return OperationStatus.NeedMoreData;
        }

        ReadOnlySequence<byte> chunk = input.Slice(0, size);
        if (chunk.IsSingleSegment)
        {
            status = OpcUaFrame.TryRead(chunk.FirstSpan, MaxMessageSize, out _, out _, out protocolError);
        }
        else
        {
            byte[] rented = ArrayPool<byte>.Shared.Rent((int)size);
            chunk.CopyTo(rented);
            status = OpcUaFrame.TryRead(rented.AsSpan(0, (int)size), MaxMessageSize, out _, out _, out protocolError);
            ArrayPool<byte>.Shared.Return(rented);
        }

        if (status != OperationStatus.Done)
        {
            return OperationStatus.InvalidData;
        }

        message = new OpcUaChunkMessage(chunk);
        consumed = chunk.End;
        examined = consumed;
        return OperationStatus.Done;
    }
}
