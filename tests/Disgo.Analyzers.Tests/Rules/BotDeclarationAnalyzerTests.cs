using Disgo.Analyzers.Rules;
using Disgo.Analyzers.Tests.Infrastructure;
using Verify = Disgo.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Disgo.Analyzers.Rules.BotDeclarationAnalyzer>;

namespace Disgo.Analyzers.Tests.Rules;

public sealed class BotDeclarationAnalyzerTests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using Disgo;
        using Disgo.Models;
        using Disgo.Models.Events;
        using Disgo.Models.Gateway;

        """;

    [Fact]
    public Task Valid_bot_with_instance_static_and_shard_limited_handlers_has_no_diagnostic() => Verify.VerifyAsync(Usings + /* lang=c#-test */ """
        [DiscordBot(LargeThreshold = 100)]
        [Shards(4, FirstShard = 0, ShardCount = 2)]
        [Handlers(typeof(Greetings), typeof(Lifecycle))]
        public sealed partial class PingBot;

        public sealed class Greetings
        {
            [On(GatewayEvents.MessageCreate)]
            public ValueTask OnMessage(Message message, DispatchContext context) => ValueTask.CompletedTask;

            [On]
            public void OnInteraction(Interaction interaction) { }
        }

        [OnlyShards(0)]
        public static class Lifecycle
        {
            [On]
            public static Task OnReady(Ready ready) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Bot_that_is_not_partial_is_reported_on_its_name() => Verify.VerifyAsync(Usings + """
        [DiscordBot]
        [Handlers(typeof(Lifecycle))]
        public sealed class {|DISGO1001:PingBot|};

        public static class Lifecycle
        {
            [On]
            public static void OnReady(Ready ready) { }
        }
        """);

    [Fact]
    public Task Async_void_handler_is_reported_on_the_method() => Verify.VerifyAsync(Usings + """
        [DiscordBot]
        [Handlers(typeof(Lifecycle))]
        public sealed partial class PingBot;

        public static class Lifecycle
        {
            [On]
            public static async void {|DISGO1106:OnReady|}(Ready ready) => await Task.Yield();
        }
        """);

    [Fact]
    public Task Misspelt_event_is_reported_on_the_attribute() => Verify.VerifyAsync(Usings + """
        [DiscordBot]
        [Handlers(typeof(Messages))]
        public sealed partial class PingBot;

        public static class Messages
        {
            [{|DISGO1201:On("MESSAGE_CREATED")|}]
            public static void OnMessage(Message message) { }
        }
        """);

    [Fact]
    public Task Handler_taking_another_model_than_its_event_is_reported() => Verify.VerifyAsync(Usings + """
        [DiscordBot]
        [Handlers(typeof(Messages))]
        public sealed partial class PingBot;

        public static class Messages
        {
            [{|DISGO1203:On(GatewayEvents.MessageCreate)|}]
            public static void OnMessage(Ready ready) { }
        }
        """);

    [Fact]
    public Task Shard_range_past_the_total_is_reported_with_what_is_wrong() => Verify.VerifyAsync(
        Usings + """
        [DiscordBot]
        [{|#0:Shards(4, FirstShard = 2, ShardCount = 3)|}]
        [Handlers(typeof(Lifecycle))]
        public sealed partial class PingBot;

        public static class Lifecycle
        {
            [On]
            public static void OnReady(Ready ready) { }
        }
        """,
        Verify.Diagnostic(DiagnosticIds.ShardsInvalid).WithLocation(0).WithArguments("PingBot", "FirstShard 2 + ShardCount 3 goes past the 4 shards"));

    [Fact]
    public Task Handler_limited_to_a_shard_the_process_never_runs_is_a_warning() => Verify.VerifyAsync(Usings + """
        [DiscordBot]
        [Shards(4, FirstShard = 2, ShardCount = 2)]
        [Handlers(typeof(DirectMessages))]
        public sealed partial class PingBot;

        public static class DirectMessages
        {
            [On(GatewayEvents.MessageCreate)]
            [{|DISGO2003:OnlyShards(0)|}]
            public static void OnMessage(Message message) { }
        }
        """);

    [Fact]
    public Task Privileged_explicit_intents_are_reported_as_information() => Verify.VerifyAsync(Usings + """
        [DiscordBot]
        [{|DISGO3003:Intents(GatewayIntents.GuildMessages | GatewayIntents.MessageContent)|}]
        [Handlers(typeof(Messages))]
        public sealed partial class PingBot;

        public static class Messages
        {
            [On(GatewayEvents.MessageCreate)]
            public static void OnMessage(Message message) { }
        }
        """);

    [Fact]
    public Task Explicit_intents_without_what_a_handler_needs_are_a_warning() => Verify.VerifyAsync(Usings + """
        [DiscordBot]
        [{|DISGO3002:Intents(GatewayIntents.Guilds)|}]
        [Handlers(typeof(Messages))]
        public sealed partial class PingBot;

        public static class Messages
        {
            [On(GatewayEvents.MessageCreate)]
            public static void OnMessage(Message message) { }
        }
        """);

    [Fact]
    public Task A_shard_listed_twice_in_OnlyShards_is_a_warning() => Verify.VerifyAsync(
        Usings + """
        [DiscordBot]
        [Shards(4)]
        [Handlers(typeof(Messages))]
        public sealed partial class PingBot;

        public static class Messages
        {
            [On(GatewayEvents.MessageCreate)]
            [{|#0:OnlyShards(1, 2, 1)|}]
            public static void OnMessage(Message message) { }
        }
        """,
        Verify.Diagnostic(DiagnosticIds.ShardRepeated).WithLocation(0).WithArguments("1", "[OnlyShards] on 'Messages.OnMessage'", "list each shard once"));

    [Fact]
    public Task Every_shared_rule_has_its_own_diagnostic()
    {
        var ids = new BotDeclarationAnalyzer().SupportedDiagnostics.Select(descriptor => descriptor.Id).Distinct().Count();
        Assert.Equal(Enum.GetValues<Disgo.Shared.BotRule>().Length, ids);
        return Task.CompletedTask;
    }

    [Fact]
    public Task Problems_of_a_handler_class_in_another_file_are_reported_in_that_file()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<BotDeclarationAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
        };
        TestReferences.Apply(test.TestState);
        test.TestState.Sources.Add(("Bot.cs", Usings + """
            [DiscordBot]
            [Handlers(typeof(Lifecycle))]
            public sealed partial class PingBot;
            """));
        test.TestState.Sources.Add(("Lifecycle.cs", Usings + """
            public static class Lifecycle
            {
                [On]
                public static async void {|DISGO1106:OnReady|}(Ready ready) => await Task.Yield();
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Look_alike_attributes_without_the_Disgo_runtime_are_not_analyzed() => Verify.VerifyAsync(
        """
        namespace Disgo
        {
            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class DiscordBotAttribute : System.Attribute;
        }

        [Disgo.DiscordBot]
        public sealed class NotPartial;
        """,
        withDisgo: false);
}
