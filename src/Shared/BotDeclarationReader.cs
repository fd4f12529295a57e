using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Disgo.Shared;

/// <summary>
/// Reads a <c>[DiscordBot]</c> class and checks it against every <see cref="BotRule"/>. The generator and the
/// analyzers both call this, so what one accepts the other never reports.
/// </summary>
internal static class BotDeclarationReader
{
    private const int MinLargeThreshold = 50;
    private const int MaxLargeThreshold = 250;

    /// <summary>The declaration of <paramref name="bot"/>; read once per compilation and shared by its callers.</summary>
    public static BotDeclaration Read(INamedTypeSymbol bot, DisgoSymbols symbols, CancellationToken cancellationToken) =>
        symbols.ReadBot(bot, cancellationToken);

    internal static BotDeclaration ReadUncached(INamedTypeSymbol bot, DisgoSymbols symbols, CancellationToken cancellationToken)
    {
        var problems = new List<BotProblem>();
        CheckShape(bot, symbols, problems, cancellationToken);
        var shards = ReadShards(bot, symbols, problems, cancellationToken);
        var largeThreshold = ReadLargeThreshold(bot, symbols, problems, cancellationToken);
        var explicitIntents = ReadExplicitIntents(bot, symbols, problems, cancellationToken);
        var handlerClasses = HandlerReader.ReadClasses(bot, symbols, shards, problems, cancellationToken);

        long requiredIntents = 0;
        foreach (var handlerClass in handlerClasses)
        {
            foreach (var handler in handlerClass.Handlers)
            {
                requiredIntents |= handler.Event.AnyIntents;
            }
        }

        CheckIntents(bot, symbols, handlerClasses, requiredIntents, explicitIntents, problems, cancellationToken);
        return new BotDeclaration(bot, handlerClasses, shards, requiredIntents, explicitIntents, largeThreshold, problems.ToImmutableArray());
    }

