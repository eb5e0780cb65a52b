using FsCheck.Xunit;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Dissectors.OpcUa;
using OtSecurity.Protocols;
using OtSecurity.Protocols.OpcUa;

namespace OtSecurity.Capture.Tests.Dissectors.OpcUa;

public class OpcUaDissectorTests
{
    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    // icsnpp-python-opcua-minimal.pcap frames 7, 9, 11, 13, 27, 39 (see tests/OtSecurity.Protocols.Tests/OpcUa/OpcUaVectors.cs).
    private const string Hello = "48454c464a00000000000000000001000000010000000000000000002a0000006f70632e7463703a2f2f6c6f63616c686f73743a343834302f667265656f706375612f7365727665722f";
    private const string Acknowledge = "41434b461c0000000000000000000100000001000000000000000000";
    private const string OpenRequest = "4f504e4684000000000000002f000000687474703a2f2f6f7063666f756e646174696f6e2e6f72672f55412f5365637572697479506f6c696379234e6f6e65ffffffffffffffff01000000010000000100be010000647cf1a8e973d5010100000000000000ffffffffe80300000000000000000000000000010000000000000080ee3600";
    private const string OpenResponse = "4f504e4687000000090000002f000000687474703a2f2f6f7063666f756e646174696f6e2e6f72672f55412f5365637572697479506f6c696379234e6f6e65ffffffffffffffff01000000010000000100c1017e94f1a8e973d5010100000000000000000000000000000000000000090000000e0000001a94f1a8e973d50180ee360000000000";
    private const string TranslateRequest = "4d5347467f000000090000000e000000050000000500000001002a02020000ec0300009e73f2a8e973d5010500000000000000ffffffffe803000000000001000000005403000000002100010000070000004f626a65637473002100010200080000004d794f626a6563740021000102000a0000004d795661726961626c65";
    private const string Close = "434c4f463e000000090000000e00000008000000080000000100c401020000ec0300006ef3f2a8e973d5010800000000000000ffffffffe8030000000000";

    private readonly OpcUaDissector _dissector = new();

    [Theory]
    [InlineData(Hello)]
    [InlineData(Acknowledge)]
    [InlineData(OpenRequest)]
    [InlineData(TranslateRequest)]
    public void Probe_OpcUaChunks_Yes(string hex) => Assert.Equal(ContentMatch.Yes, _dissector.Probe(Hex(hex), TransportKind.Tcp));

    [Fact]
    public void Probe_HelloWithoutOpcTcpUrl_No()
    {
        var hello = new OpcUaHello(0, 8192, 8192, 0, 0, "http://example/"u8);
        byte[] bytes = new byte[hello.GetEncodedLength()];
        hello.TryWrite(bytes, out _);
        Assert.Equal(ContentMatch.No, _dissector.Probe(bytes, TransportKind.Tcp));
    }

    [Fact]
    public void Probe_OrdinaryTraffic_No()
    {
        Assert.Equal(ContentMatch.No, _dissector.Probe(OrdinaryTraffic.Http, TransportKind.Tcp));
        Assert.Equal(ContentMatch.No, _dissector.Probe(OrdinaryTraffic.Tls, TransportKind.Tcp));
        Assert.Equal(ContentMatch.No, _dissector.Probe(OrdinaryTraffic.Ssh, TransportKind.Tcp));
        Assert.Equal(ContentMatch.No, _dissector.Probe(OrdinaryTraffic.Rdp, TransportKind.Tcp));
        Assert.Equal(ContentMatch.No, _dissector.Probe("MSGF hello there, this is text"u8, TransportKind.Tcp)); // size 0x6c656820: far above 16 MiB
        Assert.Equal(ContentMatch.No, _dissector.Probe(Hex(Hello), TransportKind.Udp));
    }

    [Theory]
    [InlineData("")]
    [InlineData("48")]
    [InlineData("48454c46")]
    [InlineData("48454c464a000000")]
    public void Probe_PlausiblePrefix_NeedMoreData(string hex) => Assert.Equal(ContentMatch.NeedMoreData, _dissector.Probe(Hex(hex), TransportKind.Tcp));

