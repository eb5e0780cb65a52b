using OtSecurity.Capture.Dissection;

namespace OtSecurity.Capture.Reassembly;

/// <summary>Receives the in-order bytes of a TCP stream direction from a <see cref="TcpStreamReassembler"/>.</summary>
internal interface ITcpStreamConsumer
{
    /// <summary>Contiguous bytes, in order, that follow everything delivered before (or a gap).</summary>
    /// <param name="direction">Which direction of the flow (0 = from endpoint A, 1 = from endpoint B).</param>
    /// <param name="data">The bytes; valid only during the call.</param>
    /// <param name="context">The frame that made them available.</param>
    void OnData(int direction, ReadOnlySpan<byte> data, in DissectContext context);

    /// <summary>Bytes are missing: what follows does not continue what came before.</summary>
    /// <param name="direction">Which direction of the flow.</param>
    /// <param name="missingBytes">How many sequence numbers were skipped.</param>
    /// <param name="context">The frame at which the hole was given up.</param>
    void OnGap(int direction, long missingBytes, in DissectContext context);
}
