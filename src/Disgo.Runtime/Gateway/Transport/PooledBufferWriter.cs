using System.Buffers;
using System.Runtime.CompilerServices;

namespace Disgo.Gateway.Transport;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over an array rented from <see cref="ArrayPool{T}.Shared"/>. It rents only when
/// written to and gives the array back on <see cref="Release"/>, so an idle connection holds no buffer.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int MinimumLength = 4096;

    private byte[]? _buffer;
    private int _written;

    public int WrittenCount => _written;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer is null ? default : new ReadOnlyMemory<byte>(_buffer, 0, _written);

    public ReadOnlySpan<byte> WrittenSpan => _buffer is null ? default : new ReadOnlySpan<byte>(_buffer, 0, _written);

    /// <summary>Whether an array is currently rented.</summary>
    public bool HoldsBuffer => _buffer is not null;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_buffer is null || count > _buffer.Length - _written)
        {
            throw new InvalidOperationException("Cannot advance past the end of the buffer.");
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        EnsureAvailable(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        EnsureAvailable(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Gives the array back to the pool; the writer is empty and can be written again.</summary>
    public void Release()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }

        _written = 0;
    }

    /// <summary>Hands the written bytes and their array to the caller, who returns it; the writer is left empty.</summary>
    public PooledPayload Detach()
    {
        var payload = new PooledPayload(_buffer, _written);
        _buffer = null;
        _written = 0;
        return payload;
    }

    public void Dispose() => Release();

    private void EnsureAvailable(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer is null)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(sizeHint, MinimumLength));
        }
        else if (_buffer.Length - _written < sizeHint)
        {
            Grow(sizeHint);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int sizeHint)
    {
        var needed = (long)_written + sizeHint;
        if (needed > Array.MaxLength)
        {
            throw new OutOfMemoryException($"A gateway buffer cannot grow past {Array.MaxLength} bytes.");
        }

        var length = (int)Math.Min(Math.Max(needed, (long)_buffer!.Length * 2), Array.MaxLength);
        var larger = ArrayPool<byte>.Shared.Rent(length);
        _buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
