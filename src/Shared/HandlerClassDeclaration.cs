using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Disgo.Shared;

/// <summary>A handler class listed by a bot, with its handler methods in declaration order.</summary>
internal sealed class HandlerClassDeclaration
{
    public HandlerClassDeclaration(INamedTypeSymbol type, IMethodSymbol? constructor, ImmutableArray<HandlerDeclaration> handlers)
    {
        Type = type;
        Constructor = constructor;
        Handlers = handlers;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>The constructor the bot creates its instance with; null when every handler is static.</summary>
    public IMethodSymbol? Constructor { get; }

    public ImmutableArray<HandlerDeclaration> Handlers { get; }

    /// <summary>Whether the bot holds an instance of the class: some handler is an instance method.</summary>
    public bool NeedsInstance
    {
        get
        {
            foreach (var handler in Handlers)
            {
                if (!handler.Method.IsStatic)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
