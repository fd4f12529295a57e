using System.Collections.Concurrent;
using Disgo.Emulator.Gateway;
using Disgo.Emulator.Observation;
using Disgo.Gateway.Session;
using Disgo.Models;
using Disgo.Models.Gateway;
using Disgo.Serialization;
using Disgo.Sharding;

namespace Disgo.Runtime.Tests.Sharding;

/// <summary>The session manager of a <see cref="ShardManager"/>: IDs that go stale, and commands routed to the owning session.</summary>
public sealed class SessionManagerTests
{
    [Fact]
    public async Task A_session_id_replaced_by_a_re_identify_throws_naming_its_successor()
    {
        await using var fleet = await ShardFleetHarness.StartAsync(maxConcurrency: 2, guildCount: 4);
        var manager = fleet.CreateManager(new EventLog(), o => o.Shards = ShardSet.Fixed(2));
        var changes = new ConcurrentQueue<SessionChangedEventArgs>();
        manager.Sessions.SessionChanged += (_, change) => changes.Enqueue(change);
        await fleet.PumpWhileAsync(manager.StartAsync(), "2 shards are ready", TimeSpan.FromSeconds(30));
        var old = manager.Sessions.GetShard(1).SessionId;
        var other = manager.Sessions.GetShard(0).SessionId;

        Assert.Equal(1, fleet.Emulator.Gateway.Inject(new GatewayFault.InvalidSession(Resumable: false), new FaultTarget(Shard: new ShardTuple(1, 2))));
        await fleet.PumpUntilAsync(
            () => manager.Sessions.GetShard(1) is { SessionId.IsNone: false, Status: GatewaySessionStatus.Ready } now && now.SessionId != old,
            "shard 1 has a new session",
            TimeSpan.FromSeconds(30));
        var replacement = manager.Sessions.GetShard(1).SessionId;

        var stale = Assert.Throws<SessionNotFoundException>(() => manager.Sessions.Get(old));
        Assert.Equal(replacement, stale.ReplacedBy);
        Assert.Equal(new ShardInfo(1, 2), stale.Shard);
        Assert.Contains($"replaced by session {replacement} on shard [1, 2]", stale.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<SessionNotFoundException>(() =>
            manager.Sessions.UpdatePresenceAsync(old, new UpdatePresence { Status = PresenceStatus.Idle }));
        Assert.False(manager.Sessions.TryGet(old, out _));
        Assert.Equal(replacement, manager.Sessions.Get(replacement).SessionId);
        Assert.Equal(other, manager.Sessions.Get(other).SessionId);
        await Eventually.TrueAsync(() => changes.Any(c => c.Kind == SessionChangeKind.Replaced), "the replacement is reported");
        var replaced = Assert.Single(changes, c => c.Kind == SessionChangeKind.Replaced);
        Assert.Equal((old, replacement, new ShardInfo(1, 2)), (replaced.OldSessionId, replaced.NewSessionId, replaced.Shard!.Value));
        Assert.Equal(2, changes.Count(c => c.Kind == SessionChangeKind.Started));
    }

    [Fact]
    public async Task Stopped_sessions_stop_resolving_and_are_reported()
    {
        await using var fleet = await ShardFleetHarness.StartAsync(o => o.GuildCount = 2);
        var manager = fleet.CreateManager(new EventLog(), o => o.Shards = ShardSet.Fixed(1));
        var changes = new ConcurrentQueue<SessionChangedEventArgs>();
        manager.Sessions.SessionChanged += (_, change) => changes.Enqueue(change);
        await fleet.PumpWhileAsync(manager.StartAsync(), "the shard is ready", TimeSpan.FromSeconds(10));
        var id = Assert.Single(manager.Sessions.Sessions).SessionId;

        await manager.StopAsync().WaitAsync(Eventually.SafetyNet);

        var stopped = Assert.Throws<SessionNotFoundException>(() => manager.Sessions.Get(id));
        Assert.True(stopped.Stopped);
        Assert.Contains("has stopped", stopped.Message, StringComparison.Ordinal);
        Assert.Empty(manager.Sessions.Sessions);
        Assert.Throws<InvalidOperationException>(() => manager.Sessions.GetShard(0));
        await Eventually.TrueAsync(() => changes.Any(c => c.Kind == SessionChangeKind.Stopped), "the stop is reported");
        Assert.Equal(id, Assert.Single(changes, c => c.Kind == SessionChangeKind.Stopped).OldSessionId);
    }

    [Fact]
    public async Task Commands_go_to_the_session_that_owns_the_guild_shard_or_id()
    {
        await using var fleet = await ShardFleetHarness.StartAsync(maxConcurrency: 4, guildCount: 8);
        var manager = await fleet.StartManagerAsync(new EventLog(), ShardSet.Fixed(4), TimeSpan.FromSeconds(30), o =>
            o.Intents |= GatewayIntents.GuildMembers | GatewayIntents.GuildVoiceStates);
        var members = fleet.Emulator.World.Guilds[1];
        var voice = fleet.Emulator.World.Guilds[2];
        var membersShard = manager.ShardFor(new Snowflake(members.Id));
        var voiceShard = manager.ShardFor(new Snowflake(voice.Id));

        var result = await manager.Sessions.RequestGuildMembersAsync(new RequestGuildMembers { GuildId = new Snowflake(members.Id), Query = "", Limit = 0 })
            .WaitAsync(Eventually.SafetyNet);
        await manager.Sessions.UpdateVoiceStateAsync(new UpdateVoiceState { GuildId = new Snowflake(voice.Id), ChannelId = null }).WaitAsync(Eventually.SafetyNet);
        await manager.Sessions.SendToShardAsync(3, GatewayOpcode.PresenceUpdate, new UpdatePresence { Status = PresenceStatus.Idle }, DisgoJsonContext.Default.UpdatePresence, default)
            .WaitAsync(Eventually.SafetyNet);
        await manager.Sessions.UpdatePresenceAsync(manager.Sessions.GetShard(0).SessionId, new UpdatePresence { Status = PresenceStatus.DoNotDisturb })
            .WaitAsync(Eventually.SafetyNet);

        Assert.Equal(fleet.Emulator.World.MembersPerGuild, result.Members.Count);
        await Eventually.TrueAsync(() => SentBy(fleet, GatewayOpcode.VoiceStateUpdate).Length == 1 && SentBy(fleet, GatewayOpcode.PresenceUpdate).Length == 2, "the commands arrived");
        Assert.Equal([membersShard], SentBy(fleet, GatewayOpcode.RequestGuildMembers));
        Assert.Equal([voiceShard], SentBy(fleet, GatewayOpcode.VoiceStateUpdate));
        Assert.Equal([0, 3], SentBy(fleet, GatewayOpcode.PresenceUpdate).Order());
        Assert.DoesNotContain(fleet.Violations, v => v.Kind == ViolationKind.GuildNotOnShard);
    }

    [Fact]
    public async Task A_guild_on_a_shard_of_another_process_is_refused_with_the_reason()
    {
        await using var fleet = await ShardFleetHarness.StartAsync(maxConcurrency: 2, guildCount: 8);
        var manager = await fleet.StartManagerAsync(new EventLog(), ShardSet.Range(4, 0, 2), TimeSpan.FromSeconds(30));
        var elsewhere = fleet.Emulator.World.Guilds.First(g => new Snowflake(g.Id).ShardId(4) == 3);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            manager.Sessions.UpdateVoiceStateAsync(new UpdateVoiceState { GuildId = new Snowflake(elsewhere.Id) }));

        Assert.Contains($"Guild {elsewhere.Id} is on shard 3", refused.Message, StringComparison.Ordinal);
        Assert.Contains("runs shards 0-1", refused.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => manager.Sessions.GetShard(2));
    }

