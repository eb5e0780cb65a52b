using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols;
using OtSecurity.Protocols.Iec104;

namespace OtSecurity.Capture.Dissectors.Iec104;

/// <summary>
/// Dissects the APDUs of one IEC 60870-5-104 connection; several APDUs in one TCP segment are several messages of
/// the same frame. Keys: <c>apci</c> (0 I, 1 S, 3 U), <c>uType</c> (U-format function), <c>typeId</c>, <c>cot</c> and
/// <c>commonAddr</c>. An APDU that fails validation but can be delimited by its length octet is reported as malformed
/// with whatever header fields it carries, as Wireshark does. Activations are matched with their confirmations
/// (same type, common address and first information object address, or the U-format act/con pair).
/// </summary>
internal sealed class Iec104FlowDissector : IFlowDissector
{
    private const string ProtocolName = "iec104";
    private const int MaxPendingRequests = 1024;

    private readonly Dictionary<ulong, PendingRequest> _pending = [];
    private readonly HashSet<ushort> _identified = [];

    /// <inheritdoc />
    public OperationStatus Dissect(ReadOnlySpan<byte> data, in DissectContext context, IOtMessageSink sink, out int bytesConsumed)
    {
        bytesConsumed = 0;
        if (data.IsEmpty)
        {
            return OperationStatus.NeedMoreData;
        }

        if (data[0] != Iec104Apdu.StartOctet)
        {
            return OperationStatus.InvalidData;
        }

        if (data.Length < 2)
        {
            return OperationStatus.NeedMoreData;
        }

        // §5.1: the length octet delimits the APDU; even an out-of-range length delimits it for resynchronisation.
        int length = 2 + data[1];
        if (data.Length < length)
        {
            return OperationStatus.NeedMoreData;
        }

        ReadOnlySpan<byte> bytes = data[..length];
        bytesConsumed = length;
        if (Iec104Apdu.TryRead(bytes, out Iec104Apdu apdu, out _, out ProtocolError error) == OperationStatus.Done)
        {
            sink.OnMessage(Build(apdu, context, sink));
        }
        else
        {
            sink.OnMessage(BuildMalformed(bytes, context, error));
        }

        return OperationStatus.Done;
    }

    /// <inheritdoc />
    public void Complete(in DissectContext context, IOtMessageSink sink)
    {
        foreach (PendingRequest request in _pending.Values)
        {
            sink.OnMessage(request.Message with { Status = MessageStatus.Timeout, RequestFrame = request.Message.Frame });
        }

        _pending.Clear();
    }

    private OtMessage Build(in Iec104Apdu apdu, in DissectContext context, IOtMessageSink sink)
    {
        OtMessage message = Base(context);
        switch (apdu.Format)
        {
            case Iec104FrameFormat.S:
                return message with
                {
                    Operation = OperationClass.Session,
                    Fields = [OtField.Of("apci", (int)Iec104FrameFormat.S)],
                };

            case Iec104FrameFormat.U:
            {
                var function = apdu.UFunction;
                bool activation = function is Iec104UFunction.StartDataTransferActivation or Iec104UFunction.StopDataTransferActivation or Iec104UFunction.TestFrameActivation;
                message = message with
                {
                    Operation = OperationClass.Session,
                    Direction = activation ? MessageDirection.Request : MessageDirection.Response,
                    Function = (int)function,
                    FunctionName = function.ToString(),
                    Fields = [OtField.Of("apci", (int)Iec104FrameFormat.U), OtField.Of("uType", (int)function)],
                };

                // The confirmation is the activation's function bit shifted left by one.
                ulong key = 1UL << 40 | (byte)(activation ? (int)function : (int)function >> 1);
                return Match(message, key, activation, context, sink);
            }

            default:
            {
                Iec104AsduHeader header = apdu.Asdu.Header;
                uint? firstAddress = null;
                foreach (Iec104InformationObject io in apdu.Asdu)
                {
                    firstAddress = io.Address;
                    break;
                }

                if (firstAddress is null && apdu.Asdu.InformationObjectBytes.Length >= Iec104Asdu.AddressLength && header.ObjectCount > 0)
                {
                    ReadOnlySpan<byte> raw = apdu.Asdu.InformationObjectBytes;
                    firstAddress = (uint)(raw[0] | (raw[1] << 8) | (raw[2] << 16));
                }

                byte type = (byte)header.TypeId;
                MessageDirection direction = DirectionOf(header.Cause, context.Direction);
                bool failed = header.IsNegative || header.Cause is >= Iec104Cause.UnknownTypeId and <= Iec104Cause.UnknownInformationObjectAddress;
                message = message with
                {
                    Operation = Iec104Classifier.Classify(header.TypeId, header.Cause),
                    Direction = direction,
                    Function = type,
                    FunctionName = Iec104TypeIds.IsDefined(type) ? header.TypeId.ToString() : null,
                    Unit = header.CommonAddress,
                    Address = firstAddress,
                    Count = header.ObjectCount,
                    Status = failed ? MessageStatus.ProtocolError : MessageStatus.Ok,
                    Fields =
                    [
                        OtField.Of("apci", (int)Iec104FrameFormat.I),
                        OtField.Of("typeId", type),
                        OtField.Of("cot", (int)header.Cause),
                        OtField.Of("commonAddr", header.CommonAddress),
                    ],
                };

                if (direction != MessageDirection.Request && _identified.Add(header.CommonAddress))
                {
                    message = message with
                    {
                        Identity = new IdentityHint { DeviceAddress = header.CommonAddress.ToString(CultureInfo.InvariantCulture), DeviceType = "IEC 60870-5-104 controlled station" },
                    };
                }

                bool isActivation = header.Cause is Iec104Cause.Activation or Iec104Cause.Deactivation;
                bool isConfirmation = header.Cause is Iec104Cause.ActivationConfirmation or Iec104Cause.DeactivationConfirmation;
                if (!isActivation && !isConfirmation)
                {
                    return message;
                }

                ulong asduKey = ((ulong)type << 48) | ((ulong)header.CommonAddress << 24) | (firstAddress ?? 0);
                return Match(message, asduKey, isActivation, context, sink);
            }
        }
    }

