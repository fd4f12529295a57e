namespace Disgo.Gateway.Compression.Native;

/// <summary>zlib's return codes and flush values, shared by every zlib Disgo binds (zlib and zlib-ng agree on them).</summary>
internal static class ZlibCodes
{
    public const int Ok = 0;
    public const int StreamEnd = 1;
    public const int NeedDictionary = 2;
    public const int StreamError = -2;
    public const int DataError = -3;
    public const int MemoryError = -4;
    public const int BufferError = -5;
    public const int SyncFlush = 2;

    /// <summary>Bit 7 of <c>z_stream.data_type</c> after <c>inflate</c>: it stopped at a block boundary.</summary>
    public const int DataTypeBetweenBlocks = 128;

    /// <summary>A 32 KiB window behind a zlib header, what zlib-stream sends.</summary>
    public const int ZlibHeaderWindowBits = 15;
}
