namespace Disgo.Models;

/// <summary>Points at another message: the one replied to, crossposted or forwarded.</summary>
public sealed class MessageReference
{
    /// <summary>0 for a reply or crosspost, 1 for a forward.</summary>
    public int Type { get; set; }

    public Snowflake? MessageId { get; set; }

    public Snowflake? ChannelId { get; set; }

    public Snowflake? GuildId { get; set; }
}
