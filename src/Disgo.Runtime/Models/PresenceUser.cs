using System.Text.Json.Serialization;
using Disgo.Serialization;

namespace Disgo.Models;

/// <summary>
/// The partial user of a presence: only <see cref="Id"/> is guaranteed, and Discord does not validate the other
/// fields' types, so they are read leniently (a value of an unexpected type reads as its text, or null).
/// </summary>
public sealed class PresenceUser
{
    public Snowflake Id { get; set; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? Username { get; set; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? GlobalName { get; set; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? Avatar { get; set; }
}
