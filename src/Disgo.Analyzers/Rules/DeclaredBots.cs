using System.Collections.Generic;
using System.Threading;
using Disgo.Shared;
using Microsoft.CodeAnalysis;

namespace Disgo.Analyzers.Rules;

/// <summary>The <c>[DiscordBot]</c> classes of a compilation, read with the generator's own reader.</summary>
internal static class DeclaredBots
{
    public static IEnumerable<BotDeclaration> Read(DisgoSymbols symbols, CancellationToken cancellationToken)
    {
        foreach (var symbol in symbols.Compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Type, cancellationToken))
        {
            if (symbol is INamedTypeSymbol bot && BotDeclarationReader.Find(bot, symbols.DiscordBotAttribute) is not null)
            {
                yield return BotDeclarationReader.Read(bot, symbols, cancellationToken);
            }
        }
    }
}
