using System.Buffers;

namespace OtSecurity.Protocols.Framing;

/// <summary>
/// A frame format whose first octets give the whole frame's length (TPKT, UA TCP, EtherNet/IP encapsulation), for
/// <see cref="LengthPrefixedDelimiter"/>. Implemented by a struct, so that the calls are not virtual and nothing is boxed.
/// </summary>
internal interface ILengthPrefixedFormat
{
    /// <summary>How many leading octets <see cref="ReadLength"/> looks at.</summary>
    int HeadLength { get; }

    /// <summary>Checks the leading octets and reads the frame's length from them.</summary>
    /// <param name="head">The first <see cref="HeadLength"/> octets, or all there are when fewer.</param>
    /// <param name="frameLength">The whole frame's length, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="error">Why, on <see cref="OperationStatus.InvalidData"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> (the length is not there yet) or <see cref="OperationStatus.InvalidData"/>.</returns>
    OperationStatus ReadLength(ReadOnlySpan<byte> head, out long frameLength, out ProtocolError error);

    /// <summary>Validates the whole frame.</summary>
    /// <param name="frame">Exactly the frame's octets.</param>
    /// <param name="error">Why, when it is not valid.</param>
    /// <returns><see cref="OperationStatus.Done"/> when the frame is valid.</returns>
    OperationStatus Validate(ReadOnlySpan<byte> frame, out ProtocolError error);
}

/// <summary>
/// The body of an <see cref="IMessageReader{TMessage}"/> for a length-prefixed format: reads the length from the head,
/// waits for the whole frame, validates it (in place when it lies in one segment, otherwise copied into a buffer
/// rented from <see cref="ArrayPool{T}.Shared"/>) and sets consumed and examined.
/// </summary>
internal static class LengthPrefixedDelimiter
{
    /// <summary>Delimits and validates one frame at the start of <paramref name="input"/>.</summary>
    /// <typeparam name="TFormat">The format.</typeparam>
    /// <param name="format">The format (<see cref="ILengthPrefixedFormat.Validate"/> may record what it read in it).</param>
    /// <param name="input">The message reader's input.</param>
    /// <param name="consumed">On <see cref="OperationStatus.Done"/>, after the frame; otherwise unchanged.</param>
    /// <param name="examined">On <see cref="OperationStatus.Done"/>, after the frame; on <see cref="OperationStatus.NeedMoreData"/>, the input's end.</param>
    /// <param name="frame">The frame's octets in <paramref name="input"/>, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="error">Why, on <see cref="OperationStatus.InvalidData"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    public static OperationStatus TryDelimit<TFormat>(ref TFormat format, in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, out ReadOnlySequence<byte> frame, out ProtocolError error)
        where TFormat : struct, ILengthPrefixedFormat
    {
        frame = default;
        Span<byte> head = stackalloc byte[format.HeadLength];
        int available = (int)Math.Min(input.Length, head.Length);
        input.Slice(0, available).CopyTo(head);
        OperationStatus status = format.ReadLength(head[..available], out long length, out error);
        if (status == OperationStatus.InvalidData)
        {
            return status;
        }

        if (status == OperationStatus.NeedMoreData || input.Length < length)
        {
            examined = input.End;
            return OperationStatus.NeedMoreData;
        }

        ReadOnlySequence<byte> candidate = input.Slice(0, length);
        if (candidate.IsSingleSegment)
        {
            status = format.Validate(candidate.FirstSpan, out error);
        }
        else
        {
            byte[] rented = ArrayPool<byte>.Shared.Rent((int)length);
            candidate.CopyTo(rented);
            status = format.Validate(rented.AsSpan(0, (int)length), out error);
            ArrayPool<byte>.Shared.Return(rented);
        }

        if (status != OperationStatus.Done)
        {
            return OperationStatus.InvalidData;
        }

        frame = candidate;
        consumed = frame.End;
        examined = consumed;
        return OperationStatus.Done;
    }
}
