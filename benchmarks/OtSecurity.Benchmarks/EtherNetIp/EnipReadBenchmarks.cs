using System.Buffers;
using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using OtSecurity.Protocols.EtherNetIp;

namespace OtSecurity.Benchmarks.EtherNetIp;

/// <summary>The EtherNet/IP read path: encapsulation, common packet format, CIP request/response and service data. Inputs are captured packets.</summary>
public class EnipReadBenchmarks
{
    private byte[] _unconnectedSend = [];
    private byte[] _multipleServiceReply = [];
    private byte[] _listIdentityReply = [];

    [GlobalSetup]
    public void Setup()
    {
        // digitalbond ip-address-change frame 52; controllogix-factorytalk-hmi frame 105; digitalbond ip-address-change frame 3986.
        _unconnectedSend = Convert.FromHexString("6f00240000010211000000001781300018a7e10000000000000000000a00020000000000b2001400520220062401069a060001022001240101000105");
        _multipleServiceReply = Convert.FromHexString("70004c0000010212000000000000000000000000000000000000000000000200a10004004a050080b1003800a2008a00000006000e0014001a00200026002c00ce0000008200ce0000008300ce0000008400ce0000008500ce0000008600ce0000008700");
        _listIdentityReply = Convert.FromHexString("63003300000000000000000000000000000000000000000001000c002d0001000002af12c0a80a78000000000000000001000c003a0004073000c3ae51000b313735362d454e42542f4103");
    }

    /// <summary>The floor: command and length with BinaryPrimitives, nothing validated.</summary>
    [Benchmark(Baseline = true)]
    public int BinaryPrimitivesHeader() => BinaryPrimitives.ReadUInt16LittleEndian(_unconnectedSend) + BinaryPrimitives.ReadUInt16LittleEndian(_unconnectedSend.AsSpan(2));

    /// <summary>Encapsulation header and common packet format validated.</summary>
    [Benchmark]
    public int ReadEncapsulation() =>
        Encapsulation.TryRead(_unconnectedSend, out EncapsulationFrame frame, out int consumed) == OperationStatus.Done ? consumed + (int)frame.SessionHandle : -1;

    /// <summary>Down to the embedded request of an Unconnected_Send and its class.</summary>
    [Benchmark]
    public int UnconnectedSendTarget()
    {
        if (Encapsulation.TryRead(_unconnectedSend, out EncapsulationFrame frame, out _) != OperationStatus.Done
            || !frame.TryGetCommonPacketFormat(out CommonPacketFormat cpf)
            || !cpf.TryFind(CpfItemType.UnconnectedData, out CpfItem item)
            || !CipRequest.TryRead(item.Data, out CipRequest request, out _)
            || !UnconnectedSendRequest.TryRead(request.Data, out UnconnectedSendRequest send, out _)
            || !CipRequest.TryRead(send.EmbeddedRequest, out CipRequest embedded, out _)
            || !embedded.TryGetTarget(out CipPathTarget target))
        {
            return -1;
        }

        return (int)(target.ClassId ?? 0) + embedded.Service;
    }

    /// <summary>A connected Multiple_Service_Packet reply with six services, each reply read.</summary>
    [Benchmark]
    public int MultipleServiceReply()
    {
        if (Encapsulation.TryRead(_multipleServiceReply, out EncapsulationFrame frame, out _) != OperationStatus.Done
            || !frame.TryGetCommonPacketFormat(out CommonPacketFormat cpf)
            || !cpf.TryFind(CpfItemType.ConnectedData, out CpfItem item)
            || !CipResponse.TryRead(item.Data[2..], out CipResponse response, out _)
            || !MultipleServicePacket.TryRead(response.Data, true, out MultipleServicePacket packet, out _))
        {
            return -1;
        }

        int total = 0;
        for (int i = 0; i < packet.Count; i++)
        {
            if (CipResponse.TryRead(packet.GetService(i), out CipResponse inner, out _))
            {
                total += inner.GeneralStatus + inner.Service;
            }
        }

        return total;
    }

    /// <summary>A ListIdentity reply down to the identity item.</summary>
    [Benchmark]
    public int ListIdentity()
    {
        if (Encapsulation.TryRead(_listIdentityReply, out EncapsulationFrame frame, out _) != OperationStatus.Done
            || !frame.TryGetCommonPacketFormat(out CommonPacketFormat cpf)
            || !cpf.TryFind(CpfItemType.ListIdentity, out CpfItem item)
            || !ListIdentityItem.TryRead(item.Data, out ListIdentityItem identity, out _))
        {
            return -1;
        }

        return identity.Identity.VendorId + identity.ProductName.Length;
    }
}
