using Disgo.Sharding;

namespace Disgo.Runtime.Tests.Sharding;

public sealed class ShardSetExtensionsTests
{
    private static readonly GatewayBotInfo Info = new(
        new Uri("wss://gateway.example/"), RecommendedShards: 6, new SessionStartLimit(1000, 1000, TimeSpan.FromHours(24), MaxConcurrency: 2));

    [Fact]
    public void Recommended_runs_every_shard_of_the_recommended_count()
    {
        var shards = ShardSet.Recommended.Resolve(Info);

        Assert.Equal(Enumerable.Range(0, 6), shards.Select(s => s.ShardId));
        Assert.All(shards, s => Assert.Equal(6, s.ShardCount));
    }

    [Fact]
    public void Fixed_ignores_the_recommendation()
    {
        var shards = ShardSet.Fixed(4).Resolve(Info);

        Assert.Equal([0, 1, 2, 3], shards.Select(s => s.ShardId));
        Assert.All(shards, s => Assert.Equal(4, s.ShardCount));
    }

    [Fact]
    public void Two_ranges_split_a_total_and_cover_every_shard_exactly_once()
    {
        var first = ShardSet.Range(16, 0, 8).Resolve(Info);
        var second = ShardSet.Range(16, 8, 8).Resolve(Info);

        Assert.Equal(Enumerable.Range(0, 16), first.Concat(second).Select(s => s.ShardId).Order());
        Assert.All(first.Concat(second), s => Assert.Equal(16, s.ShardCount));
    }

    [Fact]
    public void A_total_that_is_not_the_required_multiple_fails_and_says_what_to_use()
    {
        // The analyzer flags this at build time; the runtime check is what is tested here.
#pragma warning disable DISGO2006
        var error = Assert.Throws<ShardConfigurationException>(() => ShardSet.Fixed(40).Resolve(Info, requiredMultiple: 16));
#pragma warning restore DISGO2006

        Assert.Contains("not a multiple of 16", error.Message, StringComparison.Ordinal);
        Assert.Contains("Use 48 or 32 shards", error.Message, StringComparison.Ordinal);
        Assert.Contains("4010", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recommended_total_that_is_not_the_required_multiple_fails()
    {
        var error = Assert.Throws<ShardConfigurationException>(() => ShardSet.Recommended.Validate(recommendedShards: 6, requiredMultiple: 4));

        Assert.Contains("Use 8 or 4 shards", error.Message, StringComparison.Ordinal);
    }
}
