using System.Text.Json.Serialization;

namespace Disgo.Models.Gateway;

/// <summary>The <c>d</c> of Update Presence (op 3), also the initial presence in Identify. At most 5 per 20 s.</summary>
public sealed class UpdatePresence
{
    /// <summary>Unix milliseconds since the bot went idle, or null if it is not idle. Always written.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? Since { get; init; }

    /// <summary>Bots may set only name, type, state and url.</summary>
    public IReadOnlyList<Activity> Activities { get; init; } = [];

    public PresenceStatus Status { get; init; } = PresenceStatus.Online;

    public bool Afk { get; init; }
}
