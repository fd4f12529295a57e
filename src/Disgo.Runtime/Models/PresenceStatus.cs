using System.Text.Json.Serialization;
using Disgo.Serialization;

namespace Disgo.Models;

/// <summary>A user's or the bot's status, written as <c>"online"</c>, <c>"idle"</c>, <c>"dnd"</c>, <c>"invisible"</c>, <c>"offline"</c>.</summary>
[JsonConverter(typeof(PresenceStatusJsonConverter))]
public enum PresenceStatus
{
    Online,
    Idle,

    /// <summary>Do not disturb (<c>"dnd"</c>).</summary>
    DoNotDisturb,

    /// <summary>Shown as offline. Sent only; others see the user as offline.</summary>
    Invisible,

    Offline,
}
