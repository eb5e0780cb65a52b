using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OtSecurity.Protocols.OpcUa;

/// <summary>
/// The asymmetric security header of an OPN chunk (OPC 10000-6 §6.7.2.3): secure channel id, security policy URI,
/// sender certificate and receiver certificate thumbprint.
/// </summary>
public readonly ref struct OpcUaAsymmetricSecurityHeader
{
    /// <summary>The URI of the None security policy.</summary>
    public static ReadOnlySpan<byte> PolicyNone => "http://opcfoundation.org/UA/SecurityPolicy#None"u8;

    /// <summary>Longest security policy URI accepted (OPC 10000-6 §6.7.2.3: "shall not exceed 255 bytes").</summary>
    public const int MaxPolicyUriLength = 255;

    /// <summary>Length of a SHA-1 thumbprint.</summary>
    public const int ThumbprintLength = 20;

    /// <summary>Creates a header to write.</summary>
    /// <param name="secureChannelId">Secure channel id (0 in the first OPN request).</param>
    /// <param name="securityPolicyUri">Policy URI.</param>
    /// <param name="senderCertificate">Sender certificate (DER), empty for none.</param>
    /// <param name="receiverCertificateThumbprint">SHA-1 thumbprint of the receiver certificate, empty when not encrypted.</param>
    public OpcUaAsymmetricSecurityHeader(uint secureChannelId, ReadOnlySpan<byte> securityPolicyUri, ReadOnlySpan<byte> senderCertificate, ReadOnlySpan<byte> receiverCertificateThumbprint)
    {
        SecureChannelId = secureChannelId;
        SecurityPolicyUri = securityPolicyUri;
        SenderCertificate = senderCertificate;
        ReceiverCertificateThumbprint = receiverCertificateThumbprint;
    }

    /// <summary>Secure channel id.</summary>
    public uint SecureChannelId { get; }

    /// <summary>Security policy URI octets.</summary>
    public ReadOnlySpan<byte> SecurityPolicyUri { get; }

    /// <summary>Sender certificate (DER), empty when absent.</summary>
    public ReadOnlySpan<byte> SenderCertificate { get; }

    /// <summary>Receiver certificate thumbprint, empty when the message is not encrypted.</summary>
    public ReadOnlySpan<byte> ReceiverCertificateThumbprint { get; }

    /// <summary>True when the policy is None.</summary>
    public bool IsPolicyNone => SecurityPolicyUri.SequenceEqual(PolicyNone);

    /// <summary>True when a sender certificate is present (the message is signed).</summary>
    public bool HasSenderCertificate => !SenderCertificate.IsEmpty;

    /// <summary>True when the body is encrypted: OPC 10000-6 §6.7.2.3 sets the receiver thumbprint exactly then.</summary>
    public bool IsEncrypted => !ReceiverCertificateThumbprint.IsEmpty;

    /// <summary>Encoded length.</summary>
    public int EncodedLength => 16 + SecurityPolicyUri.Length + SenderCertificate.Length + ReceiverCertificateThumbprint.Length;

    /// <summary>
    /// Computes the SHA-1 thumbprint of the sender certificate into <paramref name="destination"/> without allocating
    /// (OPC 10000-6 §6.7.2.3 identifies certificates by their SHA-1 thumbprint; SHA-1 is the spec's choice, used here
    /// only to identify, never to protect).
    /// </summary>
    /// <param name="destination">At least 20 octets.</param>
    /// <returns>False when there is no certificate or the destination is too small.</returns>
    public bool TryComputeSenderThumbprint(Span<byte> destination)
    {
        if (SenderCertificate.IsEmpty || destination.Length < ThumbprintLength)
        {
            return false;
        }

#pragma warning disable CA5350 // SHA-1 is mandated by OPC 10000-6 §6.7.2.3 for certificate thumbprints; it identifies, it does not protect.
        return SHA1.TryHashData(SenderCertificate, destination, out _);
#pragma warning restore CA5350
    }

    /// <summary>Reads the header from the start of an OPN chunk body.</summary>
    /// <param name="body">The chunk body.</param>
    /// <param name="header">The header.</param>
    /// <param name="bytesConsumed">Header length.</param>
    /// <returns>False when a field overruns the body, the policy URI is longer than 255 octets or the thumbprint is neither empty nor 20 octets.</returns>
    public static bool TryRead(ReadOnlySpan<byte> body, out OpcUaAsymmetricSecurityHeader header, out int bytesConsumed)
    {
        header = default;
        bytesConsumed = 0;
        var r = new OpcUaBinaryReader(body);
        if (!r.TryReadUInt32(out uint channel) || !r.TryReadByteString(out ReadOnlySpan<byte> policy)
            || !r.TryReadByteString(out ReadOnlySpan<byte> certificate) || !r.TryReadByteString(out ReadOnlySpan<byte> thumbprint))
        {
            return false;
        }

        // §6.7.2.3: the policy URI is at most 255 octets; the thumbprint is a SHA-1 hash (20 octets) or null.
        if (policy.Length > MaxPolicyUriLength || (thumbprint.Length != 0 && thumbprint.Length != ThumbprintLength))
        {
            return false;
        }

        header = new OpcUaAsymmetricSecurityHeader(channel, policy, certificate, thumbprint);
        bytesConsumed = r.Position;
        return true;
    }

    /// <summary>Writes the header (empty certificate and thumbprint are written as null).</summary>
    /// <param name="writer">The writer.</param>
    public void Write(ref OpcUaBinaryWriter writer)
    {
        writer.WriteUInt32(SecureChannelId);
        writer.WriteByteString(SecurityPolicyUri);
        writer.WriteByteString(SenderCertificate, SenderCertificate.IsEmpty);
        writer.WriteByteString(ReceiverCertificateThumbprint, ReceiverCertificateThumbprint.IsEmpty);
    }
}

