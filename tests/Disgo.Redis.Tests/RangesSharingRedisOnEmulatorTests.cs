using System.Collections.Concurrent;
using System.Diagnostics;
using Disgo.Emulator;
using Disgo.Emulator.Observation;
using Disgo.Gateway.Session;
using Disgo.Models.Gateway;
using Disgo.Sharding;

namespace Disgo.Redis.Tests;

/// <summary>
/// One bot split over two shard managers (as two processes run it) on the emulator, over real sockets and real time:
/// 16 shards, <c>max_concurrency</c> 4, and a 300 ms identify window on the emulator and the coordinators alike.
/// Each range holds shards of every bucket, so only a gate the two share keeps Discord's rules.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RangesSharingRedisOnEmulatorTests(RedisServerFixture redis) : IAsyncLifetime
{
    private const int TotalShards = 16;
    private const int MaxConcurrency = 4;
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);

    // Shaped like Discord's: the first part is the bot id 123456789012345678 in base64.
    private const string Token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.not-a-real-secret-but-shaped-like-one";

    private readonly List<ShardManager> _managers = [];
    private DiscordEmulator? _emulator;

    private DiscordEmulator Emulator => _emulator!;

    [Fact]
    public async Task Two_ranges_sharing_redis_start_every_shard_once_without_an_identify_violation()
    {
        var contexts = new ConcurrentQueue<IdentifyCoordinatorContext>();
        void UseRedis(ShardManagerOptions options)
        {
            // No key prefix: both processes find the bot's own from the token.
            var redisFactory = options.UseRedisIdentifyCoordination(new() { Connection = redis.Connection }).IdentifyCoordinatorFactory;
            options.IdentifyCoordinatorFactory = context =>
            {
                contexts.Enqueue(context);
                return redisFactory(context);
            };
        }

        var first = CreateManager(ShardSet.Range(TotalShards, 0, 8), UseRedis);
        var second = CreateManager(ShardSet.Range(TotalShards, 8, 8), UseRedis);
        var waits = new List<IdentifyWaitingEventArgs>();
        first.IdentifyWaiting += (_, w) => { lock (waits) { waits.Add(w); } };

        await Task.WhenAll(first.StartAsync(), second.StartAsync()).WaitAsync(SafetyNet);

        var identifies = Identifies();
        Assert.Equal(Enumerable.Range(0, TotalShards), identifies.Select(i => i.Shard.ShardId).Order());
        Assert.All(identifies, i => Assert.Equal(TotalShards, i.Shard.NumShards));
        Assert.Empty(Emulator.Observations.Violations);
        Assert.All(first.Sessions.Sessions.Concat(second.Sessions.Sessions), s => Assert.Equal(GatewaySessionStatus.Ready, s.Status));
        Assert.Equal((8, 8), (first.Progress.Ready, second.Progress.Ready));
        Assert.All(contexts, c => Assert.Equal((MaxConcurrency, Window, 1, 1000), (c.MaxConcurrency, c.Window, c.SessionStartReserve, c.SessionStartLimit!.Value.Remaining)));
        Assert.Equal(2, contexts.Count);
        Assert.All(contexts, c => Assert.Equal(123456789012345678UL, c.BotId));

        // One budget: whichever process identified last saw every start of both.
        Assert.Equal(1000 - TotalShards, Math.Min(first.RemainingSessionStarts!.Value, second.RemainingSessionStarts!.Value));

        // Every bucket's identifies, whichever process sent them, arrived at least a window apart.
        foreach (var bucket in identifies.GroupBy(i => i.Shard.ShardId % MaxConcurrency))
        {
            var times = bucket.Select(i => i.At).Order().ToArray();
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= Window, $"Bucket {bucket.Key}: {(pair.Second - pair.First).TotalMilliseconds:0} ms apart."));
        }

        lock (waits)
        {
            Assert.Contains(waits, w => w.Reason is IdentifyWaitReason.Window or IdentifyWaitReason.BucketHeld);
        }
    }

    [Fact]
    public async Task Two_ranges_each_with_their_own_in_process_gate_break_the_identify_limit()
    {
        // The same bot without Redis: proof that the test above can fail.
        var first = CreateManager(ShardSet.Range(TotalShards, 0, 8));
        var second = CreateManager(ShardSet.Range(TotalShards, 8, 8));

        var starts = Task.WhenAll(first.StartAsync(), second.StartAsync());
        var clock = Stopwatch.StartNew();
        while (!Emulator.Observations.ViolationsOf(ViolationKind.IdentifyConcurrency).Any())
        {
            Assert.True(clock.Elapsed < SafetyNet, "The emulator recorded no identify-concurrency violation.");
            Assert.False(starts.IsFaulted, starts.Exception?.ToString());
            await Task.Delay(20);
        }
    }

    public async Task InitializeAsync() => _emulator = await DiscordEmulator.StartAsync(new EmulatorOptions
    {
        MaxConcurrency = MaxConcurrency,
        IdentifyWindow = Window,
        GuildCount = 32,
        Token = Token,
    }).WaitAsync(SafetyNet);

    public async Task DisposeAsync()
    {
        foreach (var manager in _managers)
        {
            await manager.DisposeAsync().AsTask().WaitAsync(SafetyNet);
        }

        await Emulator.DisposeAsync();
    }

    private IReadOnlyList<(ShardTuple Shard, DateTimeOffset At)> Identifies() => Emulator.Observations.Connections
        .SelectMany(c => c.Received.Where(p => p.Opcode == (int)GatewayOpcode.Identify).Select(p => (c.Shard!.Value, p.At)))
        .ToArray();

    private ShardManager CreateManager(ShardSet shards, Action<ShardManagerOptions>? configure = null)
    {
        var options = new ShardManagerOptions
        {
            Token = Emulator.Options.Token,
            Intents = GatewayIntents.Guilds,
            RestBaseUrl = Emulator.RestBaseUrl,
            Shards = shards,
            IdentifyWindow = Window,
        };
        configure?.Invoke(options);
        var manager = new ShardManager(options, new SilentBot());
        _managers.Add(manager);
        return manager;
    }
}
