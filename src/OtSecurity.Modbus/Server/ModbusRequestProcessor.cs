using System.Buffers.Binary;
using System.Net;
using Microsoft.Extensions.Logging;
using OtSecurity.Protocols;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Modbus.Server;

/// <summary>
/// Answers one request PDU from the data store: every public function code of V1.1b3, exception responses for illegal
/// functions, addresses and values (§7, and the state diagrams of §6), Server Device Failure when the store throws.
/// Stateless apart from the diagnostic counters; called concurrently by every connection.
/// </summary>
internal sealed class ModbusRequestProcessor
{
    private const int MaxFifoCount = ModbusLimits.MaxFifoCount;

    private readonly IModbusDataStore _store;
    private readonly HashSet<byte>? _unitIds;
    private readonly SortedList<byte, byte[]> _identityObjects;
    private readonly ModbusConformityLevel _conformityLevel;
    private readonly byte[] _serverIdData;
    private readonly ILogger _logger;
    private readonly long[] _requestsByFunction = new long[128];
    private long _requests;
    private long _exceptions;

    public ModbusRequestProcessor(IModbusDataStore store, ModbusTcpServerOptions options, ILogger logger)
    {
        _store = store;
        _unitIds = options.UnitIds is null ? null : [.. options.UnitIds];
        _identityObjects = options.Identity.GetObjects();
        _conformityLevel = options.Identity.ConformityLevel;
        _serverIdData = [.. options.ServerId.Span, options.RunIndicator ? (byte)0xFF : (byte)0x00, .. options.ServerIdAdditionalData.Span];
        _logger = logger;
    }

    public ServerDiagnostics Diagnostics { get; } = new();

    public long Requests => Interlocked.Read(ref _requests);

    public long Exceptions => Interlocked.Read(ref _exceptions);

    public long GetRequestCount(byte function) => Interlocked.Read(ref _requestsByFunction[function & 0x7F]);

    /// <summary>Processes one request.</summary>
    /// <param name="header">The request's MBAP header.</param>
    /// <param name="request">The request PDU (1..253 bytes).</param>
    /// <param name="remote">The client.</param>
    /// <param name="response">At least 253 bytes for the response PDU.</param>
    /// <returns>The response PDU length; 0 when the request is not answered (listen-only mode).</returns>
    public int Process(ModbusMbapHeader header, ReadOnlySpan<byte> request, EndPoint? remote, Span<byte> response)
    {
        byte function = (byte)(request[0] & 0x7F);
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _requestsByFunction[function]);
        ModbusInstrumentation.ServerRequests.Add(1, ModbusInstrumentation.Function(function));
        Diagnostics.Received();

        bool valid = ModbusPdu.TryRead(request, ModbusDirection.Request, out ModbusPdu pdu, out ProtocolError error);
        if (Diagnostics.ListenOnly)
        {
            // §6.8.1 sub-function 04: in listen-only mode nothing is answered; only Restart Communications Option
            // (sub-function 01) brings the device back, and that request is not answered either.
            if (valid && pdu.TryGetDiagnostics(out ModbusDiagnostics restart) && restart.SubFunction == ModbusDiagnosticSubFunction.RestartCommunicationsOption)
            {
                Diagnostics.Restart(restart.TryGetWord(out ushort word) && word == 0xFF00);
            }

            Diagnostics.NotAnswered();
            return 0;
        }

        if (_unitIds is not null && !_unitIds.Contains(header.UnitId))
        {
            return Exception(response, function, ModbusExceptionCode.GatewayPathUnavailable);
        }

        if (!valid)
        {
            return Exception(response, function, ToExceptionCode((ModbusError)error.Code));
        }

