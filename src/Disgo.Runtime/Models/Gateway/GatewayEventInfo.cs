namespace Disgo.Models.Gateway;

/// <summary>
/// A dispatch event (<c>t</c>) and the intents that gate it. An event is delivered when the session has
/// <see cref="GuildIntents"/> (for its guild form) or <see cref="DirectMessageIntents"/> (for its DM form).
/// </summary>
/// <param name="Name">The event name, e.g. <c>MESSAGE_CREATE</c>.</param>
/// <param name="GuildIntents">The intent that gates the guild form; None when the event is ungated or has no guild form.</param>
/// <param name="DirectMessageIntents">The intent that gates the DM form; None when the event is ungated or has no DM form.</param>
/// <param name="ModelType">The model its <c>d</c> deserializes to, or null when Disgo has no model for it yet.</param>
public sealed record GatewayEventInfo(string Name, GatewayIntents GuildIntents, GatewayIntents DirectMessageIntents, Type? ModelType)
{
    /// <summary>Whether no intent gates the event: every session receives it.</summary>
    public bool IsUngated => GuildIntents == GatewayIntents.None && DirectMessageIntents == GatewayIntents.None;

    /// <summary>Every intent that gates some form of the event (any one of them delivers that form).</summary>
    public GatewayIntents AnyIntents => GuildIntents | DirectMessageIntents;
}
