namespace OtSecurity.Capture.Reassembly;

/// <summary>Caps and timeouts of flow tracking and TCP reassembly.</summary>
public sealed record ReassemblyOptions
{
    /// <summary>The default caps.</summary>
    public static ReassemblyOptions Default { get; } = new();

    /// <summary>Flows tracked at once (default 65,536); beyond it the least recently active flow is evicted.</summary>
    public int MaxFlows { get; init; } = 65536;

    /// <summary>
    /// Bytes one direction of a flow may hold (default 1 MiB): out-of-order segments waiting for a hole, and separately
    /// the unconsumed bytes of an incomplete message. Beyond it the oldest hole is skipped as a gap, or the incomplete
    /// message is dropped and the dissector resynchronises.
    /// </summary>
    public int MaxBufferedBytesPerFlow { get; init; } = 1024 * 1024;

    /// <summary>Bytes all flows together may hold (default 64 MiB); segments beyond it are dropped and counted.</summary>
    public long MaxBufferedBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Out-of-order segments one direction may hold (default 64); beyond it the oldest hole is skipped as a gap.</summary>
    public int MaxOutOfOrderSegments { get; init; } = 64;

    /// <summary>A flow with no packet for this long (capture time) is evicted (default 5 minutes).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Bytes of each direction kept for content probing before a flow without a known port is given up (default 4 KiB).</summary>
    public int MaxProbeBytes { get; init; } = 4096;

    /// <summary>UDP datagrams (per flow) probed before a flow without a known port is given up (default 8).</summary>
    public int MaxProbeDatagrams { get; init; } = 8;

    /// <summary>Validates the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFlows, 1, nameof(MaxFlows));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBufferedBytesPerFlow, 64, nameof(MaxBufferedBytesPerFlow));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBufferedBytes, 64, nameof(MaxBufferedBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxOutOfOrderSegments, 1, nameof(MaxOutOfOrderSegments));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(IdleTimeout, TimeSpan.Zero, nameof(IdleTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxProbeBytes, 16, nameof(MaxProbeBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxProbeDatagrams, 1, nameof(MaxProbeDatagrams));
    }
}
