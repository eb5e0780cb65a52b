using System.Buffers;
using OtSecurity.Protocols.Framing;

namespace OtSecurity.Protocols.Dnp3;

/// <summary>
/// One DNP3 link frame delimited by <see cref="Dnp3LinkMessageReader"/>: its header and its bytes, which stay in the
/// pipe's buffer (valid until <see cref="ProtocolReader{TMessage}.Advance"/>). Every CRC was checked when the frame was
/// delimited.
/// </summary>
public readonly struct Dnp3LinkMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="header">The link header.</param>
    /// <param name="frame">The whole encoded frame, CRCs included.</param>
    public Dnp3LinkMessage(Dnp3LinkHeader header, ReadOnlySequence<byte> frame)
    {
        Header = header;
        Frame = frame;
    }

    /// <summary>The link header (LENGTH, CONTROL, DESTINATION, SOURCE).</summary>
    public Dnp3LinkHeader Header { get; }

    /// <summary>The whole encoded frame, CRCs included (10..292 octets).</summary>
    public ReadOnlySequence<byte> Frame { get; }

    /// <summary>Reads the frame, copying it into <paramref name="scratch"/> only when it spans buffer segments.</summary>
    /// <param name="scratch">At least <see cref="Frame"/>'s length when the frame spans segments (<see cref="Dnp3LinkFrame.MaxEncodedLength"/> always suffices).</param>
    /// <param name="frame">The view (into the pipe's buffer or into <paramref name="scratch"/>).</param>
    /// <returns>True when the frame reads (it was validated when delimited).</returns>
    /// <exception cref="ArgumentException">The frame spans segments and <paramref name="scratch"/> cannot hold it.</exception>
    public bool TryRead(Span<byte> scratch, out Dnp3LinkFrame frame) =>
        Dnp3LinkFrame.TryRead(Frame, scratch, out frame, out _, out _) == OperationStatus.Done;
}

/// <summary>
/// Frames DNP3 link frames for <see cref="ProtocolReader{TMessage}"/> (DNP3 over TCP, or a serial line read as a
/// stream): checks the start octets, LENGTH, the header CRC and the CRC of every user data block (IEEE 1815-2012
/// §9.2.4) and delimits the frame. Use <see cref="Dnp3LinkFrame.MaxEncodedLength"/> as the maximum message size.
/// Transport segments are not reassembled here: feed each frame's user data to a <see cref="Dnp3TransportReassembler"/>.
/// </summary>
public sealed class Dnp3LinkMessageReader : IMessageReader<Dnp3LinkMessage>
{
    /// <inheritdoc />
    public OperationStatus TryReadMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, out Dnp3LinkMessage message, out ProtocolError protocolError)
    {
        message = default;
        Span<byte> scratch = stackalloc byte[Dnp3LinkFrame.MaxEncodedLength];
        OperationStatus status = Dnp3LinkFrame.TryRead(input, scratch, out Dnp3LinkFrame frame, out int length, out protocolError);
        if (MessageDelimiter.Delimit(status, length, input, ref consumed, ref examined, out ReadOnlySequence<byte> bytes))
        {
            message = new Dnp3LinkMessage(frame.Header, bytes);
        }

        return status;
    }
}
