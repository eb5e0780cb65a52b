namespace OtSecurity.Capture.Reassembly;

/// <summary>What every flow of one capture run shares: the caps, the counters and a scratch buffer (one thread).</summary>
internal sealed class SharedState
{
    private byte[] _scratch = new byte[8192];

    public SharedState(ReassemblyOptions options, CaptureStatistics statistics)
    {
        Options = options;
        Statistics = statistics;
    }

    public ReassemblyOptions Options { get; }

    public CaptureStatistics Statistics { get; }

    /// <summary>A buffer of at least <paramref name="length"/> bytes, valid until the next call.</summary>
    public byte[] RentScratch(int length)
    {
        if (_scratch.Length < length)
        {
            _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
        }

        return _scratch;
    }
}
