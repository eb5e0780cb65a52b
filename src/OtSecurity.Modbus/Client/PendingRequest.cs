using System.Globalization;
using OtSecurity.Protocols;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Client;

/// <summary>Turns a validated response PDU into the caller's result; throws <see cref="ModbusProtocolException"/> when it does not answer the request.</summary>
/// <typeparam name="T">The result.</typeparam>
/// <param name="response">A valid, non-exception response PDU of the request's function.</param>
/// <returns>The result.</returns>
internal delegate T ResponseDecoder<T>(in ModbusPdu response);

/// <summary>
/// A request awaiting its answer. Whoever removes it from its connection's pending table (the receive loop with an
/// answer, the timeout timer, the caller's cancellation, or the connection closing) completes it: exactly once.
/// </summary>
internal abstract class PendingRequest
{
    protected PendingRequest(byte unitId, byte function)
    {
        UnitId = unitId;
        Function = function;
    }

    public byte UnitId { get; }

    public byte Function { get; }

    public ushort TransactionId { get; set; }

    public ModbusClientConnection? Connection { get; set; }

    public string Description => string.Create(
        CultureInfo.InvariantCulture,
        $"{ModbusFunctions.GetName(Function) ?? "Function " + Function.ToString(CultureInfo.InvariantCulture)} (function {Function}) to unit {UnitId}, transaction {TransactionId}");

    /// <summary>Decodes the answer and completes; a mismatch propagates as <see cref="ModbusProtocolException"/>.</summary>
    public abstract void Complete(in ModbusPdu response);

    /// <summary>Completes without an answer (requests the specification leaves unanswered).</summary>
    public abstract void CompleteWithoutResponse();

    public abstract void Fail(Exception exception);

    public abstract void Cancel(CancellationToken token);

    public ModbusProtocolException Mismatch(string detail) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Description}: the response does not answer the request: {detail}."));

    public ModbusProtocolException Malformed(ProtocolError error) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Description}: the response is malformed: {error.Reason} (PDU offset {error.Offset})."), error);
}

/// <inheritdoc />
internal sealed class PendingRequest<T> : PendingRequest
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ResponseDecoder<T>? _decoder;
    private readonly T _noResponseValue;

    public PendingRequest(byte unitId, byte function, ResponseDecoder<T>? decoder, T noResponseValue)
        : base(unitId, function)
    {
        _decoder = decoder;
        _noResponseValue = noResponseValue;
    }

    public bool ExpectsResponse => _decoder is not null;

    public Task<T> Task => _completion.Task;

    public override void Complete(in ModbusPdu response)
    {
        if (_decoder is null)
        {
            throw Mismatch("no response was expected");
        }

        _completion.TrySetResult(_decoder(response));
    }

    public override void CompleteWithoutResponse() => _completion.TrySetResult(_noResponseValue);

    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    public override void Cancel(CancellationToken token) => _completion.TrySetCanceled(token);
}
