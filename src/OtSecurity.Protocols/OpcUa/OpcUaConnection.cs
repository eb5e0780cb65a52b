using System.Buffers;

namespace OtSecurity.Protocols.OpcUa;

/// <summary>Hello (OPC 10000-6 §7.1.2.3): the client's protocol version, buffer sizes, limits and endpoint URL.</summary>
public readonly ref struct OpcUaHello
{
    /// <summary>Creates a Hello to write.</summary>
    /// <param name="protocolVersion">Protocol version (0).</param>
    /// <param name="receiveBufferSize">Largest chunk the client receives (≥ 8192).</param>
    /// <param name="sendBufferSize">Largest chunk the client sends (≥ 8192).</param>
    /// <param name="maxMessageSize">Largest response message (0: no limit).</param>
    /// <param name="maxChunkCount">Most chunks per response (0: no limit).</param>
    /// <param name="endpointUrl">UTF-8 endpoint URL (below 4096 octets).</param>
    public OpcUaHello(uint protocolVersion, uint receiveBufferSize, uint sendBufferSize, uint maxMessageSize, uint maxChunkCount, ReadOnlySpan<byte> endpointUrl)
    {
        ProtocolVersion = protocolVersion;
        ReceiveBufferSize = receiveBufferSize;
        SendBufferSize = sendBufferSize;
        MaxMessageSize = maxMessageSize;
        MaxChunkCount = maxChunkCount;
        EndpointUrl = endpointUrl;
    }

    /// <summary>Protocol version.</summary>
    public uint ProtocolVersion { get; }

    /// <summary>Receive buffer size.</summary>
    public uint ReceiveBufferSize { get; }

    /// <summary>Send buffer size.</summary>
    public uint SendBufferSize { get; }

    /// <summary>Maximum message size.</summary>
    public uint MaxMessageSize { get; }

    /// <summary>Maximum chunk count.</summary>
    public uint MaxChunkCount { get; }

    /// <summary>The endpoint URL octets (UTF-8).</summary>
    public ReadOnlySpan<byte> EndpointUrl { get; }

    /// <summary>Reads a Hello body (after the 8-octet header).</summary>
    /// <param name="body">The body.</param>
    /// <param name="hello">The message.</param>
    /// <returns>False when short, a buffer size is below 8192, or the URL is 4096 octets or longer.</returns>
    public static bool TryRead(ReadOnlySpan<byte> body, out OpcUaHello hello)
    {
        hello = default;
        var r = new OpcUaBinaryReader(body);
        if (!r.TryReadUInt32(out uint version) || !r.TryReadUInt32(out uint receive) || !r.TryReadUInt32(out uint send)
            || !r.TryReadUInt32(out uint maxMessage) || !r.TryReadUInt32(out uint maxChunks) || !r.TryReadByteString(out ReadOnlySpan<byte> url))
        {
            return false;
        }

        // §7.1.2.3: buffer sizes at least 8192; EndpointUrl shorter than 4096 octets.
        if (receive < OpcUaFrame.MinimumBufferSize || send < OpcUaFrame.MinimumBufferSize || url.Length > OpcUaFrame.MaxUrlLength)
        {
            return false;
        }

        hello = new OpcUaHello(version, receive, send, maxMessage, maxChunks, url);
        return true;
    }

    /// <summary>The encoded length of the whole message.</summary>
    /// <returns>Octets.</returns>
    public int GetEncodedLength() => OpcUaFrame.HeaderLength + 24 + EndpointUrl.Length;

    /// <summary>Writes the whole message (header and body).</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        int length = GetEncodedLength();
        if (!OpcUaFrame.TryWriteHeader(OpcUaMessageType.Hello, OpcUaChunkType.Final, length, destination))
        {
            return OperationStatus.DestinationTooSmall;
        }

        var w = new OpcUaBinaryWriter(destination.Slice(OpcUaFrame.HeaderLength, length - OpcUaFrame.HeaderLength));
        w.WriteUInt32(ProtocolVersion);
        w.WriteUInt32(ReceiveBufferSize);
        w.WriteUInt32(SendBufferSize);
        w.WriteUInt32(MaxMessageSize);
        w.WriteUInt32(MaxChunkCount);
        w.WriteByteString(EndpointUrl);
        bytesWritten = length;
        return OperationStatus.Done;
    }
}

/// <summary>Acknowledge (OPC 10000-6 §7.1.2.4): the server's protocol version, buffer sizes and limits.</summary>
/// <param name="ProtocolVersion">Protocol version.</param>
/// <param name="ReceiveBufferSize">Receive buffer size (≥ 8192).</param>
/// <param name="SendBufferSize">Send buffer size (≥ 8192).</param>
/// <param name="MaxMessageSize">Maximum message size.</param>
/// <param name="MaxChunkCount">Maximum chunk count.</param>
public readonly record struct OpcUaAcknowledge(uint ProtocolVersion, uint ReceiveBufferSize, uint SendBufferSize, uint MaxMessageSize, uint MaxChunkCount)
{
    /// <summary>Encoded length of the whole message.</summary>
    public const int EncodedLength = OpcUaFrame.HeaderLength + 20;

    /// <summary>Reads an Acknowledge body.</summary>
    /// <param name="body">The body.</param>
    /// <param name="value">The message.</param>
    /// <returns>False when short or a buffer size is below 8192.</returns>
    public static bool TryRead(ReadOnlySpan<byte> body, out OpcUaAcknowledge value)
    {
        value = default;
        var r = new OpcUaBinaryReader(body);
        if (!r.TryReadUInt32(out uint version) || !r.TryReadUInt32(out uint receive) || !r.TryReadUInt32(out uint send)
            || !r.TryReadUInt32(out uint maxMessage) || !r.TryReadUInt32(out uint maxChunks)
            || receive < OpcUaFrame.MinimumBufferSize || send < OpcUaFrame.MinimumBufferSize)
        {
            return false;
        }

        value = new OpcUaAcknowledge(version, receive, send, maxMessage, maxChunks);
        return true;
    }

    /// <summary>Writes the whole message.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (!OpcUaFrame.TryWriteHeader(OpcUaMessageType.Acknowledge, OpcUaChunkType.Final, EncodedLength, destination))
        {
            return OperationStatus.DestinationTooSmall;
        }

        var w = new OpcUaBinaryWriter(destination.Slice(OpcUaFrame.HeaderLength, 20));
        w.WriteUInt32(ProtocolVersion);
        w.WriteUInt32(ReceiveBufferSize);
        w.WriteUInt32(SendBufferSize);
        w.WriteUInt32(MaxMessageSize);
        w.WriteUInt32(MaxChunkCount);
        bytesWritten = EncodedLength;
        return OperationStatus.Done;
    }
}

