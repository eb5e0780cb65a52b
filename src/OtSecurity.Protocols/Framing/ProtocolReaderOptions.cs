namespace OtSecurity.Protocols.Framing;

/// <summary>Options of a <see cref="ProtocolReader{TMessage}"/>.</summary>
public sealed record ProtocolReaderOptions
{
    /// <summary>The default maximum message size: 64 KiB.</summary>
    public const int DefaultMaxMessageSize = 64 * 1024;

    /// <summary>
    /// The largest message accepted, in bytes. A message reader that still needs more data once this many bytes are
    /// buffered is treated as having met invalid data. Set it to the protocol's maximum frame size.
    /// </summary>
    public int MaxMessageSize { get; init; } = DefaultMaxMessageSize;

    /// <summary>Active (stop on invalid data) or passive (skip a byte and resynchronise).</summary>
    public FramingMode Mode { get; init; } = FramingMode.Active;
}
