namespace Disgo.Shared;

/// <summary>What each <see cref="BotRule"/> means: whether it blocks generation, and its message.</summary>
internal static class BotRules
{
    /// <summary>Whether breaking <paramref name="rule"/> makes the bot impossible to generate correctly.</summary>
    public static bool IsBlocking(BotRule rule) => rule < BotRule.HandlerTypeWithoutHandlers;

    /// <summary>The message format of <paramref name="rule"/>; <see cref="BotProblem.Arguments"/> fill it in.</summary>
    public static string MessageFormat(BotRule rule) => rule switch
    {
        BotRule.BotNotPartial => "Bot '{0}' must be declared partial: Disgo generates its dispatcher into it",
        BotRule.BotShapeUnsupported => "Bot '{0}' must be a non-generic, non-static, non-abstract class that is not a record ({1})",
        BotRule.BotContainerUnsupported => "Bot '{0}' is nested in '{1}', which must be a non-generic partial type",
        BotRule.BotHasMembers => "Bot '{0}' declares '{1}': a bot declaration holds only attributes; put code in its handler classes",
        BotRule.HandlerTypeUnusable => "'{0}' cannot be a handler class of bot '{1}': {2}",
        BotRule.HandlerTypeRepeated => "'{0}' is listed more than once as a handler class of bot '{1}'",
        BotRule.HandlerConstructorUnusable => "Handler class '{0}' has instance handlers, so it needs exactly one constructor the bot can call: {1}",
        BotRule.HandlerMethodUnusable => "Handler '{0}' cannot be called by the bot: {1}",
        BotRule.HandlerMethodAsyncVoid => "Handler '{0}' is async void, so its failures would crash the process: return ValueTask instead",
        BotRule.UnknownEvent => "'{0}' is not a Discord dispatch event (handler '{1}'): use a GatewayEvents constant",
        BotRule.EventWithoutModel => "Disgo has no model for {0} yet, so handler '{1}' cannot receive it",
        BotRule.EventModelMismatch => "{0} carries a {1}, but handler '{2}' takes a {3}",
        BotRule.EventNotInferable => "No event carries a {0}: name the event of handler '{1}' with [On(GatewayEvents.…)] and take its model",
        BotRule.EventAmbiguous => "{0} is carried by {1}: name the event of handler '{2}' with [On(GatewayEvents.…)]",
        BotRule.ShardsInvalid => "[Shards] of bot '{0}' cannot work: {1}",
        BotRule.OnlyShardsInvalid => "[OnlyShards] on '{0}' cannot work: {1}",
        BotRule.LargeThresholdOutOfRange => "LargeThreshold of bot '{0}' is {1}; Discord accepts 50 to 250 (or 0 for its default)",
        BotRule.IntentsUndocumented => "[Intents] of bot '{0}' has bits Discord does not define ({1}): the gateway would close with 4013",
        BotRule.HandlerTypeWithoutHandlers => "Handler class '{0}' of bot '{1}' has no [On] method",
        BotRule.OnlyShardsNotRun => "Handler '{0}' is limited to shards {1}, none of which bot '{2}' runs ({3}): it is never called",
        BotRule.IntentsMissingRequired => "Bot '{0}' identifies without {1}, so its handlers of {2} receive nothing",
        BotRule.PrivilegedIntentsRequired => "Bot '{0}' identifies with the privileged intents {1}: enable them for the bot in the Developer Portal, or Identify fails with 4014",
        BotRule.OnlyShardsRepeated => "Shard {0} is listed more than once in {1}: {2}",
        _ => rule.ToString(),
    };
}
