using System.Buffers;
using System.Globalization;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols;
using OtSecurity.Protocols.S7Comm;

namespace OtSecurity.Capture.Dissectors.S7Comm;

/// <summary>
/// Per-flow S7comm state: COTP DT reassembly per direction (a TSDU ends with the EOT bit), request/response
/// matching by PDU reference, and the operation of requests for responses that do not carry it.
/// </summary>
internal sealed class S7CommFlowDissector : IFlowDissector
{
    /// <summary>Largest TSDU reassembled: one S7 PDU (65535) plus COTP framing slack.</summary>
    private const int MaxTsdu = 65535 + 1024;

    /// <summary>Most requests waiting for a response; the oldest are reported as timeouts beyond it.</summary>
    private const int MaxPending = 4096;

    private readonly Direction[] _directions = [new Direction(), new Direction()];
    private readonly PendingRequests<int, Pending> _pending = new("s7comm", MaxPending);
    private OtEndpoint _firstSource;
    private bool _hasFirstSource;

    private sealed class Direction
    {
        public byte[]? Buffer;
        public int Length;
    }

    /// <summary>A request waiting for its response. Timeouts are reported without the per-PDU keys (rosctr, func, pduRef):
    /// they describe the request of <see cref="Frame"/>, not the frame that ends the flow.</summary>
    private readonly record struct Pending(long Frame, DateTime Timestamp, OtEndpoint Source, OtEndpoint Destination, int? Function, string? FunctionName, OperationClass Operation) : IPendingRequest;

    public OperationStatus Dissect(ReadOnlySpan<byte> data, in DissectContext context, IOtMessageSink sink, out int bytesConsumed)
    {
        bytesConsumed = 0;
        OperationStatus status = IsoTcp.TryRead(data, out IsoTcpPacket packet, out int consumed, out ProtocolError error);
        if (status == OperationStatus.NeedMoreData)
        {
            return status;
        }

        if (status == OperationStatus.InvalidData)
        {
            // A TPKT that delimits itself but carries a bad COTP TPDU is one malformed message; anything else resynchronises.
            if (data.Length >= 4 && data[0] == Tpkt.Version && error.Code != (int)S7CommError.TpktLength && error.Code != (int)S7CommError.TpktVersion)
            {
                int length = (data[2] << 8) | data[3];
                if (length <= data.Length)
                {
                    sink.OnMessage(Build(context, MessageDirection.Unknown, OperationClass.Unknown, null, "COTP", [], MessageStatus.Malformed, error));
                    bytesConsumed = length;
                    return OperationStatus.Done;
                }

                return OperationStatus.NeedMoreData;
            }

            return OperationStatus.InvalidData;
        }

        bytesConsumed = consumed;
        CotpTpdu tpdu = packet.Tpdu;
        switch (tpdu.PduType)
        {
            case CotpPduType.ConnectionRequest:
            case CotpPduType.ConnectionConfirm:
            case CotpPduType.DisconnectRequest:
            case CotpPduType.DisconnectConfirm:
                ResetReassembly(context);
                sink.OnMessage(Build(
                    context,
                    tpdu.PduType is CotpPduType.ConnectionRequest or CotpPduType.DisconnectRequest ? MessageDirection.Request : MessageDirection.Response,
                    OperationClass.Session,
                    null,
                    CotpName(tpdu.PduType),
                    [],
                    MessageStatus.Ok,
                    null));
                return OperationStatus.Done;
            case CotpPduType.Data:
                HandleData(tpdu, context, sink);
                return OperationStatus.Done;
            default:
                return OperationStatus.Done;
        }
    }

    private static string CotpName(CotpPduType type) => type switch
    {
        CotpPduType.ConnectionRequest => "COTP ConnectionRequest",
        CotpPduType.ConnectionConfirm => "COTP ConnectionConfirm",
        CotpPduType.DisconnectRequest => "COTP DisconnectRequest",
        _ => "COTP DisconnectConfirm",
    };

    private Direction DirectionOf(in DissectContext context)
    {
        if (context.Direction == FlowDirection.ToServer)
        {
            return _directions[0];
        }

        if (context.Direction == FlowDirection.ToClient)
        {
            return _directions[1];
        }

        if (!_hasFirstSource)
        {
            _firstSource = context.Source;
            _hasFirstSource = true;
        }

        return context.Source == _firstSource ? _directions[0] : _directions[1];
    }

