using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Disgo.Analyzers.Rules;

/// <summary>
/// The runtime types user code must reference by <c>SessionId</c>, not by object: a session is replaced when it is
/// re-identified, and a reference kept to it goes stale. A type the session manager manages joins this list.
/// </summary>
internal static class SessionTypes
{
    private static readonly ImmutableArray<string> MetadataNames =
    [
        "Disgo.Gateway.Session.GatewaySession",
    ];

    /// <summary>The session types <paramref name="compilation"/> references (from the runtime, not look-alikes in its own source).</summary>
    public static ImmutableArray<INamedTypeSymbol> In(Compilation compilation)
    {
        var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>(MetadataNames.Length);
        foreach (var name in MetadataNames)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type && !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
            {
                types.Add(type);
            }
        }

        return types.ToImmutable();
    }

    /// <summary>Whether <paramref name="type"/> is a session type.</summary>
    public static bool Is(ITypeSymbol? type, ImmutableArray<INamedTypeSymbol> sessionTypes)
    {
        foreach (var sessionType in sessionTypes)
        {
            if (SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, sessionType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The session type <paramref name="type"/> holds: itself, or an element or type argument at any depth
    /// (<c>GatewaySession?</c>, <c>GatewaySession[]</c>, <c>Dictionary&lt;int, List&lt;GatewaySession&gt;&gt;</c>); null when none.
    /// </summary>
    public static INamedTypeSymbol? HeldBy(ITypeSymbol type, ImmutableArray<INamedTypeSymbol> sessionTypes)
    {
        switch (type)
        {
            case INamedTypeSymbol named when Is(named, sessionTypes):
                return named;
            case IArrayTypeSymbol array:
                return HeldBy(array.ElementType, sessionTypes);
            case INamedTypeSymbol { IsGenericType: true } generic:
                foreach (var argument in generic.TypeArguments)
                {
                    if (HeldBy(argument, sessionTypes) is { } held)
                    {
                        return held;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
