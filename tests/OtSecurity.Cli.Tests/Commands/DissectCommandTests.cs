using System.Net;
using System.Text.Json;
using OtSecurity.Capture;
using OtSecurity.Capture.FileFormats;
using OtSecurity.Capture.Transport;

namespace OtSecurity.Cli.Tests.Commands;

public sealed class DissectCommandTests : IDisposable
{
    private static readonly IPEndPoint Client = new(IPAddress.Parse("10.0.0.1"), 50123);
    private readonly List<string> _files = [];

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    private static string SharedCapture(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OtSecurity.Sdk.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "captures", name));
            }
        }

        throw new InvalidOperationException("No OtSecurity.Sdk.sln above the test binaries.");
    }

    /// <summary>A Modbus/TCP poll on <paramref name="serverPort"/>, picked up mid-stream (no handshake): FC3 request and response.</summary>
    private string ModbusCapture(int serverPort, int cutBytes = 0)
    {
        var server = new IPEndPoint(IPAddress.Parse("10.0.0.2"), serverPort);

        // MBAP (txn 1, protocol 0, length 6, unit 1) + FC3 read 10 registers at 0; response with 4 bytes of data.
        var request = Convert.FromHexString("000100000006010300000002");
        var response = Convert.FromHexString("00010000000701030400070008");
        var path = Path.Combine(Path.GetTempPath(), $"otsec-cli-{Guid.NewGuid():N}.pcap");
        using (var writer = new PcapWriter(File.Create(path), LinkType.Ethernet))
        {
            writer.WritePacket(new CaptureTimestamp(1_714_557_600, 0), PacketBuilder.Tcp(Client, server, 100, 200, TcpFlags.Psh | TcpFlags.Ack, request));
            writer.WritePacket(new CaptureTimestamp(1_714_557_600, 2_000_000), PacketBuilder.Tcp(server, Client, 200, 112, TcpFlags.Psh | TcpFlags.Ack, response));
        }

        if (cutBytes > 0)
        {
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..^cutBytes]);
        }

        _files.Add(path);
        return path;
    }

    [Fact]
    [Trait("Category", "Interop")]
    public void Jsonl_SharedModbusCapture_OneObjectPerMessage()
    {
        var result = CliRunner.Run("dissect", SharedCapture("modbus/zeek-modbus-eit.pcap"), "--jsonl");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        var lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(1, first.RootElement.GetProperty("frame").GetInt64());
        Assert.Equal("modbus", first.RootElement.GetProperty("proto").GetString());
        Assert.Equal(43, first.RootElement.GetProperty("func").GetInt32());
        Assert.StartsWith("{\"frame\":1,\"ts\":\"2015-10-21T11:04:51.170028Z\",\"proto\":\"modbus\",", lines[0]);
    }

    [Fact]
    public void Summary_IsTheDefault_AndCountsProtocolsFunctionsAndFlows()
    {
        var result = CliRunner.Run("dissect", ModbusCapture(502));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 frames", result.Output);
        Assert.Contains("Protocols", result.Output);
        Assert.Contains("modbus functions", result.Output);
        Assert.Matches(@"\n  3 +ReadHoldingRegisters +2\n", result.Output);
        Assert.Contains("well-known port  1", result.Output);
        Assert.Contains("gaps (missing bytes)", result.Output);
    }

    [Fact]
    public void DecodeAs_ForcesTheProtocolAndTheServerSideOnAnUnusualPort()
    {
        var path = ModbusCapture(1502);

        var result = CliRunner.Run("dissect", path, "--jsonl", "--decode-as", "tcp:1502=modbus");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"dst\":\"10.0.0.2:1502\",\"dir\":\"request\"", lines[0]);
        Assert.Contains("\"dir\":\"response\"", lines[1]);
    }

    [Fact]
    public void TruncatedCapture_PrintsWhatWasRead_ReportsTheDamage_ExitsOne()
    {
        var result = CliRunner.Run("dissect", ModbusCapture(502, cutBytes: 5), "--jsonl");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Output.TrimEnd('\n').Split('\n'));
        Assert.Contains("is damaged", result.Error);
        Assert.Contains("truncated packet record", result.Error);
        Assert.Contains("byte offset", result.Error);
    }

    [Fact]
    public void MissingFile_ExitsTwoWithTheReason()
    {
        var result = CliRunner.Run("dissect", Path.Combine(Path.GetTempPath(), "no-such-capture.pcap"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot read", result.Error);
        Assert.Contains("no such file", result.Error);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void Folder_ExitsTwoSayingItIsAFolder()
    {
        var result = CliRunner.Run("dissect", Path.GetTempPath());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("it is a folder", result.Error);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void NotACapture_ExitsTwoWithTheReason()
    {
        var path = CliRunner.TempFile("{\"not\":\"a capture\"}", ".pcap");
        _files.Add(path);

        var result = CliRunner.Run("dissect", path, "--jsonl");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a capture file", result.Error);
        Assert.Equal(string.Empty, result.Output);
    }

    [Theory]
    [InlineData("tcp:70000=modbus", "not a number from 1 to 65535")]
    [InlineData("sctp:502=modbus", "neither tcp nor udp")]
    [InlineData("tcp:5020=profinet", "no dissector for protocol 'profinet'")]
    public void BadDecodeAs_ExitsTwo(string rule, string reason)
    {
        var result = CliRunner.Run("dissect", ModbusCapture(502), "--decode-as", rule);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, result.Error);
    }

    [Fact]
    public void JsonlAndSummaryTogether_ExitTwo()
    {
        var result = CliRunner.Run("dissect", ModbusCapture(502), "--jsonl", "--summary");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("choose one of --jsonl and --summary", result.Error);
    }

    [Fact]
    public void NoFile_IsAUsageError()
    {
        var result = CliRunner.Run("dissect");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("otsec dissect --help", result.Error);
    }
}
