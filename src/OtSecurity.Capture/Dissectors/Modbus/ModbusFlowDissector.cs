using System.Buffers;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Capture.Dissectors.Modbus;

/// <summary>
/// Dissects one Modbus/TCP (or Modbus/UDP) flow: one <see cref="OtMessage"/> per ADU with the <c>--jsonl</c> keys of
/// DESIGN.md — <c>func</c> (without the exception bit), <c>unit</c>, <c>txn</c>, <c>exception</c>, and <c>addr</c> /
/// <c>count</c> where the PDU itself carries them (as Wireshark 4.0 reports <c>modbus.reference_num</c>,
/// <c>modbus.word_cnt</c> and <c>modbus.bit_cnt</c>). Responses are matched to requests by transaction id, unit and
/// function, with the request's frame and the latency; requests still unanswered when the flow ends are reported as
/// timeouts. An ADU with a valid MBAP header but a PDU that breaks the specification is a
/// <see cref="MessageStatus.Malformed"/> message carrying the reason.
/// </summary>
/// <remarks>
/// Direction comes from the server port (502, or the port a decode-as rule names). On a flow recognised by content the
/// PDU's structure decides (see <see cref="ModbusPdu.InferDirection"/>), and the endpoint that sent the first request
/// is taken as the client for the rest of the flow.
/// </remarks>
public sealed class ModbusFlowDissector : IFlowDissector
{
    /// <summary>Requests waiting for a response, per flow; beyond this the oldest is reported as a timeout.</summary>
    public const int MaxPendingRequests = 1024;

    private readonly TransportKind _transport;
    private readonly List<PendingRequest> _pending = [];
    private OtEndpoint? _client;

    /// <summary>Creates the flow state.</summary>
    /// <param name="transport">TCP or UDP.</param>
    public ModbusFlowDissector(TransportKind transport) => _transport = transport;

    /// <summary>Requests waiting for a response.</summary>
    public int PendingRequests => _pending.Count;

    /// <inheritdoc />
    public OperationStatus Dissect(ReadOnlySpan<byte> data, in DissectContext context, IOtMessageSink sink, out int bytesConsumed)
    {
        ArgumentNullException.ThrowIfNull(sink);
        bytesConsumed = 0;

        // Implementation Guide §3.1.3: the MBAP header delimits the ADU; a bad header cannot start one (the pipeline
        // skips a byte and resynchronises).
        OperationStatus status = ModbusMbapHeader.TryRead(data, out ModbusMbapHeader header, out _);
        if (status != OperationStatus.Done)
        {
            return status;
        }

        if (data.Length < header.AduLength)
        {
            return OperationStatus.NeedMoreData;
        }

        ReadOnlySpan<byte> pdu = data.Slice(ModbusLimits.MbapHeaderLength, header.PduLength);
        ModbusDirection direction = DirectionOf(pdu, context);
        OtMessage message = Build(header, pdu, direction, context, sink);
        sink.OnMessage(message);
        bytesConsumed = header.AduLength;
        return OperationStatus.Done;
    }

    /// <inheritdoc />
    public void Complete(in DissectContext context, IOtMessageSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        foreach (PendingRequest request in _pending)
        {
            sink.OnMessage(Timeout(request, context));
        }

        _pending.Clear();
    }

    private ModbusDirection DirectionOf(ReadOnlySpan<byte> pdu, in DissectContext context)
    {
        switch (context.Direction)
        {
            case FlowDirection.ToServer:
                return ModbusDirection.Request;
            case FlowDirection.ToClient:
                return ModbusDirection.Response;
        }

        if (_client is { } client)
        {
            return context.Source == client ? ModbusDirection.Request : ModbusDirection.Response;
        }

        // No server port: the structure decides, and fixes the client for the rest of the flow. When both layouts fit,
        // the first speaker is the client (a Modbus server never speaks first).
        ModbusDirection inferred = ModbusPdu.InferDirection(pdu);
        _client = inferred == ModbusDirection.Response ? context.Destination : context.Source;
        return inferred == ModbusDirection.Response ? ModbusDirection.Response : ModbusDirection.Request;
    }

