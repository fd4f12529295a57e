using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Disgo.Shared;

/// <summary>
/// The runtime's types as symbols of one compilation, looked up once. <see cref="TryCreate"/> fails when the
/// compilation does not reference a Disgo runtime with everything the generated code uses: then there is nothing to
/// check or generate.
/// </summary>
internal sealed class DisgoSymbols
{
    // One lookup per compilation, shared by the generator's transforms and every analyzer: each of the runtime's
    // types and event models is searched for in every referenced assembly.
    private static readonly ConditionalWeakTable<Compilation, Lookup> ByCompilation = new();

    // Each bot read once per compilation, however many analyzers (or generator steps) ask for it.
    private readonly ConcurrentDictionary<INamedTypeSymbol, BotDeclaration> _bots = new(SymbolEqualityComparer.Default);

    private DisgoSymbols(
        Compilation compilation,
        INamedTypeSymbol discordBot,
        INamedTypeSymbol handlers,
        INamedTypeSymbol on,
        INamedTypeSymbol onlyShards,
        INamedTypeSymbol shards,
        INamedTypeSymbol intents,
        INamedTypeSymbol dispatchContext,
        INamedTypeSymbol valueTask,
        INamedTypeSymbol task,
        ImmutableArray<EventModel> eventModels)
    {
        Compilation = compilation;
        DiscordBotAttribute = discordBot;
        HandlersAttribute = handlers;
        OnAttribute = on;
        OnlyShardsAttribute = onlyShards;
        ShardsAttribute = shards;
        IntentsAttribute = intents;
        DispatchContext = dispatchContext;
        ValueTask = valueTask;
        Task = task;
        EventModels = eventModels;
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol DiscordBotAttribute { get; }

    public INamedTypeSymbol HandlersAttribute { get; }

    public INamedTypeSymbol OnAttribute { get; }

    public INamedTypeSymbol OnlyShardsAttribute { get; }

    public INamedTypeSymbol ShardsAttribute { get; }

    public INamedTypeSymbol IntentsAttribute { get; }

    public INamedTypeSymbol DispatchContext { get; }

    public INamedTypeSymbol ValueTask { get; }

    public INamedTypeSymbol Task { get; }

    /// <summary>
    /// The events whose model the referenced runtime has, with JSON metadata on its <c>DisgoJsonContext</c>: the
    /// events a handler can receive.
    /// </summary>
    public ImmutableArray<EventModel> EventModels { get; }

    /// <summary>The symbols of <paramref name="compilation"/>, looked up on its first use; null without a Disgo runtime.</summary>
    public static DisgoSymbols? TryCreate(Compilation compilation) =>
        ByCompilation.GetValue(compilation, static compilation => new Lookup(Create(compilation))).Symbols;

    /// <summary><paramref name="bot"/> read and checked by <see cref="BotDeclarationReader"/>, once per compilation.</summary>
    public BotDeclaration ReadBot(INamedTypeSymbol bot, CancellationToken cancellationToken)
    {
        if (_bots.TryGetValue(bot, out var declaration))
        {
            return declaration;
        }

        // A read cut short by cancellation throws before anything is stored.
        return _bots.GetOrAdd(bot, BotDeclarationReader.ReadUncached(bot, this, cancellationToken));
    }

    private static DisgoSymbols? Create(Compilation compilation)
    {
        var discordBot = compilation.GetTypeByMetadataName(MetadataNames.DiscordBotAttribute);
        var handlers = compilation.GetTypeByMetadataName(MetadataNames.HandlersAttribute);
        var on = compilation.GetTypeByMetadataName(MetadataNames.OnAttribute);
        var onlyShards = compilation.GetTypeByMetadataName(MetadataNames.OnlyShardsAttribute);
        var shards = compilation.GetTypeByMetadataName(MetadataNames.ShardsAttribute);
        var intents = compilation.GetTypeByMetadataName(MetadataNames.IntentsAttribute);
        var dispatchContext = compilation.GetTypeByMetadataName(MetadataNames.DispatchContext);
        var valueTask = compilation.GetTypeByMetadataName(MetadataNames.ValueTask);
        var task = compilation.GetTypeByMetadataName(MetadataNames.Task);
        var jsonContext = compilation.GetTypeByMetadataName(MetadataNames.DisgoJsonContext);
        if (discordBot is null || handlers is null || on is null || onlyShards is null || shards is null || intents is null
            || dispatchContext is null || valueTask is null || task is null || jsonContext is null
            || compilation.GetTypeByMetadataName(MetadataNames.DiscordBotInterface) is null)
        {
            return null;
        }

        return new DisgoSymbols(compilation, discordBot, handlers, on, onlyShards, shards, intents, dispatchContext, valueTask, task, FindEventModels(compilation, jsonContext));
    }

    /// <summary>The events that carry <paramref name="model"/>.</summary>
    public List<KnownEvent> EventsCarrying(ITypeSymbol model)
    {
        var events = new List<KnownEvent>();
        foreach (var eventModel in EventModels)
        {
            if (SymbolEqualityComparer.Default.Equals(eventModel.Model, model))
            {
                events.Add(eventModel.Event);
            }
        }

        return events;
    }

    /// <summary>The model of <paramref name="knownEvent"/> in the referenced runtime, or null when it has none.</summary>
    public INamedTypeSymbol? ModelOf(KnownEvent knownEvent)
    {
        foreach (var eventModel in EventModels)
        {
            if (eventModel.Event == knownEvent)
            {
                return eventModel.Model;
            }
        }

        return null;
    }

    private static ImmutableArray<EventModel> FindEventModels(Compilation compilation, INamedTypeSymbol jsonContext)
    {
        var models = ImmutableArray.CreateBuilder<EventModel>();
        foreach (var knownEvent in KnownEvents.All)
        {
            if (knownEvent.ModelMetadataName is null || knownEvent.JsonTypeInfoProperty is null
                || compilation.GetTypeByMetadataName(knownEvent.ModelMetadataName) is not { } model
                || !HasTypeInfoProperty(jsonContext, knownEvent.JsonTypeInfoProperty, model))
            {
                continue;
            }

            models.Add(new EventModel(knownEvent, model));
        }

        return models.ToImmutable();
    }

    // Checked rather than assumed, so that a runtime without the metadata yields no handler rather than broken code.
    private static bool HasTypeInfoProperty(INamedTypeSymbol jsonContext, string propertyName, INamedTypeSymbol model)
    {
        foreach (var member in jsonContext.GetMembers(propertyName))
        {
            if (member is IPropertySymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public } property
                && property.Type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } typeInfo
                && typeInfo.Name == "JsonTypeInfo"
                && SymbolEqualityComparer.Default.Equals(typeInfo.TypeArguments[0], model))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The outcome of one lookup, null included, so a compilation without the runtime is not searched again.</summary>
    private sealed class Lookup
    {
        public Lookup(DisgoSymbols? symbols)
        {
            Symbols = symbols;
        }

        public DisgoSymbols? Symbols { get; }
    }

    /// <summary>An event and its model type in this compilation.</summary>
    public sealed class EventModel
    {
        public EventModel(KnownEvent knownEvent, INamedTypeSymbol model)
        {
            Event = knownEvent;
            Model = model;
        }

        public KnownEvent Event { get; }

        public INamedTypeSymbol Model { get; }
    }
}
