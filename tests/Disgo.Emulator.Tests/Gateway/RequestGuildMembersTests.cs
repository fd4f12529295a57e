using System.Globalization;
using System.Text.Json;
using Disgo.Emulator.Observation;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>
/// Request Guild Members (gateway-events.mdx "Request Guild Members", "Guild Members Chunk", "Rate Limited"): chunks of
/// at most 1,000 members, and one full-list request per guild per 30 s, a repeat getting a RATE_LIMITED dispatch.
/// </summary>
public sealed class RequestGuildMembersTests
{
    private const long MemberIntents = Intent.Guilds | Intent.GuildMembers;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1000, 1)]
    [InlineData(1001, 2)]
    [InlineData(2500, 3)]
    public async Task A_full_list_arrives_in_chunks_of_at_most_1000_with_index_count_and_nonce(int members, int expectedChunks)
    {
        await using var harness = await StartAsync(members);
        var session = await harness.IdentifyAsync(intents: MemberIntents);
        var guild = harness.Emulator.World.Guilds[1];

        await session.Client.SendRequestGuildMembersAsync(guild.Id, query: "", limit: 0, nonce: "full-list");
        var chunks = await ReceiveChunksAsync(session.Client);

        Assert.Equal(expectedChunks, chunks.Count);
        Assert.Equal(Enumerable.Range(0, expectedChunks), chunks.Select(c => c.GetProperty("chunk_index").GetInt32()).Order());
        Assert.All(chunks, c =>
        {
            Assert.Equal(expectedChunks, c.GetProperty("chunk_count").GetInt32());
            Assert.Equal("full-list", c.GetProperty("nonce").GetString());
            Assert.Equal(guild.Id, c.GetSnowflake("guild_id"));
            Assert.InRange(c.GetProperty("members").GetArrayLength(), 1, GatewayLimit.MembersPerChunk);
        });
        var userIds = chunks.SelectMany(c => c.GetProperty("members").EnumerateArray()).Select(m => m.GetProperty("user").GetSnowflake("id")).ToList();
        Assert.Equal(members, userIds.Count);
        Assert.Equal(members, userIds.Distinct().Count());
        Assert.Contains(harness.Emulator.World.BotUserId, userIds);
    }

    [Fact]
    public async Task A_second_full_list_request_for_a_guild_within_30_seconds_gets_rate_limited_and_is_recorded()
    {
        await using var harness = await StartAsync(members: 10);
        var session = await harness.IdentifyAsync(intents: MemberIntents);
        var guild = harness.Emulator.World.Guilds[0];
        await session.Client.SendRequestGuildMembersAsync(guild.Id, "", 0, nonce: "first");
        await ReceiveChunksAsync(session.Client);

        harness.Advance(TimeSpan.FromSeconds(10));
        await session.Client.SendRequestGuildMembersAsync(guild.Id, "", 0, nonce: "second");
        var limited = await session.Client.ReceiveUntilAsync(p => p.IsDispatch("RATE_LIMITED") || p.IsDispatch("GUILD_MEMBERS_CHUNK"));

        Assert.True(limited.IsDispatch("RATE_LIMITED"), $"Expected RATE_LIMITED, got {limited}");
        Assert.Equal(Opcode.RequestGuildMembers, limited.D.GetProperty("opcode").GetInt32());
        Assert.Equal(20.0, limited.D.GetProperty("retry_after").GetDouble(), precision: 3);
        Assert.Equal(guild.Id, limited.D.GetProperty("meta").GetSnowflake("guild_id"));
        Assert.Equal("second", limited.D.GetProperty("meta").GetProperty("nonce").GetString());
        Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.GuildMembersLimit));
        // RATE_LIMITED does not close the connection.
        await session.Client.HeartbeatAsync();
    }

    [Fact]
    public async Task Full_list_requests_for_different_guilds_are_limited_independently()
    {
        await using var harness = await StartAsync(members: 10);
        var session = await harness.IdentifyAsync(intents: MemberIntents);

        foreach (var guild in harness.Emulator.World.Guilds.Take(3))
        {
            await session.Client.SendRequestGuildMembersAsync(guild.Id, "", 0);
            Assert.Equal(guild.Id, Assert.Single(await ReceiveChunksAsync(session.Client)).GetSnowflake("guild_id"));
        }

        Assert.Empty(harness.Emulator.Observations.Violations);
    }

    [Fact]
    public async Task A_full_list_request_is_allowed_again_after_30_seconds()
    {
        await using var harness = await StartAsync(members: 10);
        var session = await harness.IdentifyAsync(intents: MemberIntents);
        var guild = harness.Emulator.World.Guilds[0];
        await session.Client.SendRequestGuildMembersAsync(guild.Id, "", 0);
        await ReceiveChunksAsync(session.Client);

        harness.Advance(GatewayLimit.FullMemberListWindow);
        await session.Client.SendRequestGuildMembersAsync(guild.Id, "", 0);

        Assert.Single(await ReceiveChunksAsync(session.Client));
        Assert.Empty(harness.Emulator.Observations.Violations);
    }

    [Fact]
    public async Task Requests_with_a_limit_are_not_full_list_requests_and_are_not_rate_limited()
    {
        await using var harness = await StartAsync(members: 50);
        var session = await harness.IdentifyAsync(intents: MemberIntents);
        var guild = harness.Emulator.World.Guilds[0];

        for (var i = 0; i < 2; i++)
        {
            await session.Client.SendRequestGuildMembersAsync(guild.Id, "", limit: 10);
            var chunk = Assert.Single(await ReceiveChunksAsync(session.Client));
            Assert.InRange(chunk.GetProperty("members").GetArrayLength(), 1, 10);
        }

        Assert.Empty(harness.Emulator.Observations.Violations);
    }

    [Fact]
    public async Task A_request_by_user_ids_returns_exactly_those_members()
    {
        await using var harness = await StartAsync(members: 50);
        var session = await harness.IdentifyAsync(intents: MemberIntents);
        var guild = harness.Emulator.World.Guilds[2];
        var wanted = new[] { guild.MemberUserId(3), guild.MemberUserId(17), guild.MemberUserId(42) };

        await session.Client.SendPayloadAsync(Opcode.RequestGuildMembers, w =>
        {
            w.WriteStartObject();
            w.WriteString("guild_id", guild.Id.ToString(CultureInfo.InvariantCulture));
            w.WriteStartArray("user_ids");
            foreach (var id in wanted)
                w.WriteStringValue(id.ToString(CultureInfo.InvariantCulture));
            w.WriteEndArray();
            w.WriteString("nonce", "by-id");
            w.WriteEndObject();
        });
        var chunk = Assert.Single(await ReceiveChunksAsync(session.Client));

        Assert.Equal(wanted.ToHashSet(), chunk.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("user").GetSnowflake("id")).ToHashSet());
        Assert.Equal("by-id", chunk.GetProperty("nonce").GetString());
    }

    private static Task<EmulatorHarness> StartAsync(int members) => EmulatorHarness.StartAsync(o =>
    {
        o.GuildCount = 3;
        o.MembersPerGuild = members;
        o.HeartbeatInterval = TimeSpan.FromHours(1);
    });

    private static async Task<List<JsonElement>> ReceiveChunksAsync(RawGatewayClient client)
    {
        var first = await client.ReceiveDispatchAsync("GUILD_MEMBERS_CHUNK");
        var chunks = new List<JsonElement> { first.D };
        var count = first.D.GetProperty("chunk_count").GetInt32();
        while (chunks.Count < count)
            chunks.Add((await client.ReceiveDispatchAsync("GUILD_MEMBERS_CHUNK")).D);
        return chunks;
    }
}
