namespace Disgo.Emulator.Gateway;

/// <summary>
/// A run of copies of one dispatch with consecutive sequence numbers, queued as a single frame so the fast path
/// costs one queue item per batch; completes with how many copies reached the socket.
/// </summary>
internal sealed class StreamBatch(PreEncodedDispatch dispatch, long firstSequence, int count)
{
    private readonly TaskCompletionSource<int> _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PreEncodedDispatch Dispatch { get; } = dispatch;

    public long FirstSequence { get; } = firstSequence;

    public int Count { get; } = count;

    public Task<int> Written => _written.Task;

    public void Complete(int written) => _written.TrySetResult(written);
}
