using System.Runtime.CompilerServices;

namespace OtSecurity.Protocols.Modbus;

/// <summary>
/// A validated view over one complete Modbus PDU (function code and data; MODBUS Application Protocol Specification
/// V1.1b3 §4.1), with typed accessors per message layout. Nothing is copied: the view and the messages it yields
/// alias the input bytes. Protocol error replies (exception responses) are data: <see cref="IsException"/>.
/// </summary>
/// <remarks>
/// Dispatch with a <c>switch</c> on <see cref="Kind"/> and call the matching <c>TryGet…</c> method; each returns
/// <see langword="false"/> (and a default message) when the PDU is of another kind.
/// </remarks>
public readonly ref partial struct ModbusPdu
{
    private ModbusPdu(ReadOnlySpan<byte> span, ModbusDirection direction, ModbusMessageKind kind)
    {
        Span = span;
        Direction = direction;
        Kind = kind;
    }

    /// <summary>A view over a PDU already validated as <paramref name="kind"/>.</summary>
    internal static ModbusPdu Create(ReadOnlySpan<byte> pdu, ModbusDirection direction, ModbusMessageKind kind) => new(pdu, direction, kind);

    /// <summary>The PDU bytes: function code then data.</summary>
    public ReadOnlySpan<byte> Span { get; }

    /// <summary>Request or response, as given to or inferred by <see cref="TryRead(ReadOnlySpan{byte}, ModbusDirection, out ModbusPdu, out ProtocolError)"/>.</summary>
    public ModbusDirection Direction { get; }

    /// <summary>The layout of the PDU, telling which typed accessor applies.</summary>
    public ModbusMessageKind Kind { get; }

    /// <summary>The function code byte as sent, with the exception bit when set.</summary>
    public byte RawFunctionCode => Span.IsEmpty ? (byte)0 : Span[0];

    /// <summary>The function code without the exception bit (as Wireshark reports <c>modbus.func_code</c>).</summary>
    public ModbusFunctionCode FunctionCode => (ModbusFunctionCode)(RawFunctionCode & 0x7F);

    /// <summary>True for an exception response (§7).</summary>
    public bool IsException => Kind == ModbusMessageKind.Exception;

    /// <summary>The exception code of an exception response; 0 otherwise.</summary>
    public ModbusExceptionCode ExceptionCode => IsException ? (ModbusExceptionCode)Span[1] : 0;

    /// <summary>The bytes after the function code.</summary>
    public ReadOnlySpan<byte> Data => Span.Length > 1 ? Span[1..] : default;

    /// <summary>Reads and validates a PDU.</summary>
    /// <param name="pdu">Exactly one PDU (the framing delimits it).</param>
    /// <param name="direction">Request, response, or <see cref="ModbusDirection.Unknown"/> to infer it from the structure.</param>
    /// <param name="result">The view, when valid; default otherwise.</param>
    /// <returns>True when the PDU is valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> pdu, ModbusDirection direction, out ModbusPdu result) =>
        TryReadCore(pdu, direction, out result, out _, out _);

    /// <summary>Reads and validates a PDU, reporting why it is invalid.</summary>
    /// <param name="pdu">Exactly one PDU (the framing delimits it).</param>
    /// <param name="direction">
    /// Request, response, or <see cref="ModbusDirection.Unknown"/> to infer it from the structure: a function code with
    /// the exception bit is a response; otherwise the request layout is tried first, then the response layout. When both
    /// fit (functions 5, 6, 8, 21, 22 and unknown codes have one layout for both) the PDU is read as a request.
    /// </param>
    /// <param name="result">The view, when valid; default otherwise.</param>
    /// <param name="error">Why the PDU is invalid (offsets count from the function code); default when valid.</param>
    /// <returns>True when the PDU is valid.</returns>
    public static bool TryRead(ReadOnlySpan<byte> pdu, ModbusDirection direction, out ModbusPdu result, out ProtocolError error)
    {
        if (TryReadCore(pdu, direction, out result, out ModbusError code, out int offset))
        {
            error = default;
            return true;
        }

        error = ModbusErrors.Create(code, offset);
        return false;
    }

    /// <summary>The reader with the error as a code and an offset (the public overloads build the <see cref="ProtocolError"/> once, at the edge).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryReadCore(ReadOnlySpan<byte> pdu, ModbusDirection direction, out ModbusPdu result, out ModbusError code, out int offset)
    {
        if (direction != ModbusDirection.Unknown)
        {
            ModbusMessageKind kind = ModbusPduValidator.FastKind(pdu, direction == ModbusDirection.Request);
            if (kind != ModbusMessageKind.Unknown)
            {
                result = new ModbusPdu(pdu, direction, kind);
                code = ModbusError.None;
                offset = 0;
                return true;
            }

            return TryReadKnown(pdu, direction, out result, out code, out offset);
        }

        return TryReadInferring(pdu, out result, out code, out offset);
    }

    /// <summary>Reads a PDU of a known direction with every rule.</summary>
    private static bool TryReadKnown(ReadOnlySpan<byte> pdu, ModbusDirection direction, out ModbusPdu result, out ModbusError code, out int offset)
    {
        code = ModbusPduValidator.Validate(pdu, direction == ModbusDirection.Request, out ModbusMessageKind kind, out offset);
        if (code == ModbusError.None)
        {
            result = new ModbusPdu(pdu, direction, kind);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>Reads a PDU whose direction must be inferred from its structure.</summary>
    private static bool TryReadInferring(ReadOnlySpan<byte> pdu, out ModbusPdu result, out ModbusError code, out int offset)
    {
        ModbusMessageKind kind;
        ModbusDirection direction = ModbusDirection.Request;
        {
            if (!pdu.IsEmpty && pdu[0] >= 0x80)
            {
                direction = ModbusDirection.Response;
                code = ModbusPduValidator.Validate(pdu, request: false, out kind, out offset);
            }
            else
            {
                code = ModbusPduValidator.Validate(pdu, request: true, out kind, out offset);
                if (code != ModbusError.None)
                {
                    ModbusError responseCode = ModbusPduValidator.Validate(pdu, request: false, out ModbusMessageKind responseKind, out int responseOffset);
                    if (responseCode == ModbusError.None || responseOffset > offset)
                    {
                        direction = ModbusDirection.Response;
                        code = responseCode;
                        kind = responseKind;
                        offset = responseOffset;
                    }
                }
            }
        }

        if (code != ModbusError.None)
        {
            result = default;
            return false;
        }

        result = new ModbusPdu(pdu, direction, kind);
        return true;
    }

    /// <summary>
    /// Tells a request from a response by structure alone: a function code with the exception bit is a response;
    /// otherwise the PDU is a request when only the request layout fits and a response when only the response layout
    /// fits. <see cref="ModbusDirection.Unknown"/> when both fit or neither does.
    /// </summary>
    /// <param name="pdu">One PDU.</param>
    /// <returns>The direction, or <see cref="ModbusDirection.Unknown"/>.</returns>
    public static ModbusDirection InferDirection(ReadOnlySpan<byte> pdu)
    {
        if (pdu.IsEmpty)
        {
            return ModbusDirection.Unknown;
        }

        if (pdu[0] >= 0x80)
        {
            return ModbusDirection.Response;
        }

        bool request = ModbusPduValidator.Validate(pdu, request: true, out _, out _) == ModbusError.None;
        bool response = ModbusPduValidator.Validate(pdu, request: false, out _, out _) == ModbusError.None;
        return request == response ? ModbusDirection.Unknown : request ? ModbusDirection.Request : ModbusDirection.Response;
    }

    /// <summary>The exception response, when <see cref="Kind"/> is <see cref="ModbusMessageKind.Exception"/>.</summary>
    /// <param name="message">Function (without the exception bit) and exception code.</param>
    /// <returns>True when this is an exception response.</returns>
    public bool TryGetException(out ModbusExceptionResponse message)
    {
        if (Kind != ModbusMessageKind.Exception)
        {
            message = default;
            return false;
        }

        message = new ModbusExceptionResponse(FunctionCode, (ModbusExceptionCode)Span[1]);
        return true;
    }

    /// <summary>The raw function code and data, when <see cref="Kind"/> is <see cref="ModbusMessageKind.UserDefined"/> or <see cref="ModbusMessageKind.Unknown"/>.</summary>
    /// <param name="message">Function code and data.</param>
    /// <returns>True for a user-defined or unknown function (or reserved MEI type).</returns>
    public bool TryGetRaw(out ModbusRawPdu message)
    {
        if (Span.IsEmpty || Kind is not (ModbusMessageKind.UserDefined or ModbusMessageKind.Unknown))
        {
            message = default;
            return false;
        }

        message = new ModbusRawPdu(Span[0], Span[1..]);
        return true;
    }
}

/// <summary>An exception response (§7): the function that failed and why.</summary>
/// <param name="Function">The function code of the request, without the exception bit (it may be a code the enum does not name).</param>
/// <param name="ExceptionCode">The exception code (it may be a code the enum does not name).</param>
public readonly record struct ModbusExceptionResponse(ModbusFunctionCode Function, ModbusExceptionCode ExceptionCode);

/// <summary>A PDU of a user-defined or unknown function code (or of a reserved MEI type), kept as raw data.</summary>
public readonly ref struct ModbusRawPdu
{
    /// <summary>Creates the message.</summary>
    /// <param name="functionCode">The function code byte.</param>
    /// <param name="data">The bytes after it.</param>
    public ModbusRawPdu(byte functionCode, ReadOnlySpan<byte> data)
    {
        FunctionCode = functionCode;
        Data = data;
    }

    /// <summary>The function code byte.</summary>
    public byte FunctionCode { get; }

    /// <summary>The bytes after the function code.</summary>
    public ReadOnlySpan<byte> Data { get; }
}
