using Disgo.Generator.Tests.Infrastructure;

namespace Disgo.Generator.Tests;

/// <summary>
/// Generated code compiles with no diagnostic at all (nullable on, every warning an error, XML docs checked) for
/// every shape a bot and its handlers can take, and the code using it compiles too.
/// </summary>
public sealed class CompileTests
{
    private static readonly Dictionary<string, string[]> Shapes = new()
    {
        ["static void handlers"] =
        [
            """
            using Disgo;
            using Disgo.Models.Events;
            namespace Shapes;
            [DiscordBot] [Handlers(typeof(Log))] public sealed partial class Bot;
            public static class Log
            {
                [On] public static void OnReady(Ready ready) { }
                [On] public static void OnResumed(Resumed resumed, DispatchContext context) { }
            }
            public static class Use
            {
                public static Bot Make() => Bot.Create();
            }
            """,
        ],
        ["instance handlers returning ValueTask, Task and void"] =
        [
            """
            using System.Threading.Tasks;
            using Disgo;
            using Disgo.Models;
            using Disgo.Models.Gateway;
            namespace Shapes;
            [DiscordBot] [Handlers(typeof(Chat))] public sealed partial class Bot;
            public sealed class Chat
            {
                [On(GatewayEvents.MessageCreate)] public async ValueTask A(Message message, DispatchContext context) => await Task.Delay(1, context.CancellationToken);
                [On(GatewayEvents.MessageCreate)] public Task B(Message message) => Task.CompletedTask;
                [On(GatewayEvents.MessageUpdate)] public void C(Message message) { }
            }
            public static class Use
            {
                public static Bot Make() => Bot.Create(new Chat());
            }
            """,
        ],
        ["several handler classes shared by two bots, in several files"] =
        [
            """
            using Disgo;
            namespace Shapes;
            [DiscordBot] [Handlers(typeof(Handlers.Chat), typeof(Handlers.Log))] public sealed partial class First;
            [DiscordBot] [Handlers(typeof(Handlers.Log))] [Handlers(typeof(Handlers.Chat))] public sealed partial class Second;
            """,
            """
            using Disgo;
            using Disgo.Models;
            using Disgo.Models.Gateway;
            namespace Shapes.Handlers;
            public sealed partial class Chat
            {
                [On(GatewayEvents.MessageCreate)] public void Created(Message message) { }
            }
            public static class Log
            {
                [On] public static void Interaction(Interaction interaction) { }
            }
            """,
            """
            using Disgo;
            using Disgo.Models;
            using Disgo.Models.Gateway;
            namespace Shapes.Handlers;
            public sealed partial class Chat
            {
                [On(GatewayEvents.MessageUpdate)] public void Updated(Message message) { }
            }
            """,
        ],
        ["block namespaces"] =
        [
            """
            namespace Shapes.Outer
            {
                namespace Inner
                {
                    [Disgo.DiscordBot] [Disgo.Handlers(typeof(Handlers))] public partial class Bot { }

                    public class Handlers
                    {
                        [Disgo.On] public void OnReady(Disgo.Models.Events.Ready ready, Disgo.DispatchContext context) { }
                    }
                }
            }
            """,
        ],
        ["global namespace"] =
        [
            """
            using Disgo;
            using Disgo.Models.Events;
            [DiscordBot] [Handlers(typeof(Handlers))] partial class Bot;
            class Handlers
            {
                [On] internal void OnGuild(GuildCreate guild) { }
            }
            """,
        ],
        ["bots nested in partial classes, structs, records and static classes"] =
        [
            """
            using Disgo;
            using Disgo.Models.Events;
            namespace Shapes;
            public static partial class A { public partial class B { [DiscordBot] [Handlers(typeof(H))] public sealed partial class Bot; } }
            internal partial struct S { [DiscordBot] [Handlers(typeof(H))] internal partial class Bot; }
            public partial record R(int X) { [DiscordBot] [Handlers(typeof(H))] private sealed partial class Bot; }
            public partial record struct RS { [DiscordBot] public partial class Bot; }
            public static class H { [On] public static void OnReady(Ready ready) { } }
            """,
        ],
        ["handler classes whose names clash with keywords, generated names or each other"] =
        [
            """
            using Disgo;
            using Disgo.Models.Events;
            namespace Shapes
            {
                [DiscordBot] [Handlers(typeof(@event), typeof(Logger), typeof(Commands), typeof(Services), typeof(One.Greetings), typeof(Two.Greetings))]
                public sealed partial class Bot;
                public class @event { [On] public void @return(Ready ready) { } }
                public class Logger { [On] public void OnReady(Ready ready, DispatchContext context) { } }
                public class Commands { [On] public void OnReady(Ready ready) { } }
                public class Services { [On] public void OnReady(Ready ready) { } }
                public static class Use
                {
                    public static Bot Make() => Bot.Create(new @event(), new Logger(), new Commands(), new Services(), new One.Greetings(), new Two.Greetings());
                }
            }
            namespace Shapes.One { public class Greetings { [On] public void OnReady(Ready ready) { } } }
            namespace Shapes.Two { public class Greetings { [On] public void OnReady(Ready ready) { } } }
            """,
        ],
        ["a public bot with internal and private handler classes"] =
        [
            """
            using Disgo;
            using Disgo.Models.Events;
            namespace Shapes;
            public partial class Container
            {
                [DiscordBot] [Handlers(typeof(Hidden), typeof(Internal))] public sealed partial class Bot;
                private sealed class Hidden { [On] public void OnReady(Ready ready) { } }
            }
            [DiscordBot] [Handlers(typeof(Internal))] public sealed partial class Visible;
            internal sealed class Internal { [On] public void OnReady(Ready ready) { } }
            internal static class Use
            {
                public static Visible Make() => Visible.Create(new Internal());
            }
            """,
        ],
        ["constructor parameters with every kind of default"] =
        [
            """
            using System;
            using Disgo;
            using Disgo.Models.Events;
            using Disgo.Models.Gateway;
            namespace Shapes;
            [DiscordBot] [Handlers(typeof(Configured))] public sealed partial class Bot;
            public sealed class Configured
            {
                public Configured(
                IServiceProvider services,
                GatewayIntents intents = GatewayIntents.Guilds | GatewayIntents.GuildMembers,
                decimal price = 1.25m,
                float ratio = 0.5f,
                double nothing = double.NaN,
                double infinite = double.NegativeInfinity,
                long big = -9_000_000_000,
                ulong huge = ulong.MaxValue,
                char separator = '\'',
                string? name = null,
                string quote = "say \"hi\"\n",
                bool enabled = true,
                DateTime when = default,
                params string[] rest)
                {
                }

                [On] public void OnReady(Ready ready) { }
            }
            """,
        ],
        ["handlers limited to shards of a fixed and a ranged shard set"] =
        [
            """
            using Disgo;
            using Disgo.Models;
            using Disgo.Models.Events;
            using Disgo.Models.Gateway;
            namespace Shapes;
            [DiscordBot(LargeThreshold = 250)] [Shards(8)] [Handlers(typeof(H))] public sealed partial class Fixed;
            [DiscordBot] [Shards(8, FirstShard = 4)] [Handlers(typeof(H))] public sealed partial class Ranged;
            [OnlyShards(4, 5)]
            public static class H
            {
                [On] public static void OnReady(Ready ready) { }
                [On(GatewayEvents.MessageCreate)] [OnlyShards(7)] public static void OnMessage(Message message) { }
            }
            """,
        ],
        ["code that starts any bot through IDiscordBot without reflection"] =
        [
            """
            using System;
            using Disgo;
            using Disgo.Models.Events;
            using Disgo.Models.Gateway;
            namespace Shapes;
            [DiscordBot] [Intents(GatewayIntents.Guilds | GatewayIntents.MessageContent)] [Handlers(typeof(H))] public sealed partial class Bot;
            public static class H { [On] public static void OnReady(Ready ready) { } }
            public static class Host
            {
                public static (TBot Bot, GatewayIntents Intents, ShardSet Shards, int? LargeThreshold) Start<TBot>(IServiceProvider services)
                    where TBot : class, IDiscordBot<TBot> =>
                    (TBot.Create(services), TBot.Intents | TBot.RequiredIntents, TBot.Shards, TBot.LargeThreshold);

                public static object Run(IServiceProvider services) => Start<Bot>(services);
            }
            """,
        ],
        ["a bot declared in two partial parts"] =
        [
            """
            using Disgo;
            namespace Shapes;
            [DiscordBot] public sealed partial class Bot;
            """,
            """
            using Disgo;
            namespace Shapes;
            [Handlers(typeof(H))] public sealed partial class Bot;
            public static class H { [On] public static void OnReady(Disgo.Models.Events.Ready ready) { } }
            """,
        ],
        ["static extension methods as handlers"] =
        [
            """
            using Disgo;
            using Disgo.Models;
            using Disgo.Models.Gateway;
            namespace Shapes;
            [DiscordBot] [Handlers(typeof(Extensions))] public sealed partial class Bot;
            public static class Extensions
            {
                [On(GatewayEvents.MessageDelete)] public static void Deleted(this Disgo.Models.Events.MessageDelete deleted) { }
                [On] public static void Reaction(this Disgo.Models.Events.MessageReactionAdd reaction, DispatchContext context) { }
            }
            """,
        ],
    };

    public static TheoryData<string> ShapeNames => [.. Shapes.Keys];

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Generated_code_compiles_without_any_diagnostic(string shape)
    {
        var run = GeneratorRun.Run(Shapes[shape]);

        Assert.NotEmpty(run.Result.GeneratedSources);
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void Every_bot_gets_a_file_of_its_own()
    {
        var run = GeneratorRun.Run(Shapes["bots nested in partial classes, structs, records and static classes"]);

        Assert.Equal(
            ["Shapes.A+B+Bot.g.cs", "Shapes.R+Bot.g.cs", "Shapes.RS+Bot.g.cs", "Shapes.S+Bot.g.cs"],
            run.GeneratedSources.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_factory_taking_handler_instances_is_no_more_visible_than_the_handler_classes()
    {
        var sources = GeneratorRun.Run(Shapes["a public bot with internal and private handler classes"]).GeneratedSources;

        Assert.Contains("internal static global::Shapes.Visible Create(global::Shapes.Internal @internal", sources["Shapes.Visible.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("Create(global::Shapes.Container.Hidden", sources["Shapes.Container+Bot.g.cs"], StringComparison.Ordinal);
    }
}
