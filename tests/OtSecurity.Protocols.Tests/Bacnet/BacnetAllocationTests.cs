using System.Buffers;
using OtSecurity.Protocols.Bacnet;
using static OtSecurity.Protocols.Tests.Bacnet.BacnetHex;

namespace OtSecurity.Protocols.Tests.Bacnet;

public class BacnetAllocationTests
{
    // Original-Unicast-NPDU, routed to DNET 13, readProperty device,101 / object-name (77).
    private static readonly byte[] ReadPropertyMessage = Bytes("810a0016 0124000d013dff 0005010c 0c02000065194d");

    // Complex ACK of readProperty with a character string value.
    private static readonly byte[] ReadPropertyAckMessage = Bytes("810a001c 0100 30010c 0c02000065194d 3e 75 08 00 53594e45524759 3f");

    [Fact]
    public void ReadPath_WarmedUp_AllocatesNothing()
    {
        int sink = Read();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            sink += Read();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(sink > 0);
    }

    private static int Read()
    {
        int total = 0;
        if (BacnetIp.TryRead(ReadPropertyMessage, out BacnetIpFrame request, out int consumed) == OperationStatus.Done
            && ReadPropertyRequest.TryRead(request.Apdu.ServiceData, out ReadPropertyRequest rp, out _))
        {
            total += consumed + (int)rp.Property + request.Npdu.DestinationNetwork;
        }

        if (BacnetIp.TryRead(ReadPropertyAckMessage, out BacnetIpFrame response, out consumed) == OperationStatus.Done
            && ReadPropertyAck.TryRead(response.Apdu.ServiceData, out ReadPropertyAck ack, out _))
        {
            var value = new BacnetTagReader(ack.Value);
            if (value.TryReadCharacterString(out BacnetCharacterString name))
            {
                total += consumed + name.Bytes.Length;
            }
        }

        return total;
    }
}
