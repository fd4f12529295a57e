using Disgo.Generator.Emitting;
using Disgo.Generator.Parsing;
using Disgo.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Disgo.Generator;

/// <summary>
/// Completes every <c>[DiscordBot]</c> partial class into a reflection-free bot: a dispatcher calling its handlers,
/// the intents they need, its shard set and its factories. Invalid declarations produce nothing; the analyzers,
/// reading them with the same shared rules, say why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DisgoGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. Every class carrying [DiscordBot], read with its handler classes into a model of plain values; null when
        //    the declaration breaks a blocking rule. Equal models stop the pipeline here on unrelated edits.
        var declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                MetadataNames.DiscordBotAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                BotParser.Parse)
            .WithTrackingName(TrackingNames.BotDeclarations);

        // 2. Only bots that code can be generated for.
        var bots = declarations
            .Where(static bot => bot is not null)
            .WithTrackingName(TrackingNames.ValidBots);

        // 3. One file per bot.
        context.RegisterSourceOutput(bots, static (output, bot) => output.AddSource(bot!.HintName, BotEmitter.Emit(bot)));
    }
}
