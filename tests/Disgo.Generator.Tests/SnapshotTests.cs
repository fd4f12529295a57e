using Disgo.Generator.Tests.Infrastructure;

namespace Disgo.Generator.Tests;

/// <summary>The generated code of representative bots, against checked-in baselines in <c>Snapshots/</c>.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Bot_with_one_instance_handler()
    {
        Verify(nameof(Bot_with_one_instance_handler), /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Disgo;
            using Disgo.Models;
            using Disgo.Models.Gateway;
            using Microsoft.Extensions.Logging;

            namespace Demo;

            [DiscordBot]
            [Handlers(typeof(Greetings))]
            public sealed partial class PingBot;

            public sealed class Greetings(ILogger<Greetings> log)
            {
                [On(GatewayEvents.MessageCreate)]
                public ValueTask OnMessage(Message message, DispatchContext context)
                {
                    log.LogInformation("{Content} on shard {Shard}", message.Content, context.ShardId);
                    return ValueTask.CompletedTask;
                }
            }
            """);
    }

    [Fact]
    public void Several_handlers_of_one_event_are_called_in_declaration_order()
    {
        Verify(nameof(Several_handlers_of_one_event_are_called_in_declaration_order), /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Disgo;
            using Disgo.Models;
            using Disgo.Models.Events;
            using Disgo.Models.Gateway;

            namespace Demo;

            [DiscordBot]
            [Handlers(typeof(Audit), typeof(Commands))]
            [Handlers(typeof(Metrics))]
            public sealed partial class OrderedBot;

            public sealed class Audit
            {
                [On(GatewayEvents.MessageCreate)]
                public void Created(Message message) { }

                [On(GatewayEvents.MessageUpdate)]
                public void Edited(Message message) { }

                [On(GatewayEvents.MessageCreate)]
                public void CreatedAgain(Message message) { }
            }

            public sealed class Commands
            {
                [On(GatewayEvents.MessageCreate)]
                public Task Run(Message message, DispatchContext context) => Task.CompletedTask;

                [On]
                public ValueTask Interact(Interaction interaction, DispatchContext context) => ValueTask.CompletedTask;
            }

            public static class Metrics
            {
                [On]
                public static void Ready(Ready ready) { }

                [On(GatewayEvents.MessageCreate)]
                public static void Count(Message message) { }
            }
            """);
    }

    [Fact]
    public void Static_and_instance_handlers_with_constructor_dependencies()
    {
        Verify(nameof(Static_and_instance_handlers_with_constructor_dependencies), /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using Disgo;
            using Disgo.Models.Events;
            using Microsoft.Extensions.Logging;

            namespace Demo.Bots
            {
                [DiscordBot]
                [Handlers(typeof(Handlers.Lifecycle), typeof(Handlers.Guilds))]
                partial class ServiceBot
                {
                }
            }

            namespace Demo.Handlers
            {
                public enum Mode { Quiet, Loud }

                public static class Lifecycle
                {
                    [On]
                    public static void OnReady(Ready ready, DispatchContext context) { }

                    [On]
                    public static async ValueTask OnResumed(Resumed resumed) => await Task.Yield();
                }

                internal sealed class Guilds
                {
                    public Guilds(ILogger<Guilds> log, TimeProvider clock, Mode mode = Mode.Loud, string prefix = "!", int? limit = null, double ratio = -0.5)
                    {
                    }

                    [On]
                    internal Task OnGuildCreate(GuildCreate guild, DispatchContext context) => Task.CompletedTask;

                    [On]
                    public static void OnGuildDelete(GuildDelete guild) { }
                }
            }
            """);
    }

    [Fact]
    public void Shard_limited_handlers()
    {
        Verify(nameof(Shard_limited_handlers), /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Disgo;
            using Disgo.Models;
            using Disgo.Models.Events;
            using Disgo.Models.Gateway;

            namespace Demo;

            [DiscordBot]
            [Shards(16, FirstShard = 0, ShardCount = 8)]
            [Handlers(typeof(DirectMessages), typeof(Everywhere))]
            public sealed partial class ShardedBot;

            // Discord sends direct messages to shard 0 only.
            [OnlyShards(0)]
            public sealed class DirectMessages
            {
                [On(GatewayEvents.MessageCreate)]
                public ValueTask OnMessage(Message message, DispatchContext context) => ValueTask.CompletedTask;

                [On]
                [OnlyShards(3, 1)]
                public void OnTyping(TypingStart typing) { }
            }

            public sealed class Everywhere
            {
                [On(GatewayEvents.MessageCreate)]
                public void OnMessage(Message message) { }

                [On]
                [OnlyShards(1)]
                public void OnTyping(TypingStart typing) { }
            }
            """);
    }

    [Fact]
    public void Explicit_intents_and_identify_options()
    {
        Verify(nameof(Explicit_intents_and_identify_options), /* lang=c#-test */ """
            using Disgo;
            using Disgo.Models;
            using Disgo.Models.Gateway;

            namespace Demo;

            [DiscordBot(LargeThreshold = 100)]
            [Shards(4)]
            [Intents(GatewayIntents.GuildMessages | GatewayIntents.MessageContent)]
            [Handlers(typeof(Echo))]
            public sealed partial class ContentBot;

            public static class Echo
            {
                [On(GatewayEvents.MessageCreate)]
                public static void OnMessage(Message message, DispatchContext context) { }
            }
            """);
    }

    [Fact]
    public void Privileged_intents_are_part_of_the_required_intents()
    {
        Verify(nameof(Privileged_intents_are_part_of_the_required_intents), /* lang=c#-test */ """
            using Disgo;
            using Disgo.Models;
            using Disgo.Models.Events;
            using Disgo.Models.Gateway;

            namespace Demo;

            [DiscordBot]
            [Handlers(typeof(Presence))]
            public sealed partial class PresenceBot;

            public static class Presence
            {
                [On]
                public static void OnPresence(PresenceUpdate presence) { }

                [On]
                public static void OnReaction(MessageReactionAdd reaction) { }
            }
            """);
    }

    [Fact]
    public void Nested_bot_in_the_global_namespace_without_handlers()
    {
        Verify(nameof(Nested_bot_in_the_global_namespace_without_handlers), /* lang=c#-test */ """
            using Disgo;

            public static partial class Outer
            {
                internal partial struct Holder
                {
                    [DiscordBot]
                    internal sealed partial class EmptyBot;
                }
            }
            """);
    }

    private static void Verify(string name, string source)
    {
        var run = GeneratorRun.Run(source);
        run.AssertCompilesCleanly();
        Snapshot.Match(run.SingleSource(), name);
    }
}