    private static void CheckShape(INamedTypeSymbol bot, DisgoSymbols symbols, List<BotProblem> problems, CancellationToken cancellationToken)
    {
        var name = bot.ToDisplayString();
        var location = Locations.Of(bot);
        var shape = bot.IsRecord ? "it is a record"
            : bot.TypeKind != TypeKind.Class ? "it is not a class"
            : bot.IsStatic ? "it is static"
            : bot.IsAbstract ? "it is abstract"
            : bot.Arity > 0 ? "it is generic"
            : Count(bot, symbols.DiscordBotAttribute) > 1 ? "it carries [DiscordBot] more than once"
            : GeneratedMembers.Clash(bot.Name) ? "its name is taken by a member Disgo generates into it"
            : null;
        if (shape is not null)
        {
            problems.Add(new BotProblem(BotRule.BotShapeUnsupported, location, name, shape));
        }

        if (!IsPartial(bot, cancellationToken))
        {
            problems.Add(new BotProblem(BotRule.BotNotPartial, location, name));
        }

        for (var container = bot.ContainingType; container is not null; container = container.ContainingType)
        {
            if (container.Arity > 0 || !IsPartial(container, cancellationToken))
            {
                problems.Add(new BotProblem(BotRule.BotContainerUnsupported, location, name, container.ToDisplayString()));
                break;
            }
        }

        foreach (var reference in bot.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration
                || GeneratedFiles.IsDisgoOutput(declaration.SyntaxTree, cancellationToken))
            {
                continue;
            }

            var own = declaration.Members.Count > 0 ? Describe(declaration.Members[0])
                : declaration.ParameterList is not null ? "a primary constructor"
                : declaration.BaseList is not null ? $"base type '{declaration.BaseList.Types[0]}'"
                : null;
            if (own is not null)
            {
                problems.Add(new BotProblem(BotRule.BotHasMembers, declaration.Identifier.GetLocation(), name, own));
            }
        }
    }

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration
                || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return type.DeclaringSyntaxReferences.Length > 0;
    }

    private static string Describe(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        FieldDeclarationSyntax field => field.Declaration.Variables[0].Identifier.ValueText,
        ConstructorDeclarationSyntax => "a constructor",
        BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
        _ => member.Kind().ToString(),
    };

    private static ShardSetDeclaration ReadShards(INamedTypeSymbol bot, DisgoSymbols symbols, List<BotProblem> problems, CancellationToken cancellationToken)
    {
        if (Find(bot, symbols.ShardsAttribute) is not { } attribute)
        {
            return ShardSetDeclaration.Recommended;
        }

        var total = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int value ? value : 0;
        var first = NamedInt(attribute, MetadataNames.FirstShardProperty) ?? 0;
        var count = NamedInt(attribute, MetadataNames.ShardCountProperty) ?? 0;
        var problem = ShardNumbers.CheckRange(total, first, count, MetadataNames.FirstShardProperty, MetadataNames.ShardCountProperty, zeroCountRunsRest: true);
        if (problem is not null)
        {
            problems.Add(new BotProblem(BotRule.ShardsInvalid, Locations.Of(attribute, bot, cancellationToken), bot.ToDisplayString(), problem));
            return ShardSetDeclaration.Recommended;
        }

        return first == 0 && count == 0
            ? new ShardSetDeclaration(total, 0, null)
            : new ShardSetDeclaration(total, first, count == 0 ? total - first : count);
    }

    private static int? ReadLargeThreshold(INamedTypeSymbol bot, DisgoSymbols symbols, List<BotProblem> problems, CancellationToken cancellationToken)
    {
        var attribute = Find(bot, symbols.DiscordBotAttribute);
        if (attribute is null || NamedInt(attribute, MetadataNames.LargeThresholdProperty) is not { } threshold || threshold == 0)
        {
            return null;
        }

        if (threshold is < MinLargeThreshold or > MaxLargeThreshold)
        {
            problems.Add(new BotProblem(BotRule.LargeThresholdOutOfRange, Locations.Of(attribute, bot, cancellationToken), bot.ToDisplayString(), Format(threshold)));
            return null;
        }

        return threshold;
    }

    private static long? ReadExplicitIntents(INamedTypeSymbol bot, DisgoSymbols symbols, List<BotProblem> problems, CancellationToken cancellationToken)
    {
        if (Find(bot, symbols.IntentsAttribute) is not { } attribute)
        {
            return null;
        }

        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not { } value)
        {
            // Only a compile error gets here; the compiler reports it.
            problems.Add(new BotProblem(BotRule.IntentsUndocumented, Locations.Of(attribute, bot, cancellationToken), bot.ToDisplayString(), "none readable"));
            return null;
        }

        var intents = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        if (KnownIntents.Undocumented(intents) != 0)
        {
            problems.Add(new BotProblem(BotRule.IntentsUndocumented, Locations.Of(attribute, bot, cancellationToken), bot.ToDisplayString(), Format(KnownIntents.Undocumented(intents))));
        }

        return intents;
    }

    private static void CheckIntents(
        INamedTypeSymbol bot,
        DisgoSymbols symbols,
        ImmutableArray<HandlerClassDeclaration> handlerClasses,
        long requiredIntents,
        long? explicitIntents,
        List<BotProblem> problems,
        CancellationToken cancellationToken)
    {
        var botName = bot.ToDisplayString();
        if (explicitIntents is { } intents)
        {
            long missing = 0;
            var starved = new List<string>();
            foreach (var handlerClass in handlerClasses)
            {
                foreach (var handler in handlerClass.Handlers)
                {
                    var gating = handler.Event.AnyIntents;
                    if (gating != 0 && (gating & intents) == 0 && !starved.Contains(handler.Event.Name))
                    {
                        missing |= gating;
                        starved.Add(handler.Event.Name);
                    }
                }
            }

            if (starved.Count > 0)
            {
                problems.Add(new BotProblem(
                    BotRule.IntentsMissingRequired,
                    Locations.Of(Find(bot, symbols.IntentsAttribute), bot, cancellationToken),
                    botName,
                    string.Join(" / ", KnownIntents.Names(missing)),
                    string.Join(", ", starved)));
            }
        }

        var privileged = (explicitIntents ?? requiredIntents) & KnownIntents.Privileged;
        if (privileged != 0)
        {
            problems.Add(new BotProblem(
                BotRule.PrivilegedIntentsRequired,
                Locations.Of(Find(bot, explicitIntents is null ? symbols.DiscordBotAttribute : symbols.IntentsAttribute), bot, cancellationToken),
                botName,
                string.Join(", ", KnownIntents.Names(privileged))));
        }
    }

    internal static AttributeData? Find(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }

    private static int Count(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        var count = 0;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                count++;
            }
        }

        return count;
    }

    private static int? NamedInt(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is int value)
            {
                return value;
            }
        }

        return null;
    }

    private static string Format(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
