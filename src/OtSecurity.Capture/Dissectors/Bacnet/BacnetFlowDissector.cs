using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols;
using OtSecurity.Protocols.Bacnet;

namespace OtSecurity.Capture.Dissectors.Bacnet;

/// <summary>
/// Dissects the BVLC messages of one BACnet/IP flow. Every message becomes an <see cref="OtMessage"/> with the keys
/// <c>bvlc</c>, <c>pduType</c>, <c>service</c> and <c>invokeId</c>; confirmed requests are matched with their ACK,
/// error, reject or abort by client and invoke id.
/// </summary>
internal sealed class BacnetFlowDissector : IFlowDissector
{
    /// <summary>Confirmed requests waiting for an answer, at most this many per flow (the oldest is dropped).</summary>
    internal const int MaxPending = 1024;

    private readonly PendingRequests<(OtEndpoint Client, byte InvokeId), Pending> _pending = new(BacnetDissector.Name, MaxPending);

    /// <inheritdoc />
    public OperationStatus Dissect(ReadOnlySpan<byte> data, in DissectContext context, IOtMessageSink sink, out int bytesConsumed)
    {
        bytesConsumed = 0;
        if (data.IsEmpty)
        {
            return OperationStatus.NeedMoreData;
        }

        if (context.Transport == TransportKind.Llc)
        {
            // BACnet/Ethernet (clause 7): the LLC information field is the NPDU, with no BVLC.
            sink.OnMessage(DescribeNpdu(data, context));
            bytesConsumed = data.Length;
            return OperationStatus.Done;
        }

        OperationStatus status = BacnetIp.TryRead(data, out BacnetIpFrame frame, out int consumed, out ProtocolError error);
        if (status == OperationStatus.Done)
        {
            sink.OnMessage(Describe(frame, context));
            bytesConsumed = consumed;
            return OperationStatus.Done;
        }

        if (status == OperationStatus.NeedMoreData)
        {
            return context.Transport == TransportKind.Udp && TryReadShortDatagram(data, context, sink)
                ? Consumed(data.Length, out bytesConsumed)
                : OperationStatus.NeedMoreData;
        }

        // The BVLC message is whole but its NPDU or APDU is not valid: report it as malformed and move past it.
        if (Bvlc.TryRead(data, out BvlcFrame bvlc, out consumed) == OperationStatus.Done)
        {
            sink.OnMessage(new OtMessage
            {
                Frame = context.Frame,
                Timestamp = context.Timestamp,
                Protocol = BacnetDissector.Name,
                Source = context.Source,
                Destination = context.Destination,
                Transport = context.Transport,
                FunctionName = BacnetNames.GetBvlcFunctionName((byte)bvlc.Function),
                Status = MessageStatus.Malformed,
                Error = error,
                Fields = [OtField.Of("bvlc", (long)bvlc.Function)],
            });
            bytesConsumed = consumed;
            return OperationStatus.Done;
        }

        return OperationStatus.InvalidData;
    }

