using System.Text.Json.Serialization;

namespace Disgo.Models.Gateway;

/// <summary>
/// The <c>d</c> of Request Guild Members (op 8), answered with GUILD_MEMBERS_CHUNK events of at most 1000 members.
/// <c>query = ""</c> with <c>limit = 0</c> asks for every member (needs GuildMembers; 1 per guild per 30 s, else
/// a RATE_LIMITED dispatch).
/// </summary>
public sealed class RequestGuildMembers
{
    /// <summary>The most user IDs one request may name.</summary>
    public const int MaxUserIds = 100;

    /// <summary>The longest nonce, in UTF-8 bytes; a longer one is silently dropped by Discord.</summary>
    public const int MaxNonceBytes = 32;

    public Snowflake GuildId { get; init; }

    /// <summary>Username prefix; <c>""</c> means everyone. Left out when null (then <see cref="UserIds"/> must be set).</summary>
    public string? Query { get; init; }

    /// <summary>Most members to return; 0 with an empty query means all. Always written.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int Limit { get; init; }

    /// <summary>Whether to include presences (needs GuildPresences, otherwise treated as false).</summary>
    public bool? Presences { get; init; }

    /// <summary>Specific members to fetch, at most <see cref="MaxUserIds"/>.</summary>
    public IReadOnlyList<Snowflake>? UserIds { get; init; }

    /// <summary>Echoed in every chunk of the answer, to match them with this request.</summary>
    public string? Nonce { get; init; }
}