/// <summary>Error (OPC 10000-6 §7.1.2.5): a status code and a reason; the connection closes after it.</summary>
public readonly ref struct OpcUaErrorMessage
{
    /// <summary>Creates an Error to write.</summary>
    /// <param name="error">Status code.</param>
    /// <param name="reason">UTF-8 reason (below 4096 octets).</param>
    public OpcUaErrorMessage(uint error, ReadOnlySpan<byte> reason)
    {
        Error = error;
        Reason = reason;
    }

    /// <summary>The status code (for example 0x80010000 Bad_UnexpectedError).</summary>
    public uint Error { get; }

    /// <summary>The reason octets (UTF-8).</summary>
    public ReadOnlySpan<byte> Reason { get; }

    /// <summary>Reads an Error body.</summary>
    /// <param name="body">The body.</param>
    /// <param name="value">The message.</param>
    /// <returns>False when short or the reason is 4096 octets or longer.</returns>
    public static bool TryRead(ReadOnlySpan<byte> body, out OpcUaErrorMessage value)
    {
        value = default;
        var r = new OpcUaBinaryReader(body);
        if (!r.TryReadUInt32(out uint error) || !r.TryReadByteString(out ReadOnlySpan<byte> reason) || reason.Length > OpcUaFrame.MaxUrlLength)
        {
            return false;
        }

        value = new OpcUaErrorMessage(error, reason);
        return true;
    }

    /// <summary>The encoded length of the whole message.</summary>
    /// <returns>Octets.</returns>
    public int GetEncodedLength() => OpcUaFrame.HeaderLength + 8 + Reason.Length;

    /// <summary>Writes the whole message.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        int length = GetEncodedLength();
        if (!OpcUaFrame.TryWriteHeader(OpcUaMessageType.Error, OpcUaChunkType.Final, length, destination))
        {
            return OperationStatus.DestinationTooSmall;
        }

        var w = new OpcUaBinaryWriter(destination.Slice(OpcUaFrame.HeaderLength, length - OpcUaFrame.HeaderLength));
        w.WriteUInt32(Error);
        w.WriteByteString(Reason);
        bytesWritten = length;
        return OperationStatus.Done;
    }
}

/// <summary>ReverseHello (OPC 10000-6 §7.1.2.6): a server behind a firewall announces its URI and endpoint to a client.</summary>
public readonly ref struct OpcUaReverseHello
{
    /// <summary>Creates a ReverseHello to write.</summary>
    /// <param name="serverUri">Server application URI.</param>
    /// <param name="endpointUrl">Endpoint URL.</param>
    public OpcUaReverseHello(ReadOnlySpan<byte> serverUri, ReadOnlySpan<byte> endpointUrl)
    {
        ServerUri = serverUri;
        EndpointUrl = endpointUrl;
    }

    /// <summary>Server application URI (UTF-8).</summary>
    public ReadOnlySpan<byte> ServerUri { get; }

    /// <summary>Endpoint URL (UTF-8).</summary>
    public ReadOnlySpan<byte> EndpointUrl { get; }

    /// <summary>Reads a ReverseHello body.</summary>
    /// <param name="body">The body.</param>
    /// <param name="value">The message.</param>
    /// <returns>False when short or a string is 4096 octets or longer.</returns>
    public static bool TryRead(ReadOnlySpan<byte> body, out OpcUaReverseHello value)
    {
        value = default;
        var r = new OpcUaBinaryReader(body);
        if (!r.TryReadByteString(out ReadOnlySpan<byte> uri) || !r.TryReadByteString(out ReadOnlySpan<byte> url)
            || uri.Length > OpcUaFrame.MaxUrlLength || url.Length > OpcUaFrame.MaxUrlLength)
        {
            return false;
        }

        value = new OpcUaReverseHello(uri, url);
        return true;
    }

    /// <summary>The encoded length of the whole message.</summary>
    /// <returns>Octets.</returns>
    public int GetEncodedLength() => OpcUaFrame.HeaderLength + 8 + ServerUri.Length + EndpointUrl.Length;

    /// <summary>Writes the whole message.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public OperationStatus TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        int length = GetEncodedLength();
        if (!OpcUaFrame.TryWriteHeader(OpcUaMessageType.ReverseHello, OpcUaChunkType.Final, length, destination))
        {
            return OperationStatus.DestinationTooSmall;
        }

        var w = new OpcUaBinaryWriter(destination.Slice(OpcUaFrame.HeaderLength, length - OpcUaFrame.HeaderLength));
        w.WriteByteString(ServerUri);
        w.WriteByteString(EndpointUrl);
        bytesWritten = length;
        return OperationStatus.Done;
    }
}
