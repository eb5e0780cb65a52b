using System.Buffers;
using System.Text;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols;
using OtSecurity.Protocols.OpcUa;

namespace OtSecurity.Capture.Dissectors.OpcUa;

/// <summary>
/// Per-flow OPC UA state: the negotiated chunk size (HEL/ACK), whether the secure channel's policy is None
/// (from the OPN asymmetric header), the service id of multi-chunk messages, and request/response matching by
/// request id.
/// </summary>
internal sealed class OpcUaFlowDissector : IFlowDissector
{
    private const int MaxPending = 4096;

    /// <summary>Security of the flow's secure channel as the latest OPN showed it.</summary>
    private enum ChannelSecurity
    {
        /// <summary>No OPN seen (the capture started mid-channel).</summary>
        Unknown,

        /// <summary>Policy None: bodies are plaintext.</summary>
        None,

        /// <summary>A real policy: MSG/CLO bodies are signed or encrypted.</summary>
        Secured,
    }

    private readonly PendingRequests<uint, Pending> _pending = new("opcua", MaxPending);
    private readonly Dictionary<uint, uint> _firstChunkService = [];
    private ChannelSecurity _security;
    private uint _helloReceive;
    private uint _helloSend;
    private int _maxChunk = OpcUaFrame.DefaultMaxMessageSize;

    private readonly record struct Pending(long Frame, DateTime Timestamp, OtEndpoint Source, OtEndpoint Destination, int? Function, string? FunctionName, OperationClass Operation) : IPendingRequest;

    public OperationStatus Dissect(ReadOnlySpan<byte> data, in DissectContext context, IOtMessageSink sink, out int bytesConsumed)
    {
        bytesConsumed = 0;
        OperationStatus status = OpcUaFrame.TryRead(data, _maxChunk, out OpcUaFrame frame, out int consumed, out _);
        if (status != OperationStatus.Done)
        {
            return status;
        }

        bytesConsumed = consumed;
        switch (frame.MessageType)
        {
            case OpcUaMessageType.Hello:
                OpcUaHello.TryRead(frame.Body, out OpcUaHello hello);
                _helloReceive = hello.ReceiveBufferSize;
                _helloSend = hello.SendBufferSize;
                Emit(context, sink, frame, MessageDirection.Request, OperationClass.Session, null, "Hello", MessageStatus.Ok, null);
                break;
            case OpcUaMessageType.Acknowledge:
                OpcUaAcknowledge.TryRead(frame.Body, out OpcUaAcknowledge ack);

                // §7.1.2.4: chunks never exceed the receiver's buffer; allow the largest size either side announced.
                _maxChunk = (int)Math.Min(OpcUaFrame.DefaultMaxMessageSize, Math.Max(Math.Max(ack.ReceiveBufferSize, ack.SendBufferSize), Math.Max(_helloReceive, _helloSend)));
                Emit(context, sink, frame, MessageDirection.Response, OperationClass.Session, null, "Acknowledge", MessageStatus.Ok, null);
                break;
            case OpcUaMessageType.Error:
                Emit(context, sink, frame, MessageDirection.Response, OperationClass.Session, null, "Error", MessageStatus.ProtocolError, null);
                break;
            case OpcUaMessageType.ReverseHello:
                Emit(context, sink, frame, MessageDirection.Unsolicited, OperationClass.Session, null, "ReverseHello", MessageStatus.Ok, null);
                break;
            default:
                HandleSecure(frame, context, sink);
                break;
        }

        return OperationStatus.Done;
    }

