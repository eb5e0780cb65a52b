using System.Buffers;
using System.Buffers.Binary;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols;

namespace OtSecurity.Capture.Tests.Support;

/// <summary>
/// A tiny test-only dissector of an MBAP-shaped framing: transaction id (2), protocol id 0 (2), length (2, counting
/// the unit and the PDU, 2..254), unit (1), PDU (function code first). It exists to test the pipeline without a real
/// protocol: it emits one message per frame with <c>txn</c>, <c>unit</c> and <c>func</c>, matches responses to
/// requests by transaction id and reports unanswered requests as timeouts on <see cref="IFlowDissector.Complete"/>.
/// </summary>
internal sealed class MbapLikeDissector : IProtocolDissector
{
    public MbapLikeDissector(string protocol = "modbus", params int[] tcpPorts)
    {
        Protocol = protocol;
        TcpPorts = tcpPorts.Length == 0 ? [502] : tcpPorts;
    }

    public string Protocol { get; }

    public IReadOnlyList<int> TcpPorts { get; }

    public IReadOnlyList<int> UdpPorts { get; init; } = [];

    public int ProbeCalls { get; private set; }

    public ContentMatch Probe(ReadOnlySpan<byte> payload, TransportKind transport)
    {
        ProbeCalls++;
        if (payload.Length < 8)
        {
            // Reject early when what is there already cannot be an MBAP header.
            if (payload.Length >= 4 && BinaryPrimitives.ReadUInt16BigEndian(payload[2..]) != 0)
            {
                return ContentMatch.No;
            }

            return ContentMatch.NeedMoreData;
        }

        // Two consistent frames in a row, or one that fills the bytes exactly.
        var offset = 0;
        var frames = 0;
        while (payload.Length - offset >= 8)
        {
            var status = TryFrame(payload[offset..], out var length);
            if (status == OperationStatus.InvalidData)
            {
                return ContentMatch.No;
            }

            if (status == OperationStatus.NeedMoreData)
            {
                break;
            }

            frames++;
            offset += length;
            if (frames == 2)
            {
                return ContentMatch.Yes;
            }
        }

        return offset == payload.Length && frames == 1 ? ContentMatch.Yes : ContentMatch.NeedMoreData;
    }

    public IFlowDissector CreateFlowDissector(TransportKind transport) => new Flow(Protocol);

    /// <summary>Builds one frame.</summary>
    public static byte[] Frame(ushort transaction, byte unit, byte function, ReadOnlySpan<byte> data = default)
    {
        var frame = new byte[8 + data.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, transaction);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), (ushort)(2 + data.Length));
        frame[6] = unit;
        frame[7] = function;
        data.CopyTo(frame.AsSpan(8));
        return frame;
    }

    internal static OperationStatus TryFrame(ReadOnlySpan<byte> data, out int length)
    {
        length = 0;
        if (data.Length < 7)
        {
            return data.Length >= 4 && BinaryPrimitives.ReadUInt16BigEndian(data[2..]) != 0 ? OperationStatus.InvalidData : OperationStatus.NeedMoreData;
        }

        var declared = BinaryPrimitives.ReadUInt16BigEndian(data[4..]);
        if (BinaryPrimitives.ReadUInt16BigEndian(data[2..]) != 0 || declared is < 2 or > 254)
        {
            return OperationStatus.InvalidData;
        }

        if (data.Length < 6 + declared)
        {
            return OperationStatus.NeedMoreData;
        }

        if (data[7] == 0)
        {
            return OperationStatus.InvalidData;
        }

        length = 6 + declared;
        return OperationStatus.Done;
    }

    private sealed class Flow : IFlowDissector
    {
        private readonly string _protocol;
        private readonly Dictionary<ushort, (long Frame, DateTime Time, OtEndpoint Client, OtEndpoint Server, byte Function)> _pending = [];

        public Flow(string protocol) => _protocol = protocol;

        public OperationStatus Dissect(ReadOnlySpan<byte> data, in DissectContext context, IOtMessageSink sink, out int bytesConsumed)
        {
            var status = TryFrame(data, out bytesConsumed);
            if (status != OperationStatus.Done)
            {
                bytesConsumed = 0;
                return status;
            }

            var transaction = BinaryPrimitives.ReadUInt16BigEndian(data);
            var function = data[7];
            var direction = context.Direction switch
            {
                FlowDirection.ToServer => MessageDirection.Request,
                FlowDirection.ToClient => MessageDirection.Response,
                _ => MessageDirection.Unknown,
            };
            long? requestFrame = null;
            TimeSpan? latency = null;
            if (direction == MessageDirection.Request)
            {
                _pending[transaction] = (context.Frame, context.Timestamp, context.Source, context.Destination, function);
            }
            else if (direction == MessageDirection.Response && _pending.Remove(transaction, out var request))
            {
                requestFrame = request.Frame;
                latency = context.Timestamp - request.Time;
            }

            sink.OnMessage(new OtMessage
            {
                Frame = context.Frame,
                Timestamp = context.Timestamp,
                Protocol = _protocol,
                Source = context.Source,
                Destination = context.Destination,
                Transport = context.Transport,
                Direction = direction,
                Operation = function <= 4 ? OperationClass.Read : OperationClass.Write,
                Function = function & 0x7F,
                FunctionName = "Function" + (function & 0x7F),
                Unit = data[6],
                Status = (function & 0x80) != 0 ? MessageStatus.ProtocolError : MessageStatus.Ok,
                RequestFrame = requestFrame,
                Latency = latency,
                Fields = [OtField.Of("txn", transaction)],
            });
            return OperationStatus.Done;
        }

        public void Complete(in DissectContext context, IOtMessageSink sink)
        {
            foreach (var (transaction, request) in _pending.OrderBy(p => p.Value.Frame))
            {
                sink.OnMessage(new OtMessage
                {
                    Frame = context.Frame,
                    Timestamp = context.Timestamp,
                    Protocol = _protocol,
                    Source = request.Client,
                    Destination = request.Server,
                    Direction = MessageDirection.Request,
                    Function = request.Function,
                    Status = MessageStatus.Timeout,
                    RequestFrame = request.Frame,
                    Fields = [OtField.Of("txn", transaction)],
                });
            }

            _pending.Clear();
        }
    }
}
