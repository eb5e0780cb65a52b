using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Dissectors.Modbus;

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
        new ModbusDissector(),
    ];
}
