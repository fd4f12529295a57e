using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Disgo.Shared;

/// <summary>Reads and checks the handler classes a bot lists, and their <c>[On]</c> methods.</summary>
internal static class HandlerReader
{
    public static ImmutableArray<HandlerClassDeclaration> ReadClasses(
        INamedTypeSymbol bot,
        DisgoSymbols symbols,
        ShardSetDeclaration shards,
        List<BotProblem> problems,
        CancellationToken cancellationToken)
    {
        var botName = bot.ToDisplayString();
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var classes = ImmutableArray.CreateBuilder<HandlerClassDeclaration>();
        foreach (var attribute in bot.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.HandlersAttribute))
            {
                continue;
            }

            var location = Locations.Of(attribute, bot, cancellationToken);
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0] is not { Kind: TypedConstantKind.Array, IsNull: false } listed)
            {
                problems.Add(new BotProblem(BotRule.HandlerTypeUnusable, location, "(none)", botName, "no handler class is named"));
                continue;
            }

            foreach (var value in listed.Values)
            {
                if (value.Value is not INamedTypeSymbol type || type.TypeKind == TypeKind.Error)
                {
                    problems.Add(new BotProblem(BotRule.HandlerTypeUnusable, location, value.Value?.ToString() ?? "null", botName, "it is not a type the compiler knows"));
                }
                else if (!seen.Add(type))
                {
                    problems.Add(new BotProblem(BotRule.HandlerTypeRepeated, location, type.ToDisplayString(), botName));
                }
                else if (ReadClass(type, bot, symbols, shards, location, problems, cancellationToken) is { } handlerClass)
                {
                    classes.Add(handlerClass);
                }
            }
        }

        return classes.ToImmutable();
    }

    private static HandlerClassDeclaration? ReadClass(
        INamedTypeSymbol type,
        INamedTypeSymbol bot,
        DisgoSymbols symbols,
        ShardSetDeclaration shards,
        Location? listedAt,
        List<BotProblem> problems,
        CancellationToken cancellationToken)
    {
        var unusable = type.TypeKind != TypeKind.Class ? $"it is a {type.TypeKind.ToString().ToLowerInvariant()}, not a class"
            : IsGeneric(type) ? "it is generic, or nested in a generic type"
            : !symbols.Compilation.IsSymbolAccessibleWithin(type, bot) ? "it is not accessible from the bot"
            : null;
        if (unusable is not null)
        {
            problems.Add(new BotProblem(BotRule.HandlerTypeUnusable, listedAt, type.ToDisplayString(), bot.ToDisplayString(), unusable));
            return null;
        }

        var classOnlyShards = BotDeclarationReader.Find(type, symbols.OnlyShardsAttribute);
        var handlers = ImmutableArray.CreateBuilder<HandlerDeclaration>();
        var marked = 0;
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is not IMethodSymbol method || BotDeclarationReader.Find(method, symbols.OnAttribute) is not { } on)
            {
                continue;
            }

            marked++;
            if (ReadMethod(method, on, bot, symbols, shards, classOnlyShards, problems, cancellationToken) is { } handler)
            {
                handlers.Add(handler);
            }
        }

        if (marked == 0)
        {
            problems.Add(new BotProblem(BotRule.HandlerTypeWithoutHandlers, listedAt, type.ToDisplayString(), bot.ToDisplayString()));
        }

        var declaration = new HandlerClassDeclaration(type, null, handlers.ToImmutable());
        if (!declaration.NeedsInstance)
        {
            return declaration;
        }

        if (type.IsAbstract)
        {
            problems.Add(new BotProblem(BotRule.HandlerTypeUnusable, listedAt, type.ToDisplayString(), bot.ToDisplayString(), "it is abstract, but has instance handlers"));
            return null;
        }

        return ReadConstructor(type, bot, symbols, problems) is { } constructor
            ? new HandlerClassDeclaration(type, constructor, declaration.Handlers)
            : null;
    }

    private static bool IsGeneric(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.Arity > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static IMethodSymbol? ReadConstructor(INamedTypeSymbol type, INamedTypeSymbol bot, DisgoSymbols symbols, List<BotProblem> problems)
    {
        IMethodSymbol? chosen = null;
        var accessible = 0;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (symbols.Compilation.IsSymbolAccessibleWithin(constructor, bot))
            {
                chosen = constructor;
                accessible++;
            }
        }

        if (accessible != 1)
        {
            var why = accessible == 0
                ? "it has no public or internal constructor"
                : $"it has {accessible.ToString(CultureInfo.InvariantCulture)} public or internal constructors; keep one";
            problems.Add(new BotProblem(BotRule.HandlerConstructorUnusable, Locations.Of(type), type.ToDisplayString(), why));
            return null;
        }

        foreach (var parameter in chosen!.Parameters)
        {
            var why = parameter.RefKind != RefKind.None ? $"parameter '{parameter.Name}' is passed by reference"
                : parameter.Type.IsRefLikeType || parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Error
                    ? $"parameter '{parameter.Name}' is a {parameter.Type.ToDisplayString()}, which no service provider can hold"
                : !symbols.Compilation.IsSymbolAccessibleWithin(parameter.Type, bot) ? $"the type of parameter '{parameter.Name}' is not accessible from the bot"
                : null;
            if (why is not null)
            {
                problems.Add(new BotProblem(BotRule.HandlerConstructorUnusable, Locations.Of(parameter) ?? Locations.Of(type), type.ToDisplayString(), why));
                return null;
            }
        }

        return chosen;
    }

    private static HandlerDeclaration? ReadMethod(
        IMethodSymbol method,
        AttributeData on,
        INamedTypeSymbol bot,
        DisgoSymbols symbols,
        ShardSetDeclaration shards,
        AttributeData? classOnlyShards,
        List<BotProblem> problems,
        CancellationToken cancellationToken)
    {
        var unusable = method.MethodKind != MethodKind.Ordinary ? "it is not an ordinary method"
            : !symbols.Compilation.IsSymbolAccessibleWithin(method, bot) ? "it is not accessible from the bot; make it public or internal"
            : method.IsGenericMethod ? "it is generic"
            : method.Parameters.Length is < 1 or > 2 ? "it must take the event's model, optionally followed by a DispatchContext"
            : method.Parameters[0].RefKind != RefKind.None ? "it must take the event's model by value"
            : method.Parameters.Length == 2 && (method.Parameters[1].RefKind != RefKind.None
                || !SymbolEqualityComparer.Default.Equals(method.Parameters[1].Type, symbols.DispatchContext))
                ? "its second parameter must be a DispatchContext, by value"
            : null;
        var returns = ReadReturn(method, symbols);
        if (unusable is null && returns is null)
        {
            unusable = $"it returns {method.ReturnType.ToDisplayString()}; return ValueTask, Task or void";
        }

        if (unusable is not null)
        {
            problems.Add(new BotProblem(BotRule.HandlerMethodUnusable, Locations.Of(method), HandlerName(method), unusable));
            return null;
        }

        if (method.IsAsync && method.ReturnsVoid)
        {
            problems.Add(new BotProblem(BotRule.HandlerMethodAsyncVoid, Locations.Of(method), HandlerName(method)));
            return null;
        }

        if (ReadEvent(method, on, symbols, problems, cancellationToken) is not { } knownEvent)
        {
            return null;
        }

        var onlyShardsAttribute = BotDeclarationReader.Find(method, symbols.OnlyShardsAttribute) ?? classOnlyShards;
        if (ReadOnlyShards(onlyShardsAttribute, method, bot, shards, problems, cancellationToken) is not { } onlyShards)
        {
            return null;
        }

        return new HandlerDeclaration(method, knownEvent, method.Parameters.Length == 2, returns!.Value, onlyShards);
    }

    private static HandlerReturn? ReadReturn(IMethodSymbol method, DisgoSymbols symbols) =>
        method.ReturnsVoid ? HandlerReturn.Void
        : method.ReturnsByRef || method.ReturnsByRefReadonly ? null
        : SymbolEqualityComparer.Default.Equals(method.ReturnType, symbols.ValueTask) ? HandlerReturn.ValueTask
        : SymbolEqualityComparer.Default.Equals(method.ReturnType, symbols.Task) ? HandlerReturn.Task
        : null;

    private static KnownEvent? ReadEvent(IMethodSymbol method, AttributeData on, DisgoSymbols symbols, List<BotProblem> problems, CancellationToken cancellationToken)
    {
        var takes = method.Parameters[0].Type;
        if (on.ConstructorArguments.Length == 0)
        {
            var carrying = symbols.EventsCarrying(takes);
            if (carrying.Count == 1)
            {
                return carrying[0];
            }

            if (carrying.Count == 0)
            {
                problems.Add(new BotProblem(BotRule.EventNotInferable, Locations.Of(on, method, cancellationToken), takes.ToDisplayString(), HandlerName(method)));
            }
            else
            {
                var names = new List<string>();
                foreach (var knownEvent in carrying)
                {
                    names.Add(knownEvent.Name);
                }

                problems.Add(new BotProblem(BotRule.EventAmbiguous, Locations.Of(on, method, cancellationToken), takes.ToDisplayString(), string.Join(" and ", names), HandlerName(method)));
            }

            return null;
        }

        var name = on.ConstructorArguments[0].Value as string;
        if (name is null || KnownEvents.Find(name) is not { } named)
        {
            problems.Add(new BotProblem(BotRule.UnknownEvent, Locations.Of(on, method, cancellationToken), name ?? "null", HandlerName(method)));
            return null;
        }

        if (symbols.ModelOf(named) is not { } model)
        {
            problems.Add(new BotProblem(BotRule.EventWithoutModel, Locations.Of(on, method, cancellationToken), named.Name, HandlerName(method)));
            return null;
        }

        if (!SymbolEqualityComparer.Default.Equals(model, takes))
        {
            problems.Add(new BotProblem(BotRule.EventModelMismatch, Locations.Of(on, method, cancellationToken), named.Name, model.ToDisplayString(), HandlerName(method), takes.ToDisplayString()));
            return null;
        }

        return named;
    }

    private static ImmutableArray<int>? ReadOnlyShards(
        AttributeData? attribute,
        IMethodSymbol method,
        INamedTypeSymbol bot,
        ShardSetDeclaration shards,
        List<BotProblem> problems,
        CancellationToken cancellationToken)
    {
        if (attribute is null)
        {
            return ImmutableArray<int>.Empty;
        }

        var handlerName = $"{method.ContainingType.Name}.{method.Name}";
        var location = Locations.Of(attribute, method, cancellationToken);
        var ids = new SortedSet<int>();
        var repeated = new SortedSet<int>();
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Array, IsNull: false } listed)
        {
            foreach (var value in listed.Values)
            {
                if (value.Value is int id && !ids.Add(id))
                {
                    repeated.Add(id);
                }
            }
        }

        var problem = ids.Count == 0 ? "it lists no shard, so the handler would never run"
            : ids.Min < 0 ? ShardNumbers.CheckShard(ids.Min, int.MaxValue)
            : shards.TotalShards is { } total && ids.Max >= total
                ? $"bot '{bot.ToDisplayString()}' has {total.ToString(CultureInfo.InvariantCulture)} shards, so there is no shard {ids.Max.ToString(CultureInfo.InvariantCulture)}"
            : null;
        if (problem is not null)
        {
            problems.Add(new BotProblem(BotRule.OnlyShardsInvalid, location, handlerName, problem));
            return null;
        }

        var runs = false;
        foreach (var id in ids)
        {
            runs |= shards.MayRun(id);
        }

        foreach (var id in repeated)
        {
            problems.Add(new BotProblem(BotRule.OnlyShardsRepeated, location, ShardNumbers.Format(id), $"[OnlyShards] on '{handlerName}'", "list each shard once"));
        }

        var sorted = ImmutableArray.CreateRange(ids);
        if (!runs)
        {
            problems.Add(new BotProblem(BotRule.OnlyShardsNotRun, location, handlerName, string.Join(", ", sorted), bot.ToDisplayString(), shards.ToString()));
        }

        return sorted;
    }

    // Built only for a problem's message: valid handlers, the common case, never need it.
    private static string HandlerName(IMethodSymbol method) => $"{method.ContainingType.Name}.{method.Name}";
}
