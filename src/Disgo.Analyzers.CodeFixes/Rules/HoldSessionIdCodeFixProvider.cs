using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Disgo.Analyzers.Rules;
using Microsoft.CodeAnalysis.Simplification;

namespace Disgo.Analyzers.CodeFixes.Rules;

/// <summary>
/// Fixes DISGO4001 on a field or auto-property: its type holds <c>SessionId</c> where it held a session
/// (<c>GatewaySession?</c> becomes <c>SessionId</c>, whose <c>None</c> stands for no session), and the simple uses
/// follow: a session stored into it (assigned, added, put at an index, or its initializer) is stored as
/// <c>new SessionId(session.SessionId!)</c>, and <c>member.SessionId</c> reads <c>member.Value</c>. Other uses are left
/// for the developer, who resolves the session by its id where it is used.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HoldSessionIdCodeFixProvider)), Shared]
public sealed class HoldSessionIdCodeFixProvider : CodeFixProvider
{
    private const string Title = "Hold the SessionId";
    private const string SessionIdMetadataName = "Disgo.SessionId";
    private const string SessionIdProperty = "SessionId";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.SessionHeldByReference];

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span) is not { } node || DeclaredType(node) is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => HoldSessionIdAsync(context.Document, node, cancellationToken), equivalenceKey: Title),
                diagnostic);
        }
    }

    /// <summary>The type syntax of the field or property <paramref name="node"/> declares; null for a local or parameter.</summary>
    private static TypeSyntax? DeclaredType(SyntaxNode node) => node switch
    {
        VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax } declaration } => declaration.Type,
        PropertyDeclarationSyntax property => property.Type,
        _ => null,
    };

    private static async Task<Solution> HoldSessionIdAsync(Document document, SyntaxNode declaration, CancellationToken cancellationToken)
    {
        var solution = document.Project.Solution;
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null
            || model.GetDeclaredSymbol(declaration, cancellationToken) is not { } member
            || model.Compilation.GetTypeByMetadataName(SessionIdMetadataName) is not { } sessionId
            || DeclaredType(declaration) is not { } typeSyntax)
        {
            return solution;
        }

        var sessionType = member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type;
        var heldDirectly = sessionType.WithNullableAnnotation(NullableAnnotation.None) is INamedTypeSymbol { IsGenericType: false };
        var editor = new SolutionEditor(solution);
        var documentEditor = await editor.GetDocumentEditorAsync(document.Id, cancellationToken).ConfigureAwait(false);
        var sessionIdSyntax = documentEditor.Generator.TypeExpression(sessionId);
        documentEditor.ReplaceNode(typeSyntax, WithSessionId(typeSyntax, model, sessionIdSyntax, cancellationToken));
        if (Initializer(declaration) is { } initializer)
        {
            WrapIfSession(documentEditor, initializer, cancellationToken);
        }

        var references = await SymbolFinder.FindReferencesAsync(member, solution, cancellationToken).ConfigureAwait(false);
        foreach (var group in references.SelectMany(reference => reference.Locations).GroupBy(location => location.Document.Id))
        {
            var usingEditor = await editor.GetDocumentEditorAsync(group.Key, cancellationToken).ConfigureAwait(false);
            var usingRoot = await usingEditor.OriginalDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            foreach (var location in group)
            {
                if (usingRoot?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax use)
                {
                    RewriteUse(usingEditor, use, heldDirectly, cancellationToken);
                }
            }
        }

        return editor.GetChangedSolution();
    }

    // Every session type in the declared type becomes SessionId, a nullable one included: SessionId.None is "no session".
    private static TypeSyntax WithSessionId(TypeSyntax type, SemanticModel model, SyntaxNode sessionIdSyntax, CancellationToken cancellationToken)
    {
        var sessions = new List<TypeSyntax>();
        foreach (var node in type.DescendantNodesAndSelf().OfType<TypeSyntax>())
        {
            if (node.Parent is NullableTypeSyntax || sessions.Any(session => session.Contains(node)))
            {
                continue;
            }

            var inner = node is NullableTypeSyntax nullable ? nullable.ElementType : node;
            if (model.GetTypeInfo(inner, cancellationToken).Type is INamedTypeSymbol named && IsSession(named, model.Compilation))
            {
                sessions.Add(node);
            }
        }

        return type.ReplaceNodes(sessions, (original, _) => ((TypeSyntax)sessionIdSyntax)
            .WithTriviaFrom(original)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
    }

    private static ExpressionSyntax? Initializer(SyntaxNode declaration) => declaration switch
    {
        VariableDeclaratorSyntax variable => variable.Initializer?.Value,
        PropertyDeclarationSyntax property => property.Initializer?.Value,
        _ => null,
    };

    private static void RewriteUse(DocumentEditor editor, ExpressionSyntax use, bool heldDirectly, CancellationToken cancellationToken)
    {
        // this.member and member are the same use.
        var target = use.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } qualified && qualified.Name == use ? qualified : use;
        switch (target.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == target && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                WrapIfSession(editor, assignment.Right, cancellationToken);
                break;
            case ElementAccessExpressionSyntax element when element.Expression == target
                && element.Parent is AssignmentExpressionSyntax assignment && assignment.Left == element:
                WrapIfSession(editor, assignment.Right, cancellationToken);
                break;
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" } add when add.Expression == target
                && add.Parent is InvocationExpressionSyntax invocation:
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    WrapIfSession(editor, argument.Expression, cancellationToken);
                }

                break;
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: SessionIdProperty } read when heldDirectly && read.Expression == target:
                editor.ReplaceNode(read.Name, SyntaxFactory.IdentifierName("Value").WithTriviaFrom(read.Name));
                break;
        }
    }

    private static void WrapIfSession(DocumentEditor editor, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        if (editor.SemanticModel.GetTypeInfo(value, cancellationToken).Type is not INamedTypeSymbol type || !IsSession(type, editor.SemanticModel.Compilation))
        {
            return;
        }

        var session = value is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            ? value.WithoutTrivia()
            : SyntaxFactory.ParenthesizedExpression(value.WithoutTrivia());
        var wrapped = SyntaxFactory.ParseExpression($"new global::{SessionIdMetadataName}({session}.{SessionIdProperty}!)").WithTriviaFrom(value);
        wrapped = wrapped.ReplaceNodes(wrapped.DescendantNodesAndSelf(), static (_, node) => node.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
        editor.ReplaceNode(value, wrapped);
    }

    private static bool IsSession(INamedTypeSymbol type, Compilation compilation) =>
        SessionTypes.Is(type, SessionTypes.In(compilation));
}
