using System.Globalization;
using Disgo.Gateway.Compression;

namespace Disgo.Benchmarks.Sharding;

/// <summary>The idle-shards harness's command line.</summary>
internal sealed record IdleShardsSettings(int Shards, int MaxConcurrency, TimeSpan Window, GatewayCompression Compression, TimeSpan Hold)
{
    /// <summary>The windows the bucket schedule needs: <c>ceil(shards / max_concurrency)</c>.</summary>
    public int Windows => (Shards + MaxConcurrency - 1) / MaxConcurrency;

    /// <summary>
    /// The ideal start-up: the last window opens <c>(windows - 1) * window</c> after the first, and its shards are
    /// READY about as fast as the first window's; start-up cannot end sooner.
    /// </summary>
    public TimeSpan IdealStartUp => (Windows - 1) * Window;

    public static IdleShardsSettings Parse(string[] args)
    {
        var shards = int.Parse(Value(args, IdleShardsHarness.Switch) ?? "1000", CultureInfo.InvariantCulture);
        var maxConcurrency = int.Parse(Value(args, "--max-concurrency") ?? "100", CultureInfo.InvariantCulture);
        var window = TimeSpan.FromMilliseconds(int.Parse(Value(args, "--window-ms") ?? "1000", CultureInfo.InvariantCulture));
        var compression = (Value(args, "--compression") ?? "zlib-stream") switch
        {
            "zlib-stream" => GatewayCompression.ZlibStream,
            "zstd-stream" => GatewayCompression.ZstdStream,
            "none" => GatewayCompression.None,
            var other => throw new ArgumentException($"--compression {other}: use zlib-stream, zstd-stream or none."),
        };
        var hold = TimeSpan.FromSeconds(int.Parse(Value(args, "--hold-seconds") ?? "0", CultureInfo.InvariantCulture));
        if (shards <= 0 || maxConcurrency <= 0 || window <= TimeSpan.Zero)
            throw new ArgumentException("--idle-shards, --max-concurrency and --window-ms must be positive.");
        return new IdleShardsSettings(shards, maxConcurrency, window, compression, hold);
    }

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
