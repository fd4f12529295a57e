using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Disgo.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Disgo.Analyzers.Rules;

/// <summary>
/// Checks shard numbers written as constants anywhere in user code, with the rules <c>[Shards]</c> is checked by
/// (<see cref="ShardNumbers"/>): <c>new ShardInfo(id, total)</c>, <c>ShardSet.Fixed</c> and <c>ShardSet.Range</c>
/// (which throw on them, or Discord closes with 4010), a total that is not the multiple passed to
/// <c>Resolve</c>/<c>Validate</c>, and a shard listed twice in one array or collection.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShardValueAnalyzer : DiagnosticAnalyzer
{
    private const string RequiredMultipleParameter = "requiredMultiple";

    // The static property the generator adds to a bot: its [Shards] as a ShardSet.
    private const string GeneratedShardsProperty = "Shards";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        DiagnosticDescriptors.ShardValueInvalid,
        DiagnosticDescriptors.ShardTupleReversed,
        DiagnosticDescriptors.ShardTotalNotMultiple,
        DiagnosticDescriptors.ShardRepeated,
    ];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            if (compilation.GetTypeByMetadataName(MetadataNames.ShardInfo) is not { } shardInfo
                || compilation.GetTypeByMetadataName(MetadataNames.ShardSet) is not { } shardSet)
            {
                return;
            }

            var shardSetExtensions = compilation.GetTypeByMetadataName(MetadataNames.ShardSetExtensions);
            var types = new ShardTypes(
                shardInfo,
                shardSet,
                shardSetExtensions,
                compilation.GetTypeByMetadataName(MetadataNames.DiscordBotAttribute),
                compilation.GetTypeByMetadataName(MetadataNames.ShardsAttribute));

            // One walk over each file's syntax; only the nodes ShardValueCandidates lets through are bound.
            var candidates = new ShardValueCandidates(compilation, CheckedMethodNames(shardSetExtensions), start.CancellationToken);
            start.RegisterSyntaxTreeAction(tree => AnalyzeTree(tree, compilation, candidates, types));
        });
    }

    private static void AnalyzeTree(SyntaxTreeAnalysisContext context, Compilation compilation, ShardValueCandidates candidates, ShardTypes types)
    {
        SemanticModel? model = null;
        foreach (var node in context.Tree.GetRoot(context.CancellationToken).DescendantNodes())
        {
            var isCandidate = node switch
            {
                ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax => candidates.MayCreateShardInfo(node),
                InvocationExpressionSyntax invocation => candidates.MayCallShardMethod(invocation),
                InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ArrayInitializerExpression) => candidates.MayRepeatShard(initializer.Expressions),
                CollectionExpressionSyntax collection => candidates.MayRepeatShard(collection.Elements),
                _ => false,
            };
            if (!isCandidate)
            {
                continue;
            }

#pragma warning disable RS1030 // A syntax tree action has no semantic model; one is made only for a file with a candidate.
            model ??= compilation.GetSemanticModel(context.Tree);
#pragma warning restore RS1030
            switch (model.GetOperation(node, context.CancellationToken) is { } operation ? WithoutConversions(operation) : null)
            {
                case IObjectCreationOperation creation:
                    AnalyzeCreation(context, creation, types);
                    break;
                case IInvocationOperation invocation:
                    AnalyzeInvocation(context, invocation, types);
                    break;
                case IArrayInitializerOperation array:
                    AnalyzeList(context, array.ElementValues, types);
                    break;
                case IArrayCreationOperation { Initializer: { } array }:
                    AnalyzeList(context, array.ElementValues, types);
                    break;
                case ICollectionExpressionOperation collection:
                    AnalyzeList(context, collection.Elements, types);
                    break;
            }
        }
    }

    /// <summary>The methods whose constant arguments are checked, by name: ShardSet's factories and the multiple-taking extensions.</summary>
    private static HashSet<string> CheckedMethodNames(INamedTypeSymbol? shardSetExtensions)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "Fixed", "Range" };
        foreach (var member in shardSetExtensions?.GetMembers() ?? [])
        {
            if (member is IMethodSymbol method && method.Parameters.Any(parameter => parameter.Name == RequiredMultipleParameter))
            {
                names.Add(method.Name);
            }
        }

        return names;
    }

    private static void AnalyzeCreation(SyntaxTreeAnalysisContext context, IOperation creation, ShardTypes types)
    {
        if (ReadShardInfo(creation, types) is not var (shardId, total))
        {
            return;
        }

        var written = creation.Syntax.ToString();
        if (ShardNumbers.IsReversed(shardId, total))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ShardTupleReversed, creation.Syntax.GetLocation(), written, ShardNumbers.Format(total), ShardNumbers.Format(shardId)));
        }
        else if (ShardNumbers.CheckShard(shardId, total) is { } problem)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ShardValueInvalid, creation.Syntax.GetLocation(), written, problem));
        }
    }

    private static void AnalyzeInvocation(SyntaxTreeAnalysisContext context, IInvocationOperation invocation, ShardTypes types)
    {
        var method = invocation.TargetMethod;
        if (Is(method.ContainingType, types.ShardSet) && CheckShardSet(invocation) is { } problem)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ShardValueInvalid, invocation.Syntax.GetLocation(), invocation.Syntax.ToString(), problem));
        }
        else if (Is(method.ContainingType, types.ShardSetExtensions)
            && ConstantArgument(invocation.Arguments, RequiredMultipleParameter) is { } multiple
            && invocation.Arguments.Length > 0
            && TotalOf(invocation.Arguments[0].Value, types) is { } total
            && ShardNumbers.CheckMultiple(total, multiple) is { } notMultiple)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ShardTotalNotMultiple, invocation.Syntax.GetLocation(), invocation.Syntax.ToString(), notMultiple));
        }
    }

    // Discord lets several sessions run one shard, but in one list a repeat is a slip: its events are handled twice.
    private static void AnalyzeList(SyntaxTreeAnalysisContext context, ImmutableArray<IOperation> elements, ShardTypes types)
    {
        var seen = new HashSet<(int, int)>();
        foreach (var element in elements)
        {
            if (ReadShardInfo(WithoutConversions(element), types) is { } shard && !seen.Add(shard))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ShardRepeated,
                    element.Syntax.GetLocation(),
                    $"[{ShardNumbers.Format(shard.ShardId)}, {ShardNumbers.Format(shard.Total)}]",
                    "this list",
                    "every session of it receives the same events, so they are handled twice"));
            }
        }
    }

    private static string? CheckShardSet(IInvocationOperation invocation) => invocation.TargetMethod.Name switch
    {
        "Fixed" when ConstantArgument(invocation.Arguments, 0) is { } total => ShardNumbers.CheckTotal(total),
        "Range" when ConstantArgument(invocation.Arguments, 0) is { } total
            && ConstantArgument(invocation.Arguments, 1) is { } first
            && ConstantArgument(invocation.Arguments, 2) is { } count
            => ShardNumbers.CheckRange(total, first, count, "firstShard", "shardCount", zeroCountRunsRest: false),
        _ => null,
    };

    /// <summary>The constant total of a shard set: <c>ShardSet.Fixed(n)</c>, <c>ShardSet.Range(n, ..)</c> or a bot's <c>Shards</c> with <c>[Shards(n)]</c>.</summary>
    private static int? TotalOf(IOperation set, ShardTypes types)
    {
        switch (WithoutConversions(set))
        {
            case IInvocationOperation invocation when Is(invocation.TargetMethod.ContainingType, types.ShardSet)
                && invocation.TargetMethod.Name is "Fixed" or "Range":
                return ConstantArgument(invocation.Arguments, 0);
            case IPropertyReferenceOperation { Property: { IsStatic: true, Name: GeneratedShardsProperty } property }
                when types.DiscordBotAttribute is not null && types.ShardsAttribute is not null
                && BotDeclarationReader.Find(property.ContainingType, types.DiscordBotAttribute) is not null
                && BotDeclarationReader.Find(property.ContainingType, types.ShardsAttribute) is { ConstructorArguments.Length: 1 } shards
                && shards.ConstructorArguments[0].Value is int total:
                return total;
            default:
                return null;
        }
    }

    private static (int ShardId, int Total)? ReadShardInfo(IOperation operation, ShardTypes types) =>
        operation is IObjectCreationOperation { Constructor: { Parameters.Length: 2 } constructor } creation
            && Is(constructor.ContainingType, types.ShardInfo)
            && ConstantArgument(creation.Arguments, 0) is { } shardId
            && ConstantArgument(creation.Arguments, 1) is { } total
            ? (shardId, total)
            : null;

    private static int? ConstantArgument(ImmutableArray<IArgumentOperation> arguments, int ordinal)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                // An int passed for an int? is wrapped in a conversion that has no constant value of its own.
                var value = argument.Value is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : argument.Value;
                return value.ConstantValue is { HasValue: true, Value: int constant } ? constant : null;
            }
        }

        return null;
    }

    private static int? ConstantArgument(ImmutableArray<IArgumentOperation> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == name)
            {
                return ConstantArgument(arguments, argument.Parameter.Ordinal);
            }
        }

        return null;
    }

    private static IOperation WithoutConversions(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    /// <summary>The runtime's shard types, resolved once per compilation.</summary>
    private sealed class ShardTypes(
        INamedTypeSymbol shardInfo,
        INamedTypeSymbol shardSet,
        INamedTypeSymbol? shardSetExtensions,
        INamedTypeSymbol? discordBotAttribute,
        INamedTypeSymbol? shardsAttribute)
    {
        public INamedTypeSymbol ShardInfo { get; } = shardInfo;

        public INamedTypeSymbol ShardSet { get; } = shardSet;

        public INamedTypeSymbol? ShardSetExtensions { get; } = shardSetExtensions;

        public INamedTypeSymbol? DiscordBotAttribute { get; } = discordBotAttribute;

        public INamedTypeSymbol? ShardsAttribute { get; } = shardsAttribute;
    }
}
