using System.Collections.Concurrent;
using System.Collections.Immutable;
using Disgo.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Disgo.Analyzers.Rules;

/// <summary>
/// Reports calls that block a thread inside an <c>[On]</c> handler (DISGO5001) and, one level deep, calls from a
/// handler to a method of the same compilation that blocks (DISGO5002): the shard's events are dispatched one after
/// another, so a blocked handler stalls every later event of its shard (and, past the heartbeat interval, the
/// connection itself). Lambdas and local functions are skipped: they may run elsewhere.
/// </summary>
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

            start.RegisterOperationBlockStartAction(block =>
            {
                if (block.OwningSymbol is not IMethodSymbol method || BotDeclarationReader.Find(method, on) is null)
                {
                    return;
                }

                block.RegisterOperationAction(operation => Analyze(operation, method, blocking, callees), OperationKind.Invocation, OperationKind.PropertyReference);
            });
        });
    }

    private static void Analyze(OperationAnalysisContext context, IMethodSymbol handler, BlockingMembers blocking, CalleeScan callees)
    {
        if (IsInNestedFunction(context.Operation))
        {
            return;
        }

        var handlerName = $"{handler.ContainingType.Name}.{handler.Name}";
        if (blocking.Describe(context.Operation) is { } call)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BlockingCallInHandler, context.Operation.Syntax.GetLocation(), call, handlerName));
        }
        else if (context.Operation is IInvocationOperation invocation
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

    private static bool IsInNestedFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The members that wait synchronously, resolved once per compilation.</summary>
    private sealed class BlockingMembers(INamedTypeSymbol task, INamedTypeSymbol? taskOfT, INamedTypeSymbol? valueTaskOfT, INamedTypeSymbol? thread)
    {
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
                IMethodSymbol { Name: "GetResult" } when type.Name.EndsWith("Awaiter", System.StringComparison.Ordinal)
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

        /// <summary>How to name the first blocking call in <paramref name="method"/>'s body, or null when none.</summary>
        public string? FirstBlockingCall(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
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

        private string? Scan(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
#pragma warning disable RS1030 // The callee may be in any file; the analyzer driver shares semantic models per tree.
                var model = compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
                if (model.GetOperation(syntax, cancellationToken) is not { } body)
                {
                    continue;
                }

                foreach (var operation in body.Descendants())
                {
                    if (blocking.Describe(operation) is { } call && !IsInNestedFunction(operation))
                    {
                        return call;
                    }
                }
            }

            return null;
        }
    }
}
