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

    // 15.7.1.3: ReadPropertyMultiple-ACK, device,101 { vendor-name = "ACME", description: error property / unknown-property }.
    private static readonly byte[] ReadPropertyMultipleAckData = Bytes("0c 02000065 1e 29 79 4e 75 05 00 41434d45 4f 29 1c 5e 91 02 91 20 5f 1f");

    [Fact]
    public void ListEnumeration_WarmedUp_AllocatesNothing() => AssertAllocatesNothing(ReadList);

    [Fact]
    public void ReadPath_WarmedUp_AllocatesNothing() => AssertAllocatesNothing(Read);

    private static void AssertAllocatesNothing(Func<int> read)
    {
        int sink = read();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            sink += read();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(sink > 0);
    }

    private static int ReadList()
    {
        int total = 0;
        if (ReadPropertyMultipleAck.TryRead(ReadPropertyMultipleAckData, out ReadPropertyMultipleAck ack, out _))
        {
            foreach (ReadAccessResult result in ack)
            {
                foreach (ReadResultElement element in result.EnumerateResults())
                {
                    total += (int)element.Property + element.Value.Length + (element.IsError ? 1 : 0);
                }
            }
        }

        return total;
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
