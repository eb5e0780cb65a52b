using System.Buffers;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols;
using OtSecurity.Protocols.Iec104;

namespace OtSecurity.Capture.Dissectors.Iec104;

/// <summary>
/// IEC 60870-5-104 over TCP (port 2404). The content probe accepts a stream that starts with a valid APDU
/// (start 0x68, length 4..253, a well-formed I, S or U control field; for I-format a standard type with a defined
/// cause of transmission and information objects that fill the ASDU exactly) and whose following complete APDUs
/// in the same bytes are valid too.
/// </summary>
public sealed class Iec104Dissector : IProtocolDissector
{
    /// <summary>The well-known TCP port.</summary>
    public const int Port = 2404;

    private const int ProbedApdus = 4;

    /// <inheritdoc />
    public string Protocol => "iec104";

    /// <inheritdoc />
    public IReadOnlyList<int> TcpPorts { get; } = [Port];

    /// <inheritdoc />
    public IReadOnlyList<int> UdpPorts { get; } = [];

    /// <inheritdoc />
    public ContentMatch Probe(ReadOnlySpan<byte> payload, TransportKind transport)
    {
        if (transport != TransportKind.Tcp || payload.IsEmpty)
        {
            return ContentMatch.No;
        }

        int offset = 0;
        for (int i = 0; i < ProbedApdus && offset < payload.Length; i++)
        {
            OperationStatus status = Iec104Apdu.TryRead(payload[offset..], out Iec104Apdu apdu, out int consumed);
            if (status == OperationStatus.InvalidData)
            {
                return ContentMatch.No;
            }

            if (status == OperationStatus.NeedMoreData)
            {
                // The first APDU must be complete before the stream is claimed; a later one may be cut by the segment.
                return i == 0 ? ContentMatch.NeedMoreData : ContentMatch.Yes;
            }

            if (apdu.Format == Iec104FrameFormat.I && !IsPlausible(apdu.Asdu))
            {
                return ContentMatch.No;
            }

            offset += consumed;
        }

        return ContentMatch.Yes;
    }

    /// <inheritdoc />
    public IFlowDissector CreateFlowDissector(TransportKind transport) => new Iec104FlowDissector();

    private static bool IsPlausible(in Iec104Asdu asdu)
    {
        // IEC 60870-5-101 §7.2.3 (and IEC 60870-5-7): causes 1–16, 20–41 and 44–47 are defined.
        byte cause = (byte)asdu.Header.Cause;
        return Iec104TypeIds.IsDefined((byte)asdu.Header.TypeId) && cause is (>= 1 and <= 16) or (>= 20 and <= 41) or (>= 44 and <= 47);
    }
}