        var context = new ModbusRequestContext(header.UnitId, header.TransactionId, pdu.FunctionCode, remote);
        ModbusExceptionCode? failure;
        int length;
        try
        {
            failure = Dispatch(context, pdu, response, out length);
        }
#pragma warning disable CA1031 // A store that fails for any reason answers Server Device Failure (§7 code 04) instead of killing the connection.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ServerStoreFailed(_logger, ex, function, remote);
            failure = ModbusExceptionCode.ServerDeviceFailure;
            length = 0;
        }

        if (failure is ModbusExceptionCode code)
        {
            return Exception(response, function, code);
        }

        if (length == 0)
        {
            // Force Listen Only Mode: no response (§6.8.1).
            Diagnostics.NotAnswered();
            return 0;
        }

        Diagnostics.Answered(null, countsAsCompletion: function != (byte)ModbusFunctionCode.GetCommEventCounter);
        return length;
    }

    /// <summary>Codec errors of a request, mapped as the state diagrams of §6 do: quantity and value checks give 03, address checks 02.</summary>
    internal static ModbusExceptionCode ToExceptionCode(ModbusError error) => error switch
    {
        ModbusError.ExceptionBitInRequest => ModbusExceptionCode.IllegalFunction,
        ModbusError.AddressRangeOverflow or ModbusError.InvalidFileNumber or ModbusError.InvalidRecordNumber => ModbusExceptionCode.IllegalDataAddress,
        _ => ModbusExceptionCode.IllegalDataValue,
    };

    private int Exception(Span<byte> response, byte function, ModbusExceptionCode code)
    {
        Interlocked.Increment(ref _exceptions);
        ModbusInstrumentation.ServerExceptions.Add(1, ModbusInstrumentation.Function(function), new KeyValuePair<string, object?>("modbus.exception", (byte)code));
        Diagnostics.Answered(code, countsAsCompletion: false);
        ModbusPduWriter.TryWrite(new ModbusExceptionResponse((ModbusFunctionCode)function, code), response, out int length);
        return length;
    }

    private ModbusExceptionCode? Dispatch(in ModbusRequestContext context, in ModbusPdu pdu, Span<byte> response, out int length)
    {
        length = 0;
        switch (pdu.Kind)
        {
            case ModbusMessageKind.ReadRequest when pdu.TryGetReadRequest(out ModbusReadRequest read):
                return read.Function is ModbusFunctionCode.ReadCoils or ModbusFunctionCode.ReadDiscreteInputs
                    ? ReadBits(context, read, response, out length)
                    : ReadRegisters(context, read, response, out length);

            case ModbusMessageKind.WriteSingleCoil when pdu.TryGetWriteSingleCoil(out ModbusWriteSingleCoil coil):
                return Echo(_store.WriteCoils(context, coil.Address, [coil.Value]), pdu, response, out length);

            case ModbusMessageKind.WriteSingleRegister when pdu.TryGetWriteSingleRegister(out ModbusWriteSingleRegister register):
                return Echo(_store.WriteHoldingRegisters(context, register.Address, [register.Value]), pdu, response, out length);

            case ModbusMessageKind.MaskWriteRegister when pdu.TryGetMaskWriteRegister(out ModbusMaskWriteRegister mask):
                return Echo(_store.MaskWriteHoldingRegister(context, mask.Address, mask.AndMask, mask.OrMask), pdu, response, out length);

            case ModbusMessageKind.WriteMultipleCoilsRequest when pdu.TryGetWriteMultipleCoilsRequest(out ModbusWriteMultipleCoilsRequest coils):
                return WriteCoils(context, coils, response, out length);

            case ModbusMessageKind.WriteMultipleRegistersRequest when pdu.TryGetWriteMultipleRegistersRequest(out ModbusWriteMultipleRegistersRequest registers):
                return WriteRegisters(context, registers, response, out length);

            case ModbusMessageKind.ReadWriteMultipleRegistersRequest when pdu.TryGetReadWriteMultipleRegistersRequest(out ModbusReadWriteMultipleRegistersRequest readWrite):
                return ReadWrite(context, readWrite, response, out length);

            case ModbusMessageKind.ReadFifoQueueRequest when pdu.TryGetReadFifoQueueRequest(out ModbusReadFifoQueueRequest fifo):
                return ReadFifo(context, fifo, response, out length);

            case ModbusMessageKind.ReadFileRecordRequest when pdu.TryGetReadFileRecordRequest(out ModbusReadFileRecordRequest fileRead):
                return ReadFileRecords(context, fileRead, response, out length);

            case ModbusMessageKind.WriteFileRecord when pdu.TryGetWriteFileRecord(out ModbusWriteFileRecord fileWrite):
                return WriteFileRecords(context, fileWrite, pdu, response, out length);

            case ModbusMessageKind.EmptyRequest when pdu.TryGetEmptyRequest(out ModbusEmptyRequest empty):
                return Empty(context, empty.Function, response, out length);

            case ModbusMessageKind.Diagnostics when pdu.TryGetDiagnostics(out ModbusDiagnostics diagnostics):
                return Diagnose(diagnostics, response, out length);

            case ModbusMessageKind.ReadDeviceIdentificationRequest when pdu.TryGetReadDeviceIdentificationRequest(out ModbusReadDeviceIdentificationRequest identification):
                return Identify(identification, response, out length);

            default:
                // User-defined and unknown functions, CANopen General Reference (no CANopen objects here), reserved MEI types.
                return ModbusExceptionCode.IllegalFunction;
        }
    }

    private ModbusExceptionCode? ReadBits(in ModbusRequestContext context, ModbusReadRequest read, Span<byte> response, out int length)
    {
        length = 0;
        Span<bool> values = stackalloc bool[read.Quantity];
        ModbusExceptionCode? code = read.Function == ModbusFunctionCode.ReadCoils
            ? _store.ReadCoils(context, read.Address, values)
            : _store.ReadDiscreteInputs(context, read.Address, values);
        if (code is not null)
        {
            return code;
        }

        Span<byte> packed = stackalloc byte[(read.Quantity + 7) / 8];
        packed.Clear();
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i])
            {
                packed[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        ModbusPduWriter.TryWrite(new ModbusReadBitsResponse(read.Function, packed), response, out length);
        return null;
    }

    private ModbusExceptionCode? ReadRegisters(in ModbusRequestContext context, ModbusReadRequest read, Span<byte> response, out int length)
    {
        length = 0;
        Span<ushort> values = stackalloc ushort[read.Quantity];
        ModbusExceptionCode? code = read.Function == ModbusFunctionCode.ReadHoldingRegisters
            ? _store.ReadHoldingRegisters(context, read.Address, values)
            : _store.ReadInputRegisters(context, read.Address, values);
        if (code is not null)
        {
            return code;
        }

        Span<byte> bytes = stackalloc byte[2 * values.Length];
        ToBigEndian(values, bytes);
        ModbusPduWriter.TryWrite(new ModbusReadRegistersResponse(read.Function, bytes), response, out length);
        return null;
    }

    private ModbusExceptionCode? WriteCoils(in ModbusRequestContext context, in ModbusWriteMultipleCoilsRequest request, Span<byte> response, out int length)
    {
        length = 0;
        Span<bool> values = stackalloc bool[request.Quantity];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = request.GetCoil(i);
        }

        ModbusExceptionCode? code = _store.WriteCoils(context, request.Address, values);
        if (code is null)
        {
            ModbusPduWriter.TryWrite(new ModbusWriteMultipleResponse(ModbusFunctionCode.WriteMultipleCoils, request.Address, request.Quantity), response, out length);
        }

        return code;
    }

    private ModbusExceptionCode? WriteRegisters(in ModbusRequestContext context, in ModbusWriteMultipleRegistersRequest request, Span<byte> response, out int length)
    {
        length = 0;
        Span<ushort> values = stackalloc ushort[request.Quantity];
        FromBigEndian(request.RegisterBytes, values);
        ModbusExceptionCode? code = _store.WriteHoldingRegisters(context, request.Address, values);
        if (code is null)
        {
            ModbusPduWriter.TryWrite(new ModbusWriteMultipleResponse(ModbusFunctionCode.WriteMultipleRegisters, request.Address, (ushort)request.Quantity), response, out length);
        }

        return code;
    }

    private ModbusExceptionCode? ReadWrite(in ModbusRequestContext context, in ModbusReadWriteMultipleRegistersRequest request, Span<byte> response, out int length)
    {
        length = 0;
        Span<ushort> write = stackalloc ushort[request.WriteQuantity];
        FromBigEndian(request.WriteRegisterBytes, write);
        Span<ushort> read = stackalloc ushort[request.ReadQuantity];
        ModbusExceptionCode? code = _store.WriteThenReadHoldingRegisters(context, request.WriteAddress, write, request.ReadAddress, read);
        if (code is not null)
        {
            return code;
        }

        Span<byte> bytes = stackalloc byte[2 * read.Length];
        ToBigEndian(read, bytes);
        ModbusPduWriter.TryWrite(new ModbusReadRegistersResponse(ModbusFunctionCode.ReadWriteMultipleRegisters, bytes), response, out length);
        return null;
    }

    private ModbusExceptionCode? ReadFifo(in ModbusRequestContext context, ModbusReadFifoQueueRequest request, Span<byte> response, out int length)
    {
        length = 0;
        Span<ushort> values = stackalloc ushort[MaxFifoCount];
        ModbusExceptionCode? code = _store.ReadFifoQueue(context, request.FifoPointerAddress, values, out int count);
        if (code is not null)
        {
            return code;
        }

        // §6.18: a queue of more than 31 values is answered with exception 03.
        if (count is < 0 or > MaxFifoCount)
        {
            return ModbusExceptionCode.IllegalDataValue;
        }

        Span<byte> bytes = stackalloc byte[2 * count];
        ToBigEndian(values[..count], bytes);
        ModbusPduWriter.TryWrite(new ModbusReadFifoQueueResponse(bytes), response, out length);
        return null;
    }

    private ModbusExceptionCode? ReadFileRecords(in ModbusRequestContext context, in ModbusReadFileRecordRequest request, Span<byte> response, out int length)
    {
        length = 0;
        var builder = new ModbusReadFileRecordResponseBuilder(response);
        Span<ushort> values = stackalloc ushort[ModbusLimits.MaxPduLength / 2];
        Span<byte> bytes = stackalloc byte[ModbusLimits.MaxPduLength];
        for (int i = 0; i < request.Count; i++)
        {
            ModbusFileRecordReference reference = request[i];

            // The codec bounded the total of the sub-responses to one PDU (§6.14), so each group fits these buffers.
            Span<ushort> group = values[..reference.RecordLength];
            ModbusExceptionCode? code = _store.ReadFileRecord(context, reference.FileNumber, reference.RecordNumber, group);
            if (code is not null)
            {
                return code;
            }

            Span<byte> groupBytes = bytes[..(2 * group.Length)];
            ToBigEndian(group, groupBytes);
            builder.Add(groupBytes);
        }

        builder.TryFinish(out length);
        return null;
    }

    private ModbusExceptionCode? WriteFileRecords(in ModbusRequestContext context, in ModbusWriteFileRecord request, in ModbusPdu pdu, Span<byte> response, out int length)
    {
        length = 0;
        Span<ushort> values = stackalloc ushort[ModbusLimits.MaxPduLength / 2];
        foreach (ModbusFileRecordWrite write in request)
        {
            Span<ushort> group = values[..write.RecordLength];
            FromBigEndian(write.RegisterBytes, group);
            ModbusExceptionCode? code = _store.WriteFileRecord(context, write.FileNumber, write.RecordNumber, group);
            if (code is not null)
            {
                return code;
            }
        }

        return Echo(null, pdu, response, out length);
    }

    private ModbusExceptionCode? Empty(in ModbusRequestContext context, ModbusFunctionCode function, Span<byte> response, out int length)
    {
        length = 0;
        switch (function)
        {
            case ModbusFunctionCode.ReadExceptionStatus:
                ModbusExceptionCode? code = _store.ReadExceptionStatus(context, out byte status);
                if (code is null)
                {
                    ModbusPduWriter.TryWrite(new ModbusReadExceptionStatusResponse(status), response, out length);
                }

                return code;

            case ModbusFunctionCode.GetCommEventCounter:
                // §6.9: status 0x0000 (no program command in progress), then the comm event counter.
                ModbusPduWriter.TryWrite(new ModbusCommEventCounterResponse(0x0000, Diagnostics.CommEventCounter), response, out length);
                return null;

            case ModbusFunctionCode.GetCommEventLog:
                Span<byte> events = stackalloc byte[ModbusLimits.MaxCommEvents];
                int count = Diagnostics.CopyEvents(events);
                ModbusPduWriter.TryWrite(new ModbusCommEventLogResponse(0x0000, Diagnostics.CommEventCounter, Diagnostics.BusMessageCount, events[..count]), response, out length);
                return null;

            default:
                ModbusPduWriter.TryWrite(new ModbusReportServerIdResponse(_serverIdData), response, out length);
                return null;
        }
    }

    private ModbusExceptionCode? Diagnose(in ModbusDiagnostics request, Span<byte> response, out int length)
    {
        length = 0;
        ushort word = 0;
        bool hasWord = request.TryGetWord(out ushort data);
        switch (request.SubFunction)
        {
            case ModbusDiagnosticSubFunction.ReturnQueryData:
                // §6.8.1 sub-function 00: the data is echoed.
                ModbusPduWriter.TryWrite(request, ModbusDirection.Response, response, out length);
                return null;

            case ModbusDiagnosticSubFunction.RestartCommunicationsOption:
                // §6.8.1 sub-function 01: the normal response is returned before the restart; 0xFF00 also clears the log.
                ModbusPduWriter.TryWrite(request, ModbusDirection.Response, response, out length);
                Diagnostics.Restart(hasWord && data == 0xFF00);
                return null;

            case ModbusDiagnosticSubFunction.ReturnDiagnosticRegister:
                word = Diagnostics.DiagnosticRegister;
                break;

            case ModbusDiagnosticSubFunction.ChangeAsciiInputDelimiter:
                Diagnostics.SetAsciiInputDelimiter((byte)(data >> 8));
                ModbusPduWriter.TryWrite(request, ModbusDirection.Response, response, out length);
                return null;

            case ModbusDiagnosticSubFunction.ForceListenOnlyMode:
                // §6.8.1 sub-function 04: no response is returned.
                Diagnostics.EnterListenOnly();
                return null;

            case ModbusDiagnosticSubFunction.ClearCountersAndDiagnosticRegister:
                Diagnostics.ClearCountersAndDiagnosticRegister();
                ModbusPduWriter.TryWrite(request, ModbusDirection.Response, response, out length);
                return null;

            case >= ModbusDiagnosticSubFunction.ReturnBusMessageCount and <= ModbusDiagnosticSubFunction.ReturnBusCharacterOverrunCount:
                word = Diagnostics.GetCounter(request.SubFunction);
                break;

            case ModbusDiagnosticSubFunction.ClearOverrunCounterAndFlag:
                Diagnostics.ClearOverrun();
                ModbusPduWriter.TryWrite(request, ModbusDirection.Response, response, out length);
                return null;

            default:
                // A reserved sub-function is not supported (§6.8 state diagram: exception 01).
                return ModbusExceptionCode.IllegalFunction;
        }

        Span<byte> wordBytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(wordBytes, word);
        ModbusPduWriter.TryWrite(new ModbusDiagnostics(request.SubFunction, wordBytes), ModbusDirection.Response, response, out length);
        return null;
    }

    private ModbusExceptionCode? Identify(ModbusReadDeviceIdentificationRequest request, Span<byte> response, out int length)
    {
        length = 0;
        if (request.ReadDeviceIdCode == ModbusReadDeviceIdCode.Individual)
        {
            // §6.21: individual access to an object the device does not have is answered with exception 02.
            if (((byte)_conformityLevel & 0x80) == 0)
            {
                return ModbusExceptionCode.IllegalDataValue;
            }

            if (!_identityObjects.TryGetValue(request.ObjectId, out byte[]? value))
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            var single = new ModbusDeviceIdentificationResponseBuilder(response, request.ReadDeviceIdCode, _conformityLevel, moreFollows: false, nextObjectId: 0);
            single.Add(request.ObjectId, value);
            single.TryFinish(out length);
            return null;
        }

        // §6.21: basic objects are 0x00–0x02, regular 0x00–0x7F, extended 0x00–0xFF (each level includes the lower).
        byte last = request.ReadDeviceIdCode switch
        {
            ModbusReadDeviceIdCode.Basic => (byte)ModbusDeviceObjectId.MajorMinorRevision,
            ModbusReadDeviceIdCode.Regular => 0x7F,
            _ => 0xFF,
        };

        // §6.21: an object id that matches no object restarts the stream at object 0.
        byte first = _identityObjects.ContainsKey(request.ObjectId) && request.ObjectId <= last ? request.ObjectId : (byte)0;
        int start = _identityObjects.IndexOfKey(first);
        if (start < 0)
        {
            start = 0;
        }

        // Take the objects that fit one PDU; the next one, if any, is where the client continues ("more follows").
        int used = 7;
        int end = start;
        while (end < _identityObjects.Count && _identityObjects.Keys[end] <= last && used + 2 + _identityObjects.Values[end].Length <= ModbusLimits.MaxPduLength)
        {
            used += 2 + _identityObjects.Values[end].Length;
            end++;
        }

        bool moreFollows = end < _identityObjects.Count && _identityObjects.Keys[end] <= last;
        var builder = new ModbusDeviceIdentificationResponseBuilder(response, request.ReadDeviceIdCode, _conformityLevel, moreFollows, moreFollows ? _identityObjects.Keys[end] : (byte)0);
        for (int i = start; i < end; i++)
        {
            builder.Add(_identityObjects.Keys[i], _identityObjects.Values[i]);
        }

        builder.TryFinish(out length);
        return null;
    }

    private static ModbusExceptionCode? Echo(ModbusExceptionCode? code, in ModbusPdu request, Span<byte> response, out int length)
    {
        length = 0;
        if (code is null)
        {
            // §6.5, §6.6, §6.15, §6.16: the normal response is an echo of the request.
            request.Span.CopyTo(response);
            length = request.Span.Length;
        }

        return code;
    }

    private static void ToBigEndian(ReadOnlySpan<ushort> values, Span<byte> bytes)
    {
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes[(2 * i)..], values[i]);
        }
    }

    private static void FromBigEndian(ReadOnlySpan<byte> bytes, Span<ushort> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt16BigEndian(bytes[(2 * i)..]);
        }
    }
}
