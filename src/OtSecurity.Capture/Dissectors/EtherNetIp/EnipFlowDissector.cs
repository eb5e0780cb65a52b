using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols;
using OtSecurity.Protocols.EtherNetIp;

namespace OtSecurity.Capture.Dissectors.EtherNetIp;

/// <summary>
/// Dissects one EtherNet/IP flow: every encapsulation packet becomes a message with <c>command</c> and <c>session</c>,
/// and <c>cipService</c> (plus <c>cipStatus</c> on responses) when it carries CIP. The requests embedded in an
/// Unconnected_Send and the services of a Multiple_Service_Packet become further messages of the same frame with
/// their own <c>cipService</c>/<c>cipStatus</c> (the encapsulation keys belong to the packet, so they are not
/// repeated). Requests are matched with replies by sender context (SendRRData) or CIP sequence count (SendUnitData),
/// which names object-specific reply services and reveals identity in Get_Attributes_All replies of the Identity
/// object. UDP datagrams that are not encapsulation packets are read as implicit I/O.
/// </summary>
internal sealed class EnipFlowDissector : IFlowDissector
{
    /// <summary>Requests waiting for a reply, at most this many per flow (the oldest is dropped).</summary>
    internal const int MaxPending = 1024;

    private const int MaxDepth = 4;

    private readonly TransportKind _transport;
    private readonly PendingRequests<(bool Connected, ulong Key), Pending> _pending = new(EnipDissector.Name, MaxPending);

    public EnipFlowDissector(TransportKind transport) => _transport = transport;

    /// <inheritdoc />
    public OperationStatus Dissect(ReadOnlySpan<byte> data, in DissectContext context, IOtMessageSink sink, out int bytesConsumed)
    {
        bytesConsumed = 0;
        if (data.IsEmpty)
        {
            return OperationStatus.NeedMoreData;
        }

        if (_transport == TransportKind.Udp && !LooksLikeEncapsulation(data))
        {
            if (CipIoPacket.TryRead(data, out CipIoPacket packet, out ProtocolError ioError))
            {
                sink.OnMessage(DescribeIo(packet, context));
                bytesConsumed = data.Length;
                return OperationStatus.Done;
            }

            _ = ioError;
            return OperationStatus.InvalidData;
        }

        OperationStatus status = Encapsulation.TryRead(data, out EncapsulationFrame frame, out int consumed, out ProtocolError error);
        switch (status)
        {
            case OperationStatus.Done:
                Describe(frame, context, sink);
                bytesConsumed = consumed;
                return OperationStatus.Done;
            case OperationStatus.NeedMoreData:
                return OperationStatus.NeedMoreData;
        }

        // The packet is delimited by its header but its data is invalid: report it and move past it.
        if (data.Length >= Encapsulation.HeaderLength)
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
            if (length <= Encapsulation.MaximumDataLength && data.Length >= Encapsulation.HeaderLength + length)
            {
                ushort command = BinaryPrimitives.ReadUInt16LittleEndian(data);
                uint session = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
                sink.OnMessage(Base(context, [OtField.Of("command", command), OtField.Of("session", session)]) with
                {
                    FunctionName = CipNames.GetCommandName(command),
                    Status = MessageStatus.Malformed,
                    Error = error,
                });
                bytesConsumed = Encapsulation.HeaderLength + length;
                return OperationStatus.Done;
            }
        }