    private OtMessage Build(ModbusMbapHeader header, ReadOnlySpan<byte> pduBytes, ModbusDirection direction, in DissectContext context, IOtMessageSink sink)
    {
        byte rawFunction = pduBytes[0];
        byte function = (byte)(rawFunction & 0x7F);
        bool isException = rawFunction >= 0x80;
        bool valid = ModbusPdu.TryRead(pduBytes, direction, out ModbusPdu pdu, out ProtocolError error);

        MessageStatus status = MessageStatus.Ok;
        ProtocolError? malformation = null;
        if (!valid)
        {
            status = MessageStatus.Malformed;
            malformation = error with { Offset = error.Offset + ModbusLimits.MbapHeaderLength };
        }
        else if (isException)
        {
            status = MessageStatus.ProtocolError;
        }

        ModbusFields.GetAddressAndCount(pduBytes, direction, out long? address, out long? count);
        OtField[] fields = isException && pduBytes.Length >= 2
            ? [OtField.Of("txn", header.TransactionId), OtField.Of("exception", pduBytes[1])]
            : [OtField.Of("txn", header.TransactionId)];

        long? requestFrame = null;
        TimeSpan? latency = null;
        IdentityHint? identity = null;
        if (direction == ModbusDirection.Request)
        {
            Remember(new PendingRequest(header.TransactionId, header.UnitId, function, context.Frame, context.Timestamp, context.Source, context.Destination, address, count, RequestQuantity(pdu)), context, sink);
        }
        else
        {
            int match = FindRequest(header.TransactionId, header.UnitId, function);
            if (match >= 0)
            {
                PendingRequest request = _pending[match];
                _pending.RemoveAt(match);
                requestFrame = request.Frame;
                latency = context.Timestamp - request.Timestamp;
                if (valid && !isException && !ModbusFields.AgreesWithRequest(pdu, request.ReadQuantity))
                {
                    status = MessageStatus.Malformed;
                    malformation = ModbusErrors.Create(ModbusError.ByteCountMismatch, ModbusLimits.MbapHeaderLength + 1);
                }
            }

            if (valid)
            {
                identity = ModbusFields.GetIdentity(pdu);
            }
        }

        return new OtMessage
        {
            Frame = context.Frame,
            Timestamp = context.Timestamp,
            Protocol = ModbusDissector.ProtocolName,
            Source = context.Source,
            Destination = context.Destination,
            Transport = _transport,
            Direction = direction == ModbusDirection.Request ? MessageDirection.Request : MessageDirection.Response,
            Operation = valid ? ModbusFunctions.Classify(pdu) : ModbusFields.Classify(pduBytes),
            Function = function,
            FunctionName = ModbusFields.GetFunctionName(pduBytes),
            Unit = header.UnitId,
            Address = address,
            Count = count,
            Status = status,
            Error = malformation,
            RequestFrame = requestFrame,
            Latency = latency,
            Identity = identity,
            Fields = fields,
        };
    }

    /// <summary>The quantity a read asks for, to check the response's byte count (functions 1–4 and 23).</summary>
    private static int RequestQuantity(ModbusPdu pdu)
    {
        if (pdu.TryGetReadRequest(out ModbusReadRequest read))
        {
            return read.Quantity;
        }

        return pdu.TryGetReadWriteMultipleRegistersRequest(out ModbusReadWriteMultipleRegistersRequest readWrite) ? readWrite.ReadQuantity : 0;
    }

    private void Remember(PendingRequest request, in DissectContext context, IOtMessageSink sink)
    {
        if (_pending.Count >= MaxPendingRequests)
        {
            // Bounded state: the oldest request is given up on and reported as a timeout now.
            PendingRequest oldest = _pending[0];
            _pending.RemoveAt(0);
            sink.OnMessage(Timeout(oldest, context));
        }

        _pending.Add(request);
    }

    /// <summary>The newest pending request with this transaction id, unit and function (a client that reuses one
    /// transaction id waits for each answer, so the newest is the one answered).</summary>
    private int FindRequest(ushort transactionId, byte unitId, byte function)
    {
        for (int i = _pending.Count - 1; i >= 0; i--)
        {
            PendingRequest p = _pending[i];
            if (p.TransactionId == transactionId && p.UnitId == unitId && p.Function == function)
            {
                return i;
            }
        }

        return -1;
    }

    private OtMessage Timeout(PendingRequest request, in DissectContext context) => new()
    {
        Frame = context.Frame,
        Timestamp = context.Timestamp,
        Protocol = ModbusDissector.ProtocolName,
        Source = request.Source,
        Destination = request.Destination,
        Transport = _transport,
        Direction = MessageDirection.Request,
        Operation = ModbusFunctions.Classify(request.Function),
        Function = request.Function,
        FunctionName = ModbusFunctions.GetName(request.Function),
        Unit = request.UnitId,
        Address = request.Address,
        Count = request.Count,
        Status = MessageStatus.Timeout,
        RequestFrame = request.Frame,
        Fields = [OtField.Of("txn", request.TransactionId)],
    };

    private readonly record struct PendingRequest(
        ushort TransactionId,
        byte UnitId,
        byte Function,
        long Frame,
        DateTime Timestamp,
        OtEndpoint Source,
        OtEndpoint Destination,
        long? Address,
        long? Count,
        int ReadQuantity);
}
