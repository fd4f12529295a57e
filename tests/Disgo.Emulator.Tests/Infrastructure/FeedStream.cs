namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>
/// A read-only stream that a decompressor pulls from and the test pushes received bytes into. Reading returns 0 when
/// everything pushed so far is consumed, which the decompressing streams treat as "no input yet" and resume from later.
/// </summary>
internal sealed class FeedStream : Stream
{
    private byte[] _data = [];
    private int _position;

    public bool IsDrained => _position == _data.Length;

    /// <summary>Makes <paramref name="bytes"/> the next input; the previous input must have been consumed.</summary>
    public void Push(byte[] bytes)
    {
        if (!IsDrained)
            throw new InvalidOperationException("The decompressor left input unread.");
        _data = bytes;
        _position = 0;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _data.Length - _position);
        _data.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
