namespace Disgo.Gateway.Sending;

/// <summary>
/// The times of the last <c>capacity</c> sends, oldest first, so "how many in the last window" is exact at any
/// moment (a fixed window would allow twice the limit across its boundary). Timestamps are
/// <see cref="TimeProvider.GetTimestamp"/> values. Not thread-safe.
/// </summary>
/// <remarks>
/// The log grows with the sends it holds, up to <c>capacity</c>: an idle connection sends a heartbeat or two per
/// window, and with a thousand of them in a process a full-size log each would be most of their memory.
/// </remarks>
internal sealed class SlidingWindowLog
{
    private const int InitialLength = 4;

    private readonly int _capacity;
    private readonly long _windowTicks;
    private long[] _sentAt = [];
    private int _oldest;
    private int _count;

    public SlidingWindowLog(int capacity, long windowTicks)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        _windowTicks = windowTicks;
    }

    /// <summary>How many sends happened in the window ending at <paramref name="now"/>.</summary>
    public int CountAt(long now)
    {
        while (_count > 0 && _sentAt[_oldest] + _windowTicks <= now)
        {
            _oldest = (_oldest + 1) % _sentAt.Length;
            _count--;
        }

        return _count;
    }

    /// <summary>Whether another send fits in the window ending at <paramref name="now"/> under <paramref name="limit"/>.</summary>
    public bool HasRoom(long now, int limit) => CountAt(now) < limit;

    public void Add(long now)
    {
        if (_count == _capacity)
        {
            throw new InvalidOperationException("The send log is full; a send was recorded without room for it.");
        }

        if (_count == _sentAt.Length)
        {
            Grow();
        }

        _sentAt[(_oldest + _count) % _sentAt.Length] = now;
        _count++;
    }

    /// <summary>When the oldest send in the log leaves the window (only meaningful when the log is not empty).</summary>
    public long OldestExpiry => _sentAt[_oldest] + _windowTicks;

    public bool IsEmpty => _count == 0;

    private void Grow()
    {
        var larger = new long[Math.Min(_capacity, Math.Max(InitialLength, _sentAt.Length * 2))];
        for (var i = 0; i < _count; i++)
        {
            larger[i] = _sentAt[(_oldest + i) % _sentAt.Length];
        }

        _sentAt = larger;
        _oldest = 0;
    }
}
