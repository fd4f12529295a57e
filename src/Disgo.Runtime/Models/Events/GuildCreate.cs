namespace Disgo.Models.Events;

/// <summary>
/// GUILD_CREATE, lean: sent to backfill a guild READY listed, when a guild comes back after an outage, and when
/// the bot joins a guild. During an outage it may hold only <see cref="Id"/> and <see cref="Unavailable"/>.
/// Without GuildPresences (or above 75k members), <see cref="Members"/> holds only the bot and users in voice.
/// </summary>
public sealed class GuildCreate
{
    public Snowflake Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The icon hash.</summary>
    public string? Icon { get; set; }

    public Snowflake OwnerId { get; set; }

    public bool Unavailable { get; set; }

    public int MemberCount { get; set; }

    /// <summary>Whether the guild has more members than Identify's <c>large_threshold</c>.</summary>
    public bool Large { get; set; }

    public DateTimeOffset? JoinedAt { get; set; }

    public IReadOnlyList<Role> Roles { get; set; } = [];

    public IReadOnlyList<Channel> Channels { get; set; } = [];

    public IReadOnlyList<Channel> Threads { get; set; } = [];

    public IReadOnlyList<GuildMember> Members { get; set; } = [];
}
