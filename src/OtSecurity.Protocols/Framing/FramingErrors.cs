namespace OtSecurity.Protocols.Framing;

/// <summary>Errors raised by the read loop itself (not by a protocol's message reader).</summary>
public static class FramingErrors
{
    /// <summary>The protocol name carried by framing errors.</summary>
    public const string ProtocolName = "framing";

    /// <summary>Code of <see cref="MessageTooLarge"/>.</summary>
    public const int MessageTooLargeCode = 1;

    /// <summary>A message (complete or still incomplete) exceeds <see cref="ProtocolReaderOptions.MaxMessageSize"/>.</summary>
    public static ProtocolError MessageTooLarge { get; } = new(ProtocolName, MessageTooLargeCode, "message exceeds the maximum message size", 0);
}
