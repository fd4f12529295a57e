namespace Disgo.Models.Events;

/// <summary>MESSAGE_DELETE.</summary>
public sealed class MessageDelete
{
    public Snowflake Id { get; set; }

    public Snowflake ChannelId { get; set; }

    /// <summary>Absent in DMs.</summary>
    public Snowflake? GuildId { get; set; }
}
