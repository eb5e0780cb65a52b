using System.Buffers;
using FsCheck.Xunit;
using OtSecurity.Protocols.OpcUa;
using OtSecurity.Protocols.Tests.Framing;
using OtSecurity.Protocols.Tests.S7Comm;

namespace OtSecurity.Protocols.Tests.OpcUa;

/// <summary>The five codec properties for UA TCP chunks, and write→read round trips for every message kind.</summary>
public class OpcUaProperties
{
    private static byte[] Cap(byte[]? bytes, int max) => S7CommProperties.Cap(bytes, max);

    private static OperationStatus ReadFrame(ReadOnlySpan<byte> source, out int consumed) => OpcUaFrame.TryRead(source, out _, out consumed);

    /// <summary>Builds a valid chunk of each kind from arbitrary inputs.</summary>
    internal static byte[] MakeFrame(byte kind, uint a, uint b, byte[]? text, byte[]? payload)
    {
        byte[] t = Cap(text, 200);
        byte[] p = Cap(payload, 300);
        uint buffer = 8192 + (a % 65536);
        byte[] result;
        int written;
        switch (kind % 7)
        {
            case 0:
            {
                var hello = new OpcUaHello(a, buffer, buffer + 1, b, a ^ b, t);
                result = new byte[hello.GetEncodedLength()];
                hello.TryWrite(result, out written);
                break;
            }

            case 1:
            {
                var ack = new OpcUaAcknowledge(a, buffer, buffer, b, b);
                result = new byte[OpcUaAcknowledge.EncodedLength];
                ack.TryWrite(result, out written);
                break;
            }

            case 2:
            {
                var error = new OpcUaErrorMessage(a, t);
                result = new byte[error.GetEncodedLength()];
                error.TryWrite(result, out written);
                break;
            }

            case 3:
            {
                var rhe = new OpcUaReverseHello(t, p.AsSpan(0, Math.Min(p.Length, 100)));
                result = new byte[rhe.GetEncodedLength()];
                rhe.TryWrite(result, out written);
                break;
            }

            case 4:
            {
                byte[] thumbprint = (a & 1) == 0 ? [] : new byte[20];
                var header = new OpcUaAsymmetricSecurityHeader(a, t, p.AsSpan(0, Math.Min(p.Length, 50)), thumbprint);
                result = new byte[OpcUaSecureChunk.GetOpenEncodedLength(header, p.Length)];
                OpcUaSecureChunk.TryWriteOpen(OpcUaChunkType.Final, header, new OpcUaSequenceHeader(a, b), p, result, out written);
                break;
            }

            default:
            {
                OpcUaMessageType type = kind % 7 == 5 ? OpcUaMessageType.Message : OpcUaMessageType.CloseSecureChannel;
                var chunkType = (OpcUaChunkType)"FCA"[(int)(b % 3)];
                result = new byte[OpcUaSecureChunk.GetSymmetricEncodedLength(p.Length)];
                OpcUaSecureChunk.TryWriteSymmetric(type, chunkType, new OpcUaSymmetricSecurityHeader(a, b), new OpcUaSequenceHeader(b, a), p, result, out written);
                break;
            }
        }

        Assert.Equal(result.Length, written);
        return result;
    }

