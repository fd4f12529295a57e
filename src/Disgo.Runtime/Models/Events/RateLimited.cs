using System.Text.Json.Serialization;
using Disgo.Models.Gateway;

namespace Disgo.Models.Events;

/// <summary>
/// RATE_LIMITED: the server refused a gateway command without closing the connection. So far only
/// Request Guild Members (op 8) full-list requests, limited to 1 per guild per 30 s.
/// </summary>
public sealed class RateLimited
{
    public GatewayOpcode Opcode { get; set; }

    /// <summary>Seconds to wait before trying again (fractional).</summary>
    public double RetryAfter { get; set; }

    /// <summary>Which request was limited; its shape depends on <see cref="Opcode"/>.</summary>
    public RateLimitedMeta? Meta { get; set; }

    [JsonIgnore]
    public TimeSpan RetryAfterTimeSpan => TimeSpan.FromSeconds(RetryAfter);
}