    [Fact]
    public async Task A_fleet_wide_re_identify_keeps_every_identify_window()
    {
        await using var fleet = await ShardFleetHarness.StartAsync(maxConcurrency: 4, guildCount: 32);
        var manager = await fleet.StartManagerAsync(new EventLog(), ShardSet.Fixed(16), TimeSpan.FromSeconds(60));
        var before = manager.Sessions.Sessions.Select(s => s.SessionId).ToArray();

        Assert.Equal(16, fleet.Emulator.Gateway.Inject(new GatewayFault.InvalidSession(Resumable: false)));
        await fleet.PumpUntilAsync(
            () => manager.Sessions.Sessions is var now && now.Count == 16 && now.All(s => s.Status == GatewaySessionStatus.Ready && !before.Contains(s.SessionId) && !s.SessionId.IsNone),
            "every shard has a new session",
            TimeSpan.FromSeconds(120));

        Assert.Empty(fleet.Violations);
        var again = fleet.Identifies().OrderBy(i => i.At).Skip(16).ToArray();
        Assert.Equal(Enumerable.Range(0, 16), again.Select(i => i.Shard.ShardId).Order());
        foreach (var bucket in again.GroupBy(i => i.Shard.ShardId % 4))
        {
            var times = bucket.Select(i => i.At).Order().ToArray();
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(5), $"bucket {bucket.Key}: {pair.First} then {pair.Second}"));
        }

        Assert.All(before, id => Assert.Throws<SessionNotFoundException>(() => manager.Sessions.Get(id)));
    }

    /// <summary>The shards of the connections that sent <paramref name="opcode"/>, once per payload.</summary>
    private static int[] SentBy(ShardFleetHarness fleet, GatewayOpcode opcode) => fleet.Emulator.Observations.Connections
        .SelectMany(c => c.Received.Where(p => p.Opcode == (int)opcode).Select(_ => c.Shard!.Value.ShardId))
        .ToArray();
}
