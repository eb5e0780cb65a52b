using System.Buffers;
using System.Buffers.Binary;
using OtSecurity.Protocols.Framing;

namespace OtSecurity.Protocols.EtherNetIp;

/// <summary>
/// One EtherNet/IP encapsulation packet delimited by <see cref="EncapsulationMessageReader"/>: its header and its bytes,
/// which stay in the pipe's buffer (valid until <see cref="ProtocolReader{TMessage}.Advance"/>). The command-specific
/// data was validated when the packet was delimited.
/// </summary>
public readonly struct EncapsulationMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="header">The encapsulation header.</param>
    /// <param name="packet">The whole packet (header and command-specific data).</param>
    public EncapsulationMessage(EncapsulationHeader header, ReadOnlySequence<byte> packet)
    {
        Header = header;
        Packet = packet;
    }

    /// <summary>The encapsulation header.</summary>
    public EncapsulationHeader Header { get; }

    /// <summary>The command.</summary>
    public EncapsulationCommand Command => (EncapsulationCommand)Header.Command;

    /// <summary>The whole packet: the 24-octet header and the command-specific data.</summary>
    public ReadOnlySequence<byte> Packet { get; }

    /// <summary>Reads the packet, copying it into <paramref name="scratch"/> only when it spans buffer segments.</summary>
    /// <param name="scratch">At least <see cref="Packet"/>'s length when the packet spans segments (<see cref="Encapsulation.MaximumPacketLength"/> always suffices).</param>
    /// <param name="frame">The view (into the pipe's buffer or into <paramref name="scratch"/>).</param>
    /// <returns>True when the packet reads (it was validated when delimited).</returns>
    /// <exception cref="ArgumentException">The packet spans segments and <paramref name="scratch"/> cannot hold it.</exception>
    public bool TryRead(Span<byte> scratch, out EncapsulationFrame frame) =>
        Encapsulation.TryRead(Packet, scratch, out frame, out _, out _) == OperationStatus.Done;
}

/// <summary>
/// Frames EtherNet/IP encapsulation packets for <see cref="ProtocolReader{TMessage}"/> (TCP 44818): checks the length
/// (CIP Vol. 2, 2-3.1) and the command-specific data (2-4: RegisterSession, UnRegisterSession, the List replies' common
/// packet format, SendRRData/SendUnitData's interface handle, timeout and address and data items) and delimits the
/// packet. Use <see cref="Encapsulation.MaximumPacketLength"/> as the maximum message size.
/// </summary>
public sealed class EncapsulationMessageReader : IMessageReader<EncapsulationMessage>
{
    /// <inheritdoc />
    public OperationStatus TryReadMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, out EncapsulationMessage message, out ProtocolError protocolError)
    {
        var format = default(PacketFormat);
        OperationStatus status = LengthPrefixedDelimiter.TryDelimit(ref format, input, ref consumed, ref examined, out ReadOnlySequence<byte> packet, out protocolError);
        message = status == OperationStatus.Done ? new EncapsulationMessage(format.Header, packet) : default;
        return status;
    }

    /// <summary>
    /// Vol. 2, 2-3.1: command (2 octets) then the length of the data after the 24-octet header, at most 65511. Validating
    /// a packet records its header.
    /// </summary>
    private struct PacketFormat : ILengthPrefixedFormat
    {
        public EncapsulationHeader Header { get; private set; }

        public readonly int HeadLength => 4;

        public readonly OperationStatus ReadLength(ReadOnlySpan<byte> head, out long frameLength, out ProtocolError error)
        {
            frameLength = 0;
            OperationStatus status = Encapsulation.TryRead(head, out EncapsulationFrame _, out _, out error);
            if (status == OperationStatus.InvalidData)
            {
                return status;
            }

            if (head.Length < HeadLength)
            {
                return OperationStatus.NeedMoreData;
            }

            frameLength = Encapsulation.HeaderLength + BinaryPrimitives.ReadUInt16LittleEndian(head[2..]);
            return OperationStatus.Done;
        }

        public OperationStatus Validate(ReadOnlySpan<byte> frame, out ProtocolError error)
        {
            OperationStatus status = Encapsulation.TryRead(frame, out EncapsulationFrame read, out _, out error);
            Header = read.Header;
            return status;
        }
    }
}