    [Property]
    public bool Frame_RoundTrip(byte kind, uint a, uint b, byte[] text, byte[] payload)
    {
        byte[] bytes = MakeFrame(kind, a, b, text, payload);
        if (OpcUaFrame.TryRead(bytes, out OpcUaFrame frame, out int consumed) != OperationStatus.Done || consumed != bytes.Length || frame.MessageSize != bytes.Length)
        {
            return false;
        }

        byte[] t = Cap(text, 200);
        byte[] p = Cap(payload, 300);
        uint buffer = 8192 + (a % 65536);
        switch (kind % 7)
        {
            case 0:
                return OpcUaHello.TryRead(frame.Body, out OpcUaHello hello) && hello.ProtocolVersion == a && hello.ReceiveBufferSize == buffer
                    && hello.SendBufferSize == buffer + 1 && hello.MaxMessageSize == b && hello.MaxChunkCount == (a ^ b) && hello.EndpointUrl.SequenceEqual(t);
            case 1:
                return OpcUaAcknowledge.TryRead(frame.Body, out OpcUaAcknowledge ack) && ack == new OpcUaAcknowledge(a, buffer, buffer, b, b);
            case 2:
                return OpcUaErrorMessage.TryRead(frame.Body, out OpcUaErrorMessage error) && error.Error == a && error.Reason.SequenceEqual(t);
            case 3:
                return OpcUaReverseHello.TryRead(frame.Body, out OpcUaReverseHello rhe) && rhe.ServerUri.SequenceEqual(t) && rhe.EndpointUrl.SequenceEqual(p.AsSpan(0, Math.Min(p.Length, 100)));
            case 4:
                return OpcUaSecureChunk.TryRead(frame, out OpcUaSecureChunk open) && open.Asymmetric.SecureChannelId == a && open.Asymmetric.SecurityPolicyUri.SequenceEqual(t)
                    && open.Asymmetric.SenderCertificate.SequenceEqual(p.AsSpan(0, Math.Min(p.Length, 50))) && open.Asymmetric.IsEncrypted == ((a & 1) == 1)
                    && open.Sequence == new OpcUaSequenceHeader(a, b) && open.Payload.SequenceEqual(p);
            default:
                return OpcUaSecureChunk.TryRead(frame, out OpcUaSecureChunk chunk) && chunk.Symmetric == new OpcUaSymmetricSecurityHeader(a, b)
                    && chunk.Sequence == new OpcUaSequenceHeader(b, a) && chunk.Payload.SequenceEqual(p) && chunk.ChunkType == (OpcUaChunkType)"FCA"[(int)(b % 3)];
        }
    }

    [Property]
    public bool Frame_CanonicalReencode(byte kind, uint a, uint b, byte[] text, byte[] payload)
    {
        byte[] bytes = MakeFrame(kind, a, b, text, payload);
        OpcUaFrame.TryRead(bytes, out OpcUaFrame frame, out _);
        byte[] again = new byte[OpcUaFrame.GetEncodedLength(frame.Body.Length)];
        OpcUaFrame.TryWrite(frame.MessageType, frame.ChunkType, frame.Body, again, out _);
        return again.AsSpan().SequenceEqual(bytes);
    }

    [Property]
    public bool Frame_EveryStrictPrefix_NeedsMoreData(byte kind, uint a, uint b, byte[] text, byte[] payload)
        => FrameStream.EveryStrictPrefixNeedsMoreData(MakeFrame(kind, a, b, text, payload), ReadFrame);

    [Property]
    public bool Frame_ArbitrarySegmentation_YieldsSameFrames(byte[] kinds, byte[] payload, int[] cuts)
    {
        var frames = (kinds ?? []).Take(8).Select((k, i) => MakeFrame(k, (uint)i, k, [k], payload)).ToList();
        List<byte[]> read = FrameStream.ReadSegmented(frames, cuts ?? [], ReadFrame);
        return read.Count == frames.Count && read.Zip(frames).All(p => p.First.AsSpan().SequenceEqual(p.Second));
    }

    [Property(MaxTest = 1000)]
    public bool Frame_ArbitraryBytes_NeverThrowNorLoop(byte[] bytes)
    {
        bytes ??= [];
        if (!FrameStream.ArbitraryBytesTerminate(bytes, ReadFrame))
        {
            return false;
        }

        // The body readers never throw on whatever follows a header either.
        var reader = new OpcUaBinaryReader(bytes);
        reader.TryReadNodeId(out _);
        reader = new OpcUaBinaryReader(bytes);
        OpcUaRequestHeader.TryRead(ref reader, out _);
        reader = new OpcUaBinaryReader(bytes);
        OpcUaResponseHeader.TryRead(ref reader, out _);
        reader = new OpcUaBinaryReader(bytes);
        OpcUaCreateSessionRequest.TryRead(ref reader, out _);
        reader = new OpcUaBinaryReader(bytes);
        OpcUaCreateSessionResponse.TryRead(ref reader, out _);
        reader = new OpcUaBinaryReader(bytes);
        OpcUaActivateSessionRequest.TryRead(ref reader, out _);
        reader = new OpcUaBinaryReader(bytes);
        OpcUaOpenSecureChannelRequest.TryRead(ref reader, out _);
        reader = new OpcUaBinaryReader(bytes);
        reader.TrySkipDiagnosticInfo();
        return true;
    }

