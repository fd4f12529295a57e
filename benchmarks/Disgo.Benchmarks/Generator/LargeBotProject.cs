using System.Collections.Immutable;
using System.Globalization;
using Disgo.Models.Gateway;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Logging;

namespace Disgo.Benchmarks.Generator;

/// <summary>
/// A bot project with 500 handlers: 50 handler classes of 10 handlers each (every event shape Disgo supports:
/// named and inferred events, instance and static, ValueTask, Task and void, with and without a context, shard-limited),
/// one file per class, and 5 bots of 10 classes each with different shard, intent and identify settings. Compiled
/// offline against the .NET 10 reference assemblies and the real Disgo.Runtime.
/// </summary>
internal static class LargeBotProject
{
    public const int HandlerClasses = 50;
    public const int HandlersPerClass = 10;
    public const int Bots = 5;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private const string UnrelatedPath = "Formatting.cs";

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(GatewayIntents).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(ILogger).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
    ];

    // Single-threaded, so that a comparison of two ways of compiling measures work, not how busy the other core is.
    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: false);

    /// <summary>The project's sources, parsed once.</summary>
    public static CSharpCompilation Create()
    {
        var trees = new List<SyntaxTree>
        {
            Parse(BotsSource(), "Bots.cs"),
            Parse(FeatureStateSource, "FeatureState.cs"),
            Parse(FormattingSource(2), UnrelatedPath),
        };
        for (var feature = 0; feature < HandlerClasses; feature++)
        {
            trees.Add(Parse(FeatureSource(feature), $"Feature{feature:00}.cs"));
        }

        return CSharpCompilation.Create("LargeBot", trees, References, CompilationOptions);
    }

    /// <summary>The file with no handler and no bot that <see cref="EditUnrelatedFile"/> changes.</summary>
    public static SyntaxTree UnrelatedFile(Compilation compilation) => compilation.SyntaxTrees.Single(tree => tree.FilePath == UnrelatedPath);

    /// <summary>
    /// Another version of <see cref="UnrelatedFile"/> (a method body differs), as an IDE sees it after a keystroke;
    /// <paramref name="version"/> picks which.
    /// </summary>
    public static SyntaxTree EditUnrelatedFile(int version) => Parse(FormattingSource(version), UnrelatedPath);

    /// <summary>Throws unless <paramref name="compilation"/> compiles without errors.</summary>
    public static void RequireNoErrors(Compilation compilation, string what)
    {
        var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{what} does not compile:\n{string.Join('\n', errors.Take(10))}");
        }
    }

    private static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    private static string BotsSource()
    {
        string[] settings =
        [
            "",
            "[Shards(16)]",
            "[Shards(32, FirstShard = 0, ShardCount = 16)]",
            "[Intents(GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages | GatewayIntents.GuildMessageReactions | GatewayIntents.DirectMessageReactions | GatewayIntents.GuildMessageTyping | GatewayIntents.DirectMessageTyping | GatewayIntents.MessageContent)]",
            "[DiscordBot(LargeThreshold = 250)]",
        ];
        var source = new System.Text.StringBuilder("""
            using Disgo;
            using Disgo.Models.Gateway;
            using LargeBot.Features;

            namespace LargeBot;

            """);
        var classesPerBot = HandlerClasses / Bots;
        for (var bot = 0; bot < Bots; bot++)
        {
            var handlers = string.Join(", ", Enumerable.Range(bot * classesPerBot, classesPerBot).Select(feature => $"typeof(Feature{feature:00})"));
            var declaration = settings[bot].StartsWith("[DiscordBot", StringComparison.Ordinal) ? settings[bot] : "[DiscordBot]\n" + settings[bot];
            source.Append(CultureInfo.InvariantCulture, $"\n{declaration}\n[Handlers({handlers})]\npublic sealed partial class Bot{bot};\n");
        }

        return source.ToString();
    }

    private const string FeatureStateSource = """
        namespace LargeBot.Features;

        public sealed class FeatureState
        {
            private long _total;

            public static FeatureState Shared { get; } = new();

            public long Total => System.Threading.Interlocked.Read(ref _total);

            public void Record(ulong id, int weight) => System.Threading.Interlocked.Add(ref _total, (long)(id % 1000) + weight);
        }
        """;

    private static string FormattingSource(int version) => $$"""
        namespace LargeBot;

        internal static class Formatting
        {
            public static string Describe(int value) => (value * {{version}}).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        """;

    // Even classes are instance classes with constructor dependencies; odd ones are static.
    private static string FeatureSource(int feature)
    {
        var isInstance = feature % 2 == 0;
        var name = $"Feature{feature:00}";
        var state = isInstance ? "state" : "FeatureState.Shared";
        var modifier = isInstance ? "" : "static ";
        var declaration = isInstance ? $"public sealed class {name}(FeatureState state, ILogger<{name}> log)" : $"public static class {name}";
        var log = isInstance ? "log.LogInformation(\"Command on shard {Shard}\", context.ShardId);" : "";
        return $$"""
            using System;
            using System.Threading.Tasks;
            using Disgo;
            using Disgo.Models;
            using Disgo.Models.Events;
            using Disgo.Models.Gateway;
            using Microsoft.Extensions.Logging;

            namespace LargeBot.Features;

            {{declaration}}
            {
                [On(GatewayEvents.MessageCreate)]
                public {{modifier}}async ValueTask OnCommand(Message message, DispatchContext context)
                {
                    if (!message.Content.StartsWith("!f{{feature}}", StringComparison.Ordinal))
                    {
                        return;
                    }

                    {{log}}
                    {{state}}.Record(message.ChannelId.Value, Score(message.Content));
                    await context.UpdatePresenceAsync(new UpdatePresence { Status = PresenceStatus.Online }).ConfigureAwait(false);
                }

                [On(GatewayEvents.MessageUpdate)]
                public {{modifier}}void OnEdit(Message message) => {{state}}.Record(message.Id.Value, Score(message.Content));

                [On]
                public {{modifier}}ValueTask OnInteraction(Interaction interaction, DispatchContext context)
                {
                    {{state}}.Record(interaction.Id.Value, context.ShardId);
                    return ValueTask.CompletedTask;
                }

                [On]
                public {{modifier}}void OnGuild(GuildCreate guild) => {{state}}.Record(guild.Id.Value, guild.MemberCount);

                [On]
                public {{modifier}}Task OnDelete(MessageDelete deleted)
                {
                    {{state}}.Record(deleted.Id.Value, 1);
                    return Task.CompletedTask;
                }

                [On]
                public {{modifier}}void OnReaction(MessageReactionAdd reaction, DispatchContext context) => {{state}}.Record(reaction.MessageId.Value, context.ShardId);

                [On]
                public {{modifier}}void OnTyping(TypingStart typing) => {{state}}.Record(typing.ChannelId.Value, 0);

                [On]
                [OnlyShards(0)]
                public {{modifier}}void OnReady(Ready ready, DispatchContext context) => {{state}}.Record((ulong)ready.Guilds.Count, context.ShardId);

                [On]
                public {{modifier}}void OnGuildGone(GuildDelete guild) => {{state}}.Record(guild.Id.Value, guild.Unavailable ? 1 : 0);

                [On(GatewayEvents.MessageCreate)]
                public {{modifier}}async Task OnAudit(Message message, DispatchContext context)
                {
                    await Task.Yield();
                    {{state}}.Record(message.Id.Value, Score(message.Content) + context.ShardId);
                }

                private static int Score(string text) => text.Length % 7;
            }
            """;
    }
}
