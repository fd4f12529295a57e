using Disgo.Emulator.Tests.Infrastructure;
using Disgo.Emulator.World;

namespace Disgo.Emulator.Tests.World;

public sealed class EmulatedWorldTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(7)]
    public void Hundred_thousand_guilds_spread_evenly_over_shards_within_one(int numShards)
    {
        var world = new EmulatedWorld(new EmulatorOptions { GuildCount = 100_000 });
        var perShard = new int[numShards];
        foreach (var guild in world.Guilds)
            perShard[Sharding.ShardOf(guild.Id, numShards)]++;

        Assert.Equal(100_000, perShard.Sum());
        Assert.True(perShard.Max() - perShard.Min() <= 1, $"Shard sizes for {numShards} shards: {string.Join(", ", perShard)}");
        for (var shard = 0; shard < numShards; shard++)
            Assert.Equal(perShard[shard], world.GuildCountForShard(shard, numShards));
    }

    [Fact]
    public void Hundred_thousand_guilds_build_in_a_few_megabytes()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var world = new EmulatedWorld(new EmulatorOptions { GuildCount = 100_000, MembersPerGuild = 10_000 });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(100_000, world.Guilds.Count);
        // Members and channels are derived on demand, so the size does not grow with MembersPerGuild.
        Assert.True(allocated < 24 * 1024 * 1024, $"Building 100,000 guilds allocated {allocated / 1024 / 1024} MB.");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(50)]
    public void GuildsForShard_returns_exactly_the_guilds_the_routing_formula_sends_there(int numShards)
    {
        var world = new EmulatedWorld(new EmulatorOptions { GuildCount = 307 });
        var seen = new HashSet<ulong>();
        for (var shard = 0; shard < numShards; shard++)
        {
            var guilds = world.GuildsForShard(shard, numShards).ToList();
            Assert.All(guilds, g => Assert.Equal(shard, Sharding.ShardOf(g.Id, numShards)));
            Assert.Equal(guilds.Count, world.GuildCountForShard(shard, numShards));
            Assert.Equal(guilds.OrderBy(g => g.Id).Select(g => g.Id), guilds.Select(g => g.Id));
            Assert.All(guilds, g => Assert.True(seen.Add(g.Id)));
        }

        Assert.Equal(world.Guilds.Count, seen.Count);
    }

    [Fact]
    public void A_shard_id_outside_the_shard_count_holds_no_guilds()
    {
        var world = new EmulatedWorld(new EmulatorOptions { GuildCount = 20 });

        Assert.Empty(world.GuildsForShard(3, 3));
        Assert.Empty(world.GuildsForShard(-1, 3));
        Assert.Equal(0, world.GuildCountForShard(5, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => world.GuildsForShard(0, 0).ToList());
    }

    [Fact]
    public void More_shards_than_guilds_leaves_some_shards_empty_without_error()
    {
        var world = new EmulatedWorld(new EmulatorOptions { GuildCount = 3 });

        var counts = Enumerable.Range(0, 10).Select(s => world.GuildCountForShard(s, 10)).ToArray();

        Assert.Equal(3, counts.Sum());
        Assert.Equal(7, counts.Count(c => c == 0));
    }

    [Fact]
    public void TryFindChannel_finds_every_channel_and_nothing_else()
    {
        var world = new EmulatedWorld(new EmulatorOptions { GuildCount = 40, ChannelsPerGuild = 4 });
        foreach (var guild in world.Guilds)
        {
            for (var i = 0; i < guild.ChannelCount; i++)
            {
                Assert.True(world.TryFindChannel(guild.ChannelId(i), out var owner, out var index));
                Assert.Same(guild, owner);
                Assert.Equal(i, index);
                Assert.True(guild.HasChannel(guild.ChannelId(i)));
            }
        }

        var first = world.Guilds[0];
        Assert.False(world.TryFindChannel(first.Id, out _, out _));
        Assert.False(world.TryFindChannel(first.MemberUserId(1), out _, out _));
        Assert.False(world.TryFindChannel(world.NextId(), out _, out _));
        Assert.False(world.TryFindChannel(0, out _, out _));
        Assert.False(world.TryFindChannel(ulong.MaxValue, out _, out _));
        Assert.False(first.HasChannel(world.Guilds[1].ChannelId(0)));
    }

    [Fact]
    public void NextId_is_unique_increasing_and_past_every_world_id()
    {
        var world = new EmulatedWorld(new EmulatorOptions { GuildCount = 10 });
        var ids = Enumerable.Range(0, 10_000).Select(_ => world.NextId()).ToArray();

        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(ids.Order(), ids);
        Assert.True(ids[0] > world.Guilds[^1].ChannelId(world.ChannelsPerGuild - 1));
    }

    [Fact]
    public void Snowflakes_carry_a_recent_creation_time()
    {
        var world = new EmulatedWorld(new EmulatorOptions { GuildCount = 2 });

        var created = EmulatedWorld.CreatedAt(world.Guilds[0].Id);

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), created);
        Assert.Equal(created + TimeSpan.FromMilliseconds(1), EmulatedWorld.CreatedAt(world.Guilds[1].Id));
    }

    [Fact]
    public void Members_have_stable_names_and_join_after_the_guild_was_created()
    {
        var world = new EmulatedWorld(new EmulatorOptions { GuildCount = 5, MembersPerGuild = 3 });
        var guild = world.Guilds[4];

        Assert.Equal(world.BotUsername, guild.MemberUsername(0));
        Assert.Equal("member-4-2", guild.MemberUsername(2));
        Assert.Equal(world.BotUserId, guild.MemberUserId(0));
        Assert.True(guild.MemberJoinedAt(2) > guild.MemberJoinedAt(1));
        Assert.True(guild.MemberJoinedAt(0) >= EmulatedWorld.CreatedAt(guild.Id));
        Assert.Throws<ArgumentOutOfRangeException>(() => guild.MemberUsername(3));
    }
}
