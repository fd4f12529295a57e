using System.Text.Json.Serialization;

namespace Disgo.Models.Events;

/// <summary>GUILD_DELETE: a guild became unavailable (outage) or the bot left it or was removed.</summary>
public sealed class GuildDelete
{
    public Snowflake Id { get; set; }

    /// <summary>True during an outage; absent (false) when the bot left or was removed.</summary>
    public bool Unavailable { get; set; }

    /// <summary>Whether the bot is no longer in the guild (as opposed to an outage).</summary>
    [JsonIgnore]
    public bool Removed => !Unavailable;
}
