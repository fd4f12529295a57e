using System.Threading;
using Disgo.Generator.Models;
using Disgo.Shared;
using Microsoft.CodeAnalysis;

namespace Disgo.Generator.Parsing;

/// <summary>
/// The transform of the pipeline: a <c>[DiscordBot]</c> class to its <see cref="BotModel"/>, or null when the
/// declaration breaks a blocking rule (the analyzers report it; the generator stays silent).
/// </summary>
internal static class BotParser
{
    public static BotModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol bot || DisgoSymbols.TryCreate(context.SemanticModel.Compilation) is not { } symbols)
        {
            return null;
        }

        var declaration = BotDeclarationReader.Read(bot, symbols, cancellationToken);
        return declaration.IsValid ? BotModelBuilder.Build(declaration) : null;
    }
}
