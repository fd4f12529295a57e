namespace Disgo.Gateway.Compression;

/// <summary>What inflates zlib-stream in this process, best first; see <see cref="ZlibStreamDecompressor.Inflater"/>.</summary>
public enum ZlibInflaterKind
{
    /// <summary>The zlib-ng the .NET runtime ships, called directly: native context, the fastest.</summary>
    RuntimeZlibNg,

    /// <summary>The machine's zlib (Linux, macOS): native context, where the runtime's library cannot be called (NativeAOT).</summary>
    SystemZlib,

    /// <summary>The framework's <see cref="System.IO.Compression.ZLibStream"/>: an 8 KiB managed buffer per connection.</summary>
    ZLibStream,
}
