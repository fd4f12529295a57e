namespace Disgo.Emulator.Gateway;

/// <summary>
/// At most <c>limit</c> events in any span of <c>window</c>. Discord does not say how its windows move, so the
/// emulator enforces the strictest reading: a client that passes here passes whatever window Discord uses.
/// Keeps the last <c>limit</c> accepted times in a ring. Not thread-safe: one connection's receive loop owns it.
/// </summary>
internal sealed class SlidingWindowLimit
{
    private readonly DateTimeOffset[] _accepted;
    private readonly TimeSpan _window;
    private int _next;
    private int _count;

    public SlidingWindowLimit(int limit, TimeSpan window)
    {
        _accepted = new DateTimeOffset[limit];
        _window = window;
    }

    /// <summary>Counts one event at <paramref name="now"/>; false (and not counted) when it would exceed the limit.</summary>
    public bool TryAcquire(DateTimeOffset now)
    {
        if (_count == _accepted.Length && now - _accepted[_next] < _window)
            return false;
        _accepted[_next] = now;
        _next = (_next + 1) % _accepted.Length;
        _count = Math.Min(_count + 1, _accepted.Length);
        return true;
    }
}
