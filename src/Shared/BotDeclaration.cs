using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Disgo.Shared;

/// <summary>
/// A <c>[DiscordBot]</c> class as written: its handler classes, shard set and intents, and every rule it breaks.
/// Holds symbols, so it lives only within one compilation's analysis; the generator turns it into its own model.
/// </summary>
internal sealed class BotDeclaration
{
    public BotDeclaration(
        INamedTypeSymbol bot,
        ImmutableArray<HandlerClassDeclaration> handlerClasses,
        ShardSetDeclaration shards,
        long requiredIntents,
        long? explicitIntents,
        int? largeThreshold,
        ImmutableArray<BotProblem> problems)
    {
        Bot = bot;
        HandlerClasses = handlerClasses;
        Shards = shards;
        RequiredIntents = requiredIntents;
        ExplicitIntents = explicitIntents;
        LargeThreshold = largeThreshold;
        Problems = problems;
    }

    public INamedTypeSymbol Bot { get; }

    /// <summary>In <c>[Handlers]</c> order; each class once.</summary>
    public ImmutableArray<HandlerClassDeclaration> HandlerClasses { get; }

    public ShardSetDeclaration Shards { get; }

    /// <summary>The union of the intents gating every handled event (guild and DM forms).</summary>
    public long RequiredIntents { get; }

    /// <summary>The intents of <c>[Intents]</c>, or null when derived.</summary>
    public long? ExplicitIntents { get; }

    /// <summary>The intents the bot identifies with.</summary>
    public long Intents => ExplicitIntents ?? RequiredIntents;

    /// <summary>Identify's <c>large_threshold</c>; null for Discord's default.</summary>
    public int? LargeThreshold { get; }

    public ImmutableArray<BotProblem> Problems { get; }

    /// <summary>Whether code can be generated for the bot: it breaks no blocking rule.</summary>
    public bool IsValid
    {
        get
        {
            foreach (var problem in Problems)
            {
                if (problem.IsBlocking)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