    private OtMessage Match(OtMessage message, ulong key, bool isRequest, in DissectContext context, IOtMessageSink sink)
    {
        if (isRequest)
        {
            if (_pending.Remove(key, out PendingRequest superseded))
            {
                sink.OnMessage(superseded.Message with { Status = MessageStatus.Timeout, RequestFrame = superseded.Message.Frame });
            }

            if (_pending.Count < MaxPendingRequests)
            {
                _pending[key] = new PendingRequest(message);
            }

            return message;
        }

        if (_pending.Remove(key, out PendingRequest request))
        {
            return message with
            {
                RequestFrame = request.Message.Frame,
                Latency = context.Timestamp - request.Message.Timestamp,
            };
        }

        return message;
    }

    private static OtMessage BuildMalformed(ReadOnlySpan<byte> bytes, in DissectContext context, ProtocolError error)
    {
        // Report what the APDU carries as far as it goes, the way Wireshark's dissector does:
        // the format from the first control octet, then type, cause and common address as far as the ASDU reaches.
        OtMessage message = Base(context) with { Status = MessageStatus.Malformed, Error = error };
        if (bytes.Length < Iec104Apdu.ApciLength || bytes[1] < Iec104Apdu.MinimumLengthField)
        {
            return message;
        }

        byte control = bytes[2];
        if ((control & 0x01) == 0x01)
        {
            int format = control & 0x03;
            return format == (int)Iec104FrameFormat.S
                ? message with { Fields = [OtField.Of("apci", format)] }
                : message with { Fields = [OtField.Of("apci", format), OtField.Of("uType", control >> 2)] };
        }

        ReadOnlySpan<byte> asdu = bytes[Iec104Apdu.ApciLength..];
        var fields = new List<OtField>(4) { OtField.Of("apci", (int)Iec104FrameFormat.I) };
        if (asdu.Length >= 1)
        {
            fields.Add(OtField.Of("typeId", asdu[0]));
            message = message with { Function = asdu[0] };
        }

        if (asdu.Length >= 3)
        {
            fields.Add(OtField.Of("cot", asdu[2] & 0x3F));
        }

        if (asdu.Length >= Iec104Asdu.HeaderLength)
        {
            ushort common = BinaryPrimitives.ReadUInt16LittleEndian(asdu.Slice(4, 2));
            fields.Add(OtField.Of("commonAddr", common));
            message = message with { Unit = common };
        }

        return message with { Fields = fields };
    }

    private static MessageDirection DirectionOf(Iec104Cause cause, FlowDirection flow) => cause switch
    {
        Iec104Cause.Activation or Iec104Cause.Deactivation => MessageDirection.Request,
        Iec104Cause.ActivationConfirmation or Iec104Cause.DeactivationConfirmation or Iec104Cause.ActivationTermination
            or (>= Iec104Cause.InterrogatedByStation and <= Iec104Cause.RequestedByGroup4Counter)
            or (>= Iec104Cause.UnknownTypeId and <= Iec104Cause.UnknownInformationObjectAddress) => MessageDirection.Response,
        Iec104Cause.Periodic or Iec104Cause.Background or Iec104Cause.Spontaneous or Iec104Cause.Initialized
            or Iec104Cause.ReturnRemote or Iec104Cause.ReturnLocal => MessageDirection.Unsolicited,
        _ => flow switch
        {
            FlowDirection.ToServer => MessageDirection.Request,
            FlowDirection.ToClient => MessageDirection.Response,
            _ => MessageDirection.Unknown,
        },
    };

    private static OtMessage Base(in DissectContext context) => new()
    {
        Frame = context.Frame,
        Timestamp = context.Timestamp,
        Protocol = ProtocolName,
        Source = context.Source,
        Destination = context.Destination,
        Transport = context.Transport,
    };

    private readonly record struct PendingRequest(OtMessage Message);
}
