using Disgo.Sharding;

namespace Disgo.Rest.Models;

/// <summary>The body of <c>GET /gateway/bot</c>.</summary>
public sealed class GatewayBot
{
    public string Url { get; set; } = "";

    public int Shards { get; set; }

    public GatewaySessionStartLimit SessionStartLimit { get; set; } = new();

    /// <summary>The answer as the sharding types take it.</summary>
    /// <exception cref="FormatException">The URL is not absolute.</exception>
    public GatewayBotInfo ToInfo() => new(
        Uri.TryCreate(Url, UriKind.Absolute, out var url) ? url : throw new FormatException($"\"url\" is not an absolute URL: '{Url}'."),
        Shards,
        new SessionStartLimit(SessionStartLimit.Total, SessionStartLimit.Remaining, TimeSpan.FromMilliseconds(SessionStartLimit.ResetAfter), SessionStartLimit.MaxConcurrency));
}
