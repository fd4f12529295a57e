using System;
using System.Collections.Immutable;
using System.Threading;
using Disgo.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Disgo.Analyzers.Rules;

/// <summary>
/// Reports every rule a <c>[DiscordBot]</c> class or its handlers break. The checks are the generator's own
/// (<see cref="BotDeclarationReader"/>), so a bot the generator skips always has a diagnostic saying why, and a bot
/// it accepts has none that blocks it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BotDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        DiagnosticDescriptors.BotNotPartial,
        DiagnosticDescriptors.BotShapeUnsupported,
        DiagnosticDescriptors.BotContainerUnsupported,
        DiagnosticDescriptors.BotHasMembers,
        DiagnosticDescriptors.LargeThresholdOutOfRange,
        DiagnosticDescriptors.HandlerTypeUnusable,
        DiagnosticDescriptors.HandlerTypeRepeated,
        DiagnosticDescriptors.HandlerConstructorUnusable,
        DiagnosticDescriptors.HandlerTypeWithoutHandlers,
        DiagnosticDescriptors.HandlerMethodUnusable,
        DiagnosticDescriptors.HandlerMethodAsyncVoid,
        DiagnosticDescriptors.UnknownEvent,
        DiagnosticDescriptors.EventWithoutModel,
        DiagnosticDescriptors.EventModelMismatch,
        DiagnosticDescriptors.EventNotInferable,
        DiagnosticDescriptors.EventAmbiguous,
        DiagnosticDescriptors.ShardsInvalid,
        DiagnosticDescriptors.OnlyShardsInvalid,
        DiagnosticDescriptors.OnlyShardsNotRun,
        DiagnosticDescriptors.IntentsUndocumented,
        DiagnosticDescriptors.IntentsMissingRequired,
        DiagnosticDescriptors.PrivilegedIntentsRequired,
        DiagnosticDescriptors.ShardRepeated,
    ];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Without the runtime there is no bot to check.
            if (DisgoSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return;
            }

            // Every bot is read once per compilation, on first use, whichever type is analyzed first.
            var index = new Lazy<BotProblemIndex>(() => BotProblemIndex.Build(symbols, start.CancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterSymbolAction(symbolContext => Report(symbolContext, index.Value), SymbolKind.NamedType);
        });
    }

    private static void Report(SymbolAnalysisContext context, BotProblemIndex index)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (var problem in index.ProblemsIn(type))
        {
            // A problem in a type from metadata has no source: point at the bot that uses it.
            var location = problem.Location ?? Locations.Of(type) ?? Location.None;
            context.ReportDiagnostic(Diagnostic.Create(BotRuleDescriptors.For(problem.Rule), location, problem.Arguments));
        }
    }
}
