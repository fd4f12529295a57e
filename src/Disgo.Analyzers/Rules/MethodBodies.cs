using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Disgo.Analyzers.Rules;

/// <summary>
/// The bodies of a method, read as text first and bound only when the text says a rule could apply. Binding a method
/// body for an analyzer is work a build does not otherwise do (the compiler's own binding is not shared with semantic
/// models), so the analyzers that look into handlers bind the few bodies a name check lets through, not every body.
/// </summary>
internal static class MethodBodies
{
    /// <summary>Whether an identifier in the declaration of <paramref name="method"/> is one of <paramref name="names"/>.</summary>
    public static bool Mention(IMethodSymbol method, HashSet<string> names, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (Mention(reference.GetSyntax(cancellationToken), names))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Mention(SyntaxNode node, HashSet<string> names)
    {
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && names.Contains(token.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The operations of <paramref name="method"/>'s body (block or expression), bound now.</summary>
    public static IEnumerable<IOperation> Bind(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
#pragma warning disable RS1030 // A symbol action has no semantic model of its own; this runs only for bodies a name check let through.
            var model = compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            if (model.GetOperation(syntax, cancellationToken) is { } body)
            {
                yield return body;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="operation"/> sits in a lambda or a local function inside <paramref name="body"/>: code
    /// that may run elsewhere. The body itself may be a local function's.
    /// </summary>
    public static bool IsInNestedFunction(IOperation operation, IOperation body)
    {
        for (var current = operation.Parent; current is not null && current != body; current = current.Parent)
        {
            if (current.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
            {
                return true;
            }
        }

        return false;
    }
}
