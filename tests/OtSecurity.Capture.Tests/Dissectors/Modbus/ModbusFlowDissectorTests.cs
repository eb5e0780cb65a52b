using System.Buffers;
using System.Net;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Dissectors.Modbus;
using OtSecurity.Capture.Tests.Support;
using OtSecurity.Protocols;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Capture.Tests.Dissectors.Modbus;

/// <summary>One ADU → one OtMessage per DESIGN.md; matching, timeouts, malformed ADUs, identity.</summary>
public class ModbusFlowDissectorTests
{
    private static readonly OtEndpoint Client = new(IPAddress.Parse("10.0.0.1"), 50123);
    private static readonly OtEndpoint Server = new(IPAddress.Parse("10.0.0.2"), 502);
    private static readonly DateTime T0 = new(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc);

    private readonly ModbusFlowDissector _dissector = new(TransportKind.Tcp);
    private readonly CollectingSink _sink = new();

    private static byte[] Adu(ushort txn, byte unit, string pduHex)
    {
        byte[] pdu = Convert.FromHexString(pduHex.Replace(" ", string.Empty, StringComparison.Ordinal));
        var adu = new byte[ModbusTcpFrame.GetEncodedLength(pdu.Length)];
        ModbusTcpFrame.TryWrite(txn, unit, pdu, adu, out _);
        return adu;
    }

    private static DissectContext Context(long frame, bool fromClient, FlowDirection? direction = null, double ms = 0, int serverPort = 502)
    {
        var server = Server with { Port = serverPort };
        return new DissectContext(
            frame,
            T0.AddMilliseconds(ms),
            fromClient ? Client : server,
            fromClient ? server : Client,
            direction ?? (fromClient ? FlowDirection.ToServer : FlowDirection.ToClient),
            TransportKind.Tcp);
    }

    private OtMessage Feed(byte[] adu, DissectContext context)
    {
        int before = _sink.Messages.Count;
        Assert.Equal(OperationStatus.Done, _dissector.Dissect(adu, context, _sink, out int consumed));
        Assert.Equal(adu.Length, consumed);
        Assert.Equal(before + 1, _sink.Messages.Count);
        return _sink.Messages[^1];
    }

    private static long? Field(OtMessage message, string key) => message.Fields.SingleOrDefault(f => f.Key == key).Number;

    [Fact]
    public void Dissect_RequestAndResponse_AreMatchedWithLatency()
    {
        OtMessage request = Feed(Adu(7, 1, "03 00 00 00 0A"), Context(12, fromClient: true));
        Assert.Equal(12, request.Frame);
        Assert.Equal("modbus", request.Protocol);
        Assert.Equal(MessageDirection.Request, request.Direction);
        Assert.Equal(OperationClass.Read, request.Operation);
        Assert.Equal(3, request.Function);
        Assert.Equal("ReadHoldingRegisters", request.FunctionName);
        Assert.Equal(1, request.Unit);
        Assert.Equal(7, Field(request, "txn"));
        Assert.Equal(0, request.Address);
        Assert.Equal(10, request.Count);
        Assert.Equal(MessageStatus.Ok, request.Status);
        Assert.Equal(1, _dissector.PendingRequests);

        OtMessage response = Feed(Adu(7, 1, "03 14" + string.Concat(Enumerable.Repeat("00 01", 10))), Context(14, fromClient: false, ms: 3.5));
        Assert.Equal(MessageDirection.Response, response.Direction);
        Assert.Equal(12, response.RequestFrame);
        Assert.Equal(TimeSpan.FromMilliseconds(3.5), response.Latency);
        Assert.Null(response.Address);
        Assert.Null(response.Count);
        Assert.Equal(MessageStatus.Ok, response.Status);
        Assert.Equal(0, _dissector.PendingRequests);
    }

    [Fact]
    public void Dissect_PipelinedRequestsAnsweredOutOfOrder_AreMatchedByTransactionId()
    {
        Feed(Adu(1, 1, "04 08 D2 00 02"), Context(1, true));
        Feed(Adu(2, 1, "04 00 30 00 28"), Context(2, true));
        OtMessage second = Feed(Adu(2, 1, "04 50" + string.Concat(Enumerable.Repeat("00 00", 40))), Context(3, false));
        OtMessage first = Feed(Adu(1, 1, "04 04 00 01 00 02"), Context(4, false));
        Assert.Equal(2, second.RequestFrame);
        Assert.Equal(1, first.RequestFrame);
    }

    [Fact]
    public void Dissect_ExceptionResponse_IsAProtocolErrorWithItsCode()
    {
        Feed(Adu(3, 10, "01 00 00 00 01"), Context(90, true));
        OtMessage exception = Feed(Adu(3, 10, "81 02"), Context(91, false));
        Assert.Equal(1, exception.Function);
        Assert.Equal(2, Field(exception, "exception"));
        Assert.Equal(MessageStatus.ProtocolError, exception.Status);
        Assert.Equal(OperationClass.Read, exception.Operation);
        Assert.Equal(90, exception.RequestFrame);
        Assert.Null(exception.Address);
    }