    /// <summary>
    /// A datagram whose BVLC length is larger than the datagram (seen in the wild: answers that copy the request's
    /// length). Annex J carries one BVLC message per datagram, so the datagram delimits the message: it is read with
    /// the datagram's length and reported as malformed.
    /// </summary>
    private bool TryReadShortDatagram(ReadOnlySpan<byte> data, in DissectContext context, IOtMessageSink sink)
    {
        if (data.Length < Bvlc.HeaderLength || data[0] != Bvlc.BacnetIpType || !Bvlc.IsDefined(data[1]))
        {
            return false;
        }

        byte[] copy = ArrayPool<byte>.Shared.Rent(data.Length);
        try
        {
            Span<byte> patched = copy.AsSpan(0, data.Length);
            data.CopyTo(patched);
            BinaryPrimitives.WriteUInt16BigEndian(patched[2..], (ushort)data.Length);
            if (BacnetIp.TryRead(patched, out BacnetIpFrame frame, out _) != OperationStatus.Done)
            {
                return false;
            }

            sink.OnMessage(Describe(frame, context) with
            {
                Status = MessageStatus.Malformed,
                Error = new ProtocolError(BacnetDissector.Name, (int)BacnetError.BvlcLengthMismatch, "BVLC length exceeds the datagram; the datagram's length was used", 2),
            });
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static OperationStatus Consumed(int length, out int bytesConsumed)
    {
        bytesConsumed = length;
        return OperationStatus.Done;
    }

    /// <inheritdoc />
    public void Complete(in DissectContext context, IOtMessageSink sink)
    {
        _pending.ReportTimeouts(context, sink);
    }

    private OtMessage Describe(in BacnetIpFrame frame, in DissectContext context)
    {
        var fields = new List<OtField>(4) { OtField.Of("bvlc", (long)frame.Bvlc.Function) };
        OtMessage message = Base(context, fields);
        if (!frame.HasNpdu)
        {
            return DescribeBvlc(frame.Bvlc, message);
        }

        return frame.HasApdu ? DescribeApdu(frame.Apdu, message, fields, context) : DescribeNetworkMessage(frame.Npdu, message);
    }

    /// <summary>An NPDU without BVLC (BACnet/Ethernet).</summary>
    private OtMessage DescribeNpdu(ReadOnlySpan<byte> data, in DissectContext context)
    {
        var fields = new List<OtField>(3);
        OtMessage message = Base(context, fields);
        if (!Npdu.TryRead(data, out NpduFrame npdu, out ProtocolError error))
        {
            return message with { Status = MessageStatus.Malformed, Error = error };
        }

        if (npdu.IsNetworkMessage)
        {
            return DescribeNetworkMessage(npdu, message);
        }

        if (!Apdu.TryRead(npdu.Payload, out ApduFrame apdu, out error))
        {
            return message with { Status = MessageStatus.Malformed, Error = error with { Offset = error.Offset + npdu.HeaderLength } };
        }

        return DescribeApdu(apdu, message, fields, context);
    }

    private static OtMessage Base(in DissectContext context, List<OtField> fields) => new()
    {
        Frame = context.Frame,
        Timestamp = context.Timestamp,
        Protocol = BacnetDissector.Name,
        Source = context.Source,
        Destination = context.Destination,
        Transport = context.Transport,
        Fields = fields,
    };

    private OtMessage DescribeApdu(in ApduFrame apdu, OtMessage message, List<OtField> fields, in DissectContext context)
    {
        fields.Add(OtField.Of("pduType", (long)apdu.PduType));
        if (apdu.HasServiceChoice)
        {
            fields.Add(OtField.Of("service", apdu.ServiceChoice));
        }

        if (apdu.HasInvokeId)
        {
            fields.Add(OtField.Of("invokeId", apdu.InvokeId));
        }

        return apdu.PduType switch
        {
            BacnetPduType.ConfirmedRequest => DescribeConfirmedRequest(apdu, message, context),
            BacnetPduType.UnconfirmedRequest => DescribeUnconfirmedRequest(apdu, message),
            _ => DescribeAnswer(apdu, message, fields, context),
        };
    }

    private static OtMessage DescribeBvlc(in BvlcFrame bvlc, OtMessage message)
    {
        bool isAnswer = bvlc.Function is BvlcFunction.BvlcResult or BvlcFunction.ReadBroadcastDistributionTableAck or BvlcFunction.ReadForeignDeviceTableAck;
        return message with
        {
            Direction = isAnswer ? MessageDirection.Response : MessageDirection.Request,
            Operation = BacnetNames.ClassifyBvlc(bvlc.Function),
            FunctionName = BacnetNames.GetBvlcFunctionName((byte)bvlc.Function),
            Status = bvlc.Function == BvlcFunction.BvlcResult && bvlc.ResultCode != BvlcResultCode.SuccessfulCompletion ? MessageStatus.ProtocolError : MessageStatus.Ok,
        };
    }

    private static OtMessage DescribeNetworkMessage(in NpduFrame npdu, OtMessage message)
    {
        MessageDirection direction = (NetworkMessageType)npdu.MessageTypeValue switch
        {
            NetworkMessageType.WhoIsRouterToNetwork or NetworkMessageType.WhatIsNetworkNumber or NetworkMessageType.InitializeRoutingTable
                or NetworkMessageType.EstablishConnectionToNetwork or NetworkMessageType.DisconnectConnectionToNetwork
                or NetworkMessageType.ChallengeRequest or NetworkMessageType.RequestKeyUpdate or NetworkMessageType.RequestMasterKey => MessageDirection.Request,
            NetworkMessageType.IAmRouterToNetwork or NetworkMessageType.ICouldBeRouterToNetwork or NetworkMessageType.RejectMessageToNetwork
                or NetworkMessageType.RouterBusyToNetwork or NetworkMessageType.RouterAvailableToNetwork or NetworkMessageType.InitializeRoutingTableAck
                or NetworkMessageType.NetworkNumberIs or NetworkMessageType.SecurityResponse => MessageDirection.Response,
            _ => MessageDirection.Unknown,
        };
        return message with
        {
            Direction = direction,
            Operation = BacnetNames.ClassifyNetworkMessage(npdu.MessageTypeValue),
            FunctionName = BacnetNames.GetNetworkMessageName(npdu.MessageTypeValue),
            Status = npdu.MessageType == NetworkMessageType.RejectMessageToNetwork && npdu.MessageTypeValue < 0x80 ? MessageStatus.ProtocolError : MessageStatus.Ok,
        };
    }

    private OtMessage DescribeConfirmedRequest(in ApduFrame apdu, OtMessage message, in DissectContext context)
    {
        byte service = apdu.ServiceChoice;
        string name = BacnetNames.GetConfirmedServiceName(service) ?? Unknown("ConfirmedService", service);
        OperationClass operation = BacnetNames.ClassifyConfirmed(service);
        if (!apdu.IsSegmented || apdu.SequenceNumber == 0)
        {
            _pending.Remember((context.Source, apdu.InvokeId), new Pending(context.Frame, context.Timestamp, context.Source, context.Destination, service, name, operation));
        }

        ProtocolError error = default;
        bool valid = apdu.IsSegmented || ValidateConfirmedRequest(apdu.ConfirmedService, apdu.ServiceData, out error);
        return message with
        {
            Direction = MessageDirection.Request,
            Operation = operation,
            Function = service,
            FunctionName = name,
            Status = valid ? MessageStatus.Ok : MessageStatus.Malformed,
            Error = valid ? null : error,
        };
    }

    private static OtMessage DescribeUnconfirmedRequest(in ApduFrame apdu, OtMessage message)
    {
        byte service = apdu.ServiceChoice;
        var choice = (BacnetUnconfirmedService)service;
        MessageDirection direction = choice switch
        {
            BacnetUnconfirmedService.IAm or BacnetUnconfirmedService.IHave or BacnetUnconfirmedService.YouAre => MessageDirection.Response,
            BacnetUnconfirmedService.WhoIs or BacnetUnconfirmedService.WhoHas or BacnetUnconfirmedService.WhoAmI
                or BacnetUnconfirmedService.TimeSynchronization or BacnetUnconfirmedService.UtcTimeSynchronization
                or BacnetUnconfirmedService.WriteGroup => MessageDirection.Request,
            _ => MessageDirection.Unsolicited,
        };

        IdentityHint? identity = null;
        long? unit = null;
        bool valid = true;
        ProtocolError error = default;
        switch (choice)
        {
            case BacnetUnconfirmedService.IAm:
                valid = IAmRequest.TryRead(apdu.ServiceData, out IAmRequest iAm, out error);
                if (valid)
                {
                    unit = iAm.DeviceIdentifier.Instance;
                    identity = new IdentityHint
                    {
                        VendorId = iAm.VendorId,
                        Vendor = iAm.VendorName,
                        DeviceAddress = iAm.DeviceIdentifier.Instance.ToString(CultureInfo.InvariantCulture),
                    };
                }

                break;
            case BacnetUnconfirmedService.IHave:
                valid = IHaveRequest.TryRead(apdu.ServiceData, out IHaveRequest iHave, out error);
                if (valid)
                {
                    unit = iHave.DeviceIdentifier.Instance;
                }

                break;
            case BacnetUnconfirmedService.WhoIs:
                valid = WhoIsRequest.TryRead(apdu.ServiceData, out _, out error);
                break;
            case BacnetUnconfirmedService.WhoHas:
                valid = WhoHasRequest.TryRead(apdu.ServiceData, out _, out error);
                break;
            case BacnetUnconfirmedService.UnconfirmedCovNotification:
                valid = CovNotificationRequest.TryRead(apdu.ServiceData, out _, out error);
                break;
            case BacnetUnconfirmedService.TimeSynchronization:
            case BacnetUnconfirmedService.UtcTimeSynchronization:
                valid = TimeSynchronizationRequest.TryRead(apdu.ServiceData, out _, out error);
                break;
        }

        return message with
        {
            Direction = direction,
            Operation = BacnetNames.ClassifyUnconfirmed(service),
            Function = service,
            FunctionName = BacnetNames.GetUnconfirmedServiceName(service) ?? Unknown("UnconfirmedService", service),
            Unit = unit,
            Identity = identity,
            Status = valid ? MessageStatus.Ok : MessageStatus.Malformed,
            Error = valid ? null : error,
        };
    }

    private OtMessage DescribeAnswer(in ApduFrame apdu, OtMessage message, List<OtField> fields, in DissectContext context)
    {
        // SimpleACK, ComplexACK, SegmentACK, Error, Reject, Abort: sent to the client that made the request, except a
        // SegmentACK or Abort sent by the client (SRV clear).
        bool fromClient = apdu.PduType is BacnetPduType.SegmentAck or BacnetPduType.Abort && !apdu.SentByServer;
        OtEndpoint client = fromClient ? context.Source : context.Destination;
        Pending? request = _pending.TryPeek((client, apdu.InvokeId), out Pending? waiting) ? waiting : null;
        bool final = apdu.PduType switch
        {
            BacnetPduType.ComplexAck => !apdu.MoreFollows,
            BacnetPduType.SegmentAck => false,
            _ => true,
        };
        if (request is not null && final)
        {
            _pending.TryTake((client, apdu.InvokeId), out _);
        }

        MessageStatus status = apdu.PduType is BacnetPduType.Error or BacnetPduType.Reject or BacnetPduType.Abort ? MessageStatus.ProtocolError : MessageStatus.Ok;
        ProtocolError? error = null;
        IdentityHint? identity = null;
        string? name;
        int? function = null;
        OperationClass operation;
        switch (apdu.PduType)
        {
            case BacnetPduType.Error:
                function = apdu.ServiceChoice;
                name = BacnetNames.GetConfirmedServiceName(apdu.ServiceChoice) ?? Unknown("ConfirmedService", apdu.ServiceChoice);
                operation = BacnetNames.ClassifyConfirmed(apdu.ServiceChoice);
                if (BacnetErrorInfo.TryRead(apdu.ConfirmedService, apdu.ServiceData, out BacnetErrorInfo info, out ProtocolError invalid))
                {
                    fields.Add(OtField.Of("errorClass", (long)info.ErrorClass));
                    fields.Add(OtField.Of("errorCode", (long)info.ErrorCode));
                }
                else
                {
                    status = MessageStatus.Malformed;
                    error = invalid;
                }

                break;
            case BacnetPduType.SimpleAck:
            case BacnetPduType.ComplexAck:
                function = apdu.ServiceChoice;
                name = BacnetNames.GetConfirmedServiceName(apdu.ServiceChoice) ?? Unknown("ConfirmedService", apdu.ServiceChoice);
                operation = BacnetNames.ClassifyConfirmed(apdu.ServiceChoice);
                if (apdu.PduType == BacnetPduType.ComplexAck && !apdu.IsSegmented)
                {
                    identity = ReadIdentity(apdu, ref status, ref error);
                }

                break;
            case BacnetPduType.Reject:
                fields.Add(OtField.Of("reason", apdu.ServiceOrReason));
                name = "Reject";
                operation = request?.Operation ?? OperationClass.Unknown;
                break;
            case BacnetPduType.Abort:
                fields.Add(OtField.Of("reason", apdu.ServiceOrReason));
                name = "Abort";
                operation = request?.Operation ?? OperationClass.Unknown;
                break;
            default:
                name = "SegmentAck";
                operation = request?.Operation ?? OperationClass.Unknown;
                break;
        }

        return message with
        {
            Direction = fromClient ? MessageDirection.Request : MessageDirection.Response,
            Operation = operation,
            Function = function,
            FunctionName = name,
            Status = status,
            Error = error,
            Identity = identity,
            RequestFrame = request?.Frame,
            Latency = request is null ? null : context.Timestamp - request.Timestamp,
        };
    }

    /// <summary>Identity facts in a ReadProperty or ReadPropertyMultiple ACK about a device object.</summary>
    private static IdentityHint? ReadIdentity(in ApduFrame apdu, ref MessageStatus status, ref ProtocolError? error)
    {
        if (apdu.ConfirmedService == BacnetConfirmedService.ReadProperty)
        {
            if (!ReadPropertyAck.TryRead(apdu.ServiceData, out ReadPropertyAck ack, out ProtocolError invalid))
            {
                status = MessageStatus.Malformed;
                error = invalid;
                return null;
            }

            return ack.ObjectIdentifier.Type == BacnetObjectType.Device ? Merge(null, ack.Property, ack.Value) : null;
        }

        if (apdu.ConfirmedService == BacnetConfirmedService.ReadPropertyMultiple)
        {
            if (!ReadPropertyMultipleAck.TryRead(apdu.ServiceData, out ReadPropertyMultipleAck ack, out ProtocolError invalid))
            {
                status = MessageStatus.Malformed;
                error = invalid;
                return null;
            }

            IdentityHint? hint = null;
            foreach (ReadAccessResult result in ack)
            {
                if (result.ObjectIdentifier.Type != BacnetObjectType.Device)
                {
                    continue;
                }

                foreach (ReadResultElement element in result.EnumerateResults())
                {
                    if (!element.IsError)
                    {
                        hint = Merge(hint, element.Property, element.Value);
                    }
                }
            }

            return hint;
        }

        return null;
    }

    private static IdentityHint? Merge(IdentityHint? hint, BacnetPropertyIdentifier property, ReadOnlySpan<byte> value)
    {
        if (property is not (BacnetPropertyIdentifier.VendorName or BacnetPropertyIdentifier.ModelName or BacnetPropertyIdentifier.FirmwareRevision
            or BacnetPropertyIdentifier.ApplicationSoftwareVersion or BacnetPropertyIdentifier.ObjectName))
        {
            return hint;
        }

        var reader = new BacnetTagReader(value);
        if (!reader.TryReadCharacterString(out BacnetCharacterString text) || text.Decode() is not { Length: > 0 } decoded)
        {
            return hint;
        }

        hint ??= new IdentityHint();
        return property switch
        {
            BacnetPropertyIdentifier.VendorName => hint with { Vendor = decoded },
            BacnetPropertyIdentifier.ModelName => hint with { Model = decoded },
            BacnetPropertyIdentifier.ObjectName => hint with { DeviceType = decoded },
            _ => hint with { Firmware = hint.Firmware is null || property == BacnetPropertyIdentifier.FirmwareRevision ? decoded : hint.Firmware },
        };
    }

    private static bool ValidateConfirmedRequest(BacnetConfirmedService service, ReadOnlySpan<byte> data, out ProtocolError error)
    {
        error = default;
        return service switch
        {
            BacnetConfirmedService.ReadProperty => ReadPropertyRequest.TryRead(data, out _, out error),
            BacnetConfirmedService.ReadPropertyMultiple => ReadPropertyMultipleRequest.TryRead(data, out _, out error),
            BacnetConfirmedService.WriteProperty => WritePropertyRequest.TryRead(data, out _, out error),
            BacnetConfirmedService.WritePropertyMultiple => WritePropertyMultipleRequest.TryRead(data, out _, out error),
            BacnetConfirmedService.DeviceCommunicationControl => DeviceCommunicationControlRequest.TryRead(data, out _, out error),
            BacnetConfirmedService.ReinitializeDevice => ReinitializeDeviceRequest.TryRead(data, out _, out error),
            BacnetConfirmedService.AtomicReadFile => AtomicReadFileRequest.TryRead(data, out _, out error),
            BacnetConfirmedService.AtomicWriteFile => AtomicWriteFileRequest.TryRead(data, out _, out error),
            BacnetConfirmedService.SubscribeCov => SubscribeCovRequest.TryRead(data, out _, out error),
            BacnetConfirmedService.ConfirmedCovNotification => CovNotificationRequest.TryRead(data, out _, out error),
            _ => true,
        };
    }

    private static string Unknown(string kind, byte value) => string.Create(CultureInfo.InvariantCulture, $"{kind}{value}");

    private sealed record Pending(long Frame, DateTime Timestamp, OtEndpoint Source, OtEndpoint Destination, int? Function, string? FunctionName, OperationClass Operation) : IPendingRequest;
}
