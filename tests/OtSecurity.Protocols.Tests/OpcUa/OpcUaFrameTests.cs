using System.Buffers;
using System.Security.Cryptography;
using OtSecurity.Protocols.OpcUa;
using static OtSecurity.Protocols.Tests.OpcUa.OpcUaVectors;

namespace OtSecurity.Protocols.Tests.OpcUa;

public class OpcUaFrameTests
{
    private static OpcUaFrame Read(byte[] bytes)
    {
        Assert.Equal(OperationStatus.Done, OpcUaFrame.TryRead(bytes, out OpcUaFrame frame, out int consumed));
        Assert.Equal(bytes.Length, consumed);
        return frame;
    }

    [Fact]
    public void TryRead_Hello_ReadsLimitsAndEndpoint()
    {
        OpcUaFrame frame = Read(Hex(Hello));
        Assert.Equal(OpcUaMessageType.Hello, frame.MessageType);
        Assert.Equal("HEL", frame.MessageTypeText);
        Assert.Equal(OpcUaChunkType.Final, frame.ChunkType);
        Assert.True(OpcUaHello.TryRead(frame.Body, out OpcUaHello hello));
        Assert.Equal(0u, hello.ProtocolVersion);
        Assert.Equal(65536u, hello.ReceiveBufferSize);
        Assert.Equal(65536u, hello.SendBufferSize);
        Assert.Equal("opc.tcp://localhost:4840/freeopcua/server/"u8.ToArray(), hello.EndpointUrl.ToArray());
    }

    [Fact]
    public void TryRead_Acknowledge_ReadsLimits()
    {
        OpcUaFrame frame = Read(Hex(Acknowledge));
        Assert.True(OpcUaAcknowledge.TryRead(frame.Body, out OpcUaAcknowledge ack));
        Assert.Equal(new OpcUaAcknowledge(0, 65536, 65536, 0, 0), ack);
    }

    [Fact]
    public void TryRead_OpenRequest_ReadsPolicySequenceAndSecurityMode()
    {
        OpcUaFrame frame = Read(Hex(OpenRequest));
        Assert.True(OpcUaSecureChunk.TryRead(frame, out OpcUaSecureChunk chunk));
        Assert.True(chunk.Asymmetric.IsPolicyNone);
        Assert.False(chunk.Asymmetric.HasSenderCertificate);
        Assert.False(chunk.Asymmetric.IsEncrypted);
        Assert.Equal(new OpcUaSequenceHeader(1, 1), chunk.Sequence);
        Assert.True(OpcUaServiceBody.TryReadServiceId(chunk.Payload, out uint service, out int typeLength));
        Assert.Equal((uint)OpcUaServiceId.OpenSecureChannelRequest, service);
        Assert.Equal(4, typeLength); // the four-byte numeric form: 01 00 be 01
        var reader = new OpcUaBinaryReader(chunk.Payload.Slice(typeLength));
        Assert.True(OpcUaOpenSecureChannelRequest.TryRead(ref reader, out OpcUaOpenSecureChannelRequest request));
        Assert.Equal(OpcUaMessageSecurityMode.None, request.SecurityMode);
        Assert.Equal(OpcUaSecurityTokenRequestType.Issue, request.RequestType);
        Assert.Equal(3600000u, request.RequestedLifetime);
        Assert.Equal(1u, request.Header.RequestHandle);
    }

    [Fact]
    public void TryRead_OpenResponse_ReadsServiceAndResponseHeader()
    {
        OpcUaFrame frame = Read(Hex(OpenResponse));
        Assert.True(OpcUaSecureChunk.TryRead(frame, out OpcUaSecureChunk chunk));
        Assert.Equal(9u, chunk.SecureChannelId);
        Assert.True(OpcUaServiceBody.TryReadServiceId(chunk.Payload, out uint service, out int typeLength));
        Assert.Equal((uint)OpcUaServiceId.OpenSecureChannelResponse, service);
        var reader = new OpcUaBinaryReader(chunk.Payload.Slice(typeLength));
        Assert.True(OpcUaResponseHeader.TryRead(ref reader, out OpcUaResponseHeader header));
        Assert.Equal(1u, header.RequestHandle);
        Assert.Equal(0u, header.ServiceResult);
    }

