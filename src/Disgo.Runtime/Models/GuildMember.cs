namespace Disgo.Models;

/// <summary>A lean guild member. In MESSAGE_CREATE it is partial and has no <see cref="User"/> (the author is the user).</summary>
public sealed class GuildMember
{
    public User? User { get; set; }

    public string? Nick { get; set; }

    /// <summary>The guild-specific avatar hash.</summary>
    public string? Avatar { get; set; }

    public IReadOnlyList<Snowflake> Roles { get; set; } = [];

    public DateTimeOffset? JoinedAt { get; set; }

    public DateTimeOffset? PremiumSince { get; set; }

    public bool Deaf { get; set; }

    public bool Mute { get; set; }

    /// <summary>Guild member flags (a bitfield).</summary>
    public int Flags { get; set; }

    /// <summary>Whether the member has not yet passed the guild's membership screening.</summary>
    public bool Pending { get; set; }

    /// <summary>When the member's timeout ends, if timed out.</summary>
    public DateTimeOffset? CommunicationDisabledUntil { get; set; }

    /// <summary>The member's permissions in the channel (a decimal bitfield string); only in interactions.</summary>
    public string? Permissions { get; set; }
}
