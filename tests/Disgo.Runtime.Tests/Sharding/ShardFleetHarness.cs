using System.Collections.Concurrent;
using Disgo.Emulator;
using Disgo.Emulator.Observation;
using Disgo.Gateway.Coordination;
using Disgo.Gateway.Session;
using Disgo.Models.Gateway;
using Disgo.Runtime.Tests.Session;
using Disgo.Sharding;

namespace Disgo.Runtime.Tests.Sharding;

/// <summary>
/// Shard managers against one emulator on one virtual clock. The clock moves only while some session is not ready and
/// every such session is parked on a timer or at the identify coordinator, so it never outruns a handshake or a REST
/// request still happening in real time.
/// </summary>
internal sealed class ShardFleetHarness : IAsyncDisposable
{
    private readonly SessionHarness _harness;
    private readonly List<ShardManager> _managers = [];

    // One observer per coordinator the sessions were given: the start's, and each reshard's.
    private readonly ConcurrentDictionary<IIdentifyCoordinator, ObservedIdentifyCoordinator> _gates = new();

    private ShardFleetHarness(SessionHarness harness) => _harness = harness;

    public DiscordEmulator Emulator => _harness.Emulator;

    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Time => _harness.Time;

    public IReadOnlyCollection<RuleViolation> Violations => Emulator.Observations.Violations;

    public static async Task<ShardFleetHarness> StartAsync(Action<EmulatorOptions> configure) =>
        new(await SessionHarness.StartAsync(configure));

    /// <summary>An emulator with <paramref name="maxConcurrency"/> and <paramref name="guildCount"/> guilds.</summary>
    public static Task<ShardFleetHarness> StartAsync(int maxConcurrency, int guildCount) => StartAsync(o =>
    {
        o.MaxConcurrency = maxConcurrency;
        o.GuildCount = guildCount;
    });

    /// <summary>A manager of <paramref name="shards"/>, started (the clock pumped) until every shard is ready.</summary>
    public async Task<ShardManager> StartManagerAsync(EventLog bot, ShardSet shards, TimeSpan maxVirtual, Action<ShardManagerOptions>? configure = null)
    {
        var manager = CreateManager(bot, o =>
        {
            o.Shards = shards;
            configure?.Invoke(o);
        });
        await PumpWhileAsync(manager.StartAsync(), $"the shards of '{shards}' are ready", maxVirtual);
        return manager;
    }

    /// <summary>A manager for the emulator; <paramref name="bot"/> records what it delivers.</summary>
    public ShardManager CreateManager(EventLog bot, Action<ShardManagerOptions>? configure = null)
    {
        var options = new ShardManagerOptions
        {
            Token = Emulator.Options.Token,
            Intents = GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.MessageContent,
            RestBaseUrl = Emulator.RestBaseUrl,
            TimeProvider = Time,
            ConfigureSession = session => session.IdentifyCoordinator = _gates.GetOrAdd(session.IdentifyCoordinator!, inner => new ObservedIdentifyCoordinator(inner)),
        };
        configure?.Invoke(options);
        var manager = new ShardManager(options, bot);
        _managers.Add(manager);
        return manager;
    }

    /// <summary>Moves the clock in 1 s steps until <paramref name="condition"/> holds; <paramref name="eachStep"/> runs before every step.</summary>
    public Task PumpUntilAsync(Func<bool> condition, string what, TimeSpan maxVirtual, Action? eachStep = null) =>
        SessionHarness.PumpUntilAsync(Time, condition, what, TimeSpan.FromSeconds(1), maxVirtual, () =>
        {
            if (!MaySafelyAdvance())
            {
                return false;
            }

            eachStep?.Invoke();
            return true;
        });

    /// <summary>Runs <paramref name="task"/> while pumping the clock, and returns once it completed.</summary>
    public async Task PumpWhileAsync(Task task, string what, TimeSpan maxVirtual, Action? eachStep = null)
    {
        try
        {
            await PumpUntilAsync(() => task.IsCompleted, what, maxVirtual, eachStep);
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message} {Describe()}", timeout);
        }

        await task.WaitAsync(SessionHarness.SafetyNet);
    }

    /// <summary>Every Identify the emulator received: shard and time.</summary>
    public IReadOnlyList<(ShardTuple Shard, DateTimeOffset At)> Identifies() => Emulator.Observations.Connections
        .SelectMany(c => c.Received.Where(p => p.Opcode == (int)GatewayOpcode.Identify).Select(p => (c.Shard!.Value, p.At)))
        .ToArray();

    public async ValueTask DisposeAsync()
    {
        foreach (var manager in _managers)
        {
            await manager.DisposeAsync().AsTask().WaitAsync(SessionHarness.SafetyNet);
        }

        await _harness.DisposeAsync();
    }

    /// <summary>Where every session and connection is, for a failure message.</summary>
    private string Describe() =>
        "Sessions: " + string.Join(", ", _managers.SelectMany(m => m.Sessions.Sessions).Select(s => $"{s.Shard} {s.Status}")) +
        ". Connections: " + string.Join(", ", Emulator.Observations.Connections.Select(c => $"{c.Shard} server {c.ServerCloseCode} client {c.ClientCloseCode}")) +
        ". Violations: " + string.Join(", ", Violations.Select(v => v.Detail));

    private bool MaySafelyAdvance()
    {
        if (_gates.Values.Sum(gate => gate.Held) != 0)
        {
            return false;
        }

        var parked = 0;
        var notReady = 0;
        foreach (var manager in _managers)
        {
            foreach (var session in manager.Sessions.Sessions)
            {
                if (session.Status != GatewaySessionStatus.Ready)
                {
                    notReady++;
                    parked += session.Status == GatewaySessionStatus.Reconnecting ? 1 : 0;
                }
            }

            // The progress handler must have seen every first READY before the clock moves on.
            if (manager.Progress is { Total: > 0 } progress
                && progress.Ready < manager.Sessions.Sessions.Count(s => s.Shard?.ShardCount == progress.TotalShards && s.Status == GatewaySessionStatus.Ready))
            {
                return false;
            }
        }

        // With every session ready, what is left (GET /gateway/bot, a switch-over) runs in real time: the clock waits.
        if (notReady == 0)
        {
            return false;
        }

        return parked + _gates.Values.Sum(gate => gate.Waiting) == notReady;
    }
}
