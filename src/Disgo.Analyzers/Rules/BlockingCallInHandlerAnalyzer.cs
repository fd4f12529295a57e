using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Disgo.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Disgo.Analyzers.Rules;

/// <summary>
/// Reports calls that block a thread inside an <c>[On]</c> handler (DISGO5001) and, one level deep, calls from a
/// handler to a method of the same compilation that blocks (DISGO5002): the shard's events are dispatched one after
/// another, so a blocked handler stalls every later event of its shard (and, past the heartbeat interval, the
/// connection itself). Lambdas and local functions are skipped: they may run elsewhere.
/// </summary>
/// <remarks>
/// Names come first: a handler is bound only when its code names a blocking member (<c>Result</c>, <c>Wait</c>, ...)
/// or calls a method, by a name the compilation declares, whose code does. Each such name is looked up once per
/// compilation in the compiler's declaration table, so the rest of the project is never read.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingCallInHandlerAnalyzer : DiagnosticAnalyzer
{
    private const string AwaiterNamespace = "System.Runtime.CompilerServices";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [DiagnosticDescriptors.BlockingCallInHandler, DiagnosticDescriptors.BlockingCallInCalledMethod];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            if (compilation.GetTypeByMetadataName(MetadataNames.OnAttribute) is not { } on
                || compilation.GetTypeByMetadataName(MetadataNames.Task) is not { } task)
            {
                return;
            }

            var blocking = new BlockingMembers(
                task,
                compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1"),
                compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1"),
                compilation.GetTypeByMetadataName("System.Threading.Thread"));
            var callees = new CalleeScan(compilation, on, blocking);

            start.RegisterSymbolAction(
                symbol =>
                {
                    // A partial method is analyzed once, from its definition, where its implementation is known.
                    var method = (IMethodSymbol)symbol.Symbol;
                    if (method.PartialDefinitionPart is null && BotDeclarationReader.Find(method, on) is not null)
                    {
                        AnalyzeHandler(symbol, method.PartialImplementationPart ?? method, compilation, blocking, callees);
                    }
                },
                SymbolKind.Method);
        });
    }

    private static void AnalyzeHandler(
        SymbolAnalysisContext context,
        IMethodSymbol handler,
        Compilation compilation,
        BlockingMembers blocking,
        CalleeScan callees)
    {
        if (!callees.MayBlock(handler, context.CancellationToken))
        {
            return;
        }

        var handlerName = $"{handler.ContainingType.Name}.{handler.Name}";
        foreach (var body in MethodBodies.Bind(handler, compilation, context.CancellationToken))
        {
            foreach (var operation in body.Descendants())
            {
                if (operation.Kind is not (OperationKind.Invocation or OperationKind.PropertyReference) || MethodBodies.IsInNestedFunction(operation, body))
                {
                    continue;
                }

                if (blocking.Describe(operation) is { } call)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BlockingCallInHandler, operation.Syntax.GetLocation(), call, handlerName));
                }
                else if (operation is IInvocationOperation invocation
                    && callees.FirstBlockingCall(invocation.TargetMethod, context.CancellationToken) is { } inner)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.BlockingCallInCalledMethod,
                        invocation.Syntax.GetLocation(),
                        $"{invocation.TargetMethod.ContainingType.Name}.{invocation.TargetMethod.Name}",
                        inner,
                        handlerName));
                }
            }
        }
    }

    /// <summary>The members that wait synchronously, resolved once per compilation.</summary>
    private sealed class BlockingMembers(INamedTypeSymbol task, INamedTypeSymbol? taskOfT, INamedTypeSymbol? valueTaskOfT, INamedTypeSymbol? thread)
    {
        /// <summary>The names of the members <see cref="Describe(ISymbol)"/> reports: code that names none of them calls none.</summary>
        public static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "Result", "Wait", "WaitAll", "WaitAny", "Sleep", "GetResult" };

        /// <summary>How to name the call or property read <paramref name="operation"/> in a message, or null when it does not block.</summary>
        public string? Describe(IOperation operation) => operation switch
        {
            IInvocationOperation invocation => Describe(invocation.TargetMethod),
            IPropertyReferenceOperation property => Describe(property.Property),
            _ => null,
        };

        private string? Describe(ISymbol member)
        {
            var type = member.ContainingType?.OriginalDefinition;
            if (type is null)
            {
                return null;
            }

            return member switch
            {
                IPropertySymbol { Name: "Result" } when Is(type, taskOfT) || Is(type, valueTaskOfT) => $"{type.Name}.Result",
                IMethodSymbol { Name: "Wait" or "WaitAll" or "WaitAny" } when Is(type, task) || Is(type, taskOfT) => $"Task.{member.Name}",
                IMethodSymbol { Name: "Sleep", IsStatic: true } when Is(type, thread) => "Thread.Sleep",
                IMethodSymbol { Name: "GetResult" } when type.Name.EndsWith("Awaiter", StringComparison.Ordinal)
                    && type.ContainingNamespace?.ToDisplayString() == AwaiterNamespace => "GetAwaiter().GetResult()",
                _ => null,
            };
        }

        private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? expected) =>
            expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
    }

    /// <summary>
    /// Looks into the bodies of methods a handler calls, once per method per compilation. Only methods declared in
    /// source are read, and only their own bodies: one level deep.
    /// </summary>
    private sealed class CalleeScan(Compilation compilation, INamedTypeSymbol on, BlockingMembers blocking)
    {
        private readonly ConcurrentDictionary<IMethodSymbol, string> _blockingCalls = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<string, bool> _namesThatMayBlock = new(StringComparer.Ordinal);

        /// <summary>
        /// Whether <paramref name="method"/>'s code could block, read from syntax alone: it names a blocking member, or
        /// it calls a method by a name under which the compilation declares a method whose code names one. Local
        /// functions are part of the code read, so a call to one that blocks is found too.
        /// </summary>
        public bool MayBlock(IMethodSymbol method, CancellationToken cancellationToken)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                foreach (var token in reference.GetSyntax(cancellationToken).DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken)
                        && (BlockingMembers.Names.Contains(token.ValueText)
                            || (IsCalled(token) && DeclaresMethodThatMayBlock(token.ValueText, cancellationToken))))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="name"/> is the name in a call: <c>F()</c>, <c>x.F()</c>, <c>x?.F()</c>, <c>F&lt;T&gt;()</c>.</summary>
        private static bool IsCalled(SyntaxToken name)
        {
            SyntaxNode? called = name.Parent is SimpleNameSyntax simpleName ? simpleName : null;
            if ((called?.Parent is MemberAccessExpressionSyntax access && access.Name == called)
                || called?.Parent is MemberBindingExpressionSyntax)
            {
                called = called.Parent;
            }

            return called?.Parent is InvocationExpressionSyntax invocation && invocation.Expression == called;
        }

        /// <summary>Whether a method of the compilation named <paramref name="name"/> names a blocking member; once per name.</summary>
        private bool DeclaresMethodThatMayBlock(string name, CancellationToken cancellationToken)
        {
            if (_namesThatMayBlock.TryGetValue(name, out var mayBlock))
            {
                return mayBlock;
            }

            // A look-up cut short by cancellation throws before anything is stored.
            return _namesThatMayBlock.GetOrAdd(name, AnyMethodNamesBlockingMember(name, cancellationToken));
        }

        private bool AnyMethodNamesBlockingMember(string name, CancellationToken cancellationToken)
        {
            if (!compilation.ContainsSymbolsWithName(name, SymbolFilter.Member, cancellationToken))
            {
                return false;
            }

            foreach (var symbol in compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken))
            {
                if (symbol is IMethodSymbol method && MethodBodies.Mention(method, BlockingMembers.Names, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>How to name the first blocking call in <paramref name="method"/>'s body, or null when none.</summary>
        public string? FirstBlockingCall(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.PartialImplementationPart ?? method.OriginalDefinition;

            // A handler calling a handler: the callee's own diagnostics already point at the blocking call.
            if (method.DeclaringSyntaxReferences.IsEmpty || BotDeclarationReader.Find(method, on) is not null)
            {
                return null;
            }

            var found = _blockingCalls.GetOrAdd(method, callee => Scan(callee, cancellationToken) ?? "");
            return found.Length == 0 ? null : found;
        }

        private string? Scan(IMethodSymbol method, CancellationToken cancellationToken)
        {
            foreach (var body in MethodBodies.Bind(method, compilation, cancellationToken))
            {
                foreach (var operation in body.Descendants())
                {
                    if (blocking.Describe(operation) is { } call && !MethodBodies.IsInNestedFunction(operation, body))
                    {
                        return call;
                    }
                }
            }

            return null;
        }
    }
}
