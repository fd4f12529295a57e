using System.Buffers;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// The upgraded connection as the WebSocket sees it, with writes coalesced: while the frame writer holds
/// (<see cref="Hold"/>), frames pile up in one buffer and reach the network in a single write at
/// <see cref="ReleaseAsync"/>, instead of one flush and one system call per frame. Reads pass straight through.
/// Writes the WebSocket makes on its own (a close after a protocol error) join the same buffer in order, and writes
/// to the network never overlap.
/// </summary>
internal sealed class CoalescingStream(Stream inner) : Stream
{
    // Past this much held data a write goes out at once, so one long burst does not sit in memory.
    private const int MaxHeldBytes = 256 * 1024;

    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _network = new(1, 1);
    private ArrayBufferWriter<byte> _held = new(64 * 1024);
    private ArrayBufferWriter<byte> _spare = new(64 * 1024);
    private bool _holding;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>From now on, writes are held until <see cref="ReleaseAsync"/>.</summary>
    public void Hold()
    {
        lock (_lock)
            _holding = true;
    }

    /// <summary>Stops holding and sends everything held in one write.</summary>
    public ValueTask ReleaseAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
            _holding = false;
        return SendHeldAsync(cancellationToken);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _held.Write(buffer.Span);
            if (_holding && _held.WrittenCount < MaxHeldBytes)
                return ValueTask.CompletedTask;
        }

        return SendHeldAsync(cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => SendHeldAsync(cancellationToken).AsTask();

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _network.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask SendHeldAsync(CancellationToken cancellationToken)
    {
        await _network.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Swap buffers: writes arriving while this one is on the network go into the other.
            ArrayBufferWriter<byte> sending;
            lock (_lock)
            {
                if (_held.WrittenCount == 0)
                    return;
                (sending, _held, _spare) = (_held, _spare, _held);
            }

            await inner.WriteAsync(sending.WrittenMemory, cancellationToken).ConfigureAwait(false);
            sending.ResetWrittenCount();
        }
        finally
        {
            _network.Release();
        }
    }
}
