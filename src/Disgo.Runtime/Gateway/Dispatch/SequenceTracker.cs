namespace Disgo.Gateway.Dispatch;

/// <summary>
/// Exactly-once admission of dispatches by sequence number. A resume replays everything after the sequence it names,
/// and Discord may deliver an event more than once, so an event is admitted only if its sequence is greater than
/// every one admitted before it; a jump forward is reported as a gap (events that will never arrive).
/// </summary>
internal sealed class SequenceTracker
{
    private long _last;

    /// <summary>The highest sequence admitted, for heartbeats and resumes; <see langword="null"/> before the first one.</summary>
    public long? Last => _last == 0 ? null : _last;

    /// <summary>
    /// Admits <paramref name="sequence"/> if it is new. <paramref name="missed"/> is how many sequence numbers were
    /// skipped since the last admitted one (0 normally).
    /// </summary>
    /// <returns>
    /// <see langword="false"/> for a duplicate or a replay of an event already admitted (or a sequence below 1, which
    /// Discord never sends): drop it.
    /// </returns>
    public bool TryAdmit(long sequence, out long missed)
    {
        if (sequence <= _last)
        {
            missed = 0;
            return false;
        }

        missed = sequence - _last - 1;
        _last = sequence;
        return true;
    }

    /// <summary>
    /// Starts over at <paramref name="last"/>: <see langword="null"/> for a new session (sequences restart at 1), or the
    /// sequence a session was detached at when it is resumed elsewhere.
    /// </summary>
    public void Reset(long? last = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(last ?? 0, nameof(last));
        _last = last ?? 0;
    }
}
