using System.Text.Json.Serialization;

namespace Disgo.Models.Gateway;

/// <summary>The <c>d</c> of Hello (op 10), the first payload on every connection.</summary>
public sealed class Hello
{
    /// <summary>Milliseconds between heartbeats (45000 in Discord's example, 41250 in production).</summary>
    public int HeartbeatInterval { get; set; }

    [JsonIgnore]
    public TimeSpan HeartbeatPeriod => TimeSpan.FromMilliseconds(HeartbeatInterval);
}