/// <summary>The symmetric security header of MSG and CLO chunks (OPC 10000-6 §6.7.2.4).</summary>
/// <param name="SecureChannelId">Secure channel id.</param>
/// <param name="TokenId">Security token id.</param>
public readonly record struct OpcUaSymmetricSecurityHeader(uint SecureChannelId, uint TokenId)
{
    /// <summary>Encoded length.</summary>
    public const int EncodedLength = 8;
}

/// <summary>The sequence header (OPC 10000-6 §6.7.2.5).</summary>
/// <param name="SequenceNumber">Sequence number of the chunk.</param>
/// <param name="RequestId">Request id shared by a request and its response.</param>
public readonly record struct OpcUaSequenceHeader(uint SequenceNumber, uint RequestId)
{
    /// <summary>Encoded length.</summary>
    public const int EncodedLength = 8;
}

/// <summary>
/// An OPN, MSG or CLO chunk split into its security header, sequence header and payload. The payload is
/// plaintext only when the channel's policy is None or the chunk is not encrypted; the caller decides
/// (track the policy of the channel's OPN).
/// </summary>
public readonly ref struct OpcUaSecureChunk
{
    private OpcUaSecureChunk(OpcUaMessageType type, OpcUaChunkType chunk, OpcUaAsymmetricSecurityHeader asymmetric, OpcUaSymmetricSecurityHeader symmetric, OpcUaSequenceHeader sequence, ReadOnlySpan<byte> payload)
    {
        MessageType = type;
        ChunkType = chunk;
        Asymmetric = asymmetric;
        Symmetric = symmetric;
        Sequence = sequence;
        Payload = payload;
    }

    /// <summary>OPN, MSG or CLO.</summary>
    public OpcUaMessageType MessageType { get; }

    /// <summary>The chunk type.</summary>
    public OpcUaChunkType ChunkType { get; }

    /// <summary>The asymmetric header (OPN only).</summary>
    public OpcUaAsymmetricSecurityHeader Asymmetric { get; }

    /// <summary>The symmetric header (MSG and CLO).</summary>
    public OpcUaSymmetricSecurityHeader Symmetric { get; }

    /// <summary>The secure channel id from whichever header.</summary>
    public uint SecureChannelId => MessageType == OpcUaMessageType.OpenSecureChannel ? Asymmetric.SecureChannelId : Symmetric.SecureChannelId;

    /// <summary>The sequence header (meaningful only when the chunk is not encrypted).</summary>
    public OpcUaSequenceHeader Sequence { get; }

    /// <summary>The bytes after the sequence header: the service body, then padding and signature when secured.</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>Splits a chunk.</summary>
    /// <param name="frame">An OPN, MSG or CLO chunk.</param>
    /// <param name="chunk">The parts.</param>
    /// <returns>False for other message types or when the headers do not fit.</returns>
    public static bool TryRead(in OpcUaFrame frame, out OpcUaSecureChunk chunk)
    {
        chunk = default;
        ReadOnlySpan<byte> body = frame.Body;
        OpcUaAsymmetricSecurityHeader asymmetric = default;
        OpcUaSymmetricSecurityHeader symmetric = default;
        int offset;
        if (frame.MessageType == OpcUaMessageType.OpenSecureChannel)
        {
            if (!OpcUaAsymmetricSecurityHeader.TryRead(body, out asymmetric, out offset))
            {
                return false;
            }
        }
        else if (frame.MessageType is OpcUaMessageType.Message or OpcUaMessageType.CloseSecureChannel)
        {
            if (body.Length < OpcUaSymmetricSecurityHeader.EncodedLength)
            {
                return false;
            }

            symmetric = new OpcUaSymmetricSecurityHeader(BinaryPrimitives.ReadUInt32LittleEndian(body), BinaryPrimitives.ReadUInt32LittleEndian(body.Slice(4)));
            offset = OpcUaSymmetricSecurityHeader.EncodedLength;
        }
        else
        {
            return false;
        }

        if (body.Length - offset < OpcUaSequenceHeader.EncodedLength)
        {
            return false;
        }

        var sequence = new OpcUaSequenceHeader(BinaryPrimitives.ReadUInt32LittleEndian(body.Slice(offset)), BinaryPrimitives.ReadUInt32LittleEndian(body.Slice(offset + 4)));
        chunk = new OpcUaSecureChunk(frame.MessageType, frame.ChunkType, asymmetric, symmetric, sequence, body.Slice(offset + OpcUaSequenceHeader.EncodedLength));
        return true;
    }

    /// <summary>Encoded length of an OPN chunk.</summary>
    /// <param name="header">Asymmetric header.</param>
    /// <param name="payloadLength">Payload length.</param>
    /// <returns>Octets.</returns>
    public static int GetOpenEncodedLength(in OpcUaAsymmetricSecurityHeader header, int payloadLength)
        => OpcUaFrame.GetEncodedLength(header.EncodedLength + OpcUaSequenceHeader.EncodedLength + payloadLength);

    /// <summary>Writes an OPN chunk.</summary>
    /// <param name="chunkType">Chunk type.</param>
    /// <param name="header">Asymmetric header.</param>
    /// <param name="sequence">Sequence header.</param>
    /// <param name="payload">Payload (service body).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWriteOpen(OpcUaChunkType chunkType, in OpcUaAsymmetricSecurityHeader header, OpcUaSequenceHeader sequence, ReadOnlySpan<byte> payload, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        int length = GetOpenEncodedLength(header, payload.Length);
        if (!OpcUaFrame.TryWriteHeader(OpcUaMessageType.OpenSecureChannel, chunkType, length, destination))
        {
            return OperationStatus.DestinationTooSmall;
        }

        var w = new OpcUaBinaryWriter(destination.Slice(OpcUaFrame.HeaderLength, length - OpcUaFrame.HeaderLength));
        header.Write(ref w);
        w.WriteUInt32(sequence.SequenceNumber);
        w.WriteUInt32(sequence.RequestId);
        w.WriteRaw(payload);
        bytesWritten = length;
        return OperationStatus.Done;
    }

    /// <summary>Encoded length of a MSG or CLO chunk.</summary>
    /// <param name="payloadLength">Payload length.</param>
    /// <returns>Octets.</returns>
    public static int GetSymmetricEncodedLength(int payloadLength)
        => OpcUaFrame.GetEncodedLength(OpcUaSymmetricSecurityHeader.EncodedLength + OpcUaSequenceHeader.EncodedLength + payloadLength);

    /// <summary>Writes a MSG or CLO chunk.</summary>
    /// <param name="messageType">Message or CloseSecureChannel.</param>
    /// <param name="chunkType">Chunk type.</param>
    /// <param name="header">Symmetric header.</param>
    /// <param name="sequence">Sequence header.</param>
    /// <param name="payload">Payload.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="bytesWritten">Bytes written.</param>
    /// <returns>Done or DestinationTooSmall.</returns>
    public static OperationStatus TryWriteSymmetric(OpcUaMessageType messageType, OpcUaChunkType chunkType, OpcUaSymmetricSecurityHeader header, OpcUaSequenceHeader sequence, ReadOnlySpan<byte> payload, Span<byte> destination, out int bytesWritten)
    {
        if (messageType is not (OpcUaMessageType.Message or OpcUaMessageType.CloseSecureChannel))
        {
            throw new ArgumentOutOfRangeException(nameof(messageType), "Only MSG and CLO carry a symmetric header.");
        }

        bytesWritten = 0;
        int length = GetSymmetricEncodedLength(payload.Length);
        if (!OpcUaFrame.TryWriteHeader(messageType, chunkType, length, destination))
        {
            return OperationStatus.DestinationTooSmall;
        }

        var w = new OpcUaBinaryWriter(destination.Slice(OpcUaFrame.HeaderLength, length - OpcUaFrame.HeaderLength));
        w.WriteUInt32(header.SecureChannelId);
        w.WriteUInt32(header.TokenId);
        w.WriteUInt32(sequence.SequenceNumber);
        w.WriteUInt32(sequence.RequestId);
        w.WriteRaw(payload);
        bytesWritten = length;
        return OperationStatus.Done;
    }
}