    [Fact]
    public void Dissect_PlainSession_ReportsMessageTypesAndServiceIds()
    {
        var harness = new DissectorHarness(_dissector, 4840);
        harness.Feed(7, true, Hex(Hello));
        harness.Feed(9, false, Hex(Acknowledge));
        harness.Feed(11, true, Hex(OpenRequest));
        harness.Feed(13, false, Hex(OpenResponse));
        harness.Feed(27, true, Hex(TranslateRequest));
        harness.Feed(39, true, Hex(Close));
        List<OtMessage> m = harness.Sink.Messages;
        Assert.Equal(["HEL", "ACK", "OPN", "OPN", "MSG", "CLO"], m.Select(x => DissectorHarness.Text(x, "msgType")));
        Assert.Equal(new long?[] { null, null, 446, 449, 554, 452 }, m.Select(x => DissectorHarness.Number(x, "serviceId")));
        Assert.Equal(OperationClass.Session, m[0].Operation);
        Assert.Equal(OperationClass.Read, m[4].Operation);
        Assert.Equal(MessageDirection.Response, m[3].Direction);
        Assert.Equal(11, m[3].RequestFrame);
    }

    [Fact]
    public void Dissect_EncryptedChannel_NeverReadsBodies()
    {
        var harness = new DissectorHarness(_dissector, 4840);
        byte[] policy = "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256"u8.ToArray();
        byte[] certificate = new byte[64];
        byte[] thumbprint = new byte[20];

        // The OPN body is ciphertext; make it look like a plaintext OpenSecureChannelRequest to prove it is not read.
        byte[] fakeBody = Hex("0100be01 0000");
        var header = new OpcUaAsymmetricSecurityHeader(0, policy, certificate, thumbprint);
        byte[] open = new byte[OpcUaSecureChunk.GetOpenEncodedLength(header, fakeBody.Length)];
        OpcUaSecureChunk.TryWriteOpen(OpcUaChunkType.Final, header, new OpcUaSequenceHeader(1, 1), fakeBody, open, out _);
        harness.Feed(1, true, open);

        // A MSG whose (encrypted) body happens to start like a ReadRequest.
        byte[] message = new byte[OpcUaSecureChunk.GetSymmetricEncodedLength(fakeBody.Length)];
        OpcUaSecureChunk.TryWriteSymmetric(OpcUaMessageType.Message, OpcUaChunkType.Final, new OpcUaSymmetricSecurityHeader(5, 1), new OpcUaSequenceHeader(2, 2), Hex("01007702 0000"), message, out _);
        harness.Feed(2, true, message);

        Assert.Equal(2, harness.Sink.Messages.Count);
        Assert.All(harness.Sink.Messages, x => Assert.Null(DissectorHarness.Number(x, "serviceId")));
        Assert.Equal("Encrypted", harness.Sink.Messages[0].FunctionName);
        Assert.Equal("Secured", harness.Sink.Messages[1].FunctionName);
        Assert.Equal("MSG", DissectorHarness.Text(harness.Sink.Messages[1], "msgType"));
    }

    [Fact]
    public void Dissect_UnknownChannel_ReadsOnlyPlausibleServiceBodies()
    {
        var harness = new DissectorHarness(_dissector, 4840);
        harness.Feed(1, true, Hex(TranslateRequest)); // no OPN seen: a four-byte ns-0 service id is accepted
        byte[] random = new byte[OpcUaSecureChunk.GetSymmetricEncodedLength(16)];
        OpcUaSecureChunk.TryWriteSymmetric(OpcUaMessageType.Message, OpcUaChunkType.Final, new OpcUaSymmetricSecurityHeader(5, 1), new OpcUaSequenceHeader(2, 2), Hex("9a1c33e07b11f0e2c4d5a6b7c8d9e0f1"), random, out _);
        harness.Feed(2, true, random);
        Assert.Equal(554, DissectorHarness.Number(harness.Sink.Messages[0], "serviceId"));
        Assert.Null(DissectorHarness.Number(harness.Sink.Messages[1], "serviceId"));
        Assert.Equal("Secured", harness.Sink.Messages[1].FunctionName);
    }

    [Fact]
    public void Dissect_MultiChunkMessage_ReportsTheServiceOnTheFinalChunk()
    {
        var harness = new DissectorHarness(_dissector, 4840);
        harness.Feed(1, true, Hex(OpenRequest));
        harness.Feed(2, true, Chunk(OpcUaChunkType.Intermediate, 7, Hex("01007702 00000000")));
        harness.Feed(3, true, Chunk(OpcUaChunkType.Intermediate, 7, Hex("aabbccdd")));
        harness.Feed(4, true, Chunk(OpcUaChunkType.Final, 7, Hex("eeff")));
        harness.Feed(5, true, Chunk(OpcUaChunkType.Intermediate, 8, Hex("01007702")));
        harness.Feed(6, true, Chunk(OpcUaChunkType.Abort, 8, Hex("00000000 00000000")));
        List<OtMessage> m = harness.Sink.Messages;
        Assert.Equal(new long?[] { 446, null, null, 631, null, null }, m.Select(x => DissectorHarness.Number(x, "serviceId")));
        Assert.Equal("ReadRequest", m[3].FunctionName);
    }

