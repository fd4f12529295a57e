using System.Diagnostics;
using System.Net.WebSockets;
using Disgo.Gateway.Compression;
using Disgo.Gateway.Dispatch;
using Disgo.Gateway.Session;
using Disgo.Gateway.Transport;
using Disgo.Models.Gateway;
using Disgo.Sharding;

namespace Disgo.Benchmarks.Sharding;

/// <summary>
/// A load harness for idle shards: connects N real gateway sessions to an emulator running in a child process (so
/// the server's own memory is not counted), starts them through the bucketed identify coordinator, waits for every
/// READY and reports managed memory per connected idle shard, next to what N bare connections cost (Disgo's own
/// <see cref="GatewayWebSocketConnector"/>, the framework's share of a session, and <see cref="ClientWebSocket"/> for
/// comparison), plus start-up time against the ideal bucket schedule.
/// </summary>
/// <remarks>
/// Usage: <c>--idle-shards N [--max-concurrency 100] [--window-ms 1000] [--compression zlib-stream|zstd-stream|none]
/// [--hold-seconds S]</c>; the last keeps the shards connected for a while for a heap snapshot.
/// A one-shot measure, not a BenchmarkDotNet benchmark: it is taken once, after full garbage collections.
/// </remarks>
internal static class IdleShardsHarness
{
    public const string Switch = "--idle-shards";

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = IdleShardsSettings.Parse(args);
        await using var emulator = await EmulatorProcess.StartAsync(settings);
        Console.WriteLine($"Emulator: pid {emulator.ProcessId}, gateway {emulator.GatewayUrl}; {settings}");
        Console.WriteLine($"Load average: {LoadAverage()}");

        var ownHandler = await MeasureBareSocketsAsync(emulator.GatewayUrl, settings.Shards, url => ConnectClientWebSocketAsync(url, invoker: null));
        Console.WriteLine($"Bare ClientWebSocket, zero-byte read pending: {ownHandler.PerShard:N0} B managed per connection, {ownHandler.ProcessPerShard:N0} B process memory");
        using (var invoker = new HttpMessageInvoker(new SocketsHttpHandler()))
        {
            var shared = await MeasureBareSocketsAsync(emulator.GatewayUrl, settings.Shards, url => ConnectClientWebSocketAsync(url, invoker));
            Console.WriteLine($"Bare ClientWebSocket, one shared HttpMessageInvoker: {shared.PerShard:N0} B managed per connection, {shared.ProcessPerShard:N0} B process memory");
        }

        // What a session's socket costs: sessions connect with Disgo's own connection.
        var framework = await MeasureBareSocketsAsync(emulator.GatewayUrl, settings.Shards, url => GatewayWebSocketConnector.ConnectAsync(url, CancellationToken.None).AsTask());
        Console.WriteLine($"Bare Disgo connection (GatewayWebSocketConnector): {framework.PerShard:N0} B managed per connection, {framework.ProcessPerShard:N0} B process memory");

