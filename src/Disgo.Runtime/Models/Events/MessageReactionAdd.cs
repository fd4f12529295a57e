namespace Disgo.Models.Events;

/// <summary>MESSAGE_REACTION_ADD.</summary>
public sealed class MessageReactionAdd
{
    public Snowflake UserId { get; set; }

    public Snowflake ChannelId { get; set; }

    public Snowflake MessageId { get; set; }

    /// <summary>Absent in DMs.</summary>
    public Snowflake? GuildId { get; set; }

    /// <summary>The reacting member, in a guild.</summary>
    public GuildMember? Member { get; set; }

    public Emoji Emoji { get; set; } = null!;

    public Snowflake? MessageAuthorId { get; set; }

    /// <summary>Whether this is a super reaction.</summary>
    public bool Burst { get; set; }

    /// <summary>Hex colors (<c>#rrggbb</c>) of a super reaction.</summary>
    public IReadOnlyList<string>? BurstColors { get; set; }

    public ReactionType Type { get; set; }
}
