using System.Text.Json.Serialization;
using Disgo.Serialization;

namespace Disgo.Models;

/// <summary>
/// An activity as received in a presence. Discord does not validate presence field types, so every field is read
/// leniently: a value of an unexpected type reads as null (or as its text, for strings).
/// </summary>
public sealed class PresenceActivity
{
    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? Name { get; set; }

    [JsonConverter(typeof(LenientActivityTypeJsonConverter))]
    public ActivityType? Type { get; set; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? State { get; set; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? Details { get; set; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? Url { get; set; }

    /// <summary>Unix milliseconds when the activity was added to the session.</summary>
    [JsonConverter(typeof(LenientInt64JsonConverter))]
    public long? CreatedAt { get; set; }
}
