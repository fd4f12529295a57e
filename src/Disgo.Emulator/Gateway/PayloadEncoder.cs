namespace Disgo.Emulator.Gateway;

/// <summary>
/// Transport compression for one connection: one context that lives as long as the connection and sees every
/// server payload in order, as Discord's zlib-stream and zstd-stream require.
/// </summary>
internal abstract class PayloadEncoder : IDisposable
{
    /// <summary>
    /// Compresses one payload through the connection's context and flushes it, so the client can decode it on its own.
    /// The result stays valid until the next call.
    /// </summary>
    public abstract ReadOnlyMemory<byte> Encode(ReadOnlySpan<byte> payload);

    public abstract void Dispose();
}
