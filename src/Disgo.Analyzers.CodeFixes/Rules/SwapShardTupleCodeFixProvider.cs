using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Disgo.Analyzers.CodeFixes.Rules;

/// <summary>Fixes DISGO2005 by swapping the two arguments of <c>new ShardInfo(total, id)</c>, each keeping its own trivia.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwapShardTupleCodeFixProvider)), Shared]
public sealed class SwapShardTupleCodeFixProvider : CodeFixProvider
{
    private const string Title = "Swap the shard id and the shard count";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.ShardTupleReversed];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span) is not BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 2 } arguments }
            || arguments[0].NameColon is not null
            || arguments[1].NameColon is not null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => SwapAsync(context.Document, arguments, cancellationToken), equivalenceKey: Title),
                diagnostic);
        }
    }

    private static async Task<Document> SwapAsync(Document document, SeparatedSyntaxList<ArgumentSyntax> arguments, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var first = arguments[0];
        var second = arguments[1];
        var swapped = root.ReplaceNodes(
            [first, second],
            (original, _) => original.WithExpression((original == first ? second : first).Expression.WithTriviaFrom(original.Expression)));
        return document.WithSyntaxRoot(swapped);
    }
}
