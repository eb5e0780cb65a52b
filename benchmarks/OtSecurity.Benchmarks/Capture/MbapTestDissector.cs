using System.Buffers;
using System.Buffers.Binary;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols;

namespace OtSecurity.Benchmarks.Capture;

/// <summary>
/// A minimal length-prefixed (MBAP-framed) dissector for benchmarking the pipeline without a protocol package: it
/// delimits each ADU by its length field and emits one <see cref="OtMessage"/> with the common keys, the way a real
/// dissector would (same allocation: the message and its field list).
/// </summary>
public sealed class MbapTestDissector : IProtocolDissector
{
    public string Protocol => "modbus";

    public IReadOnlyList<int> TcpPorts { get; } = [502];

    public IReadOnlyList<int> UdpPorts { get; } = [];

    public ContentMatch Probe(ReadOnlySpan<byte> payload, TransportKind transport) => ContentMatch.No;

    public IFlowDissector CreateFlowDissector(TransportKind transport) => new Flow();

    private sealed class Flow : IFlowDissector
    {
        public OperationStatus Dissect(ReadOnlySpan<byte> data, in DissectContext context, IOtMessageSink sink, out int bytesConsumed)
        {
            bytesConsumed = 0;
            if (data.Length < 8)
            {
                return OperationStatus.NeedMoreData;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[4..]);
            if (BinaryPrimitives.ReadUInt16BigEndian(data[2..]) != 0 || length is < 2 or > 254)
            {
                return OperationStatus.InvalidData;
            }

            if (data.Length < 6 + length)
            {
                return OperationStatus.NeedMoreData;
            }

            var function = data[7];
            sink.OnMessage(new OtMessage
            {
                Frame = context.Frame,
                Timestamp = context.Timestamp,
                Protocol = "modbus",
                Source = context.Source,
                Destination = context.Destination,
                Transport = context.Transport,
                Direction = context.Direction == FlowDirection.ToServer ? MessageDirection.Request : MessageDirection.Response,
                Operation = function == 16 ? OperationClass.Write : OperationClass.Read,
                Function = function & 0x7F,
                Unit = data[6],
                Fields = [OtField.Of("txn", BinaryPrimitives.ReadUInt16BigEndian(data))],
            });
            bytesConsumed = 6 + length;
            return OperationStatus.Done;
        }

        public void Complete(in DissectContext context, IOtMessageSink sink)
        {
        }
    }
}
