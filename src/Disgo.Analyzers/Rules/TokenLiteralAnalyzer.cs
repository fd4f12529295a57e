using System.Collections.Immutable;
using Disgo.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Disgo.Analyzers.Rules;

/// <summary>Reports string literals shaped like a Discord bot token: a secret that must not live in source.</summary>
/// <remarks>
/// A literal's text is all the rule needs, so it reads the syntax tree alone: nothing is bound, and a build pays for
/// one walk over each file's tokens.
/// </remarks>
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

            start.RegisterSyntaxTreeAction(AnalyzeTree);
        });
    }

    private static void AnalyzeTree(SyntaxTreeAnalysisContext context)
    {
        foreach (var token in context.Tree.GetRoot(context.CancellationToken).DescendantTokens())
        {
            // Regular, verbatim and raw literals; a UTF-8 literal or an interpolated string has no string constant.
            if (token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
                && token.Parent.IsKind(SyntaxKind.StringLiteralExpression)
                && DiscordTokenShape.IsToken(token.ValueText))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TokenInSource, token.Parent!.GetLocation()));
            }
        }
    }
}
