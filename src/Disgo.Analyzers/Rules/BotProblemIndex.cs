using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Disgo.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Disgo.Analyzers.Rules;

/// <summary>
/// Every problem of every bot in a compilation, filed under the type whose declaration it points into: the bot, or
/// one of its handler classes. Reporting each problem while analyzing that type keeps diagnostics local to the file
/// being analyzed, which the IDE needs to show them and their code fixes without full-solution analysis.
/// </summary>
internal sealed class BotProblemIndex
{
    private readonly Dictionary<INamedTypeSymbol, List<BotProblem>> byOwner;

    private BotProblemIndex(Dictionary<INamedTypeSymbol, List<BotProblem>> byOwner)
    {
        this.byOwner = byOwner;
    }

    public static BotProblemIndex Build(DisgoSymbols symbols, CancellationToken cancellationToken)
    {
        var byOwner = new Dictionary<INamedTypeSymbol, List<BotProblem>>(SymbolEqualityComparer.Default);
        foreach (var declaration in DeclaredBots.Read(symbols, cancellationToken))
        {
            var bot = declaration.Bot;
            foreach (var problem in declaration.Problems)
            {
                var owner = OwnerOf(problem, bot, declaration.HandlerClasses, cancellationToken);
                if (!byOwner.TryGetValue(owner, out var problems))
                {
                    byOwner[owner] = problems = [];
                }

                // A handler class shared by two bots has its own problems found twice: report them once.
                if (!problems.Exists(known => known.Rule == problem.Rule && Equals(known.Location, problem.Location) && known.Message == problem.Message))
                {
                    problems.Add(problem);
                }
            }
        }

        return new BotProblemIndex(byOwner);
    }

    /// <summary>The problems whose location lies in the declaration of <paramref name="type"/>.</summary>
    public IReadOnlyList<BotProblem> ProblemsIn(INamedTypeSymbol type) =>
        byOwner.TryGetValue(type, out var problems) ? problems : [];

    // The innermost of the bot and its handler classes whose declaration holds the location; the bot otherwise.
    private static INamedTypeSymbol OwnerOf(BotProblem problem, INamedTypeSymbol bot, ImmutableArray<HandlerClassDeclaration> handlerClasses, CancellationToken cancellationToken)
    {
        if (problem.Location is not { SourceTree: { } tree } location)
        {
            return bot;
        }

        var owner = bot;
        var ownerSpan = DeclarationSpan(bot, tree, location.SourceSpan, cancellationToken);
        foreach (var handlerClass in handlerClasses)
        {
            if (DeclarationSpan(handlerClass.Type, tree, location.SourceSpan, cancellationToken) is { } span && (ownerSpan is null || span.Length < ownerSpan.Value.Length))
            {
                owner = handlerClass.Type;
                ownerSpan = span;
            }
        }

        return owner;
    }

    private static TextSpan? DeclarationSpan(INamedTypeSymbol type, SyntaxTree tree, TextSpan location, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == tree && reference.GetSyntax(cancellationToken).FullSpan.Contains(location))
            {
                return reference.Span;
            }
        }

        return null;
    }
}