    [Fact]
    public void Dissect_ValidMbapBadPdu_IsMalformedWithTheReason()
    {
        // Read Coils with quantity 0 (digitalbond part 2 frame 11): Wireshark still shows address and quantity.
        OtMessage message = Feed(Adu(0, 1, "01 00 00 00 00"), Context(11, true));
        Assert.Equal(MessageStatus.Malformed, message.Status);
        Assert.NotNull(message.Error);
        Assert.Equal(ModbusError.ReadBitsQuantityOutOfRange, ModbusErrors.GetCode(message.Error!.Value));
        Assert.Equal(ModbusLimits.MbapHeaderLength + 3, message.Error!.Value.Offset);
        Assert.Equal(0, message.Address);
        Assert.Equal(0, message.Count);
        Assert.Equal(1, message.Function);
    }

    [Fact]
    public void Dissect_ExceptionWithTrailingByte_IsMalformedButKeepsItsCode()
    {
        // digitalbond part 1 frame 91: 81 06 00.
        OtMessage message = Feed(Adu(1, 10, "81 06 00"), Context(91, false));
        Assert.Equal(MessageStatus.Malformed, message.Status);
        Assert.Equal(6, Field(message, "exception"));
        Assert.Equal(1, message.Function);
    }

    [Fact]
    public void Complete_UnansweredRequests_AreReportedAsTimeouts()
    {
        Feed(Adu(5, 1, "03 00 10 00 02"), Context(20, true));
        Feed(Adu(6, 1, "06 00 01 00 03"), Context(21, true));
        Feed(Adu(6, 1, "06 00 01 00 03"), Context(22, false));
        _dissector.Complete(Context(30, true), _sink);
        OtMessage timeout = Assert.Single(_sink.Messages, m => m.Status == MessageStatus.Timeout);
        Assert.Equal(30, timeout.Frame);
        Assert.Equal(20, timeout.RequestFrame);
        Assert.Equal(3, timeout.Function);
        Assert.Equal(5, Field(timeout, "txn"));
        Assert.Equal(0x10, timeout.Address);
        Assert.Equal(Client, timeout.Source);
        Assert.Equal(0, _dissector.PendingRequests);
    }

    [Fact]
    public void Dissect_ResponseByteCountDisagreeingWithTheRequest_IsMalformed()
    {
        Feed(Adu(9, 1, "03 00 00 00 03"), Context(1, true));
        OtMessage response = Feed(Adu(9, 1, "03 04 00 01 00 02"), Context(2, false));
        Assert.Equal(MessageStatus.Malformed, response.Status);
        Assert.Equal(ModbusError.ByteCountMismatch, ModbusErrors.GetCode(response.Error!.Value));
        Assert.Equal(1, response.RequestFrame);

        Feed(Adu(10, 1, "01 00 00 00 09"), Context(3, true));
        Assert.Equal(MessageStatus.Ok, Feed(Adu(10, 1, "01 02 FF 01"), Context(4, false)).Status);
    }

    [Theory]
    // What Wireshark 4.0 reports as reference_num / word_cnt / bit_cnt (icsnpp and digitalbond truth files).
    [InlineData(true, "05 00 01 FF 00", 1L, null)]
    [InlineData(false, "05 00 01 FF 00", 1L, null)]
    [InlineData(false, "06 00 05 00 0B", 5L, null)]
    [InlineData(true, "0F 00 01 00 04 01 09", 1L, 4L)]
    [InlineData(false, "0F 00 01 00 04", 1L, 4L)]
    [InlineData(false, "10 00 01 00 04", 1L, 4L)]
    [InlineData(true, "16 00 0A DE AD 00 00", 10L, null)]
    [InlineData(false, "16 00 0A DE AD 00 00", 10L, null)]
    [InlineData(true, "17 00 01 00 01 00 02 00 01 02 00 FF", null, null)]
    [InlineData(false, "17 02 00 AA", null, null)]
    [InlineData(true, "18 00 00", 0L, null)]
    [InlineData(false, "18 00 02 00 00", null, 0L)]
    [InlineData(false, "01 01 01", null, null)]
    [InlineData(true, "08 00 02 00 00", null, null)]
    [InlineData(true, "2B 0E 01 00", null, null)]
    [InlineData(true, "06 00 00 00 00 00 00", 0L, null)]
    [InlineData(true, "16 00 00 00 00", 0L, null)]
    public void Dissect_AddressAndCount_AsWiresharkReportsThem(bool fromClient, string pdu, long? address, long? count)
    {
        OtMessage message = Feed(Adu(1, 1, pdu), Context(1, fromClient));
        Assert.Equal(address, message.Address);
        Assert.Equal(count, message.Count);
    }

