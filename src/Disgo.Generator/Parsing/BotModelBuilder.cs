using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Disgo.Generator.Models;
using Disgo.Shared;
using Microsoft.CodeAnalysis;

namespace Disgo.Generator.Parsing;

/// <summary>Turns a valid <see cref="BotDeclaration"/> into the symbol-free <see cref="BotModel"/> the emitter writes.</summary>
internal static class BotModelBuilder
{
    /// <summary>Names the generated members use for their own parameters; handler parameters stay clear of them.</summary>
    private static readonly string[] ReservedNames = ["services", "logger", "commandSender"];

    public static BotModel Build(BotDeclaration declaration)
    {
        var bot = declaration.Bot;
        var instances = BuildInstances(declaration);
        return new BotModel(
            HintName(bot),
            bot.ContainingNamespace.IsGlobalNamespace ? null : bot.ContainingNamespace.ToDisplayString(),
            ContainingTypes(bot),
            bot.Name,
            TypeNames.Qualify(bot),
            TypeNames.Display(bot),
            declaration.HandlerClasses
                .Where(handlerClass => instances.ContainsKey(handlerClass.Type))
                .Select(handlerClass => instances[handlerClass.Type])
                .ToEquatableArray(),
            BuildEvents(declaration, instances),
            KnownIntents.Names(declaration.RequiredIntents).ToEquatableArray(),
            declaration.ExplicitIntents is { } intents ? KnownIntents.Names(intents).ToEquatableArray() : null,
            new ShardSetModel(declaration.Shards.TotalShards, declaration.Shards.FirstShard, declaration.Shards.ShardCount),
            declaration.LargeThreshold,
            InstanceFactoryAccessibility(declaration));
    }

    private static string? InstanceFactoryAccessibility(BotDeclaration declaration)
    {
        var accessibility = "public";
        foreach (var handlerClass in declaration.HandlerClasses)
        {
            if (handlerClass.Constructor is null)
            {
                continue;
            }

            for (ISymbol type = handlerClass.Type; type is INamedTypeSymbol; type = type.ContainingType)
            {
                switch (type.DeclaredAccessibility)
                {
                    case Accessibility.Public:
                        break;
                    case Accessibility.Internal or Accessibility.ProtectedOrInternal:
                        accessibility = "internal";
                        break;
                    default:
                        return null;
                }
            }
        }

        return accessibility;
    }

    /// <summary>
    /// <c>Namespace.Outer+Bot.g.cs</c>: the <c>+</c> keeps a nested bot's file apart from a namespace of the same
    /// dotted name.
    /// </summary>
    private static string HintName(INamedTypeSymbol bot)
    {
        var name = new StringBuilder();
        for (var type = bot; type is not null; type = type.ContainingType)
        {
            name.Insert(0, type.ContainingType is null ? type.Name : "+" + type.Name);
        }

        if (!bot.ContainingNamespace.IsGlobalNamespace)
        {
            name.Insert(0, bot.ContainingNamespace.ToDisplayString() + ".");
        }

        return name.Append(".g.cs").ToString();
    }

    private static EquatableArray<ContainingTypeModel> ContainingTypes(INamedTypeSymbol bot)
    {
        var containers = new List<ContainingTypeModel>();
        for (var type = bot.ContainingType; type is not null; type = type.ContainingType)
        {
            containers.Insert(0, new ContainingTypeModel(Declaration(type), type.Name));
        }

        return containers.ToEquatableArray();
    }

    private static string Declaration(INamedTypeSymbol type)
    {
        var kind = type.TypeKind switch
        {
            TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
            TypeKind.Interface => "interface",
            _ => type.IsRecord ? "record" : "class",
        };
        return (type.IsStatic ? "static partial " : "partial ") + kind;
    }

    private static Dictionary<INamedTypeSymbol, HandlerInstanceModel> BuildInstances(BotDeclaration declaration)
    {
        var instances = new Dictionary<INamedTypeSymbol, HandlerInstanceModel>(SymbolEqualityComparer.Default);
        var taken = new HashSet<string>(ReservedNames);
        foreach (var handlerClass in declaration.HandlerClasses)
        {
            if (handlerClass.Constructor is not { } constructor)
            {
                continue;
            }

            var name = Unique(CamelCase(handlerClass.Type.Name), taken);
            var parameters = constructor.Parameters
                .Select(parameter => new ServiceParameterModel(parameter.Name, TypeNames.Qualify(parameter.Type), DefaultValues.Of(parameter)))
                .ToEquatableArray();
            instances.Add(
                handlerClass.Type,
                new HandlerInstanceModel("_" + name, TypeNames.Escape(name), TypeNames.Qualify(handlerClass.Type), TypeNames.Display(handlerClass.Type), parameters));
        }

        return instances;
    }

    private static EquatableArray<HandledEventModel> BuildEvents(BotDeclaration declaration, Dictionary<INamedTypeSymbol, HandlerInstanceModel> instances)
    {
        var order = new List<KnownEvent>();
        var calls = new Dictionary<string, List<HandlerCallModel>>();
        foreach (var handlerClass in declaration.HandlerClasses)
        {
            // Written once per class rather than once per handler: displaying a symbol walks and formats it each time.
            var displayName = TypeNames.Display(handlerClass.Type);
            string? qualifiedName = null;
            foreach (var handler in handlerClass.Handlers)
            {
                if (!calls.TryGetValue(handler.Event.Name, out var eventCalls))
                {
                    eventCalls = [];
                    calls.Add(handler.Event.Name, eventCalls);
                    order.Add(handler.Event);
                }

                var method = handler.Method;
                eventCalls.Add(new HandlerCallModel(
                    displayName + "." + method.Name,
                    method.IsStatic ? qualifiedName ??= TypeNames.Qualify(handlerClass.Type) : instances[handlerClass.Type].FieldName,
                    TypeNames.Escape(method.Name),
                    handler.TakesContext,
                    handler.Returns,
                    handler.OnlyShards.ToEquatableArray()));
            }
        }

        return order
            .Select(knownEvent => new HandledEventModel(
                knownEvent.Name,
                knownEvent.MemberName,
                knownEvent.JsonTypeInfoProperty!,
                calls[knownEvent.Name].ToEquatableArray(),
                ShardsOfEveryHandler(calls[knownEvent.Name])))
            .ToEquatableArray();
    }

    /// <summary>The union of the handlers' shards when every handler is limited; empty when one runs everywhere.</summary>
    private static EquatableArray<int> ShardsOfEveryHandler(List<HandlerCallModel> calls)
    {
        var shards = new SortedSet<int>();
        foreach (var call in calls)
        {
            if (call.OnlyShards.Count == 0)
            {
                return EquatableArray<int>.Empty;
            }

            shards.UnionWith(call.OnlyShards);
        }

        return shards.ToEquatableArray();
    }

    private static string CamelCase(string name) =>
        name.Length > 0 && char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) + name.Substring(1) : name;

    private static string Unique(string name, HashSet<string> taken)
    {
        var unique = name;
        for (var suffix = 2; !taken.Add(unique); suffix++)
        {
            unique = name + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return unique;
    }
}
