using OtSecurity.Capture.Dispatch;
using OtSecurity.Capture.Dissection;
using OtSecurity.Capture.Dissectors;
using OtSecurity.Capture.FileFormats;
using OtSecurity.Capture.Network;
using OtSecurity.Capture.Reassembly;

namespace OtSecurity.Capture.Pipeline;

/// <summary>What a <see cref="CapturePipeline"/> dissects and within which caps.</summary>
public sealed record CapturePipelineOptions
{
    /// <summary>The dissectors to dispatch to, in content-probe order (default: <see cref="DissectorCatalog.All"/>).</summary>
    public IReadOnlyList<IProtocolDissector> Dissectors { get; init; } = DissectorCatalog.All;

    /// <summary>Rules that force a protocol on a port (<c>--decode-as tcp:5020=modbus</c>).</summary>
    public IReadOnlyList<DecodeAsRule> DecodeAs { get; init; } = [];

    /// <summary>Flow, buffer and idle caps of reassembly.</summary>
    public ReassemblyOptions Reassembly { get; init; } = ReassemblyOptions.Default;

    /// <summary>Caps of IP fragment reassembly.</summary>
    public FragmentReassemblyOptions Fragments { get; init; } = FragmentReassemblyOptions.Default;

    /// <summary>Read buffer limits.</summary>
    public CaptureFileReaderOptions Reader { get; init; } = CaptureFileReaderOptions.Default;

    /// <summary>
    /// The clock that decides idleness. Null (the default): capture time, the timestamp of the frame being processed.
    /// Pass a provider to drive idleness from elsewhere (a live feed, or a fake clock in tests).
    /// </summary>
    public TimeProvider? TimeProvider { get; init; }
}
