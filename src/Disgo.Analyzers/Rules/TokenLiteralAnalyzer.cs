using System.Collections.Immutable;
using Disgo.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Disgo.Analyzers.Rules;

/// <summary>Reports string literals shaped like a Discord bot token: a secret that must not live in source.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TokenLiteralAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [DiagnosticDescriptors.TokenInSource];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Only bot projects: a token elsewhere is another tool's business.
            if (start.Compilation.GetTypeByMetadataName(MetadataNames.DiscordBotAttribute) is null)
            {
                return;
            }

            start.RegisterOperationAction(AnalyzeLiteral, OperationKind.Literal);
        });
    }

    private static void AnalyzeLiteral(OperationAnalysisContext context)
    {
        var literal = (ILiteralOperation)context.Operation;
        if (literal.ConstantValue is { HasValue: true, Value: string text } && DiscordTokenShape.IsToken(text))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TokenInSource, literal.Syntax.GetLocation()));
        }
    }
}
