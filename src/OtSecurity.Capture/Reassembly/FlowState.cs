namespace OtSecurity.Capture.Reassembly;

/// <summary>Where a flow stands with dispatch.</summary>
internal enum FlowState
{
    /// <summary>No port decided; the first bytes are kept and probed.</summary>
    Probing,

    /// <summary>A dissector reads the flow.</summary>
    Dissecting,

    /// <summary>No dissector claimed the flow; its packets are only counted.</summary>
    Ignored,

    /// <summary>Ended (FIN from both sides or RST); late packets are absorbed until the entry is evicted or a new SYN reuses the ports.</summary>
    Closed,
}
