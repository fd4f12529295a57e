using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Disgo.Analyzers.Rules;

/// <summary>
/// The syntax <see cref="ShardValueAnalyzer"/> needs to bind: a superset of the code it can report, decided from
/// names and the shape of the code alone, so that the method bodies of a project are not all bound for a rule that
/// applies to a few lines. A type can be renamed by an alias, so every alias name counts as a possible
/// <c>ShardInfo</c>; a method cannot be renamed.
/// </summary>
internal sealed class ShardValueCandidates
{
    private const string ShardInfoName = "ShardInfo";

    private readonly HashSet<string> _methodNames;
    private readonly Lazy<HashSet<string>> _aliases;

    public ShardValueCandidates(Compilation compilation, HashSet<string> methodNames, CancellationToken cancellationToken)
    {
        _methodNames = methodNames;
        _aliases = new Lazy<HashSet<string>>(() => AliasNames(compilation, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether <paramref name="invocation"/> may call one of the shard methods checked (by its name).</summary>
    public bool MayCallShardMethod(InvocationExpressionSyntax invocation) =>
        RightmostName(invocation.Expression) is { } name && _methodNames.Contains(name);

    /// <summary>Whether <paramref name="creation"/> may be <c>new ShardInfo(id, total)</c> with constant arguments.</summary>
    public bool MayCreateShardInfo(SyntaxNode creation) => creation switch
    {
        ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 2 } arguments } explicitType
            => RightmostName(explicitType.Type) is { } name && (name == ShardInfoName || _aliases.Value.Contains(name)) && MayBeConstant(arguments),
        ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 2 } arguments } => MayBeConstant(arguments),
        _ => false,
    };

    /// <summary>Whether a list holds two elements that may be the same <c>ShardInfo</c>.</summary>
    public bool MayRepeatShard(IEnumerable<SyntaxNode> elements)
    {
        var shards = 0;
        foreach (var element in elements)
        {
            var value = element is ExpressionElementSyntax expressionElement ? expressionElement.Expression : element;
            if (MayCreateShardInfo(value) && ++shards == 2)
            {
                return true;
            }
        }

        return false;
    }

    private static bool MayBeConstant(SeparatedSyntaxList<ArgumentSyntax> arguments) =>
        MayBeConstant(arguments[0].Expression) && MayBeConstant(arguments[1].Expression);

    // The forms a constant int can be written in: a literal, a named constant, and operators, casts and parentheses
    // around them.
    private static bool MayBeConstant(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.NumericLiteralExpression) || literal.IsKind(SyntaxKind.CharacterLiteralExpression) || literal.IsKind(SyntaxKind.DefaultLiteralExpression),
        SimpleNameSyntax or MemberAccessExpressionSyntax or DefaultExpressionSyntax or SizeOfExpressionSyntax => true,
        ParenthesizedExpressionSyntax parenthesized => MayBeConstant(parenthesized.Expression),
        PrefixUnaryExpressionSyntax unary => MayBeConstant(unary.Operand),
        BinaryExpressionSyntax binary => MayBeConstant(binary.Left) && MayBeConstant(binary.Right),
        CastExpressionSyntax cast => MayBeConstant(cast.Expression),
        CheckedExpressionSyntax @checked => MayBeConstant(@checked.Expression),
        ConditionalExpressionSyntax conditional => MayBeConstant(conditional.WhenTrue) && MayBeConstant(conditional.WhenFalse),
        _ => false,
    };

    private static string? RightmostName(ExpressionSyntax expression) => expression switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax memberBinding => memberBinding.Name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliasQualified => aliasQualified.Name.Identifier.ValueText,
        _ => null,
    };

    // Using aliases sit before any type of a file, so only the top of each tree is read.
    private static HashSet<string> AliasNames(Compilation compilation, CancellationToken cancellationToken)
    {
        var aliases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
            AddAliases(root.Usings, aliases);
            foreach (var member in root.Members)
            {
                if (member is BaseNamespaceDeclarationSyntax @namespace)
                {
                    AddNamespaceAliases(@namespace, aliases);
                }
            }
        }

        return aliases;
    }

    private static void AddNamespaceAliases(BaseNamespaceDeclarationSyntax @namespace, HashSet<string> aliases)
    {
        AddAliases(@namespace.Usings, aliases);
        foreach (var member in @namespace.Members)
        {
            if (member is BaseNamespaceDeclarationSyntax nested)
            {
                AddNamespaceAliases(nested, aliases);
            }
        }
    }

    private static void AddAliases(SyntaxList<UsingDirectiveSyntax> usings, HashSet<string> aliases)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias is { } alias)
            {
                aliases.Add(alias.Name.Identifier.ValueText);
            }
        }
    }
}
