namespace Disgo.Gateway.Compression.Native;

/// <summary>
/// One native zlib binding, seen through its stream struct: the calls of its inflate API and the stream's fields.
/// <see cref="NativeZlibInflater{TStream}"/> is generic over it, so each binding gets its own specialised code and
/// no call goes through an interface at run time.
/// </summary>
internal unsafe interface IInflateStream<TSelf>
    where TSelf : unmanaged, IInflateStream<TSelf>
{
    /// <summary>Whether the library was found and passed its check at load; decided once per process.</summary>
    static abstract bool IsAvailable { get; }

    uint RemainingInput { get; }

    uint RemainingOutput { get; }

    /// <summary>The library's description of the last error (a static string), or null.</summary>
    byte* Message { get; }

    /// <summary>After an inflate call: it stopped between two deflate blocks.</summary>
    bool StopsBetweenBlocks { get; }

    /// <summary>Starts an inflate context for a zlib header and a 32 KiB window in a zeroed stream.</summary>
    static abstract int InflateInit(TSelf* stream);

    static abstract int Inflate(TSelf* stream, int flush);

    static abstract int InflateReset(TSelf* stream);

    static abstract int InflateEnd(TSelf* stream);

    void SetInput(byte* next, uint length);

    void SetOutput(byte* next, uint length);
}
