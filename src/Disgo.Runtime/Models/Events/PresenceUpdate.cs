using System.Text.Json.Serialization;
using Disgo.Serialization;

namespace Disgo.Models.Events;

/// <summary>
/// PRESENCE_UPDATE. Discord guarantees only <c>user.id</c> and validates no field types, so everything else is read
/// leniently: a field of an unexpected type reads as null instead of failing the event.
/// </summary>
public sealed class PresenceUpdate
{
    public PresenceUser User { get; set; } = null!;

    public Snowflake? GuildId { get; set; }

    [JsonConverter(typeof(LenientPresenceStatusJsonConverter))]
    public PresenceStatus? Status { get; set; }

    [JsonConverter(typeof(LenientListJsonConverter<PresenceActivity>))]
    public IReadOnlyList<PresenceActivity>? Activities { get; set; }

    [JsonConverter(typeof(LenientObjectJsonConverter<ClientStatus>))]
    public ClientStatus? ClientStatus { get; set; }
}
