using System.Buffers;

namespace OtSecurity.Protocols.Framing;

/// <summary>
/// The part of an <see cref="IMessageReader{TMessage}"/> that is the same for every protocol once a frame reader has
/// read the start of the input: where consumed and examined go, and which octets are the message.
/// </summary>
internal static class MessageDelimiter
{
    /// <summary>
    /// Sets <paramref name="consumed"/> and <paramref name="examined"/> for a frame reader's outcome: on
    /// <see cref="OperationStatus.Done"/> both go after the <paramref name="length"/> octets of the frame, which are
    /// returned in <paramref name="frame"/>; on <see cref="OperationStatus.NeedMoreData"/> everything was examined and
    /// nothing consumed; on <see cref="OperationStatus.InvalidData"/> neither moves.
    /// </summary>
    /// <param name="status">What the frame reader returned.</param>
    /// <param name="length">The frame's length, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="input">The message reader's input.</param>
    /// <param name="consumed">The message reader's consumed position.</param>
    /// <param name="examined">The message reader's examined position.</param>
    /// <param name="frame">The frame's octets in <paramref name="input"/>, on <see cref="OperationStatus.Done"/>.</param>
    /// <returns>True on <see cref="OperationStatus.Done"/>: the caller builds its message from the frame.</returns>
    public static bool Delimit(OperationStatus status, int length, in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (status == OperationStatus.NeedMoreData)
        {
            examined = input.End;
        }

        if (status != OperationStatus.Done)
        {
            return false;
        }

        frame = input.Slice(0, length);
        consumed = frame.End;
        examined = consumed;
        return true;
    }
}