        return OperationStatus.InvalidData;
    }

    /// <inheritdoc />
    public void Complete(in DissectContext context, IOtMessageSink sink)
    {
        _pending.ReportTimeouts(context, sink);
    }

    private static bool LooksLikeEncapsulation(ReadOnlySpan<byte> data) =>
        data.Length >= Encapsulation.HeaderLength
        && Encapsulation.IsDefined(BinaryPrimitives.ReadUInt16LittleEndian(data))
        && BinaryPrimitives.ReadUInt16LittleEndian(data[2..]) + Encapsulation.HeaderLength == data.Length;

    private static OtMessage Base(in DissectContext context, List<OtField> fields) => new()
    {
        Frame = context.Frame,
        Timestamp = context.Timestamp,
        Protocol = EnipDissector.Name,
        Source = context.Source,
        Destination = context.Destination,
        Transport = context.Transport,
        Fields = fields,
    };

    private static OtMessage DescribeIo(in CipIoPacket packet, in DissectContext context) => Base(context, []) with
    {
        Direction = MessageDirection.Unsolicited,
        Operation = OperationClass.Read,
        FunctionName = "ImplicitIo",
    };

    private void Describe(in EncapsulationFrame frame, in DissectContext context, IOtMessageSink sink)
    {
        ushort command = frame.Header.Command;
        var fields = new List<OtField>(4) { OtField.Of("command", command), OtField.Of("session", frame.SessionHandle) };
        OtMessage top = Base(context, fields) with
        {
            Function = command,
            FunctionName = CipNames.GetCommandName(command),
            Operation = CipNames.ClassifyCommand(command),
            Direction = EncapsulationDirection(frame, context),
            Status = frame.Header.Status == 0 ? MessageStatus.Ok : MessageStatus.ProtocolError,
        };

        if (frame.Command == EncapsulationCommand.ListIdentity && frame.TryGetCommonPacketFormat(out CommonPacketFormat identityItems))
        {
            IdentityHint? hint = ReadListIdentity(identityItems, ref top);
            top = top with { Identity = hint };
        }

        if (!frame.HasCipTransport || !frame.TryGetCommonPacketFormat(out CommonPacketFormat cpf))
        {
            sink.OnMessage(top);
            return;
        }

        // The CIP message: the unconnected data item, or the connected data item after its sequence count.
        bool connected = frame.Command == EncapsulationCommand.SendUnitData;
        ReadOnlySpan<byte> cip = [];
        ulong key = frame.SenderContext;
        foreach (CpfItem item in cpf)
        {
            if (item.Type == CpfItemType.UnconnectedData)
            {
                cip = item.Data;
                break;
            }

            if (item.Type == CpfItemType.ConnectedData && item.Data.Length >= 2)
            {
                key = BinaryPrimitives.ReadUInt16LittleEndian(item.Data);
                cip = item.Data[2..];
                break;
            }
        }

        if (cip.IsEmpty)
        {
            sink.OnMessage(top);
            return;
        }

        var embedded = new List<OtMessage>();
        if (Cip.IsResponse(cip))
        {
            Pending? request = _pending.TryTake((connected, key), out Pending? answered) ? answered : null;

            top = DescribeResponse(cip, top, fields, request?.Target, context, embedded, 0) with
            {
                RequestFrame = request?.Frame,
                Latency = request is null ? null : context.Timestamp - request.Timestamp,
            };
        }
        else
        {
            top = DescribeRequest(cip, top, fields, context, embedded, 0, out Target target);
            if (top.Status != MessageStatus.Malformed)
            {
                _pending.Remember((connected, key), new Pending(context.Frame, context.Timestamp, context.Source, context.Destination, target.Service, top.FunctionName ?? string.Empty, top.Operation, target));
            }
        }

        sink.OnMessage(top);
        foreach (OtMessage message in embedded)
        {
            sink.OnMessage(message);
        }
    }

    private static MessageDirection EncapsulationDirection(in EncapsulationFrame frame, in DissectContext context)
    {
        switch (context.Direction)
        {
            case FlowDirection.ToServer:
                return MessageDirection.Request;
            case FlowDirection.ToClient:
                return MessageDirection.Response;
        }

        return frame.Command switch
        {
            EncapsulationCommand.ListIdentity or EncapsulationCommand.ListServices or EncapsulationCommand.ListInterfaces
                => frame.Data.IsEmpty ? MessageDirection.Request : MessageDirection.Response,
            EncapsulationCommand.RegisterSession => frame.SessionHandle == 0 ? MessageDirection.Request : MessageDirection.Response,
            EncapsulationCommand.UnRegisterSession or EncapsulationCommand.Nop => MessageDirection.Request,
            _ => MessageDirection.Unknown,
        };
    }

    /// <summary>Describes a CIP request; embedded requests (Unconnected_Send, Multiple_Service_Packet) are added to <paramref name="embedded"/>.</summary>
    private static OtMessage DescribeRequest(ReadOnlySpan<byte> cip, OtMessage message, List<OtField> fields, in DissectContext context, List<OtMessage> embedded, int depth, out Target target)
    {
        byte service = (byte)(cip[0] & 0x7F);
        fields.Add(OtField.Of("cipService", service));
        target = new Target(service, null, false, null);
        message = message with { Direction = MessageDirection.Request, Function = service };
        if (!CipRequest.TryRead(cip, out CipRequest request, out ProtocolError error) || !request.TryGetTarget(out CipPathTarget path))
        {
            return message with { FunctionName = CipNames.GetServiceName(service, null, false), Status = MessageStatus.Malformed, Error = error };
        }

        target = new Target(service, path.ClassId, path.IsSymbolic, null);
        string name = CipNames.GetServiceName(service, path.ClassId, path.IsSymbolic);
        OperationClass operation = CipNames.ClassifyService(service, path.ClassId, path.IsSymbolic);
        message = message with
        {
            FunctionName = name,
            Operation = operation,
        };

        bool isConnectionManager = path.ClassId == Cip.ConnectionManagerClass;
        bool valid = true;
        if (isConnectionManager && service == 0x52)
        {
            valid = UnconnectedSendRequest.TryRead(request.Data, out UnconnectedSendRequest send, out error);
            if (valid && depth < MaxDepth)
            {
                var innerFields = new List<OtField>(2);
                int position = embedded.Count;
                OtMessage inner = DescribeRequest(send.EmbeddedRequest, Base(context, innerFields), innerFields, context, embedded, depth + 1, out Target innerTarget);
                embedded.Insert(position, inner);
                target = target with { Inner = [innerTarget] };
                message = message with { Operation = inner.Operation };
            }
        }
        else if (service == (byte)CipService.MultipleServicePacket)
        {
            valid = MultipleServicePacket.TryRead(request.Data, false, out MultipleServicePacket packet, out error);
            if (valid && depth < MaxDepth)
            {
                var inners = new List<Target>(packet.Count);
                var operations = new List<OperationClass>(packet.Count);
                for (int i = 0; i < packet.Count; i++)
                {
                    var innerFields = new List<OtField>(2);
                    int position = embedded.Count;
                    OtMessage inner = DescribeRequest(packet.GetService(i), Base(context, innerFields), innerFields, context, embedded, depth + 1, out Target innerTarget);
                    embedded.Insert(position, inner);
                    inners.Add(innerTarget);
                    operations.Add(inner.Operation);
                }

                target = target with { Inner = inners };
                message = message with { Operation = Strongest(operations) };
            }
        }
        else if (isConnectionManager && service is 0x54 or 0x5B)
        {
            valid = ForwardOpenRequest.TryRead(request.Data, service == 0x5B, out _, out error);
        }
        else if (isConnectionManager && service == 0x4E)
        {
            valid = ForwardCloseRequest.TryRead(request.Data, out _, out error);
        }

        return valid ? message : message with { Status = MessageStatus.Malformed, Error = error };
    }

    /// <summary>Describes a CIP response, named by the matched request's target when there is one.</summary>
    private static OtMessage DescribeResponse(ReadOnlySpan<byte> cip, OtMessage message, List<OtField> fields, Target? target, in DissectContext context, List<OtMessage> embedded, int depth)
    {
        byte service = (byte)(cip[0] & 0x7F);
        fields.Add(OtField.Of("cipService", service));
        message = message with { Direction = MessageDirection.Response, Function = service };
        if (!CipResponse.TryRead(cip, out CipResponse response, out ProtocolError error))
        {
            return message with { FunctionName = CipNames.GetServiceName(service, target?.ClassId, false), Status = MessageStatus.Malformed, Error = error };
        }

        fields.Add(OtField.Of("cipStatus", response.GeneralStatus));

        // The success reply to an Unconnected_Send is the embedded request's reply.
        if (target is { ClassId: Cip.ConnectionManagerClass, Service: 0x52, Inner: [Target routed] } && service == routed.Service)
        {
            target = routed;
        }

        uint? classId = target is not null && target.Service == service ? target.ClassId : null;
        bool symbolic = target is not null && target.Service == service && target.Symbolic;
        message = message with
        {
            FunctionName = CipNames.GetServiceName(service, classId, symbolic),
            Operation = target is not null && target.Service == service ? CipNames.ClassifyService(service, classId, symbolic) : OperationClass.Unknown,
            Status = response.IsError ? MessageStatus.ProtocolError : MessageStatus.Ok,
        };

        if (service == (byte)CipService.GetAttributesAll && classId == Cip.IdentityClass && !response.IsError)
        {
            if (IdentityAttributes.TryRead(response.Data, out IdentityAttributes attributes, out _))
            {
                message = message with { Identity = Identity(attributes.Identity, attributes.ProductName) };
            }
        }
        else if (service == (byte)CipService.MultipleServicePacket && depth < MaxDepth && !response.Data.IsEmpty)
        {
            if (!MultipleServicePacket.TryRead(response.Data, true, out MultipleServicePacket packet, out error))
            {
                return message with { Status = MessageStatus.Malformed, Error = error };
            }

            var operations = new List<OperationClass>(packet.Count);
            for (int i = 0; i < packet.Count; i++)
            {
                Target? innerTarget = target?.Inner is { } inners && i < inners.Count ? inners[i] : null;
                var innerFields = new List<OtField>(2);
                int position = embedded.Count;
                OtMessage inner = DescribeResponse(packet.GetService(i), Base(context, innerFields), innerFields, innerTarget, context, embedded, depth + 1);
                embedded.Insert(position, inner);
                operations.Add(inner.Operation);
            }

            message = message with { Operation = Strongest(operations) };
        }

        return message;
    }

    private static IdentityHint? ReadListIdentity(in CommonPacketFormat cpf, ref OtMessage message)
    {
        foreach (CpfItem item in cpf)
        {
            if (item.Type != CpfItemType.ListIdentity)
            {
                continue;
            }

            if (!ListIdentityItem.TryRead(item.Data, out ListIdentityItem identity, out ProtocolError error))
            {
                message = message with { Status = MessageStatus.Malformed, Error = error };
                return null;
            }

            return Identity(identity.Identity, identity.ProductName) with
            {
                DeviceAddress = identity.SocketAddress.ToString(),
            };
        }

        return null;
    }

    private static IdentityHint Identity(in CipIdentity identity, ReadOnlySpan<byte> productName) => new()
    {
        VendorId = identity.VendorId,
        Vendor = identity.VendorName,
        Product = Encoding.Latin1.GetString(productName),
        Model = identity.ProductCode.ToString(CultureInfo.InvariantCulture),
        DeviceType = Enum.GetName(identity.DeviceType) ?? ((ushort)identity.DeviceType).ToString(CultureInfo.InvariantCulture),
        Firmware = identity.Revision,
        Serial = identity.SerialNumber.ToString("X8", CultureInfo.InvariantCulture),
    };

    /// <summary>The operation class that matters most among embedded services.</summary>
    private static OperationClass Strongest(List<OperationClass> operations)
    {
        ReadOnlySpan<OperationClass> order =
        [
            OperationClass.DeviceState, OperationClass.Program, OperationClass.Control, OperationClass.Write, OperationClass.FileTransfer,
            OperationClass.Session, OperationClass.Security, OperationClass.Identification, OperationClass.Read, OperationClass.Diagnostic,
        ];
        foreach (OperationClass candidate in order)
        {
            if (operations.Contains(candidate))
            {
                return candidate;
            }
        }

        return OperationClass.Unknown;
    }

    /// <summary>What a request addressed: its service, class and symbol, and the targets of the requests it embeds.</summary>
    private sealed record Target(byte Service, uint? ClassId, bool Symbolic, IReadOnlyList<Target>? Inner);

    private sealed record Pending(long Frame, DateTime Timestamp, OtEndpoint Source, OtEndpoint Destination, int? Function, string? FunctionName, OperationClass Operation, Target Target) : IPendingRequest;
}
