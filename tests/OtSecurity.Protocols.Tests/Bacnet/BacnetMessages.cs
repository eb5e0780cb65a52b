using System.Buffers;
using System.Buffers.Binary;
using OtSecurity.Protocols.Bacnet;

namespace OtSecurity.Protocols.Tests.Bacnet;

/// <summary>What a generated BACnet/IP message was built from, to compare with what is read back.</summary>
internal sealed record BacnetSpec(
    BvlcFunction Function,
    bool HasNpdu,
    bool IsNetworkMessage,
    byte Control,
    BacnetPduType? PduType,
    byte InvokeId,
    byte Service,
    bool Segmented,
    byte[] ServiceData,
    byte[] Body);

/// <summary>Builds valid BACnet/IP messages of every kind from a few numbers, with the library's writers.</summary>
internal static class BacnetMessages
{
    public const int KindCount = 14;

    public static (byte[] Bytes, BacnetSpec Spec) Build(int kind, byte a, byte b, ushort c, byte[] data)
    {
        kind = (int)((uint)kind % KindCount);
        data ??= [];
        byte[] buffer = new byte[2048];
        int written;
        switch (kind)
        {
            case 0:
            {
                BvlcResultCode code = (BvlcResultCode)((a % 7) * 0x10);
                Check(Bvlc.TryWriteResult(code, buffer, out written));
                return Result(buffer, written, BvlcFunction.BvlcResult);
            }

            case 1:
            case 3:
            {
                BdtEntry[] entries = Enumerable.Range(0, a % 4).Select(i => new BdtEntry(new BacnetIpEndpoint((uint)(c + i), (ushort)(47808 + i)), 0xFFFFFF00)).ToArray();
                BvlcFunction function = kind == 1 ? BvlcFunction.WriteBroadcastDistributionTable : BvlcFunction.ReadBroadcastDistributionTableAck;
                Check(Bvlc.TryWriteBroadcastDistributionTable(function, entries, buffer, out written));
                return Result(buffer, written, function);
            }

            case 2:
            case 6:
            {
                BvlcFunction function = kind == 2 ? BvlcFunction.ReadBroadcastDistributionTable : BvlcFunction.ReadForeignDeviceTable;
                Check(Bvlc.TryWriteTableRead(function, buffer, out written));
                return Result(buffer, written, function);
            }

            case 5:
                Check(Bvlc.TryWriteRegisterForeignDevice(c, buffer, out written));
                return Result(buffer, written, BvlcFunction.RegisterForeignDevice);

            case 7:
            {
                FdtEntry[] entries = Enumerable.Range(0, b % 4).Select(i => new FdtEntry(new BacnetIpEndpoint((uint)(a + i), c), c, (ushort)(c / 2))).ToArray();
                Check(Bvlc.TryWriteForeignDeviceTableAck(entries, buffer, out written));
                return Result(buffer, written, BvlcFunction.ReadForeignDeviceTableAck);
            }

            case 8:
                Check(Bvlc.TryWriteDeleteForeignDeviceTableEntry(new BacnetIpEndpoint((uint)(a << 24 | c), c), buffer, out written));
                return Result(buffer, written, BvlcFunction.DeleteForeignDeviceTableEntry);

            case 12:
                Check(Bvlc.TryWrite(BvlcFunction.SecureBvll, data, buffer, out written));
                return Result(buffer, written, BvlcFunction.SecureBvll);

            case 13:
            {
                // A network layer message: I-Am-Router-To-Network or a proprietary one.
                byte[] networks = new byte[2 + ((a % 3) * 2)];
                BinaryPrimitives.WriteUInt16BigEndian(networks, c);
                bool proprietary = (b & 1) != 0;
                NpduFrame npdu = proprietary
                    ? NpduFrame.ForNetworkMessage((byte)(0x80 | a), data, c)
                    : NpduFrame.ForNetworkMessage((byte)NetworkMessageType.IAmRouterToNetwork, networks);
                Check(BacnetIp.TryWrite(BvlcFunction.OriginalBroadcastNpdu, npdu, buffer, out written));
                return (buffer[..written], new BacnetSpec(BvlcFunction.OriginalBroadcastNpdu, true, true, npdu.Control, null, 0, 0, false, [], buffer[4..written]));
            }

            default:
            {
                // 4, 9, 10, 11: an NPDU with an APDU of any PDU type, with or without routing.
                var (apdu, pduType, invokeId, service, segmented, serviceData) = BuildApdu(a, b, data);
                NpduFrame npdu = NpduFrame.ForApdu(apdu, pduType == BacnetPduType.ConfirmedRequest, (NetworkPriority)(b & 3));
                byte[] dadr = [a, b];
                byte[] sadr = [(byte)c];
                if ((c & 1) != 0)
                {
                    npdu = npdu.WithDestination((ushort)(c | 1), (c & 2) != 0 ? [] : dadr, a);
                }

                if ((c & 4) != 0)
                {
                    npdu = npdu.WithSource((ushort)((c >> 3) % 0xFFFF), sadr);
                }

                BvlcFunction function = kind switch
                {
                    4 => BvlcFunction.ForwardedNpdu,
                    9 => BvlcFunction.DistributeBroadcastToNetwork,
                    10 => BvlcFunction.OriginalUnicastNpdu,
                    _ => BvlcFunction.OriginalBroadcastNpdu,
                };
                OperationStatus status = function == BvlcFunction.ForwardedNpdu
                    ? BacnetIp.TryWriteForwarded(new BacnetIpEndpoint(0xC0A80000u | c, 47808), npdu, buffer, out written)
                    : BacnetIp.TryWrite(function, npdu, buffer, out written);
                Check(status);
                return (buffer[..written], new BacnetSpec(function, true, false, npdu.Control, pduType, invokeId, service, segmented, serviceData, buffer[4..written]));
            }
        }
    }

