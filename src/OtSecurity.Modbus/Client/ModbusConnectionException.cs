namespace OtSecurity.Modbus.Client;

/// <summary>
/// The connection could not be opened, was lost (every request awaiting an answer on it fails with this at once), or
/// reconnecting is backed off after failed attempts.
/// </summary>
public sealed class ModbusConnectionException : IOException
{
    /// <summary>Creates the exception.</summary>
    public ModbusConnectionException()
        : this("The connection to the Modbus server is not available.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ModbusConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ModbusConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
