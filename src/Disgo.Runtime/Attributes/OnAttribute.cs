using Disgo.Models.Gateway;

namespace Disgo;

/// <summary>
/// Marks an event handler: a method of a handler class taking the event's model, optionally followed by a
/// <see cref="DispatchContext"/>, and returning <see cref="ValueTask"/>, <see cref="Task"/> or <see langword="void"/>.
/// </summary>
/// <remarks>
/// Without an event name the event is the one whose model is the first parameter's type, which works for every
/// event with a model of its own (<c>Ready</c>, <c>Interaction</c>, <c>PresenceUpdate</c>…). Events sharing a model
/// (MESSAGE_CREATE and MESSAGE_UPDATE both carry a <c>Message</c>) must be named.
/// </remarks>
/// <example>
/// <code>
/// [On(GatewayEvents.MessageCreate)]
/// public ValueTask OnMessage(Message message, DispatchContext context) { ... }
///
/// [On]
/// public static void OnReady(Ready ready) { ... }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class OnAttribute : Attribute
{
    /// <summary>Handles the event whose model is the method's first parameter type.</summary>
    public OnAttribute()
    {
    }

    /// <param name="eventName">The dispatch event name, e.g. <see cref="GatewayEvents.MessageCreate"/>.</param>
    public OnAttribute(string eventName)
    {
        EventName = eventName;
    }

    /// <summary>The event name (<c>t</c>), or <see langword="null"/> when inferred from the model type.</summary>
    public string? EventName { get; }
}