    [Fact]
    public void Dissect_NoServerPort_DirectionFromStructureAndFirstSpeaker()
    {
        // A flow found by content on 5020: the dissector is not told the direction.
        OtMessage request = Feed(Adu(1, 1, "06 00 01 00 03"), Context(1, true, FlowDirection.Unknown, serverPort: 5020));
        Assert.Equal(MessageDirection.Request, request.Direction);
        OtMessage echo = Feed(Adu(1, 1, "06 00 01 00 03"), Context(2, false, FlowDirection.Unknown, serverPort: 5020));
        Assert.Equal(MessageDirection.Response, echo.Direction);
        Assert.Equal(1, echo.RequestFrame);
        OtMessage next = Feed(Adu(2, 1, "03 00 00 00 01"), Context(3, true, FlowDirection.Unknown, serverPort: 5020));
        Assert.Equal(MessageDirection.Request, next.Direction);
    }

    [Fact]
    public void Dissect_NoServerPort_ResponseSeenFirst_IsRecognisedByStructure()
    {
        // Capture started after the request: a read response (only the response layout fits) fixes the client.
        OtMessage response = Feed(Adu(1, 1, "03 06 02 2B 00 00 00 64"), Context(1, false, FlowDirection.Unknown, serverPort: 5020));
        Assert.Equal(MessageDirection.Response, response.Direction);
        OtMessage request = Feed(Adu(2, 1, "06 00 01 00 03"), Context(2, true, FlowDirection.Unknown, serverPort: 5020));
        Assert.Equal(MessageDirection.Request, request.Direction);
    }

    [Fact]
    public void Dissect_DeviceIdentificationResponse_GivesIdentity()
    {
        byte[] pdu = [0x2B, 0x0E, 0x01, 0x83, 0x00, 0x00, 0x03, 0x00, 0x04, .. "ACME"u8, 0x01, 0x06, .. "PLC-9X"u8, 0x02, 0x05, .. "V2.11"u8];
        Feed(Adu(1, 1, "2B 0E 01 00"), Context(1, true));
        OtMessage response = Feed(Adu(1, 1, Convert.ToHexString(pdu)), Context(2, false));
        Assert.Equal(OperationClass.Identification, response.Operation);
        Assert.Equal("ReadDeviceIdentification", response.FunctionName);
        Assert.NotNull(response.Identity);
        Assert.Equal("ACME", response.Identity!.Vendor);
        Assert.Equal("PLC-9X", response.Identity.Product);
        Assert.Equal("V2.11", response.Identity.Firmware);
    }

    [Fact]
    public void Dissect_ReportServerIdResponse_GivesIdentity()
    {
        // digitalbond part 1 frame 41: server id 00, run indicator FF, "Wingpath Limited".
        OtMessage response = Feed(Adu(0, 10, "11 12 00 FF 57 69 6E 67 70 61 74 68 20 4C 69 6D 69 74 65 64"), Context(41, false));
        Assert.Equal(OperationClass.Identification, response.Operation);
        Assert.Equal("Wingpath Limited", response.Identity?.Product);
    }

    [Fact]
    public void Dissect_UserDefinedFunction_IsReportedAsSuch()
    {
        OtMessage message = Feed(Adu(37, 1, "47 00 00 00 00"), Context(28, true));
        Assert.Equal(71, message.Function);
        Assert.Equal("UserDefined", message.FunctionName);
        Assert.Equal(OperationClass.Unknown, message.Operation);
        Assert.Equal(MessageStatus.Ok, message.Status);
        Assert.Equal("Unknown", Feed(Adu(0, 1, "1D 00 00 00 00"), Context(3, true)).FunctionName);
    }

    [Fact]
    public void Dissect_PartialAduOrBadHeader_ConsumesNothing()
    {
        byte[] adu = Adu(1, 1, "03 00 00 00 0A");
        Assert.Equal(OperationStatus.NeedMoreData, _dissector.Dissect(adu.AsSpan(0, 9), Context(1, true), _sink, out int consumed));
        Assert.Equal(0, consumed);
        Assert.Equal(OperationStatus.NeedMoreData, _dissector.Dissect(adu.AsSpan(0, 3), Context(1, true), _sink, out consumed));
        Assert.Equal(0, consumed);
        Assert.Equal(OperationStatus.InvalidData, _dissector.Dissect(Convert.FromHexString("000100010006"), Context(1, true), _sink, out consumed));
        Assert.Equal(0, consumed);
        Assert.Equal(OperationStatus.InvalidData, _dissector.Dissect(Convert.FromHexString("000000000000"), Context(1, true), _sink, out consumed));
        Assert.Equal(0, consumed);
        Assert.Empty(_sink.Messages);
    }

    [Fact]
    public void Dissect_TooManyPendingRequests_OldestIsReportedAsATimeout()
    {
        for (int i = 0; i <= ModbusFlowDissector.MaxPendingRequests; i++)
        {
            _dissector.Dissect(Adu((ushort)i, 1, "03 00 00 00 01"), Context(i + 1, true), _sink, out _);
        }

        OtMessage timeout = Assert.Single(_sink.Messages, m => m.Status == MessageStatus.Timeout);
        Assert.Equal(1, timeout.RequestFrame);
        Assert.Equal(ModbusFlowDissector.MaxPendingRequests, _dissector.PendingRequests);
    }
}
