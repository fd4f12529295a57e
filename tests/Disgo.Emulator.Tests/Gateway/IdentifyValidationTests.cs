using Disgo.Emulator.Observation;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>4010–4014: what Identify and the URL must get right (close code table; gateway.mdx "Sharding", "Gateway Intents").</summary>
public sealed class IdentifyValidationTests
{
    [Theory]
    [InlineData(2, 2)]
    [InlineData(5, 3)]
    [InlineData(-1, 2)]
    [InlineData(0, 0)]
    [InlineData(0, -3)]
    public async Task A_bad_shard_tuple_closes_with_4010_and_is_recorded(int shardId, int numShards)
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var code = await IdentifyExpectingCloseAsync(harness, EmulatorHarness.DefaultIntents, [shardId, numShards]);

        Assert.Equal(CloseCode.InvalidShard, code);
        Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.InvalidShard));
    }

    [Fact]
    public async Task A_shard_count_that_is_not_a_multiple_of_the_large_bot_shard_number_closes_with_4010()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.RequiredShardMultiple = 4);

        Assert.Equal(CloseCode.InvalidShard, await IdentifyExpectingCloseAsync(harness, EmulatorHarness.DefaultIntents, [0, 6]));
        await harness.IdentifyAsync(shard: [0, 8], awaitGuildCreates: false);
    }

    [Fact]
    public async Task A_session_over_2500_guilds_closes_with_4011_and_is_recorded()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.GuildCount = GatewayLimit.MaxGuildsPerSession + 1);

        Assert.Equal(CloseCode.ShardingRequired, await IdentifyExpectingCloseAsync(harness, EmulatorHarness.DefaultIntents, shard: null));
        Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.ShardingRequired));
    }

    [Fact]
    public async Task A_single_shard_of_2501_guilds_closes_with_4011_but_two_shards_are_accepted()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.GuildCount = GatewayLimit.MaxGuildsPerSession + 1);

        Assert.Equal(CloseCode.ShardingRequired, await IdentifyExpectingCloseAsync(harness, EmulatorHarness.DefaultIntents, [0, 1]));
        harness.Advance(harness.Options.IdentifyWindow);
        var half = await harness.IdentifyAsync(shard: [0, 2], awaitGuildCreates: false);

        Assert.Equal(harness.GuildIdsFor((0, 2)).Count, half.Ready.D.GetProperty("guilds").GetArrayLength());
    }

    [Theory]
    [InlineData("5")]
    [InlineData("4")]
    [InlineData("11")]
    [InlineData("abc")]
    public async Task An_unavailable_gateway_version_closes_with_4012_and_is_recorded(string version)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var client = await harness.ConnectAsync(harness.Emulator.GatewayUrl, new GatewayQuery(Version: version));

        // Discord closes either at once or on Identify; either way the session must never start.
        var identify = SendIdentifyIfStillOpenAsync(client, harness.Token);
        var closure = await client.WaitForEndAsync();
        await identify;

        Assert.Equal(CloseCode.InvalidApiVersion, closure.Code);
        Assert.DoesNotContain(client.History, p => p.IsDispatch("READY"));
        Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.InvalidApiVersion));
    }

    [Theory]
    [InlineData(1L << 17)]
    [InlineData(1L << 18)]
    [InlineData(1L << 19)]
    [InlineData(1L << 22)]
    [InlineData(1L << 23)]
    [InlineData(1L << 26)]
    [InlineData(1L << 40)]
    [InlineData(-1L)]
    public async Task Undocumented_intent_bits_close_with_4013_and_are_recorded(long extraBits)
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var code = await IdentifyExpectingCloseAsync(harness, Intent.Guilds | extraBits, shard: null);

        Assert.Equal(CloseCode.InvalidIntents, code);
        Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.InvalidIntents));
    }

    [Fact]
    public async Task Every_documented_intent_is_accepted_when_privileged_ones_are_enabled()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.AllowedPrivilegedIntents = Intent.Privileged);

        var session = await harness.IdentifyAsync(intents: Intent.AllDocumented, awaitGuildCreates: false);

        Assert.Equal(1, session.Ready.S);
    }

    [Theory]
    [InlineData(Intent.GuildMembers)]
    [InlineData(Intent.GuildPresences)]
    [InlineData(Intent.MessageContent)]
    public async Task A_privileged_intent_not_enabled_for_the_bot_closes_with_4014_and_is_recorded(long privileged)
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.AllowedPrivilegedIntents = 0);

        var code = await IdentifyExpectingCloseAsync(harness, Intent.Guilds | privileged, shard: null);

        Assert.Equal(CloseCode.DisallowedIntents, code);
        Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.DisallowedIntents));
    }

    [Fact]
    public async Task Only_the_privileged_intents_enabled_for_the_bot_are_allowed()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.AllowedPrivilegedIntents = Intent.GuildMembers);

        await harness.IdentifyAsync(intents: Intent.Guilds | Intent.GuildMembers, awaitGuildCreates: false);
        harness.Advance(harness.Options.IdentifyWindow);

        Assert.Equal(CloseCode.DisallowedIntents, await IdentifyExpectingCloseAsync(harness, Intent.Guilds | Intent.MessageContent, shard: null));
    }

    private static async Task<int> IdentifyExpectingCloseAsync(EmulatorHarness harness, long intents, int[]? shard)
    {
        var (client, _) = await harness.ConnectAndHelloAsync();
        await client.SendIdentifyAsync(harness.Token, intents, shard);
        var code = await client.ExpectCloseAsync();
        Assert.DoesNotContain(client.History, p => p.IsDispatch("READY"));
        return code;
    }

    private static async Task SendIdentifyIfStillOpenAsync(RawGatewayClient client, string token)
    {
        try
        {
            await client.SendIdentifyAsync(token, EmulatorHarness.DefaultIntents);
        }
        catch (System.Net.WebSockets.WebSocketException)
        {
            // Already closed by the server: that is one of the two accepted behaviours.
        }
    }
}
