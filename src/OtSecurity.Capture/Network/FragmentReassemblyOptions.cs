namespace OtSecurity.Capture.Network;

/// <summary>Caps of IP fragment reassembly.</summary>
public sealed record FragmentReassemblyOptions
{
    /// <summary>The default caps.</summary>
    public static FragmentReassemblyOptions Default { get; } = new();

    /// <summary>Datagrams being reassembled at once (default 1024); a fragment of a further datagram is dropped and counted.</summary>
    public int MaxDatagrams { get; init; } = 1024;

    /// <summary>Fragment bytes held across all datagrams (default 8 MiB); a fragment beyond it is dropped and counted.</summary>
    public long MaxBufferedBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>How long (capture time) an incomplete datagram waits for its missing fragments (default 30 s, the RFC 791 suggestion's order).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
