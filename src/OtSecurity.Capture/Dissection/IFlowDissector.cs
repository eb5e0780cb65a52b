using System.Buffers;

namespace OtSecurity.Capture.Dissection;

/// <summary>
/// Dissects one flow (both directions). Not thread-safe: the pipeline calls it from one thread.
/// </summary>
public interface IFlowDissector
{
    /// <summary>
    /// Reads messages from the start of <paramref name="data"/>: for TCP the contiguous, reassembled bytes
    /// of one direction not yet consumed; for UDP one whole datagram.
    /// </summary>
    /// <param name="data">The bytes.</param>
    /// <param name="context">Frame, time, endpoints and direction of the frame that delivered the last of these bytes.</param>
    /// <param name="sink">Where messages go.</param>
    /// <param name="bytesConsumed">How many bytes were used.</param>
    /// <returns>
    /// <see cref="OperationStatus.Done"/> when at least one message (or a delimitable malformed message) was consumed —
    /// the pipeline calls again with what is left; <see cref="OperationStatus.NeedMoreData"/> when the bytes are a
    /// strict prefix of a message (nothing consumed); <see cref="OperationStatus.InvalidData"/> when the bytes at the
    /// start cannot begin a message (nothing consumed): the pipeline skips a byte, counts it and resynchronizes.
    /// </returns>
    OperationStatus Dissect(ReadOnlySpan<byte> data, in DissectContext context, IOtMessageSink sink, out int bytesConsumed);

    /// <summary>
    /// The flow ended (FIN, RST, idle eviction or end of capture): report requests still waiting for a response
    /// as <see cref="MessageStatus.Timeout"/>.
    /// </summary>
    /// <param name="context">The last frame of the flow.</param>
    /// <param name="sink">Where timeout messages go.</param>
    void Complete(in DissectContext context, IOtMessageSink sink);
}
