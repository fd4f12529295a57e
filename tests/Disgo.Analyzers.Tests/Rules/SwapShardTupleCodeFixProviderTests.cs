using Fix = Disgo.Analyzers.Tests.Infrastructure.CodeFixVerifier<Disgo.Analyzers.Rules.ShardValueAnalyzer, Disgo.Analyzers.CodeFixes.Rules.SwapShardTupleCodeFixProvider>;

namespace Disgo.Analyzers.Tests.Rules;

public sealed class SwapShardTupleCodeFixProviderTests
{
    [Fact]
    public Task The_shard_id_and_the_shard_count_are_swapped() => Fix.VerifyAsync(
        """
        using Disgo.Models.Gateway;

        public static class Shards
        {
            public static ShardInfo Last() => {|DISGO2005:new ShardInfo(16, /* shard */ 4)|};
        }
        """,
        """
        using Disgo.Models.Gateway;

        public static class Shards
        {
            public static ShardInfo Last() => new ShardInfo(4, /* shard */ 16);
        }
        """);

    [Fact]
    public Task Named_arguments_are_left_alone() => Fix.VerifyNoFixAsync(
        """
        using Disgo.Models.Gateway;

        public static class Shards
        {
            public static ShardInfo Last() => {|DISGO2005:new ShardInfo(shardId: 16, shardCount: 4)|};
        }
        """);
}
