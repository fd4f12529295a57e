using System.IO.Compression;

namespace Disgo.Benchmarks.Emulator;

/// <summary>
/// The client half of zlib-stream for the benchmark's handshake: one inflate context for the connection, fed one
/// whole message (ending in the sync-flush marker) at a time. The measured drain does not inflate at all.
/// </summary>
internal sealed class ZlibStreamReader : IDisposable
{
    private readonly PushStream _input = new();
    private readonly ZLibStream _inflater;

    public ZlibStreamReader() => _inflater = new ZLibStream(_input, CompressionMode.Decompress);

    public byte[] Inflate(ReadOnlySpan<byte> message)
    {
        _input.Push(message.ToArray());
        var output = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = _inflater.Read(buffer)) > 0)
            output.Write(buffer, 0, read);
        return output.ToArray();
    }

    public void Dispose() => _inflater.Dispose();

    /// <summary>Hands the inflater what has been pushed and then reports "no more input for now" (0).</summary>
    private sealed class PushStream : Stream
    {
        private byte[] _data = [];
        private int _position;

        public void Push(byte[] data)
        {
            _data = data;
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
}
