namespace Disgo.Models.Events;

/// <summary>The <c>meta</c> of RATE_LIMITED for Request Guild Members (op 8), the only opcode Discord defines it for.</summary>
public sealed class RateLimitedMeta
{
    public Snowflake? GuildId { get; set; }

    /// <summary>The nonce of the limited request, if it had one.</summary>
    public string? Nonce { get; set; }
}
