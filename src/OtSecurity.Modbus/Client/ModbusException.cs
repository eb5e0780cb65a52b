using System.Globalization;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Client;

/// <summary>
/// The server answered with a Modbus exception response (MODBUS Application Protocol Specification V1.1b3 §7): the
/// request reached the device and the device refused it. Carries the function and the exception code, with names.
/// </summary>
public sealed class ModbusException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModbusException()
        : this("The server answered with a Modbus exception response.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ModbusException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ModbusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an exception response.</summary>
    /// <param name="unitId">The unit id the request addressed.</param>
    /// <param name="function">The function of the request (without the exception bit).</param>
    /// <param name="exceptionCode">The exception code the server returned.</param>
    public ModbusException(byte unitId, ModbusFunctionCode function, ModbusExceptionCode exceptionCode)
        : base(Describe(unitId, function, exceptionCode))
    {
        UnitId = unitId;
        Function = function;
        ExceptionCode = exceptionCode;
    }

    /// <summary>The unit id the request addressed.</summary>
    public byte UnitId { get; }

    /// <summary>The function of the request, without the exception bit.</summary>
    public ModbusFunctionCode Function { get; }

    /// <summary>The specification's name of <see cref="Function"/>, or "Function N" for a code it does not define.</summary>
    public string FunctionName => ModbusFunctions.GetName((byte)Function) ?? string.Create(CultureInfo.InvariantCulture, $"Function {(byte)Function}");

    /// <summary>The exception code (it may be a value the specification does not define).</summary>
    public ModbusExceptionCode ExceptionCode { get; }

    /// <summary>The specification's name of <see cref="ExceptionCode"/>, or "Exception N" for a code it does not define.</summary>
    public string ExceptionName => ModbusFunctions.GetName(ExceptionCode) ?? string.Create(CultureInfo.InvariantCulture, $"Exception {(byte)ExceptionCode}");

    private static string Describe(byte unitId, ModbusFunctionCode function, ModbusExceptionCode code)
    {
        string functionName = ModbusFunctions.GetName((byte)function) ?? "an unknown function";
        string codeName = ModbusFunctions.GetName(code) ?? "an exception code the specification does not define";
        return string.Create(CultureInfo.InvariantCulture, $"Unit {unitId} answered {functionName} (function {(byte)function}) with exception {(byte)code:D2} {codeName}.");
    }
}
