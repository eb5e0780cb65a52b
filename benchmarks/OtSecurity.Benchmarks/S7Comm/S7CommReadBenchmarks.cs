using System.Buffers;
using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using OtSecurity.Protocols.S7Comm;

namespace OtSecurity.Benchmarks.S7Comm;

/// <summary>Read path of S7comm: TPKT + COTP + S7 header, and a read-variable job with its items. 0 bytes allocated per message.</summary>
[Config(typeof(BenchmarkConfig))]
public class S7CommReadBenchmarks
{
    // Read var job with 5 S7ANY items (icsnpp-s7ident frame 31).
    private byte[] _readVar = [];

    // Userdata SZL 0x0011 response (icsnpp-s7ident frame 11).
    private byte[] _szl = [];

    [GlobalSetup]
    public void Setup()
    {
        _readVar = Convert.FromHexString("0300004f02f080320100000a00003e00000405120a10020010000083000000120a10020010000081000000120a10020010000082000000120a101d000800001d000000120a101c000800001c000000");
        _szl = Convert.FromHexString("0300009902f080320700000100000c007c000112081284010000000000ff09007800110000001c0004000136455337203331352d32454831342d304142302000c000040001000636455337203331352d32454831342d304142302000c0000400010007202020202020202020202020202020202020202000c0560302060081426f6f74204c6f61646572202020202020202020000041200909");
    }

    /// <summary>Baseline: the header fields read with bare BinaryPrimitives, no validation.</summary>
    [Benchmark(Baseline = true)]
    public int BinaryPrimitivesHeader()
    {
        ReadOnlySpan<byte> b = _readVar;
        int length = BinaryPrimitives.ReadUInt16BigEndian(b.Slice(2));
        int pduRef = BinaryPrimitives.ReadUInt16BigEndian(b.Slice(11));
        return length + pduRef + b[8] + b[17];
    }

    /// <summary>TPKT, COTP and S7 header, validated, with the function.</summary>
    [Benchmark]
    public int ReadPacketAndHeader()
    {
        IsoTcp.TryRead(_readVar, out IsoTcpPacket packet, out int consumed);
        S7Pdu.TryRead(packet.Tpdu.UserData, out S7Pdu pdu, out _);
        return consumed + pdu.PduReference + (int)pdu.Function;
    }

    /// <summary>The same plus every S7ANY item decoded.</summary>
    [Benchmark]
    public int ReadVariableItems()
    {
        IsoTcp.TryRead(_readVar, out IsoTcpPacket packet, out _);
        S7Pdu.TryRead(packet.Tpdu.UserData, out S7Pdu pdu, out _);
        var items = new S7VariableItemReader(pdu.Parameter);
        int sum = 0;
        while (items.TryReadNext(out S7VariableItem item))
        {
            if (item.TryGetS7AnyAddress(out S7AnyAddress address))
            {
                sum += address.Count + address.BitAddress;
            }
        }

        return sum;
    }

    /// <summary>A userdata response: parameter, data and SZL header.</summary>
    [Benchmark]
    public int ReadUserDataSzl()
    {
        IsoTcp.TryRead(_szl, out IsoTcpPacket packet, out _);
        S7Pdu.TryRead(packet.Tpdu.UserData, out S7Pdu pdu, out _);
        S7UserDataParameter.TryRead(pdu.Parameter, out S7UserDataParameter ud);
        S7UserDataData.TryRead(pdu.Data, out S7UserDataData data);
        S7SzlResponse.TryRead(data.Payload, out S7SzlResponse szl);
        return ud.Subfunction + szl.Id.SzlId + szl.ItemCount;
    }
}
