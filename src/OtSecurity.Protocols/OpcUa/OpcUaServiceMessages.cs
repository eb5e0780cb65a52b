using System.Buffers;

namespace OtSecurity.Protocols.OpcUa;

/// <summary>Reads the encodeable object at the start of a plaintext service payload: its type NodeId.</summary>
public static class OpcUaServiceBody
{
    /// <summary>Reads the type id of the body.</summary>
    /// <param name="payload">Payload after the sequence header.</param>
    /// <param name="typeId">The type id.</param>
    /// <param name="bytesConsumed">Its length.</param>
    /// <returns>False when the payload does not start with a NodeId.</returns>
    public static bool TryReadTypeId(ReadOnlySpan<byte> payload, out OpcUaNodeId typeId, out int bytesConsumed)
    {
        var r = new OpcUaBinaryReader(payload);
        bool ok = r.TryReadNodeId(out typeId);
        bytesConsumed = ok ? r.Position : 0;
        return ok;
    }

    /// <summary>Reads a namespace-0 numeric type id that names a service (OPC 10000-4).</summary>
    /// <param name="payload">Payload after the sequence header.</param>
    /// <param name="serviceId">The encoding id.</param>
    /// <param name="bytesConsumed">The type id length.</param>
    /// <returns>False unless the payload starts with a known service encoding id.</returns>
    public static bool TryReadServiceId(ReadOnlySpan<byte> payload, out uint serviceId, out int bytesConsumed)
    {
        serviceId = 0;
        if (!TryReadTypeId(payload, out OpcUaNodeId typeId, out bytesConsumed) || !typeId.IsNumeric || typeId.NamespaceIndex != 0 || OpcUaServices.GetName(typeId.Numeric) is null)
        {
            bytesConsumed = 0;
            return false;
        }

        serviceId = typeId.Numeric;
        return true;
    }

    /// <summary>Writes a service type id (namespace 0, most compact numeric encoding).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="serviceId">Encoding id.</param>
    public static void WriteServiceId(ref OpcUaBinaryWriter writer, OpcUaServiceId serviceId) => writer.WriteNumericNodeId(0, (uint)serviceId);
}

/// <summary>The RequestHeader of every service request (OPC 10000-4 §7.33), without the authentication token and additional header contents.</summary>
/// <param name="Timestamp">Send time (100 ns ticks since 1601-01-01 UTC).</param>
/// <param name="RequestHandle">Client-assigned handle echoed in the response.</param>
/// <param name="ReturnDiagnostics">Requested diagnostics mask.</param>
/// <param name="TimeoutHint">Timeout hint in milliseconds.</param>
public readonly record struct OpcUaRequestHeader(long Timestamp, uint RequestHandle, uint ReturnDiagnostics, uint TimeoutHint)
{
    /// <summary>Reads a RequestHeader.</summary>
    /// <param name="reader">Positioned after the type id.</param>
    /// <param name="header">The header.</param>
    /// <returns>False when malformed.</returns>
    public static bool TryRead(ref OpcUaBinaryReader reader, out OpcUaRequestHeader header)
    {
        header = default;
        if (!reader.TryReadNodeId(out _) || !reader.TryReadInt64(out long timestamp) || !reader.TryReadUInt32(out uint handle)
            || !reader.TryReadUInt32(out uint diagnostics) || !reader.TryReadByteString(out _) || !reader.TryReadUInt32(out uint timeout)
            || !reader.TryReadExtensionObject(out _, out _))
        {
            return false;
        }

        header = new OpcUaRequestHeader(timestamp, handle, diagnostics, timeout);
        return true;
    }

    /// <summary>Writes the header with a null authentication token, null audit entry id and no additional header.</summary>
    /// <param name="writer">The writer.</param>
    public void Write(ref OpcUaBinaryWriter writer)
    {
        writer.WriteNumericNodeId(0, 0);
        writer.WriteInt64(Timestamp);
        writer.WriteUInt32(RequestHandle);
        writer.WriteUInt32(ReturnDiagnostics);
        writer.WriteByteString(default, isNull: true);
        writer.WriteUInt32(TimeoutHint);
        writer.WriteNumericNodeId(0, 0);
        writer.WriteByte(0);
    }
}

