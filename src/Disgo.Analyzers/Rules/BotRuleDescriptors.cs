using Disgo.Shared;
using Microsoft.CodeAnalysis;

namespace Disgo.Analyzers.Rules;

/// <summary>The diagnostic each shared <see cref="BotRule"/> is reported as.</summary>
internal static class BotRuleDescriptors
{
    public static DiagnosticDescriptor For(BotRule rule) => rule switch
    {
        BotRule.BotNotPartial => DiagnosticDescriptors.BotNotPartial,
        BotRule.BotShapeUnsupported => DiagnosticDescriptors.BotShapeUnsupported,
        BotRule.BotContainerUnsupported => DiagnosticDescriptors.BotContainerUnsupported,
        BotRule.BotHasMembers => DiagnosticDescriptors.BotHasMembers,
        BotRule.LargeThresholdOutOfRange => DiagnosticDescriptors.LargeThresholdOutOfRange,
        BotRule.HandlerTypeUnusable => DiagnosticDescriptors.HandlerTypeUnusable,
        BotRule.HandlerTypeRepeated => DiagnosticDescriptors.HandlerTypeRepeated,
        BotRule.HandlerConstructorUnusable => DiagnosticDescriptors.HandlerConstructorUnusable,
        BotRule.HandlerTypeWithoutHandlers => DiagnosticDescriptors.HandlerTypeWithoutHandlers,
        BotRule.HandlerMethodUnusable => DiagnosticDescriptors.HandlerMethodUnusable,
        BotRule.HandlerMethodAsyncVoid => DiagnosticDescriptors.HandlerMethodAsyncVoid,
        BotRule.UnknownEvent => DiagnosticDescriptors.UnknownEvent,
        BotRule.EventWithoutModel => DiagnosticDescriptors.EventWithoutModel,
        BotRule.EventModelMismatch => DiagnosticDescriptors.EventModelMismatch,
        BotRule.EventNotInferable => DiagnosticDescriptors.EventNotInferable,
        BotRule.EventAmbiguous => DiagnosticDescriptors.EventAmbiguous,
        BotRule.ShardsInvalid => DiagnosticDescriptors.ShardsInvalid,
        BotRule.OnlyShardsInvalid => DiagnosticDescriptors.OnlyShardsInvalid,
        BotRule.OnlyShardsNotRun => DiagnosticDescriptors.OnlyShardsNotRun,
        BotRule.IntentsUndocumented => DiagnosticDescriptors.IntentsUndocumented,
        BotRule.IntentsMissingRequired => DiagnosticDescriptors.IntentsMissingRequired,
        BotRule.PrivilegedIntentsRequired => DiagnosticDescriptors.PrivilegedIntentsRequired,
        BotRule.OnlyShardsRepeated => DiagnosticDescriptors.ShardRepeated,
        _ => throw new System.ArgumentOutOfRangeException(nameof(rule), rule, "A BotRule without a diagnostic"),
    };
}
