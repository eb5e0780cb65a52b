using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace OtSecurity.Protocols.Framing;

/// <summary>
/// The one read loop over a <see cref="PipeReader"/>: it asks an <see cref="IMessageReader{TMessage}"/> for messages and
/// owns what the message readers must not: consumed and examined positions, the maximum message size, cancellation,
/// partial messages across reads, pipelined messages in one read, and the bytes left at the end. In
/// <see cref="FramingMode.Passive"/> mode it resynchronises after garbage by skipping one byte at a time (counted);
/// in <see cref="FramingMode.Active"/> mode it reports the error and stops.
/// </summary>
/// <typeparam name="TMessage">The message type.</typeparam>
/// <remarks>
/// Usage: <c>var result = await reader.ReadAsync(ct);</c> then, when <see cref="ProtocolReadResult{TMessage}.HasMessage"/>,
/// use the message and call <see cref="Advance"/> before the next read (the message may reference the pipe's buffer).
/// Not thread-safe: one reader at a time, as for the <see cref="PipeReader"/> itself.
/// </remarks>
public sealed class ProtocolReader<TMessage>
{
    private readonly PipeReader _input;
    private readonly IMessageReader<TMessage> _reader;
    private readonly int _maxMessageSize;
    private readonly bool _passive;
    private bool _hasPendingMessage;
    private SequencePosition _pendingConsumed;
    private bool _completed;
    private ProtocolError _fault;

    /// <summary>Creates the loop.</summary>
    /// <param name="input">Where bytes come from.</param>
    /// <param name="reader">Reads one message from the start of a sequence.</param>
    /// <param name="options">Maximum message size and mode; defaults when null.</param>
    public ProtocolReader(PipeReader input, IMessageReader<TMessage> reader, ProtocolReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(reader);
        options ??= new ProtocolReaderOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxMessageSize, 1, nameof(options));
        _input = input;
        _reader = reader;
        _maxMessageSize = options.MaxMessageSize;
        _passive = options.Mode == FramingMode.Passive;
    }

    /// <summary>Messages read so far.</summary>
    public long MessagesRead { get; private set; }

    /// <summary>Bytes skipped so far (passive mode).</summary>
    public long BytesSkipped { get; private set; }

    /// <summary>Runs of skipped bytes so far: each is one loss of synchronisation (passive mode).</summary>
    public long Resynchronizations { get; private set; }

    /// <summary>Reads the next message.</summary>
    /// <param name="cancellationToken">Cancels the wait for data (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>A message, or the end of the input, or a cancelled read, or (active mode) the error that stopped reading.</returns>
    /// <exception cref="InvalidOperationException">The previous message was not released with <see cref="Advance"/>, or the message reader broke its contract.</exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ProtocolReadResult<TMessage>> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_hasPendingMessage)
        {
            throw new InvalidOperationException("Call Advance() to release the previous message before reading the next one.");
        }

        if (_fault.IsError)
        {
            return new ProtocolReadResult<TMessage>(default!, false, false, false, _fault, 0, default, 0);
        }

        if (_completed)
        {
            return new ProtocolReadResult<TMessage>(default!, false, true, false, default, 0, default, 0);
        }

        long skipped = 0;
        ProtocolError skipReason = default;
        while (true)
        {
            ReadResult result = await _input.ReadAsync(cancellationToken).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            if (result.IsCanceled)
            {
                _input.AdvanceTo(buffer.Start);
                return new ProtocolReadResult<TMessage>(default!, false, false, true, default, skipped, skipReason, 0);
            }

            while (true)
            {
                if (buffer.IsEmpty)
                {
                    if (result.IsCompleted)
                    {
                        _input.AdvanceTo(buffer.End);
                        _completed = true;
                        return new ProtocolReadResult<TMessage>(default!, false, true, false, default, skipped, skipReason, 0);
                    }

                    _input.AdvanceTo(buffer.Start, buffer.End);
                    break;
                }

                SequencePosition consumed = buffer.Start;
                SequencePosition examined = buffer.End;
                OperationStatus status = _reader.TryReadMessage(buffer, ref consumed, ref examined, out TMessage message, out ProtocolError error);
                if (status == OperationStatus.Done)
                {
                    long length = buffer.Slice(buffer.Start, consumed).Length;
                    if (length <= 0)
                    {
                        throw new InvalidOperationException("The message reader returned Done without consuming any byte.");
                    }

                    if (length <= _maxMessageSize)
                    {
                        _hasPendingMessage = true;
                        _pendingConsumed = consumed;
                        MessagesRead++;
                        return new ProtocolReadResult<TMessage>(message, true, false, false, default, skipped, skipReason, 0);
                    }

                    error = FramingErrors.MessageTooLarge;
                    status = OperationStatus.InvalidData;
                }
                else if (status == OperationStatus.NeedMoreData)
                {
                    if (buffer.Length < _maxMessageSize)
                    {
                        if (result.IsCompleted)
                        {
                            long leftover = buffer.Length;
                            _input.AdvanceTo(buffer.End);
                            _completed = true;
                            return new ProtocolReadResult<TMessage>(default!, false, true, false, default, skipped, skipReason, leftover);
                        }

                        // Everything buffered was looked at: wait for more bytes.
                        _input.AdvanceTo(buffer.Start, buffer.End);
                        break;
                    }

                    error = FramingErrors.MessageTooLarge;
                    status = OperationStatus.InvalidData;
                }
                else if (status != OperationStatus.InvalidData)
                {
                    throw new InvalidOperationException($"The message reader returned {status}; expected Done, NeedMoreData or InvalidData.");
                }

                if (!error.IsError)
                {
                    throw new InvalidOperationException("The message reader returned InvalidData without an error.");
                }

                if (!_passive)
                {
                    _input.AdvanceTo(buffer.Start);
                    _fault = error;
                    return new ProtocolReadResult<TMessage>(default!, false, false, false, error, skipped, skipReason, 0);
                }

                // Passive: skip one byte and try again at the next.
                if (skipped == 0)
                {
                    skipReason = error;
                    Resynchronizations++;
                }

                skipped++;
                BytesSkipped++;
                buffer = buffer.Slice(1);
            }
        }
    }

    /// <summary>Releases the message returned by the last read (its bytes are consumed).</summary>
    /// <exception cref="InvalidOperationException">No message is pending.</exception>
    public void Advance()
    {
        if (!_hasPendingMessage)
        {
            throw new InvalidOperationException("No message is pending: Advance() follows a read that returned a message.");
        }

        _hasPendingMessage = false;
        _input.AdvanceTo(_pendingConsumed);
    }
}