/// <summary>The ResponseHeader of every service response (OPC 10000-4 §7.34).</summary>
/// <param name="Timestamp">Send time.</param>
/// <param name="RequestHandle">The request's handle.</param>
/// <param name="ServiceResult">Service-level status code (0 Good).</param>
public readonly record struct OpcUaResponseHeader(long Timestamp, uint RequestHandle, uint ServiceResult)
{
    /// <summary>True when the service result is Bad (severity bits 10).</summary>
    public bool IsBad => (ServiceResult & 0x80000000) != 0;

    /// <summary>Reads a ResponseHeader (skipping diagnostics, string table and additional header).</summary>
    /// <param name="reader">Positioned after the type id.</param>
    /// <param name="header">The header.</param>
    /// <returns>False when malformed.</returns>
    public static bool TryRead(ref OpcUaBinaryReader reader, out OpcUaResponseHeader header)
    {
        header = default;
        if (!reader.TryReadInt64(out long timestamp) || !reader.TryReadUInt32(out uint handle) || !reader.TryReadUInt32(out uint result)
            || !reader.TrySkipDiagnosticInfo() || !reader.TrySkipStringArray() || !reader.TryReadExtensionObject(out _, out _))
        {
            return false;
        }

        header = new OpcUaResponseHeader(timestamp, handle, result);
        return true;
    }

    /// <summary>Writes the header with no diagnostics, no string table and no additional header.</summary>
    /// <param name="writer">The writer.</param>
    public void Write(ref OpcUaBinaryWriter writer)
    {
        writer.WriteInt64(Timestamp);
        writer.WriteUInt32(RequestHandle);
        writer.WriteUInt32(ServiceResult);
        writer.WriteByte(0);
        writer.WriteInt32(-1);
        writer.WriteNumericNodeId(0, 0);
        writer.WriteByte(0);
    }
}

/// <summary>OpenSecureChannelRequest (OPC 10000-4 §5.5.2) after its type id.</summary>
public readonly ref struct OpcUaOpenSecureChannelRequest
{
    /// <summary>Creates a request to write.</summary>
    /// <param name="header">Request header.</param>
    /// <param name="clientProtocolVersion">Client protocol version.</param>
    /// <param name="requestType">Issue or renew.</param>
    /// <param name="securityMode">Requested security mode.</param>
    /// <param name="clientNonce">Client nonce.</param>
    /// <param name="requestedLifetime">Requested token lifetime in milliseconds.</param>
    public OpcUaOpenSecureChannelRequest(OpcUaRequestHeader header, uint clientProtocolVersion, OpcUaSecurityTokenRequestType requestType, OpcUaMessageSecurityMode securityMode, ReadOnlySpan<byte> clientNonce, uint requestedLifetime)
    {
        Header = header;
        ClientProtocolVersion = clientProtocolVersion;
        RequestType = requestType;
        SecurityMode = securityMode;
        ClientNonce = clientNonce;
        RequestedLifetime = requestedLifetime;
    }

    /// <summary>Request header.</summary>
    public OpcUaRequestHeader Header { get; }

    /// <summary>Client protocol version.</summary>
    public uint ClientProtocolVersion { get; }

    /// <summary>Issue or renew.</summary>
    public OpcUaSecurityTokenRequestType RequestType { get; }

    /// <summary>Requested security mode.</summary>
    public OpcUaMessageSecurityMode SecurityMode { get; }

    /// <summary>Client nonce.</summary>
    public ReadOnlySpan<byte> ClientNonce { get; }

    /// <summary>Requested lifetime (ms).</summary>
    public uint RequestedLifetime { get; }

    /// <summary>Reads the request.</summary>
    /// <param name="reader">Positioned after the type id.</param>
    /// <param name="request">The request.</param>
    /// <returns>False when malformed.</returns>
    public static bool TryRead(ref OpcUaBinaryReader reader, out OpcUaOpenSecureChannelRequest request)
    {
        request = default;
        if (!OpcUaRequestHeader.TryRead(ref reader, out var header) || !reader.TryReadUInt32(out uint version) || !reader.TryReadUInt32(out uint type)
            || !reader.TryReadUInt32(out uint mode) || !reader.TryReadByteString(out ReadOnlySpan<byte> nonce) || !reader.TryReadUInt32(out uint lifetime))
        {
            return false;
        }

        request = new OpcUaOpenSecureChannelRequest(header, version, (OpcUaSecurityTokenRequestType)type, (OpcUaMessageSecurityMode)mode, nonce, lifetime);
        return true;
    }

    /// <summary>Writes the type id and the request.</summary>
    /// <param name="writer">The writer.</param>
    public void Write(ref OpcUaBinaryWriter writer)
    {
        OpcUaServiceBody.WriteServiceId(ref writer, OpcUaServiceId.OpenSecureChannelRequest);
        Header.Write(ref writer);
        writer.WriteUInt32(ClientProtocolVersion);
        writer.WriteUInt32((uint)RequestType);
        writer.WriteUInt32((uint)SecurityMode);
        writer.WriteByteString(ClientNonce);
        writer.WriteUInt32(RequestedLifetime);
    }
}

