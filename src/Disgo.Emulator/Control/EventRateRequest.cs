using System.Text.Json;
using Disgo.Emulator.Events;

namespace Disgo.Emulator.Control;

/// <summary>
/// <c>POST /_emulator/events/rate</c>: <c>{per_second, events?}</c>; 0 stops. <c>events</c> lists dispatch names
/// (MESSAGE_CREATE, TYPING_START, MESSAGE_REACTION_ADD) and defaults to MESSAGE_CREATE.
/// </summary>
internal sealed record EventRateRequest(double PerSecond, EmittedEvents Kinds)
{
    // Dispatch names in the order the control endpoint reports them.
    private static readonly (EmittedEvents Kind, string Name)[] KindNames =
    [
        (EmittedEvents.MessageCreate, "MESSAGE_CREATE"),
        (EmittedEvents.TypingStart, "TYPING_START"),
        (EmittedEvents.MessageReactionAdd, "MESSAGE_REACTION_ADD"),
    ];

    public static (EventRateRequest? Request, string? Error) Parse(JsonElement body)
    {
        if (ControlJson.UnknownProperty(body, ["per_second", "events"]) is { } unknown)
            return (null, unknown);
        if (!body.TryGetProperty("per_second", out var rateElement))
            return (null, "'per_second' is missing; send 0 to stop.");
        if (rateElement.ValueKind != JsonValueKind.Number || !rateElement.TryGetDouble(out var rate)
            || !double.IsFinite(rate) || rate < 0 || rate > EventSource.MaxEventsPerSecond)
        {
            return (null, $"'per_second' must be a number from 0 to {EventSource.MaxEventsPerSecond:0}, got {rateElement.GetRawText()}.");
        }

        var kinds = EmittedEvents.MessageCreate;
        if (body.TryGetProperty("events", out var eventsElement))
        {
            if (ParseKinds(eventsElement, out kinds) is { } kindsError)
                return (null, kindsError);
        }

        return (new EventRateRequest(rate, kinds), null);
    }

    /// <summary>The dispatch names of the chosen events.</summary>
    public static IEnumerable<string> Names(EmittedEvents kinds)
    {
        foreach (var (kind, name) in KindNames)
        {
            if (kinds.HasFlag(kind))
                yield return name;
        }
    }

    private static EmittedEvents KindOf(string? name)
    {
        foreach (var (kind, known) in KindNames)
        {
            if (name == known)
                return kind;
        }

        return EmittedEvents.None;
    }

    private static string? ParseKinds(JsonElement element, out EmittedEvents kinds)
    {
        kinds = EmittedEvents.None;
        const string Expected = "'events' must be a non-empty array of MESSAGE_CREATE, TYPING_START, MESSAGE_REACTION_ADD";
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
            return $"{Expected}, got {element.GetRawText()}.";
        foreach (var item in element.EnumerateArray())
        {
            var kind = item.ValueKind == JsonValueKind.String ? KindOf(item.GetString()) : EmittedEvents.None;
            if (kind == EmittedEvents.None)
                return $"{Expected}; {item.GetRawText()} is not one of them.";
            kinds |= kind;
        }

        return null;
    }
}
