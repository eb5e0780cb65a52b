using System.Text;
using OtSecurity.Protocols.Dnp3;

namespace OtSecurity.Protocols.Tests.Dnp3;

public class Dnp3CrcTests
{
    [Fact]
    public void Compute_CheckString_ReturnsCatalogueCheckValue()
    {
        // CRC-16/DNP in the CRC catalogue: poly 0x3D65 reflected, init 0, xorout 0xFFFF, check("123456789") = 0xEA82.
        Assert.Equal(0xEA82, Dnp3Crc.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Theory]
    // opendnp3 link layer test vector: RESET_LINK_STATES from master 1024 to outstation 1, CRC bytes E9 21.
    [InlineData("05 64 05 C0 01 00 00 04", 0x21E9)]
    // zeek dnp3_link_only.pcap frame 1: REQUEST_LINK_STATUS, CRC bytes 7E 5F.
    [InlineData("05 64 05 49 64 00 01 00", 0x5F7E)]
    // zeek dnp3_link_only.pcap frame 2: LINK_STATUS, CRC bytes A0 97.
    [InlineData("05 64 05 8B 01 00 64 00", 0x97A0)]
    // 16 zero octets: CRC 0 inverted, the padding blocks of icsnpp dnp3_example.pcap carry FF FF.
    [InlineData("00000000000000000000000000000000", 0xFFFF)]
    public void Compute_KnownBlocks_ReturnsCrcOnTheWire(string hex, int expected)
    {
        Assert.Equal(expected, Dnp3Crc.Compute(Dnp3Hex.Bytes(hex)));
    }

    [Fact]
    public void Compute_Empty_ReturnsInvertedInitialValue()
    {
        Assert.Equal(0xFFFF, Dnp3Crc.Compute([]));
    }
}