/// <summary>ApplicationDescription (OPC 10000-4 §7.2): who a client or server says it is.</summary>
public readonly ref struct OpcUaApplicationDescription
{
    /// <summary>Creates a description to write.</summary>
    /// <param name="applicationUri">Application URI.</param>
    /// <param name="productUri">Product URI.</param>
    /// <param name="applicationName">Application name text.</param>
    /// <param name="applicationType">Application type.</param>
    public OpcUaApplicationDescription(ReadOnlySpan<byte> applicationUri, ReadOnlySpan<byte> productUri, ReadOnlySpan<byte> applicationName, OpcUaApplicationType applicationType)
    {
        ApplicationUri = applicationUri;
        ProductUri = productUri;
        ApplicationName = applicationName;
        ApplicationType = applicationType;
    }

    /// <summary>Application URI (UTF-8).</summary>
    public ReadOnlySpan<byte> ApplicationUri { get; }

    /// <summary>Product URI (UTF-8).</summary>
    public ReadOnlySpan<byte> ProductUri { get; }

    /// <summary>Application name text (UTF-8).</summary>
    public ReadOnlySpan<byte> ApplicationName { get; }

    /// <summary>Application type.</summary>
    public OpcUaApplicationType ApplicationType { get; }

    /// <summary>Reads a description (skipping gateway URI, discovery profile URI and discovery URLs).</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="description">The description.</param>
    /// <returns>False when malformed.</returns>
    public static bool TryRead(ref OpcUaBinaryReader reader, out OpcUaApplicationDescription description)
    {
        description = default;
        if (!reader.TryReadByteString(out ReadOnlySpan<byte> uri) || !reader.TryReadByteString(out ReadOnlySpan<byte> product)
            || !reader.TryReadLocalizedText(out _, out ReadOnlySpan<byte> name) || !reader.TryReadUInt32(out uint type)
            || !reader.TryReadByteString(out _) || !reader.TryReadByteString(out _) || !reader.TrySkipStringArray())
        {
            return false;
        }

        description = new OpcUaApplicationDescription(uri, product, name, (OpcUaApplicationType)type);
        return true;
    }

    /// <summary>Writes the description (no gateway, no discovery profile, no discovery URLs).</summary>
    /// <param name="writer">The writer.</param>
    public void Write(ref OpcUaBinaryWriter writer)
    {
        writer.WriteByteString(ApplicationUri);
        writer.WriteByteString(ProductUri);
        writer.WriteLocalizedText(default, ApplicationName);
        writer.WriteUInt32((uint)ApplicationType);
        writer.WriteByteString(default, isNull: true);
        writer.WriteByteString(default, isNull: true);
        writer.WriteInt32(-1);
    }
}

/// <summary>CreateSessionRequest (OPC 10000-4 §5.6.2) after its type id: the client's application description and target.</summary>
public readonly ref struct OpcUaCreateSessionRequest
{
    /// <summary>Creates a request to write.</summary>
    /// <param name="header">Request header.</param>
    /// <param name="clientDescription">Client description.</param>
    /// <param name="endpointUrl">Endpoint URL.</param>
    /// <param name="sessionName">Session name.</param>
    public OpcUaCreateSessionRequest(OpcUaRequestHeader header, OpcUaApplicationDescription clientDescription, ReadOnlySpan<byte> endpointUrl, ReadOnlySpan<byte> sessionName)
    {
        Header = header;
        ClientDescription = clientDescription;
        EndpointUrl = endpointUrl;
        SessionName = sessionName;
    }

    /// <summary>Request header.</summary>
    public OpcUaRequestHeader Header { get; }

    /// <summary>The client's application description.</summary>
    public OpcUaApplicationDescription ClientDescription { get; }

    /// <summary>Endpoint URL.</summary>
    public ReadOnlySpan<byte> EndpointUrl { get; }

    /// <summary>Session name.</summary>
    public ReadOnlySpan<byte> SessionName { get; }

    /// <summary>Reads the request up to the session name.</summary>
    /// <param name="reader">Positioned after the type id.</param>
    /// <param name="request">The request.</param>
    /// <returns>False when malformed.</returns>
    public static bool TryRead(ref OpcUaBinaryReader reader, out OpcUaCreateSessionRequest request)
    {
        request = default;
        if (!OpcUaRequestHeader.TryRead(ref reader, out var header) || !OpcUaApplicationDescription.TryRead(ref reader, out var description)
            || !reader.TryReadByteString(out _) || !reader.TryReadByteString(out ReadOnlySpan<byte> url) || !reader.TryReadByteString(out ReadOnlySpan<byte> name))
        {
            return false;
        }

        request = new OpcUaCreateSessionRequest(header, description, url, name);
        return true;
    }

    /// <summary>Writes the type id and the whole request (null server URI, nonce and certificate; 60 s timeout; no size limit).</summary>
    /// <param name="writer">The writer.</param>
    public void Write(ref OpcUaBinaryWriter writer)
    {
        OpcUaServiceBody.WriteServiceId(ref writer, OpcUaServiceId.CreateSessionRequest);
        Header.Write(ref writer);
        ClientDescription.Write(ref writer);
        writer.WriteByteString(default, isNull: true);
        writer.WriteByteString(EndpointUrl);
        writer.WriteByteString(SessionName);
        writer.WriteByteString(default, isNull: true);
        writer.WriteByteString(default, isNull: true);
        writer.WriteDouble(60000);
        writer.WriteUInt32(0);
    }
}

