using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Disgo.Shared;

/// <summary>One <c>[On]</c> method: the event it handles and how it is called.</summary>
internal sealed class HandlerDeclaration
{
    public HandlerDeclaration(IMethodSymbol method, KnownEvent knownEvent, bool takesContext, HandlerReturn returns, ImmutableArray<int> onlyShards)
    {
        Method = method;
        Event = knownEvent;
        TakesContext = takesContext;
        Returns = returns;
        OnlyShards = onlyShards;
    }

    public IMethodSymbol Method { get; }

    public KnownEvent Event { get; }

    /// <summary>Whether a <c>DispatchContext</c> follows the model.</summary>
    public bool TakesContext { get; }

    public HandlerReturn Returns { get; }

    /// <summary>The shards the handler is limited to, ascending; empty when it runs on every shard.</summary>
    public ImmutableArray<int> OnlyShards { get; }
}