    private void ResetReassembly(in DissectContext context)
    {
        Direction d = DirectionOf(context);
        d.Length = 0;
    }

    private void HandleData(CotpTpdu tpdu, in DissectContext context, IOtMessageSink sink)
    {
        Direction d = DirectionOf(context);
        ReadOnlySpan<byte> tsdu;
        if (!tpdu.IsEndOfTransmission || d.Length > 0)
        {
            // ISO 8073 §6.3 (segmenting): DTs without EOT are the leading parts of one TSDU.
            if (d.Length + tpdu.UserData.Length > MaxTsdu)
            {
                sink.OnSkipped(context, new ProtocolError("s7comm", (int)S7CommError.S7Length, "reassembled COTP TSDU exceeds 65535 octets plus framing", 0), d.Length + tpdu.UserData.Length);
                d.Length = 0;
                return;
            }

            if (d.Buffer is null || d.Buffer.Length < d.Length + tpdu.UserData.Length)
            {
                byte[] grown = ArrayPool<byte>.Shared.Rent(Math.Max(d.Length + tpdu.UserData.Length, 1024));
                if (d.Buffer is not null)
                {
                    d.Buffer.AsSpan(0, d.Length).CopyTo(grown);
                    ArrayPool<byte>.Shared.Return(d.Buffer);
                }

                d.Buffer = grown;
            }

            tpdu.UserData.CopyTo(d.Buffer.AsSpan(d.Length));
            d.Length += tpdu.UserData.Length;
            if (!tpdu.IsEndOfTransmission)
            {
                return;
            }

            tsdu = d.Buffer.AsSpan(0, d.Length);
            d.Length = 0;
        }
        else
        {
            tsdu = tpdu.UserData;
        }

        if (tsdu.IsEmpty)
        {
            return;
        }

        if (tsdu[0] == S7CommPlusPdu.ProtocolIdValue)
        {
            HandleS7CommPlus(tsdu, context, sink);
            return;
        }

        OperationStatus status = S7Pdu.TryRead(tsdu, out S7Pdu pdu, out _, out ProtocolError error);
        if (status == OperationStatus.Done)
        {
            HandlePdu(pdu, context, sink);
        }
        else if (status == OperationStatus.NeedMoreData)
        {
            sink.OnMessage(Build(context, MessageDirection.Unknown, OperationClass.Unknown, null, null, [], MessageStatus.Malformed, new ProtocolError("s7comm", (int)S7CommError.S7Length, "S7 PDU is longer than the COTP TSDU that carries it", 0)));
        }
        else if (error.Code == (int)S7CommError.S7ProtocolId)
        {
            // Not S7 (another ISO-on-TCP user, e.g. MMS on port 102): accounted for, not reported as S7.
            sink.OnSkipped(context, error, tsdu.Length);
        }
        else
        {
            sink.OnMessage(Build(context, MessageDirection.Unknown, OperationClass.Unknown, null, null, [], MessageStatus.Malformed, error));
        }
    }

