using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Dissectors.Bacnet;
using OtSecurity.Capture.Dissectors.Dnp3;
using OtSecurity.Capture.Dissectors.EtherNetIp;
using OtSecurity.Capture.Dissectors.Iec104;
using OtSecurity.Capture.Dissectors.Modbus;
using OtSecurity.Capture.Dissectors.OpcUa;
using OtSecurity.Capture.Dissectors.S7Comm;

namespace OtSecurity.Capture.Dissectors;

/// <summary>
/// Every protocol dissector this package ships, in content-probe order. The capture pipeline uses this list unless
/// its options name others. Protocol dissectors add themselves here.
/// </summary>
public static class DissectorCatalog
{
    /// <summary>The dissectors.</summary>
    public static IReadOnlyList<IProtocolDissector> All { get; } =
    [
        // Strongest probes first: DNP3 checks a header CRC, IEC 104 validates whole APDUs.
        new Dnp3Dissector(),
        new Iec104Dissector(),
        new S7CommDissector(),
        new OpcUaDissector(),
        new BacnetDissector(),
        new EnipDissector(),

        // Modbus/TCP has the weakest signature (protocol id 0 and a length), so it probes after the others.
        new ModbusDissector(),
    ];
}