    [Fact]
    public void TryRead_Message_ReadsSymmetricHeaderAndService()
    {
        OpcUaFrame frame = Read(Hex(TranslateRequest));
        Assert.True(OpcUaSecureChunk.TryRead(frame, out OpcUaSecureChunk chunk));
        Assert.Equal(new OpcUaSymmetricSecurityHeader(9, 14), chunk.Symmetric);
        Assert.Equal(new OpcUaSequenceHeader(5, 5), chunk.Sequence);
        Assert.True(OpcUaServiceBody.TryReadServiceId(chunk.Payload, out uint service, out _));
        Assert.Equal("TranslateBrowsePathsToNodeIdsRequest", OpcUaServices.GetName(service));
        Assert.Equal(OperationClass.Read, OpcUaServices.Classify(service));
    }

    [Fact]
    public void TryRead_Close_ReadsCloseSecureChannelRequest()
    {
        OpcUaFrame frame = Read(Hex(Close));
        Assert.Equal(OpcUaMessageType.CloseSecureChannel, frame.MessageType);
        Assert.True(OpcUaSecureChunk.TryRead(frame, out OpcUaSecureChunk chunk));
        Assert.True(OpcUaServiceBody.TryReadServiceId(chunk.Payload, out uint service, out _));
        Assert.Equal((uint)OpcUaServiceId.CloseSecureChannelRequest, service);
    }

    [Fact]
    public void TryRead_ErrorMessage_ReadsStatusAndReason()
    {
        // ERR F, size 0x1d: Bad_TcpMessageTooLarge (0x80800000), reason "too big" (7 octets).
        OpcUaFrame frame = Read(Hex("45525246 17000000 00008080 07000000 746f6f20626967"));
        Assert.True(OpcUaErrorMessage.TryRead(frame.Body, out OpcUaErrorMessage error));
        Assert.Equal(0x80800000u, error.Error);
        Assert.Equal("too big"u8.ToArray(), error.Reason.ToArray());
    }

