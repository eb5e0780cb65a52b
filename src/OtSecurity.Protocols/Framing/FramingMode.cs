namespace OtSecurity.Protocols.Framing;

/// <summary>What the read loop does when the bytes at the start of the stream cannot begin a message.</summary>
public enum FramingMode
{
    /// <summary>
    /// An endpoint (client or server): report the error and stop reading; the caller closes the connection.
    /// A peer that sends garbage cannot be trusted to be in step.
    /// </summary>
    Active = 0,

    /// <summary>
    /// A passive monitor: skip one byte, count it and try again, until a message is read (resynchronisation after
    /// garbage, a capture that starts mid-stream, or a gap in the capture).
    /// </summary>
    Passive,
}
