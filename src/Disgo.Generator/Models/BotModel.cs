namespace Disgo.Generator.Models;

/// <summary>
/// Everything the generated file of one bot depends on, as plain values: equal models give the same file, so the
/// pipeline skips emitting when an edit leaves the model unchanged.
/// </summary>
/// <param name="HintName">The generated file's name.</param>
/// <param name="Namespace">The bot's namespace; null for the global namespace.</param>
/// <param name="ContainingTypes">The types the bot is nested in, outermost first.</param>
/// <param name="Name">The bot class's name.</param>
/// <param name="TypeName">The bot's <c>global::</c>-qualified name.</param>
/// <param name="DisplayName">The bot's full name without <c>global::</c>, e.g. its logger category.</param>
/// <param name="Instances">The handler classes the bot holds an instance of, in <c>[Handlers]</c> order.</param>
/// <param name="Events">The handled events, in the order their first handler is declared.</param>
/// <param name="RequiredIntents">GatewayIntents member names of the intents gating the handled events.</param>
/// <param name="ExplicitIntents">GatewayIntents member names of <c>[Intents]</c>, or null when derived.</param>
/// <param name="Shards">The declared shard set.</param>
/// <param name="LargeThreshold">Identify's <c>large_threshold</c>; null for Discord's default.</param>
/// <param name="InstanceFactoryAccessibility">
/// <c>public</c> or <c>internal</c>: as accessible as the least accessible handler class the factory taking instances
/// names; null when one is less accessible than internal, and that factory is left out.
/// </param>
internal sealed record BotModel(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Name,
    string TypeName,
    string DisplayName,
    EquatableArray<HandlerInstanceModel> Instances,
    EquatableArray<HandledEventModel> Events,
    EquatableArray<string> RequiredIntents,
    EquatableArray<string>? ExplicitIntents,
    ShardSetModel Shards,
    int? LargeThreshold,
    string? InstanceFactoryAccessibility);
