using Disgo.Emulator.Observation;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>
/// Identify concurrency (gateway.mdx "Max Concurrency"): at most <c>max_concurrency</c> identifies per 5 s window and one
/// per bucket <c>shard_id % max_concurrency</c>; a violation is answered with op 9 <c>false</c> and recorded.
/// </summary>
public sealed class IdentifyConcurrencyTests
{
    [Fact]
    public async Task A_second_identify_in_one_bucket_within_the_window_gets_op_9_false_and_is_recorded()
    {
        await using var harness = await StartAsync(maxConcurrency: 2);
        await harness.IdentifyAsync(shard: [0, 4]);

        // Shard 2 of 4 shares bucket 2 % 2 = 0 with shard 0.
        var refused = await IdentifyExpectingInvalidSessionAsync(harness, [2, 4]);

        Assert.False(refused.D.GetBoolean());
        var violation = Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.IdentifyConcurrency));
        Assert.Equal(new ShardTuple(2, 4), violation.Shard);
    }

    [Fact]
    public async Task More_identifies_than_max_concurrency_in_one_window_get_op_9_false()
    {
        await using var harness = await StartAsync(maxConcurrency: 2);
        await harness.IdentifyAsync(shard: [0, 3]);
        await harness.IdentifyAsync(shard: [1, 3]);

        var refused = await IdentifyExpectingInvalidSessionAsync(harness, [2, 3]);

        Assert.False(refused.D.GetBoolean());
        Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.IdentifyConcurrency));
    }

    [Fact]
    public async Task Identifies_in_bucket_order_across_windows_all_start_without_violations()
    {
        const int MaxConcurrency = 4;
        const int Shards = 12;
        await using var harness = await StartAsync(MaxConcurrency);

        for (var first = 0; first < Shards; first += MaxConcurrency)
        {
            for (var shard = first; shard < first + MaxConcurrency; shard++)
                await harness.IdentifyAsync(shard: [shard, Shards]);
            harness.Advance(harness.Options.IdentifyWindow);
        }

        Assert.Equal(Shards, harness.Emulator.Gateway.Sessions.Count);
        Assert.Empty(harness.Emulator.Observations.Violations);
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    public async Task The_window_length_follows_the_options(int secondsLater, bool accepted)
    {
        await using var harness = await EmulatorHarness.StartAsync(o =>
        {
            o.MaxConcurrency = 1;
            o.IdentifyWindow = TimeSpan.FromSeconds(30);
            o.HeartbeatInterval = TimeSpan.FromHours(1);
        });
        await harness.IdentifyAsync(shard: [0, 2]);

        harness.Advance(TimeSpan.FromSeconds(secondsLater));

        if (accepted)
            await harness.IdentifyAsync(shard: [1, 2]);
        else
            await IdentifyExpectingInvalidSessionAsync(harness, [1, 2]);
    }

    private static Task<EmulatorHarness> StartAsync(int maxConcurrency) => EmulatorHarness.StartAsync(o =>
    {
        o.MaxConcurrency = maxConcurrency;
        o.HeartbeatInterval = TimeSpan.FromHours(1);
    });

    private static async Task<GatewayPayload> IdentifyExpectingInvalidSessionAsync(EmulatorHarness harness, int[] shard)
    {
        var (client, _) = await harness.ConnectAndHelloAsync();
        await client.SendIdentifyAsync(harness.Token, EmulatorHarness.DefaultIntents, shard);
        var answer = await client.ReceiveAsync();
        Assert.True(answer.Op == Opcode.InvalidSession, $"Expected op 9 for an identify over the concurrency limit, got {answer}");
        return answer;
    }
}
