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
    public bool TryRead(Span<byte> scratch, out IsoTcpPacket packet) =>
        IsoTcp.TryRead(SequenceScratch.Contiguous(Packet, scratch, "packet"), out packet, out _) == OperationStatus.Done;
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
        var format = default(PacketFormat);
        OperationStatus status = LengthPrefixedDelimiter.TryDelimit(ref format, input, ref consumed, ref examined, out ReadOnlySequence<byte> packet, out protocolError);
        message = status == OperationStatus.Done ? new IsoTcpMessage(packet) : default;
        return status;
    }

    /// <summary>RFC 1006 §6: the TPKT header (4 octets) gives the packet's length (UInt16 at offset 2); the fifth octet, the COTP length indicator, is checked too.</summary>
    private readonly struct PacketFormat : ILengthPrefixedFormat
    {
        public int HeadLength => Tpkt.HeaderLength + 1;

        public OperationStatus ReadLength(ReadOnlySpan<byte> head, out long frameLength, out ProtocolError error)
        {
            frameLength = 0;
            OperationStatus status = IsoTcp.TryRead(head, out _, out _, out error);
            if (status == OperationStatus.InvalidData)
            {
                return status;
            }

            if (head.Length < Tpkt.HeaderLength)
            {
                return OperationStatus.NeedMoreData;
            }

            frameLength = BinaryPrimitives.ReadUInt16BigEndian(head[2..]);
            return OperationStatus.Done;
        }

        public OperationStatus Validate(ReadOnlySpan<byte> frame, out ProtocolError error) =>
            IsoTcp.TryRead(frame, out _, out _, out error);
    }
}