    private void HandleSecure(in OpcUaFrame frame, in DissectContext context, IOtMessageSink sink)
    {
        if (!OpcUaSecureChunk.TryRead(frame, out OpcUaSecureChunk chunk))
        {
            Emit(context, sink, frame, MessageDirection.Unknown, OperationClass.Unknown, null, null, MessageStatus.Malformed,
                new ProtocolError("opcua", (int)OpcUaError.SecurityHeader, "security or sequence header does not fit the chunk (OPC 10000-6 §6.7.2)", OpcUaFrame.HeaderLength));
            return;
        }

        bool readable;
        bool heuristic = false;
        if (frame.MessageType == OpcUaMessageType.OpenSecureChannel)
        {
            bool none = chunk.Asymmetric.IsPolicyNone;
            _security = none ? ChannelSecurity.None : ChannelSecurity.Secured;

            // §6.7.2.3: the receiver thumbprint is present exactly when the OPN body is encrypted.
            readable = none || !chunk.Asymmetric.IsEncrypted;
        }
        else
        {
            readable = _security == ChannelSecurity.None;
            heuristic = _security == ChannelSecurity.Unknown;
        }

        if (!readable && !heuristic)
        {
            string secured = frame.MessageType == OpcUaMessageType.OpenSecureChannel ? "Encrypted" : "Secured";
            Emit(context, sink, frame, DirectionOf(frame.MessageType, null), frame.MessageType == OpcUaMessageType.Message ? OperationClass.Unknown : OperationClass.Session, null, secured, MessageStatus.Ok, null);
            return;
        }

        uint requestId = chunk.Sequence.RequestId;
        uint? serviceId = null;
        if (frame.ChunkType == OpcUaChunkType.Abort)
        {
            _firstChunkService.Remove(requestId);
        }
        else if (_firstChunkService.Remove(requestId, out uint first))
        {
            // A later chunk of a multi-chunk message: the type id was in the first chunk.
            if (frame.ChunkType == OpcUaChunkType.Final)
            {
                serviceId = first;
            }
            else
            {
                _firstChunkService[requestId] = first;
            }
        }
        else if (OpcUaServiceBody.TryReadServiceId(chunk.Payload, out uint id, out int typeLength)
                 && (!heuristic || IsPlausibleUnknownChannelType(chunk.Payload)))
        {
            if (frame.ChunkType == OpcUaChunkType.Intermediate)
            {
                if (_firstChunkService.Count < MaxPending)
                {
                    _firstChunkService[requestId] = id;
                }
            }
            else
            {
                serviceId = id;
                if (id is (uint)OpcUaServiceId.CreateSessionRequest or (uint)OpcUaServiceId.CreateSessionResponse)
                {
                    HandleCreateSession(id, chunk.Payload.Slice(typeLength), context, sink, frame, requestId);
                    return;
                }
            }
        }
        else if (heuristic)
        {
            Emit(context, sink, frame, DirectionOf(frame.MessageType, null), OperationClass.Unknown, null, "Secured", MessageStatus.Ok, null);
            return;
        }

        EmitService(context, sink, frame, serviceId, requestId, null);
    }

    /// <summary>
    /// Without an OPN the channel's policy is unknown; a body is read only when it starts with a four-byte
    /// namespace-0 NodeId naming a service (random ciphertext does that with a probability near 2e-8).
    /// </summary>
    private static bool IsPlausibleUnknownChannelType(ReadOnlySpan<byte> payload) => payload.Length >= 4 && payload[0] == (byte)OpcUaNodeIdEncoding.FourByte && payload[1] == 0;

    private void HandleCreateSession(uint serviceId, ReadOnlySpan<byte> afterType, in DissectContext context, IOtMessageSink sink, in OpcUaFrame frame, uint requestId)
    {
        IdentityHint? identity = null;
        var reader = new OpcUaBinaryReader(afterType);
        if (serviceId == (uint)OpcUaServiceId.CreateSessionRequest)
        {
            if (OpcUaCreateSessionRequest.TryRead(ref reader, out OpcUaCreateSessionRequest request))
            {
                identity = Hint(request.ClientDescription);
            }
        }
        else if (OpcUaCreateSessionResponse.TryRead(ref reader, out OpcUaCreateSessionResponse response) && response.HasServerDescription)
        {
            identity = Hint(response.ServerDescription);
        }

        EmitService(context, sink, frame, serviceId, requestId, identity);
    }

