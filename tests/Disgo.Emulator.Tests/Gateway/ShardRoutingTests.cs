using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>
/// Routing of dispatches to sessions (gateway.mdx "Sharding"): <c>(guild_id &gt;&gt; 22) % num_shards == shard_id</c>
/// per session, whatever <c>num_shards</c> the other sessions use; events without a guild go to shard 0 only.
/// </summary>
public sealed class ShardRoutingTests
{
    private static readonly int[][] MixedShardTuples = [[0, 2], [1, 2], [0, 3], [1, 3], [2, 3]];

    [Fact]
    public async Task Guild_events_reach_exactly_the_sessions_whose_formula_matches_across_mixed_shard_counts()
    {
        await using var harness = await StartAsync();
        var sessions = await IdentifyAllAsync(harness, MixedShardTuples, includeUnsharded: true);

        var routedCounts = new Dictionary<ulong, int>();
        foreach (var guild in harness.Emulator.World.Guilds)
            routedCounts[guild.Id] = harness.Emulator.Gateway.Dispatch("MESSAGE_CREATE", TestEvents.MessageCreate(guild.Id, $"guild-{guild.Id}"), guild.Id);

        foreach (var guild in harness.Emulator.World.Guilds)
            Assert.Equal(sessions.Count(s => Receives(s.Shard, guild.Id)), routedCounts[guild.Id]);

        foreach (var session in sessions)
        {
            var received = await ReceiveMessagesUntilAckAsync(session);
            var expected = harness.Emulator.World.Guilds.Where(g => Receives(session.Shard, g.Id)).Select(g => g.Id).ToList();
            Assert.Equal(expected, received.Select(m => m.D.GetSnowflake("guild_id")));
        }
    }

    [Fact]
    public async Task Events_without_a_guild_go_to_shard_0_sessions_only()
    {
        await using var harness = await StartAsync();
        var sessions = await IdentifyAllAsync(harness, MixedShardTuples, includeUnsharded: true);

        var routed = harness.Emulator.Gateway.Dispatch("MESSAGE_CREATE", TestEvents.MessageCreate(guildId: null, "direct message"), guildId: null);

        // [0, 2], [0, 3] and the session without a shard tuple (which is shard 0 of 1).
        Assert.Equal(3, routed);
        foreach (var session in sessions)
        {
            var received = await ReceiveMessagesUntilAckAsync(session);
            if (session.Shard is null or { Id: 0 })
                Assert.Equal("direct message", Assert.Single(received).D.GetProperty("content").GetString());
            else
                Assert.Empty(received);
        }
    }

    [Fact]
    public async Task Two_sessions_with_the_same_shard_tuple_both_receive_its_events()
    {
        await using var harness = await StartAsync();
        var sessions = await IdentifyAllAsync(harness, [[1, 2], [1, 2]], includeUnsharded: false);
        var guild = harness.Emulator.World.Guilds.First(g => Sharding.ShardOf(g.Id, 2) == 1);

        var routed = harness.Emulator.Gateway.Dispatch("MESSAGE_CREATE", TestEvents.MessageCreate(guild.Id, "twice"), guild.Id);

        Assert.Equal(2, routed);
        foreach (var session in sessions)
            Assert.Single(await ReceiveMessagesUntilAckAsync(session));
    }

    [Fact]
    public async Task Each_session_numbers_its_own_dispatches_consecutively()
    {
        await using var harness = await StartAsync();
        var sessions = await IdentifyAllAsync(harness, MixedShardTuples, includeUnsharded: false);

        foreach (var guild in harness.Emulator.World.Guilds)
            harness.Emulator.Gateway.Dispatch("MESSAGE_CREATE", TestEvents.MessageCreate(guild.Id, "n"), guild.Id);

        foreach (var session in sessions)
        {
            var received = await ReceiveMessagesUntilAckAsync(session);
            var first = 1 + 1 + session.GuildCreates.Count;
            Assert.Equal(Enumerable.Range(first, received.Count), received.Select(m => m.S!.Value));
        }
    }

    private static bool Receives((int Id, int Count)? shard, ulong guildId) =>
        shard is not { } s || Sharding.ShardOf(guildId, s.Count) == s.Id;

    // Identify concurrency is not under test here: each identify gets its own window on virtual time, and the
    // heartbeat interval is long enough that moving the clock never times a connection out.
    private static Task<EmulatorHarness> StartAsync() => EmulatorHarness.StartAsync(o =>
    {
        o.GuildCount = 48;
        o.HeartbeatInterval = TimeSpan.FromHours(1);
    });

    private static async Task<List<IdentifiedSession>> IdentifyAllAsync(EmulatorHarness harness, int[][] shards, bool includeUnsharded)
    {
        var sessions = new List<IdentifiedSession>();
        foreach (var shard in shards)
        {
            sessions.Add(await harness.IdentifyAsync(shard));
            harness.Advance(harness.Options.IdentifyWindow);
        }

        if (includeUnsharded)
        {
            sessions.Add(await harness.IdentifyAsync());
            harness.Advance(harness.Options.IdentifyWindow);
        }

        return sessions;
    }

    // Frames on one connection are ordered: once the ACK of a heartbeat sent after the dispatches arrives,
    // every dispatch routed to this session has arrived before it.
    private static async Task<List<GatewayPayload>> ReceiveMessagesUntilAckAsync(IdentifiedSession session)
    {
        await session.Client.SendHeartbeatAsync();
        var received = await session.Client.CollectUntilAsync(p => p.Op == Opcode.HeartbeatAck);
        return received.Where(p => p.IsDispatch("MESSAGE_CREATE")).ToList();
    }
}
