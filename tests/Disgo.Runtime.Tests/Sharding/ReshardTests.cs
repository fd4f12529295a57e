using Disgo.Emulator.Gateway;
using Disgo.Emulator.Observation;
using Disgo.Gateway.Session;
using Disgo.Runtime.Tests.Session;
using Disgo.Sharding;

namespace Disgo.Runtime.Tests.Sharding;

/// <summary>Resharding on the emulator: the new set takes over while events flow, each delivered once.</summary>
public sealed class ReshardTests
{
    [Fact]
    public async Task Resharding_while_events_flow_delivers_every_event_once_and_closes_the_old_sessions()
    {
        await using var fleet = await ShardFleetHarness.StartAsync(maxConcurrency: 4, guildCount: 30);
        var bot = new EventLog();
        var manager = await fleet.StartManagerAsync(bot, ShardSet.Fixed(3), TimeSpan.FromSeconds(30));
        var oldSessions = manager.Sessions.Sessions.Select(s => s.SessionId).ToArray();
        using var traffic = new Traffic(fleet);
        traffic.Emit(20);

        // Events flow all along: a burst at every step of the clock, and a steady stream in real time.
        var flowing = traffic.FlowAsync();
        await fleet.PumpWhileAsync(manager.ReshardAsync(5), "the reshard is done", TimeSpan.FromSeconds(60), () => traffic.Emit(5));
        traffic.Stop();
        await flowing;
        traffic.Emit(20);

        await Eventually.TrueAsync(() => bot.Named("MESSAGE_CREATE").Count() >= traffic.Count, "every message arrived");
        await Eventually.SettleAsync();
        var contents = bot.Named("MESSAGE_CREATE").Select(d => d.Content!).ToArray();
        Assert.True(traffic.Count > 50, $"only {traffic.Count} messages were emitted");
        Assert.Equal(traffic.Contents.Order(), contents.Order());
        Assert.Equal(fleet.Emulator.World.Guilds.Select(g => g.Id.ToString()).Order(), bot.Named("GUILD_CREATE").Select(d => d.Id).Order());

        Assert.Equal(5, manager.TotalShards);
        Assert.Equal(Enumerable.Range(0, 5), manager.Sessions.Sessions.Select(s => s.Shard!.Value.ShardId).Order());
        Assert.All(manager.Sessions.Sessions, s => Assert.Equal(5, s.Shard!.Value.ShardCount));
        Assert.All(oldSessions, id => Assert.True(Assert.Throws<SessionNotFoundException>(() => manager.Sessions.Get(id)).Stopped));
        var oldConnections = fleet.Emulator.Observations.Connections.Where(c => c.Shard?.NumShards == 3).ToArray();
        Assert.Equal(3, oldConnections.Length);
        Assert.All(oldConnections, c => Assert.Equal(1000, c.ClientCloseCode));
        Assert.Empty(fleet.Violations);
        Assert.All(bot.Named("MESSAGE_CREATE").Where(d => traffic.EmittedAfterSwitch(d.Content!)), d => Assert.Equal(5, SessionShardCount(manager, d)));
    }

