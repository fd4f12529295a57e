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
/// or a method of the compilation whose code does, which a method's name cannot hide.
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
            var suspects = new Lazy<HashSet<string>>(() => CalleeScan.SuspectNames(compilation, start.CancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);

            start.RegisterSymbolAction(
                symbol =>
                {
                    // A partial method is analyzed once, from its definition, where its implementation is known.
                    var method = (IMethodSymbol)symbol.Symbol;
                    if (method.PartialDefinitionPart is null && BotDeclarationReader.Find(method, on) is not null)
                    {
                        AnalyzeHandler(symbol, method.PartialImplementationPart ?? method, compilation, blocking, callees, suspects);
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
        CalleeScan callees,
        Lazy<HashSet<string>> suspects)
    {
        if (!MethodBodies.Mention(handler, BlockingMembers.Names, context.CancellationToken)
            && !MethodBodies.Mention(handler, suspects.Value, context.CancellationToken))
        {
            return;
        }

        var handlerName = $"{handler.ContainingType.Name}.{handler.Name}";
        foreach (var body in MethodBodies.Bind(handler, compilation, context.CancellationToken))
        {
            foreach (var operation in body.Descendants())
            {
                if (operation.Kind is not (OperationKind.Invocation or OperationKind.PropertyReference) || MethodBodies.IsInNestedFunction(operation))
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

        /// <summary>
        /// The names of the methods and local functions of <paramref name="compilation"/> whose code names a blocking
        /// member, read from syntax alone: a handler that calls none of these names calls no method that blocks. One
        /// walk over each file's tokens; blocking names are rare, so the walk up from one costs nothing.
        /// </summary>
        public static HashSet<string> SuspectNames(Compilation compilation, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
                {
                    if (!token.IsKind(SyntaxKind.IdentifierToken) || !BlockingMembers.Names.Contains(token.ValueText))
                    {
                        continue;
                    }

                    for (var node = token.Parent; node is not null; node = node.Parent)
                    {
                        if (node is MethodDeclarationSyntax method)
                        {
                            names.Add(method.Identifier.ValueText);
                        }
                        else if (node is LocalFunctionStatementSyntax local)
                        {
                            names.Add(local.Identifier.ValueText);
                        }
                    }
                }
            }

            return names;
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
                    if (blocking.Describe(operation) is { } call && !MethodBodies.IsInNestedFunction(operation))
                    {
                        return call;
                    }
                }
            }

            return null;
        }
    }
}
