using Disgo.Shared;
using Microsoft.CodeAnalysis;

namespace Disgo.Analyzers;

/// <summary>
/// Every diagnostic Disgo reports. The rules of a bot declaration take their message from the shared
/// <see cref="BotRules"/>, the same text the generator's validation uses, so there is one wording per rule.
/// </summary>
public static class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor BotNotPartial = new(
        DiagnosticIds.BotNotPartial,
        "A bot class must be partial",
        BotRules.MessageFormat(BotRule.BotNotPartial),
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.BotNotPartial));

    public static readonly DiagnosticDescriptor BotShapeUnsupported = new(
        DiagnosticIds.BotShapeUnsupported,
        "A bot must be a plain non-generic class",
        BotRules.MessageFormat(BotRule.BotShapeUnsupported),
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.BotShapeUnsupported));

    public static readonly DiagnosticDescriptor BotContainerUnsupported = new(
        DiagnosticIds.BotContainerUnsupported,
        "A nested bot must sit in partial non-generic types",
        BotRules.MessageFormat(BotRule.BotContainerUnsupported),
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.BotContainerUnsupported));

    public static readonly DiagnosticDescriptor BotHasMembers = new(
        DiagnosticIds.BotHasMembers,
        "A bot declaration holds only attributes",
        BotRules.MessageFormat(BotRule.BotHasMembers),
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.BotHasMembers));

    public static readonly DiagnosticDescriptor LargeThresholdOutOfRange = new(
        DiagnosticIds.LargeThresholdOutOfRange,
        "LargeThreshold must be 50 to 250",
        BotRules.MessageFormat(BotRule.LargeThresholdOutOfRange),
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.LargeThresholdOutOfRange));

    public static readonly DiagnosticDescriptor HandlerTypeUnusable = new(
        DiagnosticIds.HandlerTypeUnusable,
        "A handler class must be an accessible non-generic class",
        BotRules.MessageFormat(BotRule.HandlerTypeUnusable),
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.HandlerTypeUnusable));

    public static readonly DiagnosticDescriptor HandlerTypeRepeated = new(
        DiagnosticIds.HandlerTypeRepeated,
        "A handler class is listed once per bot",
        BotRules.MessageFormat(BotRule.HandlerTypeRepeated),
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.HandlerTypeRepeated));

    public static readonly DiagnosticDescriptor HandlerConstructorUnusable = new(
        DiagnosticIds.HandlerConstructorUnusable,
        "A handler class with instance handlers needs one usable constructor",
        BotRules.MessageFormat(BotRule.HandlerConstructorUnusable),
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.HandlerConstructorUnusable));

    public static readonly DiagnosticDescriptor HandlerTypeWithoutHandlers = new(
        DiagnosticIds.HandlerTypeWithoutHandlers,
        "A handler class has no [On] method",
        BotRules.MessageFormat(BotRule.HandlerTypeWithoutHandlers),
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.HandlerTypeWithoutHandlers));

    public static readonly DiagnosticDescriptor HandlerMethodUnusable = new(
        DiagnosticIds.HandlerMethodUnusable,
        "A handler method must have a signature the bot can call",
        BotRules.MessageFormat(BotRule.HandlerMethodUnusable),
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.HandlerMethodUnusable));

    public static readonly DiagnosticDescriptor HandlerMethodAsyncVoid = new(
        DiagnosticIds.HandlerMethodAsyncVoid,
        "A handler must not be async void",
        BotRules.MessageFormat(BotRule.HandlerMethodAsyncVoid),
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.HandlerMethodAsyncVoid));

    public static readonly DiagnosticDescriptor UnknownEvent = new(
        DiagnosticIds.UnknownEvent,
        "Unknown dispatch event",
        BotRules.MessageFormat(BotRule.UnknownEvent),
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.UnknownEvent));

    public static readonly DiagnosticDescriptor EventWithoutModel = new(
        DiagnosticIds.EventWithoutModel,
        "The event has no model in Disgo yet",
        BotRules.MessageFormat(BotRule.EventWithoutModel),
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.EventWithoutModel));

    public static readonly DiagnosticDescriptor EventModelMismatch = new(
        DiagnosticIds.EventModelMismatch,
        "A handler must take the model its event carries",
        BotRules.MessageFormat(BotRule.EventModelMismatch),
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.EventModelMismatch));

    public static readonly DiagnosticDescriptor EventNotInferable = new(
        DiagnosticIds.EventNotInferable,
        "The event of a handler cannot be inferred from its parameter",
        BotRules.MessageFormat(BotRule.EventNotInferable),
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.EventNotInferable));

    public static readonly DiagnosticDescriptor EventAmbiguous = new(
        DiagnosticIds.EventAmbiguous,
        "Several events carry the handler's model: name the event",
        BotRules.MessageFormat(BotRule.EventAmbiguous),
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.EventAmbiguous));

    public static readonly DiagnosticDescriptor ShardsInvalid = new(
        DiagnosticIds.ShardsInvalid,
        "[Shards] names shards that cannot exist",
        BotRules.MessageFormat(BotRule.ShardsInvalid),
        DiagnosticCategories.Sharding,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.ShardsInvalid));

    public static readonly DiagnosticDescriptor OnlyShardsInvalid = new(
        DiagnosticIds.OnlyShardsInvalid,
        "[OnlyShards] names shards that cannot exist",
        BotRules.MessageFormat(BotRule.OnlyShardsInvalid),
        DiagnosticCategories.Sharding,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.OnlyShardsInvalid));

    public static readonly DiagnosticDescriptor OnlyShardsNotRun = new(
        DiagnosticIds.OnlyShardsNotRun,
        "A handler is limited to shards this process never runs",
        BotRules.MessageFormat(BotRule.OnlyShardsNotRun),
        DiagnosticCategories.Sharding,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.OnlyShardsNotRun));

    public static readonly DiagnosticDescriptor ShardValueInvalid = new(
        DiagnosticIds.ShardValueInvalid,
        "A shard value names shards that cannot exist",
        "'{0}' cannot work: {1}",
        DiagnosticCategories.Sharding,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.ShardValueInvalid));

    public static readonly DiagnosticDescriptor ShardTupleReversed = new(
        DiagnosticIds.ShardTupleReversed,
        "A shard id and shard count are the wrong way round",
        "'{0}' has the shard id and the shard count the wrong way round: ShardInfo takes (shardId, shardCount), so write new ShardInfo({1}, {2})",
        DiagnosticCategories.Sharding,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.ShardTupleReversed));

    public static readonly DiagnosticDescriptor ShardTotalNotMultiple = new(
        DiagnosticIds.ShardTotalNotMultiple,
        "The shard total is not a multiple of the one Discord requires",
        "'{0}' cannot work: {1}",
        DiagnosticCategories.Sharding,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.ShardTotalNotMultiple));

    public static readonly DiagnosticDescriptor ShardRepeated = new(
        DiagnosticIds.ShardRepeated,
        "A shard is listed more than once",
        BotRules.MessageFormat(BotRule.OnlyShardsRepeated),
        DiagnosticCategories.Sharding,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.ShardRepeated));

    public static readonly DiagnosticDescriptor IntentsUndocumented = new(
        DiagnosticIds.IntentsUndocumented,
        "[Intents] has bits Discord does not define",
        BotRules.MessageFormat(BotRule.IntentsUndocumented),
        DiagnosticCategories.Intents,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.IntentsUndocumented));

    public static readonly DiagnosticDescriptor IntentsMissingRequired = new(
        DiagnosticIds.IntentsMissingRequired,
        "[Intents] leaves out intents the handlers need",
        BotRules.MessageFormat(BotRule.IntentsMissingRequired),
        DiagnosticCategories.Intents,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.IntentsMissingRequired));

    public static readonly DiagnosticDescriptor PrivilegedIntentsRequired = new(
        DiagnosticIds.PrivilegedIntentsRequired,
        "The bot uses privileged intents",
        BotRules.MessageFormat(BotRule.PrivilegedIntentsRequired),
        DiagnosticCategories.Intents,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.PrivilegedIntentsRequired));

    public static readonly DiagnosticDescriptor MessageContentWithoutIntent = new(
        DiagnosticIds.MessageContentWithoutIntent,
        "A handler reads message content the bot does not receive",
        "Handler '{0}' reads Message.{1}, but bot '{2}' identifies without MessageContent, so it is empty for most messages: add GatewayIntents.MessageContent to [Intents] and enable it in the Developer Portal",
        DiagnosticCategories.Intents,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.MessageContentWithoutIntent));

    public static readonly DiagnosticDescriptor SessionHeldByReference = new(
        DiagnosticIds.SessionHeldByReference,
        "Hold a session's SessionId, not the session",
        "'{0}' holds a {1}, which goes stale when the session is replaced: hold its SessionId and resolve the session through the session manager when needed",
        DiagnosticCategories.Sessions,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.SessionHeldByReference));

    public static readonly DiagnosticDescriptor BlockingCallInHandler = new(
        DiagnosticIds.BlockingCallInHandler,
        "Do not block in a handler",
        "'{0}' blocks handler '{1}' and with it the shard's event queue: await instead",
        DiagnosticCategories.Blocking,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.BlockingCallInHandler));

    public static readonly DiagnosticDescriptor BlockingCallInCalledMethod = new(
        DiagnosticIds.BlockingCallInCalledMethod,
        "Do not block in a method a handler calls",
        "'{0}' calls {1}, which blocks handler '{2}' and with it the shard's event queue: make '{0}' asynchronous and await it",
        DiagnosticCategories.Blocking,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.BlockingCallInCalledMethod));

    public static readonly DiagnosticDescriptor TokenInSource = new(
        DiagnosticIds.TokenInSource,
        "A Discord bot token is written in source",
        "This string looks like a Discord bot token: anyone who reads the code or the binary can run the bot; read it from configuration or the environment and reset the token in the Developer Portal",
        DiagnosticCategories.Security,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.TokenInSource));

    /// <summary>The rule page of <paramref name="id"/> in Disgo's repository.</summary>
    public static string HelpLink(string id) => $"docs/diagnostics/{id}.md";
}
