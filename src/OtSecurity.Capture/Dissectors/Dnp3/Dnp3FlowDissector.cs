using System.Buffers;
using System.Globalization;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols;
using OtSecurity.Protocols.Dnp3;

namespace OtSecurity.Capture.Dissectors.Dnp3;

/// <summary>
/// Dissects the DNP3 link frames of one flow. Every link frame is one message with the keys <c>dnp3Src</c>,
/// <c>dnp3Dst</c> and <c>linkFunc</c>; a frame whose transport segment completes an application fragment also carries
/// the application function (<c>func</c>), its operation class and the first object header's range. Fragments are
/// reassembled per link address pair. Requests are matched to responses by application sequence number and link
/// addresses; requests left unanswered when the flow ends are reported as timeouts.
/// </summary>
internal sealed class Dnp3FlowDissector : IFlowDissector
{
    private const string ProtocolName = "dnp3";
    private const int MaxPendingRequests = 256;

    private readonly Dnp3TransportReassembler _reassembler = new();
    private readonly Dictionary<uint, PendingRequest> _pending = [];
    private readonly HashSet<ushort> _identified = [];

    /// <inheritdoc />
    public OperationStatus Dissect(ReadOnlySpan<byte> data, in DissectContext context, IOtMessageSink sink, out int bytesConsumed)
    {
        bytesConsumed = 0;
        OperationStatus status = Dnp3LinkFrame.TryReadHeader(data, out Dnp3LinkHeader header, out _);
        if (status != OperationStatus.Done)
        {
            return status;
        }

        int length = Dnp3LinkFrame.GetEncodedLength(header.UserDataLength);
        if (data.Length < length)
        {
            return OperationStatus.NeedMoreData;
        }

        if (Dnp3LinkFrame.TryRead(data[..length], out Dnp3LinkFrame frame, out _, out ProtocolError error) != OperationStatus.Done)
        {
            // The header is sound, so the frame can be delimited; a user data block failed its CRC.
            sink.OnMessage(Build(context, header, MessageStatus.Malformed, error));
            bytesConsumed = length;
            return OperationStatus.Done;
        }

        bytesConsumed = length;
        if (!header.CarriesUserData)
        {
            MessageStatus linkStatus = !header.IsPrimary && header.SecondaryFunction is Dnp3SecondaryFunction.Nack or Dnp3SecondaryFunction.NotSupported
                ? MessageStatus.ProtocolError
                : MessageStatus.Ok;
            sink.OnMessage(Build(context, header, linkStatus, null) with { Operation = OperationClass.Session });
            return OperationStatus.Done;
        }

        Span<byte> user = stackalloc byte[Dnp3LinkFrame.MaxUserDataLength];
        int userLength = frame.CopyUserData(user);
        Dnp3TransportSegment.TryRead(user[..userLength], out Dnp3TransportSegment segment, out _);
        Dnp3ReassemblyStatus reassembly = _reassembler.Add(header.SourceAddress, header.DestinationAddress, segment, out ReadOnlySpan<byte> fragment);
        if (reassembly != Dnp3ReassemblyStatus.Completed)
        {
            sink.OnMessage(Build(context, header, MessageStatus.Ok, null));
            return OperationStatus.Done;
        }

        sink.OnMessage(BuildApplication(context, header, fragment, sink));
        return OperationStatus.Done;
    }

    /// <inheritdoc />
    public void Complete(in DissectContext context, IOtMessageSink sink)
    {
        foreach (PendingRequest request in _pending.Values)
        {
            sink.OnMessage(Timeout(request));
        }

        _pending.Clear();
        _reassembler.Clear();
    }

