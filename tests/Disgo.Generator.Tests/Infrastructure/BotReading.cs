using Disgo.Shared;
using Microsoft.CodeAnalysis;

namespace Disgo.Generator.Tests.Infrastructure;

/// <summary>Reads the single <c>[DiscordBot]</c> class of test sources with the shared rules, as the analyzers do.</summary>
internal static class BotReading
{
    public static BotDeclaration Read(params string[] sources) => Read(GeneratorRun.Compile(sources));

    public static BotDeclaration Read(Compilation compilation)
    {
        var symbols = DisgoSymbols.TryCreate(compilation);
        Assert.NotNull(symbols);
        var bot = compilation.SyntaxTrees
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>()
                .Select(declaration => compilation.GetSemanticModel(tree).GetDeclaredSymbol(declaration)))
            .OfType<INamedTypeSymbol>()
            .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default)
            .Single(type => type.GetAttributes().Any(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.DiscordBotAttribute)));
        return BotDeclarationReader.Read(bot, symbols, CancellationToken.None);
    }
}