    private void HandlePdu(S7Pdu pdu, in DissectContext context, IOtMessageSink sink)
    {
        var fields = new List<OtField>(6) { OtField.Of("rosctr", pdu.RosctrValue) };
        MessageDirection direction;
        OperationClass operation = S7CommClassifier.Classify(pdu);
        int? function = null;
        string? functionName = null;
        MessageStatus status = MessageStatus.Ok;
        ProtocolError? malformed = null;
        IdentityHint? identity = null;
        long? address = null, count = null;
        int key;
        bool isUserData = pdu.Rosctr == S7Rosctr.UserData;

        if (pdu.HasFunction)
        {
            function = pdu.Parameter[0];
            functionName = S7CommClassifier.FunctionName(pdu.Parameter[0]);
        }

        if (isUserData)
        {
            if (S7UserDataParameter.TryRead(pdu.Parameter, out S7UserDataParameter ud))
            {
                fields.Add(OtField.Of("funcGroup", (byte)ud.Group));
                fields.Add(OtField.Of("subfunc", ud.Subfunction));
                functionName = UserDataName(ud);
                direction = ud.Type switch
                {
                    S7UserDataType.Request or S7UserDataType.NcRequest => MessageDirection.Request,
                    S7UserDataType.Response or S7UserDataType.NcResponse => MessageDirection.Response,
                    _ => MessageDirection.Unsolicited,
                };
                if (ud.ErrorCode != 0)
                {
                    status = MessageStatus.ProtocolError;
                }

                if (direction == MessageDirection.Response && ud.Group == S7UserDataGroup.CpuFunctions && ud.Subfunction == (byte)S7CpuSubfunction.ReadSzl
                    && S7UserDataData.TryRead(pdu.Data, out S7UserDataData data) && data.ReturnCode == S7ReturnCode.Success
                    && S7SzlResponse.TryRead(data.Payload, out S7SzlResponse szl) && ud.DataUnitReference == 0)
                {
                    identity = ToHint(S7Identity.TryRead(szl));
                }
            }
            else
            {
                direction = MessageDirection.Unknown;
                status = MessageStatus.Malformed;
                malformed = new ProtocolError("s7comm", (int)S7CommError.S7Parameter, "userdata parameter part is shorter than 8 octets or than its length byte", S7Pdu.ShortHeaderLength);
            }
        }
        else
        {
            direction = pdu.Rosctr switch
            {
                S7Rosctr.Job => MessageDirection.Request,
                S7Rosctr.Ack or S7Rosctr.AckData => MessageDirection.Response,
                _ => MessageDirection.Unknown,
            };
            if (pdu.Rosctr == S7Rosctr.Job && pdu.HasFunction && pdu.Function is S7Function.ReadVariable or S7Function.WriteVariable)
            {
                if (!S7VariableItemReader.Validate(pdu.Parameter))
                {
                    status = MessageStatus.Malformed;
                    malformed = new ProtocolError("s7comm", (int)S7CommError.S7Parameter, "read/write variable items overrun or do not fill the parameter part", S7Pdu.ShortHeaderLength);
                }
                else
                {
                    var items = new S7VariableItemReader(pdu.Parameter);
                    if (items.ItemCount == 1 && items.TryReadNext(out S7VariableItem item) && item.TryGetS7AnyAddress(out S7AnyAddress any))
                    {
                        address = any.ByteAddress;
                        count = any.Count;
                    }
                }
            }
        }

        fields.Add(OtField.Of("pduRef", pdu.PduReference));
        if (pdu.HasErrorFields)
        {
            fields.Add(OtField.Of("errClass", pdu.ErrorClass));
            fields.Add(OtField.Of("errCode", pdu.ErrorCode));
            if (pdu.ErrorClass != 0 || pdu.ErrorCode != 0)
            {
                status = MessageStatus.ProtocolError;
            }
        }

        key = pdu.PduReference | (isUserData ? 0x10000 : 0);
        long? requestFrame = null;
        TimeSpan? latency = null;
        if (direction == MessageDirection.Request)
        {
            _pending.Remember(key, new Pending(context.Frame, context.Timestamp, context.Source, context.Destination, function, functionName, operation));
        }
        else if (direction == MessageDirection.Response && _pending.TryTake(key, out Pending request))
        {
            requestFrame = request.Frame;
            latency = context.Timestamp - request.Timestamp;
            if (operation == OperationClass.Unknown || (pdu.Rosctr == S7Rosctr.AckData && pdu.Function == S7Function.PiService) || isUserData)
            {
                operation = request.Operation;
            }

            functionName ??= request.FunctionName;
        }

        sink.OnMessage(new OtMessage
        {
            Frame = context.Frame,
            Timestamp = context.Timestamp,
            Protocol = "s7comm",
            Source = context.Source,
            Destination = context.Destination,
            Transport = context.Transport,
            Direction = direction,
            Operation = operation,
            Function = function,
            FunctionName = functionName,
            Address = address,
            Count = count,
            Status = status,
            Error = malformed,
            RequestFrame = requestFrame,
            Latency = latency,
            Identity = identity,
            Fields = fields,
        });
    }

    private static string UserDataName(in S7UserDataParameter ud)
    {
        string group = ud.Group switch
        {
            S7UserDataGroup.ModeTransition => "ModeTransition",
            S7UserDataGroup.ProgrammerCommands => "ProgrammerCommands",
            S7UserDataGroup.CyclicData => "CyclicData",
            S7UserDataGroup.BlockFunctions => "BlockFunctions",
            S7UserDataGroup.CpuFunctions => "CpuFunctions",
            S7UserDataGroup.Security => "Security",
            S7UserDataGroup.ProgrammableBlockCommunication => "ProgrammableBlockCommunication",
            S7UserDataGroup.TimeFunctions => "TimeFunctions",
            S7UserDataGroup.NcProgramming => "NcProgramming",
            _ => "Group" + ((int)ud.Group).ToString(CultureInfo.InvariantCulture),
        };
        string? sub = S7CommClassifier.SubfunctionName(ud.Group, ud.Subfunction);
        return sub is null ? group : group + "." + sub;
    }

