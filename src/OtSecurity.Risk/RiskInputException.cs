namespace OtSecurity.Risk;

/// <summary>
/// An input to a risk calculation is invalid. The message says which input (by the name the caller gave it, such as
/// "hourly downtime cost of asset plc-01"), which value is wrong and what was expected.
/// </summary>
public sealed class RiskInputException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public RiskInputException()
    {
        Input = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public RiskInputException(string message)
        : base(message)
    {
        Input = string.Empty;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RiskInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Input = string.Empty;
    }

    /// <summary>Creates the exception for a named input.</summary>
    /// <param name="input">The input's name as the caller knows it.</param>
    /// <param name="parameterName">The parameter of the method that received it.</param>
    /// <param name="message">What is wrong, already naming the input.</param>
    public RiskInputException(string input, string parameterName, string message)
        : base(message, parameterName)
    {
        Input = input;
    }

    /// <summary>The name of the invalid input (for example "PERT 'response cost'").</summary>
    public string Input { get; }
}
