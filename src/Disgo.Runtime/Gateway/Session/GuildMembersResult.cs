using Disgo.Models;
using Disgo.Models.Events;

namespace Disgo.Gateway.Session;

/// <summary>Every GUILD_MEMBERS_CHUNK answering one Request Guild Members, gathered.</summary>
public sealed class GuildMembersResult(
    Snowflake guildId,
    string nonce,
    IReadOnlyList<GuildMember> members,
    IReadOnlyList<Snowflake> notFound,
    IReadOnlyList<PresenceUpdate> presences,
    int chunkCount)
{
    public Snowflake GuildId { get; } = guildId;

    /// <summary>The nonce the chunks were matched by.</summary>
    public string Nonce { get; } = nonce;

    public IReadOnlyList<GuildMember> Members { get; } = members;

    /// <summary>Requested user IDs that are not members of the guild.</summary>
    public IReadOnlyList<Snowflake> NotFound { get; } = notFound;

    /// <summary>The members' presences, when they were asked for (and the GuildPresences intent allows them).</summary>
    public IReadOnlyList<PresenceUpdate> Presences { get; } = presences;

    /// <summary>How many chunks the answer came in.</summary>
    public int ChunkCount { get; } = chunkCount;
}
