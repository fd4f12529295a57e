namespace Disgo.Gateway.Transport;

/// <summary>
/// A stream that first returns bytes already read from <paramref name="inner"/> (what the server sent in the same
/// segment as its handshake answer), then reads on from <paramref name="inner"/>. Writes go straight through.
/// </summary>
internal sealed class ReplayingStream(Stream inner, byte[] prefix) : Stream
{
    private byte[]? _prefix = prefix;
    private int _prefixOffset;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _prefix is null ? inner.ReadAsync(buffer, cancellationToken) : ValueTask.FromResult(ReadPrefix(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => _prefix is null ? inner.Read(buffer) : ReadPrefix(buffer);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    // A zero-byte read returns at once: data is available. The prefix is dropped once consumed, so the stream then
    // holds nothing of its own.
    private int ReadPrefix(Span<byte> buffer)
    {
        var remaining = _prefix.AsSpan(_prefixOffset);
        var count = Math.Min(remaining.Length, buffer.Length);
        remaining[..count].CopyTo(buffer);
        _prefixOffset += count;
        if (_prefixOffset == _prefix!.Length)
        {
            _prefix = null;
        }

        return count;
    }
}
