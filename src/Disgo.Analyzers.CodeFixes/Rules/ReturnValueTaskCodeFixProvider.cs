using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace Disgo.Analyzers.CodeFixes.Rules;

/// <summary>
/// Fixes DISGO1106 by making an <c>async void</c> handler return <c>ValueTask</c>: the body stays as it is, since
/// <c>return;</c> and <c>await</c> mean the same in both.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReturnValueTaskCodeFixProvider)), Shared]
public sealed class ReturnValueTaskCodeFixProvider : CodeFixProvider
{
    private const string Title = "Return ValueTask";
    private const string ValueTaskMetadataName = "System.Threading.Tasks.ValueTask";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.HandlerMethodAsyncVoid];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span) is not { } node || node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => ReturnValueTaskAsync(context.Document, method, cancellationToken), equivalenceKey: Title),
                diagnostic);
        }
    }

    private static async Task<Document> ReturnValueTaskAsync(Document document, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (editor.SemanticModel.Compilation.GetTypeByMetadataName(ValueTaskMetadataName) is not { } valueTask)
        {
            return document;
        }

        // Fully qualified, then simplified: the cleanup adds the using directive if the file lacks it.
        var returnType = editor.Generator.TypeExpression(valueTask)
            .WithTriviaFrom(method.ReturnType)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        editor.ReplaceNode(method.ReturnType, returnType);
        return editor.GetChangedDocument();
    }
}
