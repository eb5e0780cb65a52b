using System.Buffers;
using System.Buffers.Binary;
using OtSecurity.Protocols.Framing;

namespace OtSecurity.Protocols.S7Comm;

/// <summary>
/// One TPKT packet delimited by <see cref="IsoTcpMessageReader"/>; its bytes stay in the pipe's buffer (valid until
/// <see cref="ProtocolReader{TMessage}.Advance"/>).
/// </summary>
public readonly struct IsoTcpMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="packet">The whole TPKT packet.</param>
    public IsoTcpMessage(ReadOnlySequence<byte> packet) => Packet = packet;

    /// <summary>The whole TPKT packet (header, COTP TPDU, user data).</summary>
    public ReadOnlySequence<byte> Packet { get; }

    /// <summary>Reads the packet, copying it into <paramref name="scratch"/> only when it spans buffer segments.</summary>
    /// <param name="scratch">At least <see cref="Packet"/>'s length when the packet spans segments (65535 always suffices).</param>
    /// <param name="packet">The view (into the pipe's buffer or into <paramref name="scratch"/>).</param>
    /// <returns>True when the packet reads (it was validated when delimited).</returns>
    public bool TryRead(Span<byte> scratch, out IsoTcpPacket packet)
    {
        if (Packet.IsSingleSegment)
        {
            return IsoTcp.TryRead(Packet.FirstSpan, out packet, out _) == OperationStatus.Done;
        }

        if (scratch.Length < Packet.Length)
        {
            throw new ArgumentException("The scratch buffer must hold the packet.", nameof(scratch));
        }

        Packet.CopyTo(scratch);
        return IsoTcp.TryRead(scratch[..(int)Packet.Length], out packet, out _) == OperationStatus.Done;
    }
}

/// <summary>
/// Frames TPKT packets carrying COTP for <see cref="ProtocolReader{TMessage}"/>: validates the TPKT header (RFC 1006
/// §6) and the COTP TPDU (ISO 8073 §13) and delimits the packet. Use 65535 as the maximum message size.
/// </summary>
public sealed class IsoTcpMessageReader : IMessageReader<IsoTcpMessage>
{
    /// <inheritdoc />
    public OperationStatus TryReadMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, out IsoTcpMessage message, out ProtocolError protocolError)
    {
        message = default;
        Span<byte> head = stackalloc byte[5];
        int available = (int)Math.Min(input.Length, head.Length);
        input.Slice(0, available).CopyTo(head);
        OperationStatus status = IsoTcp.TryRead(head[..available], out _, out _, out protocolError);
        if (status == OperationStatus.InvalidData)
        {
            return status;
        }

        if (available < Tpkt.HeaderLength)
        {
            examined = input.End;
            return OperationStatus.NeedMoreData;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(head[2..]);
        if (input.Length < length)
        {
            examined = input.End;
            return OperationStatus.NeedMoreData;
        }

        ReadOnlySequence<byte> packet = input.Slice(0, length);
        if (packet.IsSingleSegment)
        {
            status = IsoTcp.TryRead(packet.FirstSpan, out _, out _, out protocolError);
        }
        else
        {
            byte[] rented = ArrayPool<byte>.Shared.Rent(length);
            packet.CopyTo(rented);
            status = IsoTcp.TryRead(rented.AsSpan(0, length), out _, out _, out protocolError);
            ArrayPool<byte>.Shared.Return(rented);
        }

        if (status != OperationStatus.Done)
        {
            return OperationStatus.InvalidData;
        }

        message = new IsoTcpMessage(packet);
        consumed = packet.End;
        examined = consumed;
        return OperationStatus.Done;
    }
}
