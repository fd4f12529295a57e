namespace Disgo.Generator.Models;

/// <summary>An event at least one handler takes, and its handlers in call order.</summary>
/// <param name="Name">The event name (<c>t</c>), e.g. <c>MESSAGE_CREATE</c>.</param>
/// <param name="MemberName">A C# identifier for it, e.g. <c>MessageCreate</c>.</param>
/// <param name="JsonTypeInfoProperty">The DisgoJsonContext property of its model.</param>
/// <param name="Handlers">Every handler of the event: bot's handler classes in order, then methods in declaration order.</param>
/// <param name="OnlyShards">When every handler is limited to shards, the union of those shards (elsewhere the event is skipped before it is deserialized); otherwise empty.</param>
internal sealed record HandledEventModel(
    string Name,
    string MemberName,
    string JsonTypeInfoProperty,
    EquatableArray<HandlerCallModel> Handlers,
    EquatableArray<int> OnlyShards);
