namespace OtSecurity.Protocols.Framing;

/// <summary>The outcome of <see cref="ProtocolReader{TMessage}.ReadAsync(CancellationToken)"/>.</summary>
/// <typeparam name="TMessage">The message type.</typeparam>
public readonly struct ProtocolReadResult<TMessage>
{
    internal ProtocolReadResult(TMessage message, bool hasMessage, bool isCompleted, bool isCanceled, ProtocolError error, long bytesSkipped, ProtocolError skipReason, long leftoverBytes)
    {
        Message = message;
        HasMessage = hasMessage;
        IsCompleted = isCompleted;
        IsCanceled = isCanceled;
        Error = error;
        BytesSkipped = bytesSkipped;
        SkipReason = skipReason;
        LeftoverBytes = leftoverBytes;
    }

    /// <summary>The message, when <see cref="HasMessage"/>. It may reference the reader's buffer: use it before <see cref="ProtocolReader{TMessage}.Advance"/>.</summary>
    public TMessage Message { get; }

    /// <summary>True when a message was read.</summary>
    public bool HasMessage { get; }

    /// <summary>True when the input ended: no more messages will come.</summary>
    public bool IsCompleted { get; }

    /// <summary>True when the pending read was cancelled with <see cref="System.IO.Pipelines.PipeReader.CancelPendingRead"/>.</summary>
    public bool IsCanceled { get; }

    /// <summary>True when reading stopped on invalid data (active mode).</summary>
    public bool IsFaulted => Error.IsError;

    /// <summary>Why reading stopped, when <see cref="IsFaulted"/>.</summary>
    public ProtocolError Error { get; }

    /// <summary>Bytes skipped (passive mode) since the previous result.</summary>
    public long BytesSkipped { get; }

    /// <summary>Why the first of those bytes was skipped.</summary>
    public ProtocolError SkipReason { get; }

    /// <summary>When <see cref="IsCompleted"/>: bytes left at the end that do not complete a message (a truncated last message).</summary>
    public long LeftoverBytes { get; }
}
