using System.Text.Json;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>Identify, READY and the GUILD_CREATE backfill (gateway.mdx "Identifying", "Ready event"; gateway-events.mdx "Ready").</summary>
public sealed class ReadyTests
{
    [Fact]
    public async Task Ready_carries_the_documented_fields()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var session = await harness.IdentifyAsync(shard: [1, 3], awaitGuildCreates: false);
        var d = session.Ready.D;

        Assert.Equal(10, d.GetProperty("v").GetInt32());
        Assert.Equal(harness.Emulator.World.BotUserId, d.GetProperty("user").GetSnowflake("id"));
        Assert.False(string.IsNullOrEmpty(session.SessionId));
        Assert.Equal([1, 3], d.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(harness.Emulator.World.ApplicationId, d.GetProperty("application").GetSnowflake("id"));
        Assert.Equal(JsonValueKind.Number, d.GetProperty("application").GetProperty("flags").ValueKind);
    }

    [Fact]
    public async Task Ready_is_sequence_1_and_guild_creates_continue_the_sequence()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var session = await harness.IdentifyAsync();

        Assert.Equal(1, session.Ready.S);
        Assert.Equal(Enumerable.Range(2, session.GuildCreates.Count), session.GuildCreates.Select(g => g.S!.Value));
    }

    [Fact]
    public async Task Ready_resume_gateway_url_is_a_websocket_url_distinct_from_the_gateway_url()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var session = await harness.IdentifyAsync(awaitGuildCreates: false);

        Assert.Equal("ws", session.ResumeGatewayUrl.Scheme);
        Assert.NotEqual(harness.Emulator.GatewayUrl.GetLeftPart(UriPartial.Path), session.ResumeGatewayUrl.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task Ready_carries_the_undocumented_fields_real_payloads_have()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var session = await harness.IdentifyAsync(awaitGuildCreates: false);
        var d = session.Ready.D;

        foreach (var array in new[] { "private_channels", "presences", "relationships", "guild_join_requests", "geo_ordered_rtc_regions", "_trace" })
            Assert.True(d.TryGetProperty(array, out var value) && value.ValueKind == JsonValueKind.Array, $"READY.{array} must be an array");
        Assert.Equal(JsonValueKind.Object, d.GetProperty("user_settings").ValueKind);
        Assert.Equal(JsonValueKind.String, d.GetProperty("session_type").ValueKind);
    }

    [Fact]
    public async Task Ready_without_a_shard_omits_shard_and_lists_every_guild_as_unavailable()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.GuildCount = 17);

        var session = await harness.IdentifyAsync(awaitGuildCreates: false);
        var guilds = session.Ready.D.GetProperty("guilds").EnumerateArray().ToList();

        Assert.False(session.Ready.D.TryGetProperty("shard", out var shard) && shard.ValueKind != JsonValueKind.Null);
        Assert.Equal(harness.GuildIdsFor(null), guilds.Select(g => g.GetSnowflake("id")).ToHashSet());
        Assert.All(guilds, g => Assert.True(g.GetProperty("unavailable").GetBoolean()));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 4)]
    [InlineData(3, 4)]
    [InlineData(2, 7)]
    public async Task Ready_and_guild_creates_cover_exactly_the_guilds_the_routing_formula_gives_the_shard(int shardId, int numShards)
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.GuildCount = 60);
        var expected = harness.GuildIdsFor((shardId, numShards));

        var session = await harness.IdentifyAsync(shard: [shardId, numShards]);
        // Everything queued before the heartbeat's ACK has arrived once the ACK has.
        await session.Client.HeartbeatAsync();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, session.Ready.D.GetProperty("guilds").EnumerateArray().Select(g => g.GetSnowflake("id")).ToHashSet());
        var created = session.Client.History.Where(p => p.IsDispatch("GUILD_CREATE")).Select(g => g.D.GetSnowflake("id")).ToList();
        Assert.Equal(expected.Count, created.Count);
        Assert.Equal(expected, created.ToHashSet());
    }

    [Fact]
    public async Task Guild_create_carries_a_full_guild_with_its_channels_and_members()
    {
        await using var harness = await EmulatorHarness.StartAsync(o =>
        {
            o.GuildCount = 3;
            o.ChannelsPerGuild = 4;
        });

        var session = await harness.IdentifyAsync();
        var guild = session.GuildCreates[0].D;

        Assert.Equal(JsonValueKind.String, guild.GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKind.String, guild.GetProperty("joined_at").ValueKind);
        Assert.Equal(JsonValueKind.Number, guild.GetProperty("member_count").ValueKind);
        Assert.True(guild.GetProperty("large").ValueKind is JsonValueKind.True or JsonValueKind.False);
        Assert.False(guild.TryGetProperty("unavailable", out var unavailable) && unavailable.GetBoolean());
        Assert.Equal(4, guild.GetProperty("channels").GetArrayLength());
        Assert.All(guild.GetProperty("channels").EnumerateArray(), c => c.GetSnowflake("id"));
        Assert.Contains(guild.GetProperty("members").EnumerateArray(), m => m.GetProperty("user").GetSnowflake("id") == harness.Emulator.World.BotUserId);
        foreach (var array in new[] { "voice_states", "threads", "presences", "stage_instances", "guild_scheduled_events", "soundboard_sounds" })
            Assert.Equal(JsonValueKind.Array, guild.GetProperty(array).ValueKind);
    }

    [Fact]
    public async Task Version_9_is_still_available()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var client = await harness.ConnectAsync(harness.Emulator.GatewayUrl, new GatewayQuery(Version: "9"));

        Assert.Equal(Opcode.Hello, (await client.ReceiveAsync()).Op);
        await client.SendIdentifyAsync(harness.Token, EmulatorHarness.DefaultIntents);
        await client.ReceiveDispatchAsync("READY");
    }
}
