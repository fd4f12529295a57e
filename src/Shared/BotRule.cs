namespace Disgo.Shared;

/// <summary>
/// Every rule a bot declaration and its handlers are checked against. The analyzers report each as a diagnostic;
/// the generator emits nothing for a bot that breaks a <see cref="BotRules.IsBlocking">blocking</see> one.
/// </summary>
internal enum BotRule
{
    BotNotPartial,
    BotShapeUnsupported,
    BotContainerUnsupported,
    BotHasMembers,
    HandlerTypeUnusable,
    HandlerTypeRepeated,
    HandlerConstructorUnusable,
    HandlerMethodUnusable,
    HandlerMethodAsyncVoid,
    UnknownEvent,
    EventWithoutModel,
    EventModelMismatch,
    EventNotInferable,
    EventAmbiguous,
    ShardsInvalid,
    OnlyShardsInvalid,
    LargeThresholdOutOfRange,
    IntentsUndocumented,

    // Not blocking: the bot works, but probably not as meant.
    HandlerTypeWithoutHandlers,
    OnlyShardsNotRun,
    IntentsMissingRequired,
    PrivilegedIntentsRequired,
    OnlyShardsRepeated,
}