    [Fact]
    public void Dissect_CreateSession_CarriesTheClientsIdentity()
    {
        var harness = new DissectorHarness(_dissector, 4840);
        harness.Feed(1, true, Hex(OpenRequest));
        var description = new OpcUaApplicationDescription("urn:acme:hmi"u8, "urn:acme:product"u8, "ACME HMI"u8, OpcUaApplicationType.Client);
        var request = new OpcUaCreateSessionRequest(new OpcUaRequestHeader(0, 1, 0, 0), description, "opc.tcp://plc:4840"u8, "s"u8);
        byte[] body = new byte[512];
        var writer = new OpcUaBinaryWriter(body);
        request.Write(ref writer);
        harness.Feed(2, true, Chunk(OpcUaChunkType.Final, 2, body.AsSpan(0, writer.Position).ToArray()));
        OtMessage m = harness.Sink.Messages[1];
        Assert.Equal(461, DissectorHarness.Number(m, "serviceId"));
        Assert.NotNull(m.Identity);
        Assert.Equal("ACME HMI", m.Identity.Product);
        Assert.Equal("urn:acme:product", m.Identity.Model);
        Assert.Equal("urn:acme:hmi", m.Identity.DeviceAddress);
        Assert.Equal("Client", m.Identity.DeviceType);
    }

    [Fact]
    public void Dissect_Error_IsProtocolError()
    {
        var harness = new DissectorHarness(_dissector, 4840);
        harness.Feed(1, false, Hex("45525246 17000000 00008080 07000000 746f6f20626967"));
        OtMessage m = Assert.Single(harness.Sink.Messages);
        Assert.Equal(MessageStatus.ProtocolError, m.Status);
        Assert.Equal("ERR", DissectorHarness.Text(m, "msgType"));
    }

    [Fact]
    public void Complete_UnansweredRequest_IsATimeoutWithoutKeys()
    {
        var harness = new DissectorHarness(_dissector, 4840);
        harness.Feed(1, true, Hex(OpenRequest));
        harness.Complete(2);
        OtMessage timeout = harness.Sink.Messages[1];
        Assert.Equal(MessageStatus.Timeout, timeout.Status);
        Assert.Empty(timeout.Fields);
        Assert.Equal(1, timeout.RequestFrame);
    }

    [Property]
    public bool Dissect_ArbitraryTcpSegmentation_YieldsTheSameMessages(int[] cuts)
    {
        byte[] stream = [.. Hex(Hello), .. Hex(OpenRequest), .. Hex(TranslateRequest), .. Hex(Close)];
        var whole = new DissectorHarness(_dissector, 4840);
        whole.Feed(1, true, stream);
        var cut = new DissectorHarness(_dissector, 4840);
        int[] points = (cuts ?? []).Select(c => (int)((uint)c % (uint)(stream.Length + 1))).Append(stream.Length).Distinct().Order().ToArray();
        int previous = 0;
        foreach (int point in points)
        {
            cut.Feed(point, true, stream.AsSpan(previous, point - previous));
            previous = point;
        }

        return whole.Sink.Messages.Count == 4 && whole.Sink.Messages.Select(DissectorHarness.Summary).SequenceEqual(cut.Sink.Messages.Select(DissectorHarness.Summary));
    }

    [Property(MaxTest = 300)]
    public bool Dissect_ArbitraryBytes_NeverThrow(byte[] bytes, bool toServer)
    {
        var harness = new DissectorHarness(_dissector, 4840);
        harness.Feed(1, toServer, bytes ?? []);
        harness.Feed(2, toServer, [.. "MSGF"u8, .. bytes ?? []]);
        harness.Complete(3);
        return true;
    }

    private static byte[] Chunk(OpcUaChunkType type, uint requestId, byte[] payload)
    {
        byte[] bytes = new byte[OpcUaSecureChunk.GetSymmetricEncodedLength(payload.Length)];
        OpcUaSecureChunk.TryWriteSymmetric(OpcUaMessageType.Message, type, new OpcUaSymmetricSecurityHeader(9, 1), new OpcUaSequenceHeader(requestId, requestId), payload, bytes, out _);
        return bytes;
    }
}
