using System.Text.Json.Serialization;
using Disgo.Models.Gateway;

namespace Disgo.Models.Events;

/// <summary>
/// READY: the session started. Keep <see cref="SessionId"/> and <see cref="ResumeGatewayUrl"/> to resume.
/// The undocumented fields real READY payloads carry (<c>_trace</c>, <c>private_channels</c>, <c>presences</c>,
/// <c>relationships</c>, <c>user_settings</c>…) are skipped.
/// </summary>
public sealed class Ready
{
    /// <summary>The API version (<c>v</c>).</summary>
    [JsonPropertyName("v")]
    public int Version { get; set; }

    public User User { get; set; } = null!;

    /// <summary>The shard's guilds, all unavailable until their GUILD_CREATE arrives.</summary>
    public IReadOnlyList<UnavailableGuild> Guilds { get; set; } = [];

    public string SessionId { get; set; } = "";

    /// <summary>The URL to resume this session on (not the Get Gateway URL).</summary>
    public string ResumeGatewayUrl { get; set; } = "";

    /// <summary>Present when Identify sent a shard.</summary>
    public ShardInfo? Shard { get; set; }

    public PartialApplication Application { get; set; } = null!;
}
