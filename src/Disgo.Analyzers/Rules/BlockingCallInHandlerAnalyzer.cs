using System.Collections.Immutable;
using Disgo.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Disgo.Analyzers.Rules;

/// <summary>
/// Reports calls that block a thread inside an <c>[On]</c> handler: the shard's events are dispatched one after
/// another, so a blocked handler stalls every later event of its shard (and, past the heartbeat interval, the
/// connection itself). Lambdas and local functions are skipped: they may run elsewhere.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingCallInHandlerAnalyzer : DiagnosticAnalyzer
{
    private const string AwaiterNamespace = "System.Runtime.CompilerServices";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [DiagnosticDescriptors.BlockingCallInHandler];

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

            start.RegisterOperationBlockStartAction(block =>
            {
                if (block.OwningSymbol is not IMethodSymbol method || BotDeclarationReader.Find(method, on) is null)
                {
                    return;
                }

                block.RegisterOperationAction(operation => Analyze(operation, method, blocking), OperationKind.Invocation, OperationKind.PropertyReference);
            });
        });
    }

    private static void Analyze(OperationAnalysisContext context, IMethodSymbol handler, BlockingMembers blocking)
    {
        var call = context.Operation switch
        {
            IInvocationOperation invocation => blocking.Describe(invocation.TargetMethod),
            IPropertyReferenceOperation property => blocking.Describe(property.Property),
            _ => null,
        };
        if (call is null || IsInNestedFunction(context.Operation))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.BlockingCallInHandler,
            context.Operation.Syntax.GetLocation(),
            call,
            $"{handler.ContainingType.Name}.{handler.Name}"));
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
        /// <summary>How to name <paramref name="member"/> in the message, or null when it does not block.</summary>
        public string? Describe(ISymbol member)
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
}
