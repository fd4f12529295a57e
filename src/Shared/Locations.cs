using System.Threading;
using Microsoft.CodeAnalysis;

namespace Disgo.Shared;

/// <summary>Where to point a <see cref="BotProblem"/>.</summary>
internal static class Locations
{
    public static Location? Of(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    public static Location? Of(ISymbol symbol)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource)
            {
                return location;
            }
        }

        return null;
    }

    /// <summary>The attribute if it has source, otherwise the symbol.</summary>
    public static Location? Of(AttributeData? attribute, ISymbol symbol, CancellationToken cancellationToken) =>
        (attribute is null ? null : Of(attribute, cancellationToken)) ?? Of(symbol);
}
