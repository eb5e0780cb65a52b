namespace OtSecurity.Modbus.Client;

/// <summary>
/// Spaces request starts evenly at <c>1 / rate</c> seconds (no bursts: a fragile device sees a steady trickle). Each
/// caller reserves the next free slot and waits for it on the <see cref="TimeProvider"/>.
/// </summary>
internal sealed class RequestPacer
{
    private readonly TimeProvider _time;
    private readonly long _intervalTicks;
    private readonly Lock _gate = new();
    private long _nextSlot;

    public RequestPacer(TimeProvider time, double? requestsPerSecond)
    {
        _time = time;
        _intervalTicks = requestsPerSecond is double rate ? (long)Math.Ceiling(time.TimestampFrequency / rate) : 0;
        _nextSlot = long.MinValue;
    }

    /// <summary>Waits for this request's slot.</summary>
    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (_intervalTicks == 0)
        {
            return ValueTask.CompletedTask;
        }

        long now = _time.GetTimestamp();
        long slot;
        lock (_gate)
        {
            slot = Math.Max(now, _nextSlot);
            _nextSlot = slot + _intervalTicks;
        }

        if (slot <= now)
        {
            return ValueTask.CompletedTask;
        }

        TimeSpan delay = _time.GetElapsedTime(now, slot);
        return new ValueTask(Task.Delay(delay, _time, cancellationToken));
    }
}
