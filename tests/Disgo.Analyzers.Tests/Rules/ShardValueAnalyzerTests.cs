using Verify = Disgo.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Disgo.Analyzers.Rules.ShardValueAnalyzer>;

namespace Disgo.Analyzers.Tests.Rules;

public sealed class ShardValueAnalyzerTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using Disgo;
        using Disgo.Models.Gateway;
        using Disgo.Sharding;

        """;

    [Fact]
    public Task Shard_values_that_cannot_exist_are_reported_wherever_they_are_written() => Verify.VerifyAsync(Usings + """
        public static class Shards
        {
            public static ShardInfo Last() => {|DISGO2004:new ShardInfo(4, 4)|};
            public static ShardInfo Negative() => {|DISGO2004:new ShardInfo(-1, 4)|};
            public static ShardInfo NoTotal() => {|DISGO2004:new ShardInfo(0, 0)|};
            public static ShardInfo TargetTyped() { ShardInfo shard = {|DISGO2004:new(5, 5)|}; return shard; }
            public static ShardSet None() => {|DISGO2004:ShardSet.Fixed(0)|};
            public static ShardSet Past() => {|DISGO2004:ShardSet.Range(16, 12, 8)|};
            public static ShardSet Empty() => {|DISGO2004:ShardSet.Range(16, 0, 0)|};
            public static ShardSet Named() => {|DISGO2004:ShardSet.Range(shardCount: 4, firstShard: 16, totalShards: 16)|};
        }
        """);

    [Fact]
    public Task Message_says_why_the_value_cannot_work() => Verify.VerifyAsync(
        Usings + """
        public static class Shards
        {
            public static ShardSet Past() => {|#0:ShardSet.Range(16, 12, 8)|};
        }
        """,
        Verify.Diagnostic(DiagnosticIds.ShardValueInvalid).WithLocation(0)
            .WithArguments("ShardSet.Range(16, 12, 8)", "firstShard 12 + shardCount 8 goes past the 16 shards"));

    [Fact]
    public Task A_total_and_id_written_the_wrong_way_round_are_reported_as_reversed() => Verify.VerifyAsync(
        Usings + """
        public static class Shards
        {
            public static ShardInfo Reversed() => {|#0:new ShardInfo(16, 4)|};
        }
        """,
        Verify.Diagnostic(DiagnosticIds.ShardTupleReversed).WithLocation(0).WithArguments("new ShardInfo(16, 4)", "4", "16"));

    [Fact]
    public Task A_total_that_is_not_the_required_multiple_is_reported() => Verify.VerifyAsync(Usings + """
        [DiscordBot]
        [Shards(40)]
        public sealed partial class PingBot
        {
            public static ShardSet Shards => ShardSet.Fixed(40);
        }

        public static class Startup
        {
            public static IReadOnlyList<ShardInfo> Resolve(GatewayBotInfo info) => {|DISGO2006:ShardSet.Fixed(40).Resolve(info, requiredMultiple: 16)|};
            public static void Validate() => {|DISGO2006:ShardSet.Range(40, 0, 20).Validate(1, 16)|};
            public static void Bot() => {|DISGO2006:PingBot.Shards.Validate(1, 16)|};
        }
        """);

    [Fact]
    public Task A_shard_listed_twice_in_one_list_is_reported() => Verify.VerifyAsync(
        Usings + """
        public static class Shards
        {
            public static ShardInfo[] Array() => new[] { new ShardInfo(0, 4), new ShardInfo(1, 4), {|#0:new ShardInfo(1, 4)|} };
            public static List<ShardInfo> Collection() => [new ShardInfo(2, 4), {|#1:new ShardInfo(2, 4)|}];
        }
        """,
        Verify.Diagnostic(DiagnosticIds.ShardRepeated).WithLocation(0).WithArguments("[1, 4]", "this list", "every session of it receives the same events, so they are handled twice"),
        Verify.Diagnostic(DiagnosticIds.ShardRepeated).WithLocation(1).WithArguments("[2, 4]", "this list", "every session of it receives the same events, so they are handled twice"));

    // Only code whose names and shape could hold a constant shard value is bound: these forms must still get through.
    [Fact]
    public Task Aliases_named_constants_and_initializers_without_new_are_checked() => Verify.VerifyAsync(
        Usings + """
        using Shard = Disgo.Models.Gateway.ShardInfo;
        using static Disgo.ShardSet;

        public static class Shards
        {
            private const int Total = 4;

            public static Shard Aliased() => {|DISGO2004:new Shard(Total, Total)|};
            public static ShardInfo Computed() => {|DISGO2004:new ShardInfo((Total * 2) + 1, checked(Total * 2) + 1)|};
            public static ShardSet Imported() => {|DISGO2004:Fixed(0)|};
            public static ShardInfo[] WithoutNew() { ShardInfo[] shards = { new(0, Total), {|DISGO2007:new(0, Total)|} }; return shards; }
        }
        """);

    [Fact]
    public Task Valid_and_non_constant_shard_values_are_not_reported() => Verify.VerifyAsync(Usings + """
        public static class Shards
        {
            public static ShardInfo First() => new ShardInfo(0, 1);
            public static ShardInfo Last() => new ShardInfo(15, 16);
            public static ShardInfo Computed(int id, int total) => new ShardInfo(id, total);
            public static ShardSet All() => ShardSet.Fixed(16);
            public static ShardSet Half() => ShardSet.Range(16, 8, 8);
            public static void Multiple() => ShardSet.Fixed(48).Validate(1, 16);
            public static void UnknownMultiple(int multiple) => ShardSet.Fixed(40).Validate(1, multiple);
            public static void Recommended() => ShardSet.Recommended.Validate(40, 16);
            public static ShardInfo[] Distinct() => [new ShardInfo(0, 2), new ShardInfo(1, 2), new ShardInfo(0, 4)];
        }
        """);

    [Fact]
    public Task Projects_without_Disgo_are_not_analyzed() => Verify.VerifyAsync(
        """
        public readonly record struct ShardInfo(int ShardId, int ShardCount);

        public static class Shards
        {
            public static ShardInfo Last() => new ShardInfo(4, 4);
        }
        """,
        withDisgo: false);
}