    private static IdentityHint? ToHint(S7Identity? identity) => identity is null
        ? null
        : new IdentityHint
        {
            Vendor = "Siemens",
            Model = identity.OrderNumber,
            Firmware = identity.FirmwareVersion,
            Serial = identity.SerialNumber,
            Product = identity.ModuleTypeName ?? identity.ModuleName,
            DeviceType = "PLC",
            DeviceAddress = identity.PlcName,
        };

    private static void HandleS7CommPlus(ReadOnlySpan<byte> tsdu, in DissectContext context, IOtMessageSink sink)
    {
        OperationStatus status = S7CommPlusPdu.TryRead(tsdu, out S7CommPlusPdu pdu, out _, out ProtocolError error);
        if (status != OperationStatus.Done)
        {
            sink.OnMessage(Build(context, MessageDirection.Unknown, OperationClass.Unknown, null, null, [], MessageStatus.Malformed, status == OperationStatus.InvalidData ? error : new ProtocolError("s7comm", (int)S7CommError.S7CommPlusHeader, "S7comm-plus data is longer than the COTP TSDU", 2)) with { Protocol = "s7comm-plus" });
            return;
        }

        var fields = new List<OtField>(2);
        int? function = null;
        string? name = null;
        MessageDirection direction = MessageDirection.Unknown;
        OperationClass operation = OperationClass.Unknown;
        if (pdu.HasOpcode)
        {
            fields.Add(OtField.Of("opcode", (byte)pdu.Opcode));
            direction = pdu.Opcode switch
            {
                S7CommPlusOpcode.Request => MessageDirection.Request,
                S7CommPlusOpcode.Response or S7CommPlusOpcode.Response2 => MessageDirection.Response,
                _ => MessageDirection.Unsolicited,
            };
            operation = pdu.Opcode == S7CommPlusOpcode.Notification ? OperationClass.Event : OperationClass.Unknown;
        }
        else
        {
            operation = OperationClass.Session;
            name = "KeepAlive";
        }

        if (pdu.HasFunction)
        {
            function = pdu.Function;
            var f = (S7CommPlusFunction)pdu.Function;
            name = Enum.IsDefined(f) ? f.ToString() : null;
            operation = f switch
            {
                S7CommPlusFunction.CreateObject or S7CommPlusFunction.DeleteObject => OperationClass.Session,
                S7CommPlusFunction.Explore or S7CommPlusFunction.GetLink or S7CommPlusFunction.GetMultiVariables or S7CommPlusFunction.GetVarSubStreamed => OperationClass.Read,
                S7CommPlusFunction.SetVariable or S7CommPlusFunction.SetMultiVariables => OperationClass.Write,
                S7CommPlusFunction.Invoke => OperationClass.Control,
                S7CommPlusFunction.BeginSequence or S7CommPlusFunction.EndSequence => OperationClass.Program,
                _ => OperationClass.Unknown,
            };
        }

        sink.OnMessage(Build(context, direction, operation, function, name, fields, MessageStatus.Ok, null) with { Protocol = "s7comm-plus" });
    }

    private static OtMessage Build(in DissectContext context, MessageDirection direction, OperationClass operation, int? function, string? functionName, IReadOnlyList<OtField> fields, MessageStatus status, ProtocolError? error) => new()
    {
        Frame = context.Frame,
        Timestamp = context.Timestamp,
        Protocol = "s7comm",
        Source = context.Source,
        Destination = context.Destination,
        Transport = context.Transport,
        Direction = direction,
        Operation = operation,
        Function = function,
        FunctionName = functionName,
        Status = status,
        Error = error,
        Fields = fields,
    };

    public void Complete(in DissectContext context, IOtMessageSink sink)
    {
        _pending.ReportTimeouts(context, sink);
        foreach (Direction d in _directions)
        {
            if (d.Buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(d.Buffer);
                d.Buffer = null;
            }

            d.Length = 0;
        }
    }
}
