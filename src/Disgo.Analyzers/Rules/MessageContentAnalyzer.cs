using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Disgo.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Disgo.Analyzers.Rules;

/// <summary>
/// Reports a handler that reads the message fields the Message Content intent gates when its bot's explicit
/// <c>[Intents]</c> leave that intent out: Discord then sends them empty for most messages. A bot with derived
/// intents is not reported: <c>MessageContent</c> gates no event, so it is never derived, and the session's intents
/// may add it when the bot runs (<c>PingBot.Intents | GatewayIntents.MessageContent</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MessageContentAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The fields of a message Discord empties (or, for a poll, leaves out) without the Message Content intent.</summary>
    private static readonly HashSet<string> GatedFields = new(StringComparer.Ordinal) { "Content", "Embeds", "Attachments", "Components", "Poll" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [DiagnosticDescriptors.MessageContentWithoutIntent];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (DisgoSymbols.TryCreate(start.Compilation) is not { } symbols
                || start.Compilation.GetTypeByMetadataName(MetadataNames.Message) is not { } message)
            {
                return;
            }

            var starved = new Lazy<Dictionary<INamedTypeSymbol, string>>(() => BotsWithoutMessageContent(symbols, start.CancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterSymbolAction(
                symbol =>
                {
                    // Cheapest first: the attribute, then whether the code names a gated field at all, then the bots.
                    // A partial method is analyzed once, from its definition.
                    var method = (IMethodSymbol)symbol.Symbol;
                    if (method.PartialDefinitionPart is null
                        && BotDeclarationReader.Find(method, symbols.OnAttribute) is not null
                        && MethodBodies.Mention(method.PartialImplementationPart ?? method, GatedFields, symbol.CancellationToken)
                        && starved.Value.TryGetValue(method.ContainingType, out var bot))
                    {
                        AnalyzeHandler(symbol, method.PartialImplementationPart ?? method, bot, message);
                    }
                },
                SymbolKind.Method);
        });
    }

    private static void AnalyzeHandler(SymbolAnalysisContext context, IMethodSymbol handler, string bot, INamedTypeSymbol message)
    {
        foreach (var body in MethodBodies.Bind(handler, context.Compilation, context.CancellationToken))
        {
            foreach (var operation in body.Descendants())
            {
                if (operation is IPropertyReferenceOperation { Property: var property }
                    && SymbolEqualityComparer.Default.Equals(property.ContainingType, message)
                    && GatedFields.Contains(property.Name))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.MessageContentWithoutIntent,
                        operation.Syntax.GetLocation(),
                        $"{handler.ContainingType.Name}.{handler.Name}",
                        property.Name,
                        bot));
                }
            }
        }
    }

    /// <summary>Each handler class of a bot whose explicit intents leave out MessageContent, with that bot's name.</summary>
    private static Dictionary<INamedTypeSymbol, string> BotsWithoutMessageContent(DisgoSymbols symbols, CancellationToken cancellationToken)
    {
        var starved = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
        foreach (var declaration in DeclaredBots.Read(symbols, cancellationToken))
        {
            if (declaration.ExplicitIntents is not { } intents || (intents & KnownIntents.MessageContent) != 0)
            {
                continue;
            }

            foreach (var handlerClass in declaration.HandlerClasses)
            {
                starved[handlerClass.Type] = declaration.Bot.Name;
            }
        }

        return starved;
    }
}