/// <summary>CreateSessionResponse (OPC 10000-4 §5.6.2) after its type id: the server's description from its first endpoint.</summary>
public readonly ref struct OpcUaCreateSessionResponse
{
    private OpcUaCreateSessionResponse(OpcUaResponseHeader header, bool hasServer, OpcUaApplicationDescription server)
    {
        Header = header;
        HasServerDescription = hasServer;
        ServerDescription = server;
    }

    /// <summary>Response header.</summary>
    public OpcUaResponseHeader Header { get; }

    /// <summary>True when the response lists at least one endpoint.</summary>
    public bool HasServerDescription { get; }

    /// <summary>The server's description, from the first endpoint.</summary>
    public OpcUaApplicationDescription ServerDescription { get; }

    /// <summary>
    /// Writes the type id and a response announcing one endpoint: numeric session id and authentication token,
    /// the revised timeout, no nonce or certificate, one EndpointDescription (URL, the server description, security
    /// mode None, policy None, no user token policies, the UA-TCP binary profile, security level 0), no software
    /// certificates, a null signature and no size limit.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="header">Response header.</param>
    /// <param name="sessionId">Numeric session id (namespace 1).</param>
    /// <param name="revisedTimeout">Revised session timeout (ms).</param>
    /// <param name="endpointUrl">The endpoint URL.</param>
    /// <param name="server">The server's application description.</param>
    public static void Write(ref OpcUaBinaryWriter writer, OpcUaResponseHeader header, uint sessionId, double revisedTimeout, ReadOnlySpan<byte> endpointUrl, in OpcUaApplicationDescription server)
    {
        OpcUaServiceBody.WriteServiceId(ref writer, OpcUaServiceId.CreateSessionResponse);
        header.Write(ref writer);
        writer.WriteNumericNodeId(1, sessionId);
        writer.WriteNumericNodeId(1, sessionId + 1);
        writer.WriteDouble(revisedTimeout);
        writer.WriteByteString(default, isNull: true);
        writer.WriteByteString(default, isNull: true);
        writer.WriteInt32(1);
        writer.WriteByteString(endpointUrl);
        server.Write(ref writer);
        writer.WriteByteString(default, isNull: true);
        writer.WriteUInt32((uint)OpcUaMessageSecurityMode.None);
        writer.WriteByteString(OpcUaAsymmetricSecurityHeader.PolicyNone);
        writer.WriteInt32(-1);
        writer.WriteByteString("http://opcfoundation.org/UA-Profile/Transport/uatcp-uasc-uabinary"u8);
        writer.WriteByte(0);
        writer.WriteInt32(-1);
        writer.WriteByteString(default, isNull: true);
        writer.WriteByteString(default, isNull: true);
        writer.WriteUInt32(0);
    }

    /// <summary>Reads the response up to the first endpoint's server description.</summary>
    /// <param name="reader">Positioned after the type id.</param>
    /// <param name="response">The response.</param>
    /// <returns>False when malformed.</returns>
    public static bool TryRead(ref OpcUaBinaryReader reader, out OpcUaCreateSessionResponse response)
    {
        response = default;
        if (!OpcUaResponseHeader.TryRead(ref reader, out var header))
        {
            return false;
        }

        if (header.IsBad)
        {
            response = new OpcUaCreateSessionResponse(header, false, default);
            return true;
        }

        if (!reader.TryReadNodeId(out _) || !reader.TryReadNodeId(out _) || !reader.TryReadDouble(out _) || !reader.TryReadByteString(out _)
            || !reader.TryReadByteString(out _) || !reader.TryReadInt32(out int endpoints) || endpoints < -1)
        {
            return false;
        }

        if (endpoints <= 0)
        {
            response = new OpcUaCreateSessionResponse(header, false, default);
            return true;
        }

        if (!reader.TryReadByteString(out _) || !OpcUaApplicationDescription.TryRead(ref reader, out var server))
        {
            return false;
        }

        response = new OpcUaCreateSessionResponse(header, true, server);
        return true;
    }
}

