namespace OtSecurity.Modbus.Client;

/// <summary>
/// The client refused a request before sending anything, because a safety option forbids it: a write or another
/// state-changing request in read-only mode, or a unit id that is not allowed. <see cref="OptionName"/> names the
/// <see cref="ModbusTcpClientOptions"/> property that opts in.
/// </summary>
public sealed class ModbusSafetyException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ModbusSafetyException()
        : this("The Modbus client's safety options refused the request.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ModbusSafetyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ModbusSafetyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception naming the option that allows the request.</summary>
    /// <param name="message">What was refused and why.</param>
    /// <param name="optionName">The <see cref="ModbusTcpClientOptions"/> property that opts in.</param>
    public ModbusSafetyException(string message, string? optionName)
        : base(message)
    {
        OptionName = optionName;
    }

    /// <summary>The <see cref="ModbusTcpClientOptions"/> property that allows the request (for example <c>AllowWrites</c>).</summary>
    public string? OptionName { get; }
}