    [Property]
    public bool NodeId_RoundTrip(ushort ns, uint numeric, byte pick, byte[] identifier)
    {
        byte[] buffer = new byte[300];
        var writer = new OpcUaBinaryWriter(buffer);
        int form = pick % 4;
        byte[] id = form == 2 ? Cap(identifier, 16).Concat(new byte[16]).Take(16).ToArray() : Cap(identifier, 100);
        if (form == 0)
        {
            writer.WriteNumericNodeId(ns, numeric);
        }
        else
        {
            writer.WriteNodeId(form == 1 ? OpcUaNodeIdEncoding.String : form == 2 ? OpcUaNodeIdEncoding.Guid : OpcUaNodeIdEncoding.ByteString, ns, id);
        }

        var reader = new OpcUaBinaryReader(buffer.AsSpan(0, writer.Position));
        if (!reader.TryReadNodeId(out OpcUaNodeId read) || reader.Position != writer.Position || read.NamespaceIndex != ns)
        {
            return false;
        }

        return form == 0 ? read.IsNumeric && read.Numeric == numeric : read.Identifier.SequenceEqual(id);
    }

    [Property]
    public bool Headers_RoundTrip(long timestamp, uint handle, uint diagnostics, uint timeout, uint result)
    {
        byte[] buffer = new byte[128];
        var writer = new OpcUaBinaryWriter(buffer);
        var request = new OpcUaRequestHeader(timestamp, handle, diagnostics, timeout);
        var response = new OpcUaResponseHeader(timestamp, handle, result);
        request.Write(ref writer);
        response.Write(ref writer);
        var reader = new OpcUaBinaryReader(buffer.AsSpan(0, writer.Position));
        return OpcUaRequestHeader.TryRead(ref reader, out OpcUaRequestHeader r1) && r1 == request
            && OpcUaResponseHeader.TryRead(ref reader, out OpcUaResponseHeader r2) && r2 == response && reader.Position == writer.Position;
    }

    [Property]
    public bool OpenSecureChannelRequest_RoundTrip(uint version, bool renew, byte mode, byte[] nonce, uint lifetime)
    {
        byte[] n = Cap(nonce, 64);
        var request = new OpcUaOpenSecureChannelRequest(new OpcUaRequestHeader(1, 2, 3, 4), version, renew ? OpcUaSecurityTokenRequestType.Renew : OpcUaSecurityTokenRequestType.Issue, (OpcUaMessageSecurityMode)(mode % 4), n, lifetime);
        byte[] buffer = new byte[256];
        var writer = new OpcUaBinaryWriter(buffer);
        request.Write(ref writer);
        if (!OpcUaServiceBody.TryReadServiceId(buffer, out uint service, out int typeLength) || service != (uint)OpcUaServiceId.OpenSecureChannelRequest)
        {
            return false;
        }

        var reader = new OpcUaBinaryReader(buffer.AsSpan(typeLength, writer.Position - typeLength));
        return OpcUaOpenSecureChannelRequest.TryRead(ref reader, out OpcUaOpenSecureChannelRequest read) && read.ClientProtocolVersion == version
            && read.RequestType == request.RequestType && read.SecurityMode == request.SecurityMode && read.ClientNonce.SequenceEqual(n) && read.RequestedLifetime == lifetime;
    }

    [Property]
    public bool CreateSessionRequest_RoundTrip(byte[] uri, byte[] product, byte[] name, byte type)
    {
        byte[] u = Cap(uri, 80), p = Cap(product, 80), n = Cap(name, 80);
        var request = new OpcUaCreateSessionRequest(default, new OpcUaApplicationDescription(u, p, n, (OpcUaApplicationType)(type % 4)), "opc.tcp://x"u8, "s"u8);
        byte[] buffer = new byte[512];
        var writer = new OpcUaBinaryWriter(buffer);
        request.Write(ref writer);
        OpcUaServiceBody.TryReadServiceId(buffer, out _, out int typeLength);
        var reader = new OpcUaBinaryReader(buffer.AsSpan(typeLength, writer.Position - typeLength));
        return OpcUaCreateSessionRequest.TryRead(ref reader, out OpcUaCreateSessionRequest read) && read.ClientDescription.ApplicationUri.SequenceEqual(u)
            && read.ClientDescription.ProductUri.SequenceEqual(p) && read.ClientDescription.ApplicationName.SequenceEqual(n)
            && read.ClientDescription.ApplicationType == (OpcUaApplicationType)(type % 4);
    }
}