        var sessions = await MeasureSessionsAsync(emulator.GatewayUrl, settings);
        Console.WriteLine($"GatewaySession, READY and idle ({Describe(settings.Compression)}): {sessions.Memory.PerShard:N0} B managed per shard, {sessions.Memory.ProcessPerShard:N0} B process memory");
        Console.WriteLine($"  of which Disgo's session: {sessions.Memory.PerShard - framework.PerShard:N0} B, the connection (socket, WebSocket): {framework.PerShard:N0} B");
        Console.WriteLine($"Start-up: {sessions.StartUp.TotalSeconds:F2} s for {settings.Shards} shards; ideal {settings.IdealStartUp.TotalSeconds:F2} s " +
            $"({settings.Windows} windows of {settings.Window.TotalMilliseconds:N0} ms); ratio {sessions.StartUp / settings.IdealStartUp:F3}");
        return 0;
    }

    private static async Task<WebSocket> ConnectClientWebSocketAsync(Uri url, HttpMessageInvoker? invoker)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, invoker, CancellationToken.None);
        return socket;
    }

    private static async Task<MemoryPerShard> MeasureBareSocketsAsync(Uri gatewayUrl, int count, Func<Uri, Task<WebSocket>> connect)
    {
        var sockets = new WebSocket[count];
        var pendingReads = new Task[count];
        var helloBuffer = new byte[4096].AsMemory();
        var before = MemorySnapshot.Take();
        for (var i = 0; i < count; i++)
        {
            sockets[i] = await connect(WithQuery(gatewayUrl));
            // Take Hello in, as a session does, then wait for more with nothing to read into.
            while (!(await sockets[i].ReceiveAsync(helloBuffer, CancellationToken.None)).EndOfMessage)
            {
            }

            pendingReads[i] = sockets[i].ReceiveAsync(Memory<byte>.Empty, CancellationToken.None).AsTask();
        }

        var after = MemorySnapshot.Take();
        GC.KeepAlive(pendingReads);
        foreach (var socket in sockets)
        {
            socket.Abort();
            socket.Dispose();
        }

        await Task.WhenAll(pendingReads.Select(read => read.ContinueWith(static _ => { }, TaskScheduler.Default)));
        return MemoryPerShard.Between(before, after, count);
    }

    private static async Task<(MemoryPerShard Memory, TimeSpan StartUp)> MeasureSessionsAsync(Uri gatewayUrl, IdleShardsSettings settings)
    {
        var coordinator = new BucketedIdentifyCoordinator(new BucketedIdentifyCoordinatorOptions
        {
            MaxConcurrency = settings.MaxConcurrency,
            Window = settings.Window,
            SessionStartReserve = 0,
        });
        var dispatcher = new IgnoringDispatcher();
        var sessions = new GatewaySession[settings.Shards];
        var before = MemorySnapshot.Take();
        var clock = Stopwatch.StartNew();
        for (var shard = 0; shard < settings.Shards; shard++)
        {
            sessions[shard] = new GatewaySession(new GatewaySessionOptions
            {
                Token = EmulatorProcess.Token,
                GatewayUrl = gatewayUrl,
                Shard = new ShardInfo(shard, settings.Shards),
                Compression = settings.Compression,
                Intents = GatewayIntents.Guilds,
                IdentifyCoordinator = coordinator,
            }, dispatcher);
        }

        await Task.WhenAll(sessions.Select(session => session.StartAsync()));
        var startUp = clock.Elapsed;
        var after = MemorySnapshot.Take();
        if (settings.Hold > TimeSpan.Zero)
        {
            // Time to take a heap snapshot (dotnet-gcdump collect -p <pid>) of the idle shards.
            Console.WriteLine($"Holding {settings.Shards} idle shards for {settings.Hold.TotalSeconds:N0} s (pid {Environment.ProcessId}).");
            await Task.Delay(settings.Hold);
        }

        var unhealthy = sessions.Count(session => !session.IsHealthy);
        if (unhealthy > 0)
        {
            throw new InvalidOperationException($"{unhealthy} sessions are not READY after start-up.");
        }

        foreach (var session in sessions)
        {
            await session.StopAsync();
            await session.DisposeAsync();
        }

        return (MemoryPerShard.Between(before, after, settings.Shards), startUp);
    }

    private static Uri WithQuery(Uri gatewayUrl) => new($"{gatewayUrl}?v=10&encoding=json");

    private static string Describe(GatewayCompression compression) => compression switch
    {
        GatewayCompression.ZlibStream => "zlib-stream",
        GatewayCompression.ZstdStream => "zstd-stream",
        _ => "no compression",
    };

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    /// <summary>A dispatcher for shards that handle nothing: idle shards are what is measured.</summary>
    private sealed class IgnoringDispatcher : IGatewayDispatcher
    {
        public bool Handles(ReadOnlySpan<byte> eventName) => false;

        public ValueTask DispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken) => default;
    }

    private readonly record struct MemorySnapshot(long Managed, long ProcessMemory)
    {
        public static MemorySnapshot Take()
        {
            // Settle first: handshakes leave garbage and finalizable sockets behind.
            for (var i = 0; i < 3; i++)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }

            using var process = Process.GetCurrentProcess();
            return new MemorySnapshot(GC.GetTotalMemory(forceFullCollection: true), process.PrivateMemorySize64);
        }
    }

    private readonly record struct MemoryPerShard(long PerShard, long ProcessPerShard)
    {
        public static MemoryPerShard Between(MemorySnapshot before, MemorySnapshot after, int count) =>
            new((after.Managed - before.Managed) / count, (after.ProcessMemory - before.ProcessMemory) / count);
    }
}
