using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Disgo.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Disgo.Analyzers.Rules;

/// <summary>
/// Reports session objects (<see cref="SessionTypes"/>) kept beyond one method: in a field or auto-property (static or
/// not, alone or as the element of a collection), in a captured primary constructor parameter, or in a local captured
/// by a lambda or local function that escapes its method. A type that creates sessions (<c>new GatewaySession(...)</c>) or disposes them owns
/// them and may hold them: it decides when they end. Locals and parameters used within one method are fine.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SessionHeldByReferenceAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [DiagnosticDescriptors.SessionHeldByReference];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var sessionTypes = SessionTypes.In(start.Compilation);
            if (sessionTypes.IsEmpty)
            {
                return;
            }

            // A plain symbol action that binds what it needs itself: symbol-start actions make the analyzer driver
            // track every member of every type until the type ends, which cost a build more than this rule's work.
            start.RegisterSymbolAction(symbol => AnalyzeType(symbol, sessionTypes), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, ImmutableArray<INamedTypeSymbol> sessionTypes)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var holders = new Dictionary<ISymbol, INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol field && HolderOf(field) is { } holder && SessionTypes.HeldBy(field.Type, sessionTypes) is { } held)
            {
                holders[holder] = held;
            }
        }

        // Most types can be cleared from their symbols and syntax alone; only the rest have their code bound.
        if (holders.Count == 0 && !MayCaptureSession(type, sessionTypes, context.CancellationToken))
        {
            return;
        }

        foreach (var (node, model) in OwnCode(type, context.Compilation, context.CancellationToken))
        {
            switch (model.GetOperation(node, context.CancellationToken))
            {
                case { } operation when CreatesOrDisposesSession(operation, sessionTypes):
                    // The type owns its sessions: it decides when they end, so it may hold them.
                    return;
                case ILocalReferenceOperation { Local: var local } reference:
                    AddIfOutlived(local, reference);
                    break;
                case IParameterReferenceOperation { Parameter: var parameter } reference:
                    AddIfOutlived(parameter, reference);
                    break;
            }

            void AddIfOutlived(ISymbol variable, IOperation reference)
            {
                if (reference.Type is { } variableType
                    && SessionTypes.HeldBy(variableType, sessionTypes) is { } held
                    && OutlivesItsMethod(variable, reference, MemberAt(model, node, context.CancellationToken), context.CancellationToken))
                {
                    holders[variable] = held;
                }
            }
        }

        foreach (var holder in holders)
        {
            if (holder.Key.Locations.Length > 0 && holder.Key.Locations[0].IsInSource)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.SessionHeldByReference,
                    holder.Key.Locations[0],
                    holder.Key is IFieldSymbol or IPropertySymbol ? $"{type.Name}.{holder.Key.Name}" : holder.Key.Name,
                    holder.Value.Name));
            }
        }
    }

    /// <summary>
    /// The nodes of <paramref name="type"/>'s own code (not its nested types', not generated parts) that can create or
    /// dispose a session or name a variable, each with the semantic model of its file.
    /// </summary>
    private static IEnumerable<(SyntaxNode Node, SemanticModel Model)> OwnCode(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var declaration in UserDeclarations(type, cancellationToken))
        {
#pragma warning disable RS1030 // A symbol action has no semantic model of its own; only types that could break the rule get here.
            var model = compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
            foreach (var node in declaration.DescendantNodes(child => child == declaration || child is not BaseTypeDeclarationSyntax))
            {
                if (node is IdentifierNameSyntax or BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax)
                {
                    yield return (node, model);
                }
            }
        }
    }

    /// <summary>
    /// The declarations of <paramref name="type"/> the user wrote: generated parts are not the user's to fix (the
    /// analyzers skip generated code), and a bot's generated dispatcher is most of a bot project's text.
    /// </summary>
    private static IEnumerable<SyntaxNode> UserDeclarations(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (!GeneratedFiles.IsGenerated(reference.SyntaxTree, cancellationToken))
            {
                yield return reference.GetSyntax(cancellationToken);
            }
        }
    }

    /// <summary>The member whose code <paramref name="node"/> is in: lambdas and local functions belong to their member.</summary>
    private static ISymbol? MemberAt(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        var symbol = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol;
    }

    /// <summary>
    /// Whether a member of <paramref name="type"/> could keep a session in a variable past its method: only a primary
    /// constructor parameter of a session type, or a variable captured by a lambda, a local function or a query, can.
    /// </summary>
    private static bool MayCaptureSession(INamedTypeSymbol type, ImmutableArray<INamedTypeSymbol> sessionTypes, CancellationToken cancellationToken)
    {
        foreach (var constructor in type.InstanceConstructors)
        {
            if (IsPrimary(constructor, cancellationToken))
            {
                foreach (var parameter in constructor.Parameters)
                {
                    if (SessionTypes.HeldBy(parameter.Type, sessionTypes) is not null)
                    {
                        return true;
                    }
                }
            }
        }

        foreach (var declaration in UserDeclarations(type, cancellationToken))
        {
            foreach (var node in declaration.DescendantNodes())
            {
                if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or QueryExpressionSyntax)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="operation"/> creates a session or disposes one: what only its owner does.</summary>
    private static bool CreatesOrDisposesSession(IOperation operation, ImmutableArray<INamedTypeSymbol> sessionTypes) => operation switch
    {
        IObjectCreationOperation creation => SessionTypes.Is(creation.Type, sessionTypes),
        IInvocationOperation { TargetMethod.Name: "DisposeAsync" or "Dispose", Instance: { } instance } => SessionTypes.Is(instance.Type, sessionTypes),
        _ => false,
    };

    /// <summary>
    /// What a field stores for, as the user declared it: the field itself, or the auto-property it backs; null for
    /// a constant or a field the compiler made for something else (a captured primary constructor parameter).
    /// </summary>
    private static ISymbol? HolderOf(IFieldSymbol field) => field switch
    {
        { AssociatedSymbol: IPropertySymbol property } => property,
        { IsImplicitlyDeclared: false, IsConst: false } => field,
        _ => null,
    };

    /// <summary>
    /// Whether the reference keeps <paramref name="variable"/> past its method: a primary constructor parameter used
    /// in a member (the compiler stores it in a field), or a local or parameter captured by a lambda or local function
    /// that escapes: stored, subscribed to an event, returned. A lambda passed straight to a call (<c>Select</c>,
    /// <c>Assert.All</c>) is taken to run during it.
    /// </summary>
    private static bool OutlivesItsMethod(ISymbol variable, IOperation reference, ISymbol? member, CancellationToken cancellationToken)
    {
        if (variable.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor && IsPrimary(constructor, cancellationToken))
        {
            return member is IMethodSymbol user && !SymbolEqualityComparer.Default.Equals(user, constructor);
        }

        // Every function between the reference and the variable's declaration captures it; one that escapes keeps it.
        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            var (function, escapes) = current switch
            {
                IAnonymousFunctionOperation lambda => (lambda.Symbol, !IsArgument(lambda)),
                ILocalFunctionOperation local => (local.Symbol, IsUsedAsDelegate(local)),
                _ => (null, false),
            };
            if (function is null)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(function, variable.ContainingSymbol))
            {
                return false;
            }

            if (escapes)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsArgument(IOperation function)
    {
        var current = function.Parent;
        while (current is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current is IArgumentOperation;
    }

    // A local function that is only called runs during its method; one turned into a delegate may run any time later.
    private static bool IsUsedAsDelegate(ILocalFunctionOperation function)
    {
        var root = (IOperation)function;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var operation in root.Descendants())
        {
            if (operation is IMethodReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Method, function.Symbol)
                && !IsArgument(reference))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPrimary(IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax)
            {
                return true;
            }
        }

        return false;
    }
}
