namespace Disgo.Analyzers;

/// <summary>
/// Every Disgo diagnostic ID, by area: 10xx the bot class, 11xx handler classes and methods, 12xx events,
/// 2xxx shards, 3xxx intents, 4xxx sessions, 5xxx blocking calls, 6xxx secrets. An ID is never reused for another rule.
/// </summary>
public static class DiagnosticIds
{
    public const string BotNotPartial = "DISGO1001";
    public const string BotShapeUnsupported = "DISGO1002";
    public const string BotContainerUnsupported = "DISGO1003";
    public const string BotHasMembers = "DISGO1004";
    public const string LargeThresholdOutOfRange = "DISGO1005";

    public const string HandlerTypeUnusable = "DISGO1101";
    public const string HandlerTypeRepeated = "DISGO1102";
    public const string HandlerConstructorUnusable = "DISGO1103";
    public const string HandlerTypeWithoutHandlers = "DISGO1104";
    public const string HandlerMethodUnusable = "DISGO1105";
    public const string HandlerMethodAsyncVoid = "DISGO1106";

    public const string UnknownEvent = "DISGO1201";
    public const string EventWithoutModel = "DISGO1202";
    public const string EventModelMismatch = "DISGO1203";
    public const string EventNotInferable = "DISGO1204";
    public const string EventAmbiguous = "DISGO1205";

    public const string ShardsInvalid = "DISGO2001";
    public const string OnlyShardsInvalid = "DISGO2002";
    public const string OnlyShardsNotRun = "DISGO2003";
    public const string ShardValueInvalid = "DISGO2004";
    public const string ShardTupleReversed = "DISGO2005";
    public const string ShardTotalNotMultiple = "DISGO2006";
    public const string ShardRepeated = "DISGO2007";

    public const string IntentsUndocumented = "DISGO3001";
    public const string IntentsMissingRequired = "DISGO3002";
    public const string PrivilegedIntentsRequired = "DISGO3003";
    public const string MessageContentWithoutIntent = "DISGO3004";

    public const string SessionHeldByReference = "DISGO4001";

    public const string BlockingCallInHandler = "DISGO5001";
    public const string BlockingCallInCalledMethod = "DISGO5002";

    public const string TokenInSource = "DISGO6001";
}
