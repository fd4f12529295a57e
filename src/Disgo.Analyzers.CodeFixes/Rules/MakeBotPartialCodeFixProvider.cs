using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Disgo.Analyzers.CodeFixes.Rules;

/// <summary>Fixes DISGO1001 by adding <c>partial</c> to every declaration of the bot, in whichever file it is.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeBotPartialCodeFixProvider)), Shared]
public sealed class MakeBotPartialCodeFixProvider : CodeFixProvider
{
    private const string Title = "Make the bot partial";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.BotNotPartial];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span) is not { } node || node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => MakePartialAsync(context.Document, declaration, cancellationToken), equivalenceKey: Title),
                diagnostic);
        }
    }

    private static async Task<Solution> MakePartialAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var solution = document.Project.Solution;
        if (model?.GetDeclaredSymbol(declaration, cancellationToken) is not { } bot)
        {
            return solution;
        }

        var editor = new SolutionEditor(solution);
        foreach (var reference in bot.DeclaringSyntaxReferences)
        {
            if (solution.GetDocument(reference.SyntaxTree) is not { } declaringDocument)
            {
                continue;
            }

            var documentEditor = await editor.GetDocumentEditorAsync(declaringDocument.Id, cancellationToken).ConfigureAwait(false);
            var syntax = await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            var modifiers = documentEditor.Generator.GetModifiers(syntax);
            if (!modifiers.IsPartial)
            {
                documentEditor.SetModifiers(syntax, modifiers.WithPartial(true));
            }
        }

        return editor.GetChangedSolution();
    }
}
