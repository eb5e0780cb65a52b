using System.Buffers;
using System.Net;
using OtSecurity.Capture.Dissection;

namespace OtSecurity.Capture.Tests.Dissectors;

/// <summary>Helpers for dissector tests that run without the capture pipeline.</summary>
internal static class DissectorTestKit
{
    public static readonly DateTime Start = new(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc);

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    public static DissectContext Context(long frame, bool toServer, int serverPort, TransportKind transport = TransportKind.Tcp, double seconds = 0)
    {
        var client = new OtEndpoint(IPAddress.Parse("10.0.0.1"), 50000);
        var server = new OtEndpoint(IPAddress.Parse("10.0.0.2"), serverPort);
        return new DissectContext(
            frame,
            Start.AddSeconds(seconds),
            toServer ? client : server,
            toServer ? server : client,
            toServer ? FlowDirection.ToServer : FlowDirection.ToClient,
            transport);
    }

    /// <summary>Feeds bytes the way the pipeline does: dissect until NeedMoreData, skipping one byte on InvalidData.</summary>
    public static int Feed(IFlowDissector dissector, ReadOnlySpan<byte> data, in DissectContext context, RecordingSink sink)
    {
        int offset = 0;
        while (offset < data.Length)
        {
            OperationStatus status = dissector.Dissect(data[offset..], context, sink, out int consumed);
            if (status == OperationStatus.Done)
            {
                Assert.True(consumed > 0);
                offset += consumed;
                continue;
            }

            Assert.Equal(0, consumed);
            if (status == OperationStatus.NeedMoreData)
            {
                break;
            }

            offset++;
        }

        return offset;
    }

    public static long? Field(OtMessage message, string key) => message.Fields.FirstOrDefault(f => f.Key == key).Number;

    public static bool HasField(OtMessage message, string key) => message.Fields.Any(f => f.Key == key);
}