    private static (byte[] Apdu, BacnetPduType Type, byte InvokeId, byte Service, bool Segmented, byte[] Data) BuildApdu(byte a, byte b, byte[] data)
    {
        var type = (BacnetPduType)(a % 8);
        bool segmented = (b & 0x10) != 0;
        byte window = (byte)(1 + (b % 127));
        ApduFrame frame = type switch
        {
            BacnetPduType.ConfirmedRequest => segmented
                ? ApduFrame.ConfirmedRequestSegment(b, (BacnetConfirmedService)(a % 34), data, a, window, (b & 0x20) != 0, (MaxSegmentsAccepted)(b % 8), (MaxApduLengthAccepted)(a % 6), (b & 0x40) != 0)
                : ApduFrame.ConfirmedRequest(b, (BacnetConfirmedService)(a % 34), data, (MaxSegmentsAccepted)(b % 8), (MaxApduLengthAccepted)(a % 6), (b & 0x40) != 0),
            BacnetPduType.UnconfirmedRequest => ApduFrame.UnconfirmedRequest((BacnetUnconfirmedService)(b % 15), data),
            BacnetPduType.SimpleAck => ApduFrame.SimpleAck(b, (BacnetConfirmedService)(a % 34)),
            BacnetPduType.ComplexAck => segmented
                ? ApduFrame.ComplexAckSegment(b, (BacnetConfirmedService)(a % 34), data, a, window, (b & 0x20) != 0)
                : ApduFrame.ComplexAck(b, (BacnetConfirmedService)(a % 34), data),
            BacnetPduType.SegmentAck => ApduFrame.SegmentAck(b, a, window, (b & 0x20) != 0, (b & 0x40) != 0),
            BacnetPduType.Error => ApduFrame.Error(b, (BacnetConfirmedService)(a % 34), data),
            BacnetPduType.Reject => ApduFrame.Reject(b, (BacnetRejectReason)a),
            _ => ApduFrame.Abort(b, (BacnetAbortReason)a, (b & 0x40) != 0),
        };
        byte[] apdu = new byte[Apdu.GetEncodedLength(frame)];
        Check(Apdu.TryWrite(frame, apdu, out _));
        bool isSegmented = frame.IsSegmented;
        byte service = frame.HasServiceChoice ? frame.ServiceChoice : frame.ServiceOrReason;
        return (apdu, type, frame.InvokeId, service, isSegmented, frame.ServiceData.ToArray());
    }

    private static (byte[] Bytes, BacnetSpec Spec) Result(byte[] buffer, int written, BvlcFunction function) =>
        (buffer[..written], new BacnetSpec(function, false, false, 0, null, 0, 0, false, [], buffer[4..written]));

    private static void Check(OperationStatus status)
    {
        if (status != OperationStatus.Done)
        {
            throw new InvalidOperationException("The generator's buffer is too small.");
        }
    }

    /// <summary>Writes <paramref name="frame"/> again from its parsed parts (not from its raw octets).</summary>
    public static byte[] Reencode(in BacnetIpFrame frame)
    {
        byte[] buffer = new byte[frame.Bvlc.Length];
        if (!frame.HasNpdu)
        {
            Check(Bvlc.TryWrite(frame.Bvlc.Function, frame.Bvlc.Body, buffer, out int written));
            return buffer[..written];
        }

        byte[] payload;
        if (frame.HasApdu)
        {
            payload = new byte[Apdu.GetEncodedLength(frame.Apdu)];
            Check(Apdu.TryWrite(frame.Apdu, payload, out _));
        }
        else
        {
            payload = frame.Npdu.Payload.ToArray();
        }

        NpduFrame n = frame.Npdu;
        var npdu = new NpduFrame(n.Control, n.DestinationNetwork, n.DestinationAddress, n.HopCount, n.SourceNetwork, n.SourceAddress, n.MessageTypeValue, n.VendorId, payload);
        int length = frame.Bvlc.Function == BvlcFunction.ForwardedNpdu
            ? Written(BacnetIp.TryWriteForwarded(frame.Bvlc.OriginatingAddress, npdu, buffer, out int w), w)
            : Written(BacnetIp.TryWrite(frame.Bvlc.Function, npdu, buffer, out w), w);
        return buffer[..length];

        static int Written(OperationStatus status, int written)
        {
            Check(status);
            return written;
        }
    }
}
