namespace Disgo.Emulator.Gateway;

/// <summary>
/// Fires once when no heartbeat arrives within the timeout after Hello or the last heartbeat. Runs on the
/// emulator's <see cref="TimeProvider"/>, so tests drive it with virtual time. A heartbeat may race the timeout on
/// another thread, so every call is safe after <see cref="Dispose"/>.
/// </summary>
internal sealed class HeartbeatWatchdog : IDisposable
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly Action _expired;
    private ITimer? _timer;
    private bool _disposed;

    public HeartbeatWatchdog(TimeProvider time, TimeSpan timeout, Action expired)
    {
        _time = time;
        Timeout = timeout;
        _expired = expired;
    }

    public TimeSpan Timeout { get; }

    /// <summary>Starts the countdown (at Hello).</summary>
    public void Start()
    {
        lock (_lock)
        {
            if (!_disposed)
                _timer = _time.CreateTimer(static state => ((HeartbeatWatchdog)state!)._expired(), this, Timeout, System.Threading.Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>A heartbeat arrived: the countdown starts over.</summary>
    public void Beat()
    {
        lock (_lock)
        {
            if (!_disposed)
                _timer?.Change(Timeout, System.Threading.Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _timer?.Dispose();
        }
    }
}
