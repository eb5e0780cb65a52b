using System.Buffers;

namespace OtSecurity.Protocols.Framing;

/// <summary>
/// Reads one framed message from a byte sequence (the Bedrock Framework shape, with
/// <see cref="OperationStatus"/> as the result vocabulary).
/// </summary>
/// <typeparam name="TMessage">The message produced.</typeparam>
public interface IMessageReader<TMessage>
{
    /// <summary>
    /// Tries to read one message from the start of <paramref name="input"/>.
    /// </summary>
    /// <param name="input">Bytes received so far.</param>
    /// <param name="consumed">On <see cref="OperationStatus.Done"/>, the position after the message; otherwise the start.</param>
    /// <param name="examined">How far the reader looked; the read loop will not call again until more than this is available.</param>
    /// <param name="message">The message, on <see cref="OperationStatus.Done"/>.</param>
    /// <param name="protocolError">The reason, on <see cref="OperationStatus.InvalidData"/>.</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> or <see cref="OperationStatus.InvalidData"/>.</returns>
    OperationStatus TryReadMessage(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, out TMessage message, out ProtocolError protocolError);
}
