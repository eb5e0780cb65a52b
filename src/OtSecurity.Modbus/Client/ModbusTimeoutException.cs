namespace OtSecurity.Modbus.Client;

/// <summary>
/// No answer arrived within <see cref="ModbusTcpClientOptions.RequestTimeout"/>. The request's transaction id is
/// retired: if the answer comes later it is discarded and counted, never given to another request.
/// </summary>
public sealed class ModbusTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public ModbusTimeoutException()
        : this("The Modbus server did not answer in time.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ModbusTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ModbusTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