    private static IdentityHint? Hint(in OpcUaApplicationDescription description)
    {
        // Identity strings are decoded here, once per session setup, not per frame.
        string? Text(ReadOnlySpan<byte> utf8) => utf8.IsEmpty ? null : Encoding.UTF8.GetString(utf8);
        return new IdentityHint
        {
            Product = Text(description.ApplicationName),
            Model = Text(description.ProductUri),
            DeviceAddress = Text(description.ApplicationUri),
            DeviceType = description.ApplicationType switch
            {
                OpcUaApplicationType.Server => "Server",
                OpcUaApplicationType.Client => "Client",
                OpcUaApplicationType.ClientAndServer => "ClientAndServer",
                OpcUaApplicationType.DiscoveryServer => "DiscoveryServer",
                _ => null,
            },
        };
    }

    private static MessageDirection DirectionOf(OpcUaMessageType type, uint? serviceId)
    {
        if (serviceId is uint id && OpcUaServices.IsRequest(id) is bool request)
        {
            return request ? MessageDirection.Request : MessageDirection.Response;
        }

        return type == OpcUaMessageType.CloseSecureChannel ? MessageDirection.Request : MessageDirection.Unknown;
    }

    private void EmitService(in DissectContext context, IOtMessageSink sink, in OpcUaFrame frame, uint? serviceId, uint requestId, IdentityHint? identity)
    {
        MessageDirection direction = DirectionOf(frame.MessageType, serviceId);
        OperationClass operation = serviceId is uint id ? OpcUaServices.Classify(id) : (frame.MessageType == OpcUaMessageType.Message ? OperationClass.Unknown : OperationClass.Session);
        string? name = serviceId is uint sid ? OpcUaServices.GetName(sid) : null;
        MessageStatus status = serviceId == (uint)OpcUaServiceId.ServiceFault ? MessageStatus.ProtocolError : MessageStatus.Ok;
        long? requestFrame = null;
        TimeSpan? latency = null;
        if (frame.ChunkType != OpcUaChunkType.Intermediate)
        {
            if (direction == MessageDirection.Request)
            {
                _pending.Remember(requestId, new Pending(context.Frame, context.Timestamp, context.Source, context.Destination, (int?)serviceId, name, operation));
            }
            else if (direction == MessageDirection.Response && _pending.TryTake(requestId, out Pending request))
            {
                requestFrame = request.Frame;
                latency = context.Timestamp - request.Timestamp;
                if (serviceId == (uint)OpcUaServiceId.ServiceFault)
                {
                    operation = request.Operation;
                }
            }
        }

        var fields = serviceId is uint value
            ? new OtField[] { OtField.Of("msgType", frame.MessageTypeText), OtField.Of("serviceId", value) }
            : new OtField[] { OtField.Of("msgType", frame.MessageTypeText) };
        sink.OnMessage(new OtMessage
        {
            Frame = context.Frame,
            Timestamp = context.Timestamp,
            Protocol = "opcua",
            Source = context.Source,
            Destination = context.Destination,
            Transport = context.Transport,
            Direction = direction,
            Operation = operation,
            Function = serviceId is uint f ? (int)f : null,
            FunctionName = name,
            Status = status,
            RequestFrame = requestFrame,
            Latency = latency,
            Identity = identity,
            Fields = fields,
        });
    }

    private static void Emit(in DissectContext context, IOtMessageSink sink, in OpcUaFrame frame, MessageDirection direction, OperationClass operation, int? serviceId, string? name, MessageStatus status, ProtocolError? error)
    {
        sink.OnMessage(new OtMessage
        {
            Frame = context.Frame,
            Timestamp = context.Timestamp,
            Protocol = "opcua",
            Source = context.Source,
            Destination = context.Destination,
            Transport = context.Transport,
            Direction = direction,
            Operation = operation,
            Function = serviceId,
            FunctionName = name,
            Status = status,
            Error = error,
            Fields = [OtField.Of("msgType", frame.MessageTypeText)],
        });
    }

    public void Complete(in DissectContext context, IOtMessageSink sink)
    {
        _pending.ReportTimeouts(context, sink);
        _firstChunkService.Clear();
    }
}
