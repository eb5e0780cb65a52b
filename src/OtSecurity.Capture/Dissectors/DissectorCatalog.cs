using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Dissectors.OpcUa;
using OtSecurity.Capture.Dissectors.S7Comm;

namespace OtSecurity.Capture.Dissectors;

/// <summary>Every protocol dissector the capture pipeline knows, in probe order.</summary>
public static class DissectorCatalog
{
    /// <summary>All dissectors.</summary>
    public static IReadOnlyList<IProtocolDissector> All { get; } =
    [
        new S7CommDissector(),
        new OpcUaDissector(),
    ];
}
