namespace Disgo.Gateway.Compression;

/// <summary>
/// The read side of a zlib-stream connection's inflate context: hands the bytes of the current payload to the
/// <see cref="System.IO.Compression.ZLibStream"/> reading from it, then reports end of data until the next payload is set.
/// The ZLibStream lives as long as the connection, so the inflate window carries over from payload to payload.
/// </summary>
internal sealed class InflateInput : Stream
{
    private ReadOnlyMemory<byte> _remaining;

    /// <summary>True once every byte of the current payload has been handed to the inflater.</summary>
    public bool IsDrained => _remaining.IsEmpty;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Makes <paramref name="compressed"/> the next bytes the inflater reads.</summary>
    public void Set(ReadOnlyMemory<byte> compressed) => _remaining = compressed;

    public void Clear() => _remaining = default;

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _remaining.Length);
        _remaining.Span[..count].CopyTo(buffer);
        _remaining = _remaining[count..];
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
