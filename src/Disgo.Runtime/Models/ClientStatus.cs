using System.Text.Json.Serialization;
using Disgo.Serialization;

namespace Disgo.Models;

/// <summary>A user's status per platform; a platform the user is not active on is null.</summary>
public sealed class ClientStatus
{
    [JsonConverter(typeof(LenientPresenceStatusJsonConverter))]
    public PresenceStatus? Desktop { get; set; }

    [JsonConverter(typeof(LenientPresenceStatusJsonConverter))]
    public PresenceStatus? Mobile { get; set; }

    [JsonConverter(typeof(LenientPresenceStatusJsonConverter))]
    public PresenceStatus? Web { get; set; }

    [JsonConverter(typeof(LenientPresenceStatusJsonConverter))]
    public PresenceStatus? Vr { get; set; }
}