    private OtMessage BuildApplication(in DissectContext context, Dnp3LinkHeader header, ReadOnlySpan<byte> fragment, IOtMessageSink sink)
    {
        OtMessage message = Build(context, header, MessageStatus.Ok, null);
        if (fragment.Length < 2)
        {
            // Too short to hold a function code: nothing more to say than the link layer did.
            return message with
            {
                Status = MessageStatus.Malformed,
                Error = new ProtocolError(ProtocolName, (int)Dnp3Error.FragmentTooShort, "application fragment is shorter than its header", Dnp3LinkFrame.HeaderLength),
            };
        }

        byte function = fragment[1];
        byte sequence = (byte)(fragment[0] & Dnp3ApplicationControl.SequenceMask);
        bool fromMaster = header.IsFromMaster;
        var code = (Dnp3FunctionCode)function;
        message = message with
        {
            Function = function,
            FunctionName = Dnp3FunctionCodes.IsDefined(function) ? code.ToString() : null,
            Direction = code switch
            {
                Dnp3FunctionCode.Response or Dnp3FunctionCode.AuthenticateResponse => MessageDirection.Response,
                Dnp3FunctionCode.UnsolicitedResponse => MessageDirection.Unsolicited,
                _ => MessageDirection.Request,
            },
        };

        if (Dnp3ApplicationFragment.TryRead(fragment, out Dnp3ApplicationFragment parsed, out _, out ProtocolError error) != OperationStatus.Done)
        {
            return message with
            {
                Status = MessageStatus.Malformed,
                Error = error,
                Operation = Dnp3FunctionCodes.IsDefined(function) ? Dnp3Classifier.Classify(code) : OperationClass.Unknown,
            };
        }

        message = message with { Operation = Dnp3Classifier.Classify(parsed) };
        Dnp3ObjectReader objects = parsed.GetObjects();
        if (objects.TryReadNext(out Dnp3ObjectBlock first) && first.Header.RangeCode != Dnp3RangeCode.AllObjects)
        {
            message = message with
            {
                Address = first.Header.HasStartStop ? first.Header.RangeStart : null,
                Count = first.Header.ObjectCount,
            };
        }

        if (parsed.IsResponse)
        {
            const Dnp3InternalIndications failures = Dnp3InternalIndications.NoFunctionCodeSupport | Dnp3InternalIndications.ObjectUnknown | Dnp3InternalIndications.ParameterError;
            if ((parsed.InternalIndications & failures) != 0)
            {
                message = message with { Status = MessageStatus.ProtocolError };
            }

            if (!fromMaster && _identified.Add(header.SourceAddress))
            {
                message = message with
                {
                    Identity = new IdentityHint { DeviceAddress = header.SourceAddress.ToString(CultureInfo.InvariantCulture), DeviceType = "DNP3 outstation" },
                };
            }

            uint key = PairKey(header.DestinationAddress, header.SourceAddress);
            if (code != Dnp3FunctionCode.UnsolicitedResponse && parsed.Control.IsFirst
                && _pending.TryGetValue(key, out PendingRequest request) && request.Sequence == sequence)
            {
                _pending.Remove(key);
                message = message with
                {
                    RequestFrame = request.Frame,
                    Latency = context.Timestamp - request.Timestamp,
                    Operation = code == Dnp3FunctionCode.Response ? request.Operation : message.Operation,
                };
            }
        }
        else if (fromMaster && !Dnp3FunctionCodes.ExpectsNoResponse(code))
        {
            uint key = PairKey(header.SourceAddress, header.DestinationAddress);
            if (_pending.Remove(key, out PendingRequest superseded))
            {
                sink.OnMessage(Timeout(superseded));
            }

            if (_pending.Count < MaxPendingRequests)
            {
                _pending[key] = new PendingRequest(message, sequence, context.Frame, context.Timestamp, message.Operation);
            }
        }

        return message;
    }

    private static OtMessage Build(in DissectContext context, Dnp3LinkHeader header, MessageStatus status, ProtocolError? error) => new()
    {
        Frame = context.Frame,
        Timestamp = context.Timestamp,
        Protocol = ProtocolName,
        Source = context.Source,
        Destination = context.Destination,
        Transport = context.Transport,
        Direction = header.IsPrimary ? MessageDirection.Request : MessageDirection.Response,
        Unit = header.IsFromMaster ? header.DestinationAddress : header.SourceAddress,
        Status = status,
        Error = error,
        Fields =
        [
            OtField.Of("dnp3Src", header.SourceAddress),
            OtField.Of("dnp3Dst", header.DestinationAddress),
            OtField.Of("linkFunc", header.FunctionCode),
        ],
    };

    private static OtMessage Timeout(PendingRequest request) => request.Message with
    {
        Status = MessageStatus.Timeout,
        RequestFrame = request.Frame,
    };

    private static uint PairKey(ushort master, ushort outstation) => ((uint)master << 16) | outstation;

    private readonly record struct PendingRequest(OtMessage Message, byte Sequence, long Frame, DateTime Timestamp, OperationClass Operation);
}
