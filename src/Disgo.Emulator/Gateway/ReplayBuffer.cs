namespace Disgo.Emulator.Gateway;

/// <summary>
/// The last dispatches of one session, kept so a resume can replay everything after the client's <c>seq</c>.
/// Sequence numbers are consecutive, so slot <c>seq % capacity</c> holds <c>seq</c>; the oldest ones fall out.
/// Entries are shared <see cref="PreEncodedDispatch"/> references, so keeping them costs no copies. Not thread-safe:
/// the session guards it.
/// </summary>
internal sealed class ReplayBuffer
{
    private readonly PreEncodedDispatch?[] _slots;
    private long _last;

    public ReplayBuffer(int capacity) => _slots = new PreEncodedDispatch?[capacity];

    /// <summary>The oldest sequence number still held (1 before anything fell out).</summary>
    public long Oldest => Math.Max(1, _last - _slots.Length + 1);

    /// <summary>Keeps <paramref name="dispatch"/> as sequence number <paramref name="sequence"/>, the next one after the last.</summary>
    public void Add(long sequence, PreEncodedDispatch dispatch)
    {
        _slots[sequence % _slots.Length] = dispatch;
        _last = sequence;
    }

    /// <summary>Whether every dispatch after <paramref name="sequence"/> is still held.</summary>
    public bool CanReplayAfter(long sequence) => sequence >= _last || sequence + 1 >= Oldest;

    public PreEncodedDispatch this[long sequence] => _slots[sequence % _slots.Length]!;
}
