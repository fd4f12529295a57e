using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Disgo.Analyzers.CodeFixes.Rules;

/// <summary>
/// Fixes DISGO6001 by reading the token from the <c>DISCORD_TOKEN</c> environment variable, failing with a clear
/// message when it is unset (so the result stays a non-null string). Not offered where C# needs a constant.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadTokenFromEnvironmentCodeFixProvider)), Shared]
public sealed class ReadTokenFromEnvironmentCodeFixProvider : CodeFixProvider
{
    public const string VariableName = "DISCORD_TOKEN";
    private const string Title = "Read the token from " + VariableName;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.TokenInSource];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal || NeedsConstant(literal))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => ReplaceAsync(context.Document, literal, cancellationToken), equivalenceKey: Title),
                diagnostic);
        }
    }

    private static bool NeedsConstant(LiteralExpressionSyntax literal)
    {
        foreach (var ancestor in literal.Ancestors())
        {
            switch (ancestor)
            {
                case AttributeArgumentSyntax or ParameterSyntax or CaseSwitchLabelSyntax or ConstantPatternSyntax:
                case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                case LocalDeclarationStatementSyntax local when local.IsConst:
                    return true;
                case StatementSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private static async Task<Document> ReplaceAsync(Document document, LiteralExpressionSyntax literal, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var read = SyntaxFactory.ParseExpression(
                $"(global::System.Environment.GetEnvironmentVariable(\"{VariableName}\") ?? throw new global::System.InvalidOperationException(\"Set {VariableName} to the bot's token.\"))")
            .WithTriviaFrom(literal);
        read = read.ReplaceNodes(read.DescendantNodesAndSelf(), static (_, node) => node.WithAdditionalAnnotations(Simplifier.Annotation));
        return document.WithSyntaxRoot(root.ReplaceNode(literal, read));
    }
}
