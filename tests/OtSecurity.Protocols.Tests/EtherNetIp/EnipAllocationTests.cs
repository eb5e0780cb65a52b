using System.Buffers;
using OtSecurity.Protocols.EtherNetIp;

namespace OtSecurity.Protocols.Tests.EtherNetIp;

public class EnipAllocationTests
{
    // SendRRData carrying Unconnected_Send of Get_Attributes_All to the Identity object (digitalbond reboot frame 8).
    private static readonly byte[] Request = EnipHex.Bytes("6f00 2400 00010211 00000000 b39b02002008e100 00000000 00000000 2000 0200 0000 0000 b200 1400 52022006240107f9060001022001240101000100");

    // SendRRData reply with the Identity attributes (digitalbond ip-address-change frame 3613).
    private static readonly byte[] Reply = EnipHex.Bytes("6f002e000002021200000000a1823000b808e10000000000000000000a00020000000000b2001e008100000001000c003a0004073000c3ae51000b313735362d454e42542f41");

    [Fact]
    public void ReadPath_WarmedUp_AllocatesNothing()
    {
        int sink = Read();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            sink += Read();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sink > 0);
    }

    private static int Read()
    {
        int total = 0;
        if (Encapsulation.TryRead(Request, out EncapsulationFrame frame, out int consumed) == OperationStatus.Done
            && frame.TryGetCommonPacketFormat(out CommonPacketFormat cpf)
            && cpf.TryFind(CpfItemType.UnconnectedData, out CpfItem item)
            && CipRequest.TryRead(item.Data, out CipRequest request, out _)
            && UnconnectedSendRequest.TryRead(request.Data, out UnconnectedSendRequest send, out _)
            && CipRequest.TryRead(send.EmbeddedRequest, out CipRequest embedded, out _)
            && embedded.TryGetTarget(out CipPathTarget target))
        {
            total += consumed + (int)(target.ClassId ?? 0);
        }

        if (Encapsulation.TryRead(Reply, out frame, out consumed) == OperationStatus.Done
            && frame.TryGetCommonPacketFormat(out cpf)
            && cpf.TryFind(CpfItemType.UnconnectedData, out item)
            && CipResponse.TryRead(item.Data, out CipResponse response, out _)
            && IdentityAttributes.TryRead(response.Data, out IdentityAttributes identity, out _))
        {
            total += consumed + identity.ProductName.Length;
        }

        return total;
    }
}