/// <summary>ActivateSessionRequest (OPC 10000-4 §5.6.3) after its type id: the kind of user identity token.</summary>
public readonly ref struct OpcUaActivateSessionRequest
{
    /// <summary>Creates a request to write.</summary>
    /// <param name="header">Request header.</param>
    /// <param name="tokenType">Token kind.</param>
    /// <param name="tokenBody">The token's encoded body (for Anonymous: the PolicyId String).</param>
    public OpcUaActivateSessionRequest(OpcUaRequestHeader header, OpcUaUserTokenType tokenType, ReadOnlySpan<byte> tokenBody)
    {
        Header = header;
        TokenType = tokenType;
        TokenBody = tokenBody;
    }

    /// <summary>Request header.</summary>
    public OpcUaRequestHeader Header { get; }

    /// <summary>The user identity token kind.</summary>
    public OpcUaUserTokenType TokenType { get; }

    /// <summary>The token's body bytes (may be encrypted for UserName tokens).</summary>
    public ReadOnlySpan<byte> TokenBody { get; }

    /// <summary>Maps a token's binary encoding id to its kind.</summary>
    /// <param name="encodingId">The ExtensionObject type id.</param>
    /// <returns>The kind.</returns>
    public static OpcUaUserTokenType TokenTypeOf(uint encodingId) => encodingId switch
    {
        321 => OpcUaUserTokenType.Anonymous,
        324 => OpcUaUserTokenType.UserName,
        327 => OpcUaUserTokenType.Certificate,
        940 => OpcUaUserTokenType.IssuedToken,
        _ => OpcUaUserTokenType.Unknown,
    };

    private static uint EncodingIdOf(OpcUaUserTokenType type) => type switch
    {
        OpcUaUserTokenType.Anonymous => 321,
        OpcUaUserTokenType.UserName => 324,
        OpcUaUserTokenType.Certificate => 327,
        OpcUaUserTokenType.IssuedToken => 940,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Reads the request up to the user identity token.</summary>
    /// <param name="reader">Positioned after the type id.</param>
    /// <param name="request">The request.</param>
    /// <returns>False when malformed.</returns>
    public static bool TryRead(ref OpcUaBinaryReader reader, out OpcUaActivateSessionRequest request)
    {
        request = default;
        if (!OpcUaRequestHeader.TryRead(ref reader, out var header) || !reader.TryReadByteString(out _) || !reader.TryReadByteString(out _)
            || !reader.TryReadInt32(out int certificates) || certificates < -1 || certificates > reader.Remaining.Length / 8)
        {
            return false;
        }

        for (int i = 0; i < certificates; i++)
        {
            if (!reader.TryReadByteString(out _) || !reader.TryReadByteString(out _))
            {
                return false;
            }
        }

        if (!reader.TrySkipStringArray() || !reader.TryReadExtensionObject(out OpcUaNodeId tokenId, out ReadOnlySpan<byte> body))
        {
            return false;
        }

        var type = tokenId.IsNumeric && tokenId.NamespaceIndex == 0 ? TokenTypeOf(tokenId.Numeric) : OpcUaUserTokenType.Unknown;
        request = new OpcUaActivateSessionRequest(header, type, body);
        return true;
    }

    /// <summary>Writes the type id and the request (null signature, no software certificates, no locales, the token, null token signature).</summary>
    /// <param name="writer">The writer.</param>
    public void Write(ref OpcUaBinaryWriter writer)
    {
        OpcUaServiceBody.WriteServiceId(ref writer, OpcUaServiceId.ActivateSessionRequest);
        Header.Write(ref writer);
        writer.WriteByteString(default, isNull: true);
        writer.WriteByteString(default, isNull: true);
        writer.WriteInt32(-1);
        writer.WriteInt32(-1);
        writer.WriteNumericNodeId(0, EncodingIdOf(TokenType));
        writer.WriteByte(1);
        writer.WriteByteString(TokenBody);
        writer.WriteByteString(default, isNull: true);
        writer.WriteByteString(default, isNull: true);
    }
}
