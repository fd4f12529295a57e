using System.Collections.Immutable;
using Disgo.Models.Gateway;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Disgo.Analyzers.Tests.Infrastructure;

/// <summary>What test sources compile against: .NET 10 reference assemblies (offline) and the real Disgo.Runtime.</summary>
internal static class TestReferences
{
    private static readonly ImmutableArray<MetadataReference> Disgo =
    [
        MetadataReference.CreateFromFile(typeof(GatewayIntents).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
    ];

    /// <summary>Sets <paramref name="state"/> up for .NET 10, with Disgo referenced unless <paramref name="withDisgo"/> is false.</summary>
    public static void Apply(SolutionState state, bool withDisgo = true)
    {
        state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        if (withDisgo)
        {
            state.AdditionalReferences.AddRange(Disgo);
        }
    }

    /// <summary>No package restore: <see cref="Apply"/> supplies every reference.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");
}
