namespace Disgo.Models.Events;

/// <summary>GUILD_MEMBERS_CHUNK: one part (at most 1000 members) of the answer to Request Guild Members.</summary>
public sealed class GuildMembersChunk
{
    public Snowflake GuildId { get; set; }

    public IReadOnlyList<GuildMember> Members { get; set; } = [];

    /// <summary>0-based, below <see cref="ChunkCount"/>.</summary>
    public int ChunkIndex { get; set; }

    public int ChunkCount { get; set; }

    /// <summary>Requested user IDs that are not members (Discord may echo them as numbers).</summary>
    public IReadOnlyList<Snowflake>? NotFound { get; set; }

    /// <summary>The members' presences, when the request asked for them.</summary>
    public IReadOnlyList<PresenceUpdate>? Presences { get; set; }

    /// <summary>The nonce of the request this chunk answers.</summary>
    public string? Nonce { get; set; }
}
