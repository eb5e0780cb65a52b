using System.Buffers;
using OtSecurity.Capture.Dissection;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Capture.Dissectors.Modbus;

/// <summary>
/// Modbus/TCP (and Modbus/UDP): port 502, and recognised by content on any port — plants and gateways run it on 5020,
/// 1502 and more. Each ADU becomes one <see cref="OtMessage"/> (see <see cref="ModbusFlowDissector"/>).
/// </summary>
public sealed class ModbusDissector : IProtocolDissector
{
    /// <summary>The registered Modbus/TCP port (MODBUS Messaging on TCP/IP Implementation Guide V1.0b §4.1.1).</summary>
    public const int WellKnownPort = 502;

    /// <summary>The protocol name in <see cref="OtMessage.Protocol"/> and in <c>--decode-as</c>.</summary>
    public const string ProtocolName = "modbus";

    /// <inheritdoc />
    public string Protocol => ProtocolName;

    /// <inheritdoc />
    public IReadOnlyList<int> TcpPorts { get; } = [WellKnownPort];

    /// <inheritdoc />
    public IReadOnlyList<int> UdpPorts { get; } = [WellKnownPort];

    /// <summary>
    /// Claims a flow whose first bytes are Modbus ADUs: protocol id 0, a length field of 2..254, a public function code
    /// and a PDU that is valid as a request or as a response (an exception response must carry a defined exception code)
    /// — for every ADU in the bytes. NeedMoreData until one whole ADU is there (TCP); a datagram (UDP) must hold whole ADUs.
    /// </summary>
    /// <param name="payload">The first bytes of one direction (TCP) or one datagram (UDP).</param>
    /// <param name="transport">TCP or UDP.</param>
    /// <returns>Yes, No or NeedMoreData.</returns>
    public ContentMatch Probe(ReadOnlySpan<byte> payload, TransportKind transport)
    {
        int offset = 0;
        int adus = 0;
        while (offset < payload.Length)
        {
            ReadOnlySpan<byte> rest = payload[offset..];
            OperationStatus status = ModbusMbapHeader.TryRead(rest, out ModbusMbapHeader header, out _);
            if (status == OperationStatus.InvalidData)
            {
                return ContentMatch.No;
            }

            if (status == OperationStatus.NeedMoreData || rest.Length < header.AduLength)
            {
                break;
            }

            if (!IsPlausible(rest.Slice(ModbusLimits.MbapHeaderLength, header.PduLength)))
            {
                return ContentMatch.No;
            }

            adus++;
            offset += header.AduLength;
        }

        if (transport == TransportKind.Udp)
        {
            return adus > 0 && offset == payload.Length ? ContentMatch.Yes : ContentMatch.No;
        }

        return adus > 0 ? ContentMatch.Yes : ContentMatch.NeedMoreData;
    }

    /// <inheritdoc />
    public IFlowDissector CreateFlowDissector(TransportKind transport) => new ModbusFlowDissector(transport);

    /// <summary>A public function code with a valid PDU, or an exception response with a defined exception code.</summary>
    private static bool IsPlausible(ReadOnlySpan<byte> pdu)
    {
        byte function = pdu[0];
        if (!ModbusFunctions.IsPublic((byte)(function & 0x7F)))
        {
            return false;
        }

        if (function >= 0x80)
        {
            return pdu.Length == 2 && pdu[1] is (>= 0x01 and <= 0x08) or 0x0A or 0x0B;
        }

        return ModbusPdu.TryRead(pdu, ModbusDirection.Unknown, out _);
    }
}
