using System.Buffers;

namespace Disgo.Gateway.Transport;

/// <summary>
/// A decoded payload in an array rented from <see cref="ArrayPool{T}.Shared"/>, handed from the receive loop to
/// whoever finishes with it last (the dispatch queue), which calls <see cref="Return"/> exactly once.
/// </summary>
internal readonly struct PooledPayload(byte[]? array, int length)
{
    public int Length { get; } = length;

    public ReadOnlyMemory<byte> Memory => array is null ? default : new ReadOnlyMemory<byte>(array, 0, Length);

    public void Return()
    {
        if (array is not null)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