    [Fact]
    public async Task Events_still_on_their_way_to_the_old_set_at_the_switch_over_are_delivered_before_it_closes()
    {
        // A heartbeat interval far beyond the test, so the lagging old connections keep their regular beats out of it.
        await using var fleet = await ShardFleetHarness.StartAsync(o =>
        {
            o.MaxConcurrency = 4;
            o.GuildCount = 30;
            o.HeartbeatInterval = TimeSpan.FromHours(1);
        });
        var bot = new EventLog();
        var manager = await fleet.StartManagerAsync(bot, ShardSet.Fixed(3), TimeSpan.FromSeconds(30));
        var oldSessions = manager.Sessions.Sessions.Select(s => s.SessionId.ToString()).ToHashSet();

        // The old connections lag 25 s: messages sent now, before any new session identifies, reach only the old set,
        // and are still on the wire when the new set is ready (about 10 s on).
        Assert.Equal(3, fleet.Emulator.Gateway.Inject(new GatewayFault.DelayFrames(TimeSpan.FromSeconds(25))));
        using var traffic = new Traffic(fleet);
        traffic.Emit(20);
        var reshard = manager.ReshardAsync(5);
        await fleet.PumpUntilAsync(() => manager.Sessions.Sessions.Count(s => s.Shard!.Value.ShardCount == 5 && s.Status == GatewaySessionStatus.Ready) == 5, "the new set is ready", TimeSpan.FromSeconds(20));
        Assert.Empty(bot.Named("MESSAGE_CREATE"));

        // Every session is ready, so the fleet's pump would hold the clock: move it until the old set has caught up.
        await SessionHarness.PumpUntilAsync(fleet.Time, () => reshard.IsCompleted, "the reshard is done", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        await reshard.WaitAsync(SessionHarness.SafetyNet);

        await Eventually.TrueAsync(() => bot.Named("MESSAGE_CREATE").Count() >= traffic.Count, "every message arrived");
        await Eventually.SettleAsync();
        Assert.Equal(traffic.Contents.Order(), bot.Named("MESSAGE_CREATE").Select(d => d.Content!).Order());
        Assert.All(bot.Named("MESSAGE_CREATE"), d => Assert.Contains(d.SessionId!, oldSessions));
        Assert.All(fleet.Emulator.Observations.Connections.Where(c => c.Shard?.NumShards == 3), c => Assert.Equal(1000, c.ClientCloseCode));
        Assert.Equal(5, manager.TotalShards);
        Assert.Empty(fleet.Violations);
    }

    [Fact]
    public async Task Discord_4011_reshards_to_the_recommended_count_and_every_guild_arrives_once()
    {
        await using var fleet = await ShardFleetHarness.StartAsync(o =>
        {
            o.MaxConcurrency = 4;
            o.GuildCount = 12;
            o.MaxGuildsPerSession = 4;
        });
        var bot = new EventLog();
        var manager = await fleet.StartManagerAsync(bot, ShardSet.Fixed(2), TimeSpan.FromSeconds(60));

        Assert.Equal(3, manager.TotalShards);
        Assert.Equal(2, fleet.Violations.Count(v => v.Kind == ViolationKind.ShardingRequired));
        Assert.Equal(2, fleet.Violations.Count);
        await Eventually.TrueAsync(() => bot.Named("GUILD_CREATE").Count() >= 12, "every guild arrived");
        await Eventually.SettleAsync();
        Assert.Equal(fleet.Emulator.World.Guilds.Select(g => g.Id.ToString()).Order(), bot.Named("GUILD_CREATE").Select(d => d.Id).Order());
        Assert.All(manager.Sessions.Sessions, s => Assert.Equal(GatewaySessionStatus.Ready, s.Status));
        var guild = fleet.Emulator.World.Guilds[7];
        fleet.Emulator.Events.EmitMessageCreate(guild.Id, guild.ChannelId(0), "after 4011");
        await Eventually.TrueAsync(() => bot.Named("MESSAGE_CREATE").Any(), "the message arrived");
        Assert.Equal(manager.ShardFor(new Snowflake(guild.Id)), Assert.Single(bot.Named("MESSAGE_CREATE")).ShardId);
    }

    private static int SessionShardCount(ShardManager manager, Delivery delivery) =>
        manager.Sessions.TryGet(new SessionId(delivery.SessionId!), out var session) ? session.Shard!.Value.ShardCount : 0;

    /// <summary>Numbered messages in random guilds, so each delivery can be matched with its emission.</summary>
    private sealed class Traffic(ShardFleetHarness fleet) : IDisposable
    {
        private readonly Lock _lock = new();
        private readonly List<string> _contents = [];
        private readonly Random _random = new(4);
        private readonly CancellationTokenSource _stop = new();
        private int _switchedAt = int.MaxValue;

        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return _contents.Count;
                }
            }
        }

        public IReadOnlyList<string> Contents
        {
            get
            {
                lock (_lock)
                {
                    return [.. _contents];
                }
            }
        }

        public void Emit(int count)
        {
            for (var i = 0; i < count; i++)
            {
                lock (_lock)
                {
                    var guild = fleet.Emulator.World.Guilds[_random.Next(fleet.Emulator.World.Guilds.Count)];
                    var content = $"m{_contents.Count}";
                    _contents.Add(content);
                    fleet.Emulator.Events.EmitMessageCreate(guild.Id, guild.ChannelId(0), content);
                }
            }
        }

        public async Task FlowAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                Emit(1);
                await Task.Delay(1);
            }
        }

        public void Stop()
        {
            _stop.Cancel();
            lock (_lock)
            {
                _switchedAt = _contents.Count;
            }
        }

        /// <summary>Whether the message was emitted after the reshard returned (so only the new set can have delivered it).</summary>
        public bool EmittedAfterSwitch(string content) => int.Parse(content.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) >= _switchedAt;

        public void Dispose() => _stop.Dispose();
    }
}