    [Fact]
    public void TryRead_ReverseHello_ReadsUriAndEndpoint()
    {
        OpcUaFrame frame = Read(Hex("52484546 1a000000 03000000 75726e 07000000 6f70632e746370"));
        Assert.True(OpcUaReverseHello.TryRead(frame.Body, out OpcUaReverseHello rhe));
        Assert.Equal("urn"u8.ToArray(), rhe.ServerUri.ToArray());
        Assert.Equal("opc.tcp"u8.ToArray(), rhe.EndpointUrl.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("48")]
    [InlineData("48454c")]
    [InlineData("48454c46")]
    [InlineData("48454c464a000000")]
    [InlineData("48454c464a0000000000000000000100")]
    public void TryRead_TruncatedChunk_ReturnsNeedMoreData(string hex)
    {
        Assert.Equal(OperationStatus.NeedMoreData, OpcUaFrame.TryRead(Hex(hex), out _, out int consumed));
        Assert.Equal(0, consumed);
    }

    [Theory]
    [InlineData("474554202f20", OpcUaError.MessageType)] // "GET / ": HTTP
    [InlineData("4d53", OpcUaError.MessageType)] // not a prefix of any type? "MS" is: see next case
    [InlineData("160301", OpcUaError.MessageType)] // TLS record header
    [InlineData("4d534758", OpcUaError.ChunkType)] // MSG with chunk type 'X'
    [InlineData("48454c43", OpcUaError.ChunkType)] // HEL must be a final chunk
    [InlineData("4d53474610000000", OpcUaError.MessageSize)] // MSG of 16 octets: below header + symmetric + sequence
    [InlineData("4d534746ffffff7f", OpcUaError.MessageSize)] // 2 GiB: above 16 MiB
    [InlineData("48454c4620000000 00000000 00100000 00200000 00000000 00000000 00000000", OpcUaError.ConnectionMessage)] // receive buffer 4096 < 8192
    [InlineData("41434b461c000000 00000000 00200000 00010000 00000000 00000000", OpcUaError.ConnectionMessage)] // ACK send buffer 256
    [InlineData("4552524610000000 00000000 05000000", OpcUaError.ConnectionMessage)] // reason length 5 overruns
    [InlineData("4f504e4620000000 00000000 00010000 ffffffff ffffffff 0100000001000000", OpcUaError.SecurityHeader)] // policy URI length 256 overruns the chunk
    [InlineData("4f504e4624000000 00000000 00000000 ffffffff 03000000 aabbcc 0100000001000000 00", OpcUaError.SecurityHeader)] // thumbprint of 3 octets
    public void TryRead_InvalidChunk_ReturnsInvalidDataAndConsumesNothing(string hex, OpcUaError expected)
    {
        if (hex == "4d53")
        {
            // "MS" is a strict prefix of "MSG": it needs more data rather than being refused.
            Assert.Equal(OperationStatus.NeedMoreData, OpcUaFrame.TryRead(Hex(hex), out _, out _));
            return;
        }

        Assert.Equal(OperationStatus.InvalidData, OpcUaFrame.TryRead(Hex(hex), out OpcUaFrame frame, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.Equal(OpcUaMessageType.None, frame.MessageType);
        Assert.Equal((int)expected, error.Code);
        Assert.Equal("opcua", error.Protocol);
    }

    [Fact]
    public void TryRead_ChunkAboveNegotiatedSize_IsInvalid()
    {
        byte[] bytes = Hex(TranslateRequest);
        Assert.Equal(OperationStatus.InvalidData, OpcUaFrame.TryRead(bytes, 100, out _, out int consumed, out ProtocolError error));
        Assert.Equal(0, consumed);
        Assert.Equal((int)OpcUaError.MessageSize, error.Code);
    }

    [Fact]
    public void TryRead_HelloUrlOf4096Octets_IsInvalid()
    {
        byte[] url = new byte[4096];
        byte[] buffer = new byte[new OpcUaHello(0, 8192, 8192, 0, 0, url).GetEncodedLength()];
        new OpcUaHello(0, 8192, 8192, 0, 0, url).TryWrite(buffer, out _);
        Assert.Equal(OperationStatus.InvalidData, OpcUaFrame.TryRead(buffer, out _, out int consumed));
        Assert.Equal(0, consumed);
    }

    [Theory]
    [InlineData("00 2a", OpcUaNodeIdEncoding.TwoByte, 0, 42u)]
    [InlineData("01 02 7702", OpcUaNodeIdEncoding.FourByte, 2, 631u)]
    [InlineData("02 0300 78563412", OpcUaNodeIdEncoding.Numeric, 3, 0x12345678u)]
    public void TryReadNodeId_NumericForms_ReadNamespaceAndValue(string hex, OpcUaNodeIdEncoding encoding, ushort ns, uint value)
    {
        var reader = new OpcUaBinaryReader(Hex(hex));
        Assert.True(reader.TryReadNodeId(out OpcUaNodeId id));
        Assert.Equal(encoding, id.Encoding);
        Assert.Equal(ns, id.NamespaceIndex);
        Assert.Equal(value, id.Numeric);
        Assert.True(id.IsNumeric);
    }

    [Theory]
    [InlineData("03 0100 03000000 616263", OpcUaNodeIdEncoding.String, 3)]
    [InlineData("04 0100 00112233445566778899aabbccddeeff", OpcUaNodeIdEncoding.Guid, 16)]
    [InlineData("05 0100 02000000 beef", OpcUaNodeIdEncoding.ByteString, 2)]
    public void TryReadNodeId_OtherForms_ReadIdentifier(string hex, OpcUaNodeIdEncoding encoding, int length)
    {
        var reader = new OpcUaBinaryReader(Hex(hex));
        Assert.True(reader.TryReadNodeId(out OpcUaNodeId id));
        Assert.Equal(encoding, id.Encoding);
        Assert.Equal(1, id.NamespaceIndex);
        Assert.Equal(length, id.Identifier.Length);
        Assert.False(id.IsNumeric);
    }

    [Theory]
    [InlineData("")]
    [InlineData("01 00")]
    [InlineData("02 0000 0102")]
    [InlineData("03 0000 05000000 61")]
    [InlineData("04 0000 0011")]
    [InlineData("06 00")] // unknown encoding
    [InlineData("41 2a")] // server-index flag: an ExpandedNodeId, not a NodeId
    public void TryReadNodeId_Malformed_ReturnsFalseAndKeepsPosition(string hex)
    {
        var reader = new OpcUaBinaryReader(Hex(hex));
        Assert.False(reader.TryReadNodeId(out _));
        Assert.Equal(0, reader.Position);
    }

    [Theory]
    [InlineData("feffffff")] // length -2
    [InlineData("05000000 0102")] // overruns
    public void TryReadByteString_Malformed_ReturnsFalse(string hex)
    {
        var reader = new OpcUaBinaryReader(Hex(hex));
        Assert.False(reader.TryReadByteString(out _));
        Assert.Equal(0, reader.Position);
    }

    [Fact]
    public void TrySkipDiagnosticInfo_TooDeep_ReturnsFalse()
    {
        byte[] nested = Enumerable.Repeat((byte)0x40, 40).Append((byte)0).ToArray();
        var reader = new OpcUaBinaryReader(nested);
        Assert.False(reader.TrySkipDiagnosticInfo());
        Assert.Equal(0, reader.Position);
    }

    [Fact]
    public void Services_EveryRequestHasAResponseNamedAlike()
    {
        var requests = Enum.GetValues<OpcUaServiceId>().Where(s => s.ToString().EndsWith("Request", StringComparison.Ordinal)).ToArray();
        Assert.Equal(40, requests.Length); // the 39 services of OPC 10000-4 + SessionlessInvoke
        foreach (OpcUaServiceId request in requests)
        {
            Assert.True(OpcUaServices.IsRequest((uint)request));
            Assert.Equal(request.ToString(), OpcUaServices.GetName((uint)request));
            var response = Enum.Parse<OpcUaServiceId>(request.ToString().Replace("Request", "Response", StringComparison.Ordinal));
            Assert.False(OpcUaServices.IsRequest((uint)response));
            Assert.Equal(response.ToString(), OpcUaServices.GetName((uint)response));
            Assert.Equal(OpcUaServices.Classify((uint)request), OpcUaServices.Classify((uint)response));
        }

        Assert.Null(OpcUaServices.GetName(12345));
        Assert.Null(OpcUaServices.IsRequest(12345));
    }

    [Theory]
    [InlineData(631u, OperationClass.Read)]
    [InlineData(527u, OperationClass.Read)]
    [InlineData(554u, OperationClass.Read)]
    [InlineData(664u, OperationClass.Read)]
    [InlineData(673u, OperationClass.Write)]
    [InlineData(700u, OperationClass.Write)]
    [InlineData(712u, OperationClass.Control)]
    [InlineData(787u, OperationClass.Event)]
    [InlineData(751u, OperationClass.Event)]
    [InlineData(826u, OperationClass.Event)]
    [InlineData(428u, OperationClass.Discovery)]
    [InlineData(422u, OperationClass.Discovery)]
    [InlineData(461u, OperationClass.Session)]
    [InlineData(467u, OperationClass.Session)]
    [InlineData(473u, OperationClass.Session)]
    public void Classify_Services_MatchTheirPurpose(uint id, OperationClass expected) => Assert.Equal(expected, OpcUaServices.Classify(id));

    [Fact]
    public void TryComputeSenderThumbprint_IsSha1OfTheCertificate()
    {
        byte[] certificate = "abc"u8.ToArray();
        var header = new OpcUaAsymmetricSecurityHeader(1, "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256"u8, certificate, default);
        Span<byte> thumbprint = stackalloc byte[20];
        Assert.True(header.TryComputeSenderThumbprint(thumbprint));

        // FIPS 180-1 test vector: SHA-1("abc").
        Assert.Equal(Hex("a9993e364706816aba3e25717850c26c9cd0d89d"), thumbprint.ToArray());
        Assert.False(header.IsPolicyNone);
        Assert.False(header.TryComputeSenderThumbprint(stackalloc byte[19]));
    }

    [Fact]
    public void CreateSession_WriteThenRead_KeepsApplicationDescription()
    {
        var description = new OpcUaApplicationDescription("urn:client"u8, "urn:product"u8, "My Client"u8, OpcUaApplicationType.Client);
        var request = new OpcUaCreateSessionRequest(new OpcUaRequestHeader(1, 2, 0, 1000), description, "opc.tcp://h:4840"u8, "s1"u8);
        byte[] buffer = new byte[512];
        var writer = new OpcUaBinaryWriter(buffer);
        request.Write(ref writer);
        Assert.False(writer.Overflow);
        Assert.True(OpcUaServiceBody.TryReadServiceId(buffer, out uint service, out int typeLength));
        Assert.Equal((uint)OpcUaServiceId.CreateSessionRequest, service);
        var reader = new OpcUaBinaryReader(buffer.AsSpan(typeLength, writer.Position - typeLength));
        Assert.True(OpcUaCreateSessionRequest.TryRead(ref reader, out OpcUaCreateSessionRequest read));
        Assert.Equal("urn:client"u8.ToArray(), read.ClientDescription.ApplicationUri.ToArray());
        Assert.Equal("urn:product"u8.ToArray(), read.ClientDescription.ProductUri.ToArray());
        Assert.Equal("My Client"u8.ToArray(), read.ClientDescription.ApplicationName.ToArray());
        Assert.Equal(OpcUaApplicationType.Client, read.ClientDescription.ApplicationType);
        Assert.Equal(2u, read.Header.RequestHandle);
    }

    [Fact]
    public void CreateSessionResponse_WriteThenRead_KeepsServerDescription()
    {
        var server = new OpcUaApplicationDescription("urn:plc"u8, "urn:vendor:product"u8, "PLC Server"u8, OpcUaApplicationType.Server);
        byte[] buffer = new byte[1024];
        var writer = new OpcUaBinaryWriter(buffer);
        OpcUaCreateSessionResponse.Write(ref writer, new OpcUaResponseHeader(5, 2, 0), 7, 60000, "opc.tcp://plc:4840"u8, server);
        Assert.False(writer.Overflow);
        Assert.True(OpcUaServiceBody.TryReadServiceId(buffer, out uint service, out int typeLength));
        Assert.Equal((uint)OpcUaServiceId.CreateSessionResponse, service);
        var reader = new OpcUaBinaryReader(buffer.AsSpan(typeLength, writer.Position - typeLength));
        Assert.True(OpcUaCreateSessionResponse.TryRead(ref reader, out OpcUaCreateSessionResponse read));
        Assert.True(read.HasServerDescription);
        Assert.Equal(2u, read.Header.RequestHandle);
        Assert.Equal("urn:plc"u8.ToArray(), read.ServerDescription.ApplicationUri.ToArray());
        Assert.Equal("PLC Server"u8.ToArray(), read.ServerDescription.ApplicationName.ToArray());
        Assert.Equal(OpcUaApplicationType.Server, read.ServerDescription.ApplicationType);
    }

    [Theory]
    [InlineData(OpcUaUserTokenType.Anonymous)]
    [InlineData(OpcUaUserTokenType.UserName)]
    [InlineData(OpcUaUserTokenType.Certificate)]
    [InlineData(OpcUaUserTokenType.IssuedToken)]
    public void ActivateSession_WriteThenRead_KeepsTokenType(OpcUaUserTokenType type)
    {
        var request = new OpcUaActivateSessionRequest(new OpcUaRequestHeader(1, 3, 0, 0), type, "\u0009\0\0\0anonymous"u8);
        byte[] buffer = new byte[256];
        var writer = new OpcUaBinaryWriter(buffer);
        request.Write(ref writer);
        Assert.True(OpcUaServiceBody.TryReadServiceId(buffer, out uint service, out int typeLength));
        Assert.Equal((uint)OpcUaServiceId.ActivateSessionRequest, service);
        var reader = new OpcUaBinaryReader(buffer.AsSpan(typeLength, writer.Position - typeLength));
        Assert.True(OpcUaActivateSessionRequest.TryRead(ref reader, out OpcUaActivateSessionRequest read));
        Assert.Equal(type, read.TokenType);
    }

    [Fact]
    public void Writer_TooSmall_ReportsOverflow()
    {
        var writer = new OpcUaBinaryWriter(new byte[3]);
        writer.WriteUInt32(1);
        Assert.True(writer.Overflow);
        Assert.Equal(0, writer.Position);
    }

    [Fact]
    public void TryRead_WarmedUp_AllocatesNothing()
    {
        byte[] bytes = Hex(TranslateRequest);
        OpcUaFrame.TryRead(bytes, out _, out _);
        Span<byte> thumbprint = stackalloc byte[20];
        long before = GC.GetAllocatedBytesForCurrentThread();
        uint total = 0;
        for (int i = 0; i < 100; i++)
        {
            OpcUaFrame.TryRead(bytes, out OpcUaFrame frame, out _);
            OpcUaSecureChunk.TryRead(frame, out OpcUaSecureChunk chunk);
            OpcUaServiceBody.TryReadServiceId(chunk.Payload, out uint service, out _);
            total += service + (uint)(OpcUaServices.GetName(service)?.Length ?? 0);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(total > 0);
    }
}
