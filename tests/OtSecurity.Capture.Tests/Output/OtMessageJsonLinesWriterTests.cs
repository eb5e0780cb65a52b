using System.Net;
using System.Text;
using System.Text.Json;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Output;
using OtSecurity.Protocols;

namespace OtSecurity.Capture.Tests.Output;

public sealed class OtMessageJsonLinesWriterTests
{
    private static readonly OtEndpoint Client = new(IPAddress.Parse("10.0.0.1"), 50123);
    private static readonly OtEndpoint Server = new(IPAddress.Parse("10.0.0.2"), 502);

    private static OtMessage Message() => new()
    {
        Frame = 12,
        Timestamp = new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567),
        Protocol = "modbus",
        Source = Client,
        Destination = Server,
        Direction = MessageDirection.Request,
        Operation = OperationClass.Read,
        Function = 3,
        FunctionName = "ReadHoldingRegisters",
        Unit = 1,
        Address = 0,
        Count = 10,
        Fields = [OtField.Of("txn", 7)],
    };

    [Fact]
    public void Format_TheDesignExample_IsReproducedExactly()
    {
        // DESIGN.md, "otsec dissect --jsonl": keys in contract order, ts in UTC with microseconds (truncated).
        Assert.Equal(
            """{"frame":12,"ts":"2024-05-01T10:00:00.123456Z","proto":"modbus","src":"10.0.0.1:50123","dst":"10.0.0.2:502","dir":"request","op":"read","func":3,"funcName":"ReadHoldingRegisters","unit":1,"txn":7,"addr":0,"count":10}""",
            OtMessageJsonLinesWriter.Format(Message()));
    }

    [Fact]
    public void Format_AbsentKeys_AreOmitted()
    {
        var message = new OtMessage
        {
            Frame = 1,
            Timestamp = DateTime.UnixEpoch,
            Protocol = "opcua",
            Source = new OtEndpoint(IPAddress.Parse("fe80::1"), 4840),
            Destination = new OtEndpoint(IPAddress.Parse("fe80::2"), 50000),
            Fields = [OtField.Of("msgType", "HEL")],
        };

        Assert.Equal(
            """{"frame":1,"ts":"1970-01-01T00:00:00.000000Z","proto":"opcua","src":"[fe80::1]:4840","dst":"[fe80::2]:50000","msgType":"HEL"}""",
            OtMessageJsonLinesWriter.Format(message));
    }

    [Fact]
    public void Format_OperationNames_AreCamelCase()
    {
        var line = OtMessageJsonLinesWriter.Format(Message() with { Operation = OperationClass.DeviceState, Direction = MessageDirection.Unsolicited });
        Assert.Contains("\"dir\":\"unsolicited\",\"op\":\"deviceState\"", line);
    }

    [Fact]
    public void Format_FieldsKeepTheirOrderBetweenUnitAndAddress()
    {
        var line = OtMessageJsonLinesWriter.Format(Message() with { Fields = [OtField.Of("txn", 7), OtField.Of("exception", 2)] });
        Assert.Contains("\"unit\":1,\"txn\":7,\"exception\":2,\"addr\":0", line);
    }

    [Fact]
    public void Write_OneObjectPerLine_TimeoutsSkipped()
    {
        using var stream = new MemoryStream();
        using (var writer = new OtMessageJsonLinesWriter(stream, leaveOpen: true))
        {
            writer.Write(Message());
            writer.Write(Message() with { Status = MessageStatus.Timeout });
            writer.Write(Message() with { Frame = 13, FunctionName = "quote \" and \\ and é" });
            Assert.Equal(2, writer.Count);
        }

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(string.Empty, lines[2]);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(13, second.RootElement.GetProperty("frame").GetInt64());
        Assert.Equal("quote \" and \\ and é", second.RootElement.GetProperty("funcName").GetString());
    }

    [Fact]
    public void Write_ManyMessages_AreAllFlushed()
    {
        using var stream = new MemoryStream();
        using (var writer = new OtMessageJsonLinesWriter(stream, leaveOpen: true))
        {
            for (var i = 0; i < 5000; i++)
            {
                writer.Write(Message() with { Frame = i + 1 });
            }
        }

        var lines = Encoding.UTF8.GetString(stream.ToArray()).TrimEnd('\n').Split('\n');
        Assert.Equal(5000, lines.Length);
        Assert.All(lines.Select((l, i) => (l, i)), p => Assert.StartsWith($"{{\"frame\":{p.i + 1},", p.l));
    }

    [Fact]
    public void SummaryBuilder_CountsPerProtocolAndFunction()
    {
        var builder = new CaptureSummaryBuilder();
        builder.OnMessage(Message());
        builder.OnMessage(Message() with { Direction = MessageDirection.Response, Source = Server, Destination = Client });
        builder.OnMessage(Message() with { Function = 16, FunctionName = "WriteMultipleRegisters", Status = MessageStatus.ProtocolError });
        builder.OnMessage(Message() with { Status = MessageStatus.Timeout });
        builder.OnMessage(Message() with { Protocol = "dnp3", Function = 1, FunctionName = "READ", Status = MessageStatus.Malformed });

        var summary = builder.Build(new CaptureStatistics());

        Assert.Equal(["dnp3", "modbus"], summary.Protocols.Select(p => p.Protocol));
        var modbus = summary.Protocols[1];
        Assert.Equal((3L, 2L, 1L, 1L, 0L, 1L, 1L), (modbus.Messages, modbus.Requests, modbus.Responses, modbus.ProtocolErrors, modbus.Malformed, modbus.Timeouts, modbus.Flows));
        Assert.Equal([new FunctionCount(3, "ReadHoldingRegisters", 2), new FunctionCount(16, "WriteMultipleRegisters", 1)], modbus.Functions);
        Assert.Equal(1, summary.Protocols[0].Malformed);
    }
}
