namespace Disgo.Models;

/// <summary>A lean channel or thread.</summary>
public sealed class Channel
{
    public Snowflake Id { get; set; }

    public ChannelType Type { get; set; }

    /// <summary>Absent in GUILD_CREATE's channel list (the guild is the event's).</summary>
    public Snowflake? GuildId { get; set; }

    public string? Name { get; set; }

    public int? Position { get; set; }

    /// <summary>The category of a channel, or the parent channel of a thread.</summary>
    public Snowflake? ParentId { get; set; }

    public bool? Nsfw { get; set; }
}
