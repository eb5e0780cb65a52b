using OtSecurity.Protocols;

namespace OtSecurity.Modbus.Client;

/// <summary>
/// The server sent something that is not a valid answer: bytes that are not a Modbus/TCP ADU, a PDU the codec rejects,
/// or a response that does not match its request (another function, another unit, a byte count that disagrees with
/// the quantity asked for). <see cref="Error"/> carries the codec's error when the codec found it.
/// </summary>
public sealed class ModbusProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModbusProtocolException()
        : this("The server sent a malformed Modbus response.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ModbusProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ModbusProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an error the codec reported.</summary>
    /// <param name="message">What was wrong, in the context of the request.</param>
    /// <param name="error">The codec's error (protocol, code, reason, offset).</param>
    public ModbusProtocolException(string message, ProtocolError error)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception for bytes that could not be framed: the client closed the connection.</summary>
    /// <param name="message">What was wrong, in the context of the request.</param>
    /// <param name="error">The codec's error (protocol, code, reason, offset).</param>
    /// <param name="connectionClosed">True when the stream could not be framed and the connection was closed.</param>
    public ModbusProtocolException(string message, ProtocolError error, bool connectionClosed)
        : base(message)
    {
        Error = error;
        ConnectionClosed = connectionClosed;
    }

    /// <summary>The codec's error, when the codec rejected the bytes; default (no error) for a mismatch with the request.</summary>
    public ProtocolError Error { get; }

    /// <summary>
    /// True when the bytes were not a Modbus/TCP ADU at all (the stream cannot be trusted to be in step, so the client
    /// closed the connection); false when one response was malformed and the connection stays open.
    /// </summary>
    public bool ConnectionClosed { get; }
}
