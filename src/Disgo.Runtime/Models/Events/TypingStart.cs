using System.Text.Json.Serialization;
using Disgo.Serialization;

namespace Disgo.Models.Events;

/// <summary>TYPING_START.</summary>
public sealed class TypingStart
{
    public Snowflake ChannelId { get; set; }

    /// <summary>Absent in DMs.</summary>
    public Snowflake? GuildId { get; set; }

    public Snowflake UserId { get; set; }

    /// <summary>When typing started; sent as Unix seconds.</summary>
    [JsonConverter(typeof(UnixSecondsJsonConverter))]
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>The typing member, in a guild.</summary>
    public GuildMember? Member { get; set; }
}
