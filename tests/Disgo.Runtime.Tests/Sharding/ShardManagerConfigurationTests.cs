using Disgo.Sharding;

namespace Disgo.Runtime.Tests.Sharding;

/// <summary>Configurations Discord would refuse fail before anything connects, saying what to change.</summary>
public sealed class ShardManagerConfigurationTests
{
    [Fact]
    public void A_total_that_is_not_the_required_multiple_fails_in_the_constructor()
    {
        var refused = Assert.Throws<ShardConfigurationException>(() => new ShardManager(
            new ShardManagerOptions { Token = "token", Shards = ShardSet.Fixed(40), RequiredShardMultiple = 16 },
            new EventLog()));

        Assert.Contains("not a multiple of 16", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Use 48 or 32 shards in all", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8, 8, 1, "Shard ids run from 0 to 7")]
    [InlineData(8, 6, 4, "run at most 2 shard(s) from 6")]
    [InlineData(8, 0, 0, "The range is empty")]
    public void A_range_outside_the_total_or_empty_fails_with_what_to_change(int total, int first, int count, string advice)
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => ShardSet.Range(total, first, count));

        Assert.Contains(advice, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Token")]
    [InlineData("Bot abc", "Token")]
    public void A_bad_token_fails_in_the_constructor(string token, string option)
    {
        var refused = Assert.Throws<ArgumentException>(() => new ShardManager(new ShardManagerOptions { Token = token }, new EventLog()));

        Assert.Equal(option, refused.ParamName);
    }

    [Fact]
    public void A_negative_reserve_fails_in_the_constructor()
    {
        var refused = Assert.Throws<ArgumentException>(() => new ShardManager(new ShardManagerOptions { Token = "token", SessionStartReserve = -1 }, new EventLog()));

        Assert.Contains("SessionStartReserve", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_start_the_budget_cannot_cover_fails_before_any_identify()
    {
        await using var fleet = await ShardFleetHarness.StartAsync(o =>
        {
            o.SessionStartTotal = 10;
            o.GuildCount = 16;
        });
        var manager = fleet.CreateManager(new EventLog(), o => o.Shards = ShardSet.Fixed(16));

        var refused = await Assert.ThrowsAsync<ShardConfigurationException>(() => manager.StartAsync()).WaitAsync(Eventually.SafetyNet);

        Assert.Contains("needs 16 session starts, but Discord reports 10 left (1 kept in reserve)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Wait for the reset", refused.Message, StringComparison.Ordinal);
        Assert.Empty(fleet.Emulator.Observations.Connections);
    }

    [Fact]
    public async Task Resharding_a_range_is_refused_because_the_other_processes_would_not_follow()
    {
        await using var manager = new ShardManager(new ShardManagerOptions { Token = "token", Shards = ShardSet.Range(8, 0, 4) }, new EventLog());

        var refused = await Assert.ThrowsAsync<ShardConfigurationException>(() => manager.ReshardAsync(16));

        Assert.Contains("Restart every process with ShardSet.Range(...) of the new total", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_the_start_the_shard_count_is_unknown()
    {
        var manager = new ShardManager(new ShardManagerOptions { Token = "token" }, new EventLog());

        var refused = Assert.Throws<InvalidOperationException>(() => manager.TotalShards);

        Assert.Contains("StartAsync decides the shard count", refused.Message, StringComparison.Ordinal);
    }
}
