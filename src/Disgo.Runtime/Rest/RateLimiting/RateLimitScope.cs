namespace Disgo.Rest.RateLimiting;

/// <summary>Which limit a 429 came from (<c>X-RateLimit-Scope</c>).</summary>
public enum RateLimitScope
{
    /// <summary>Not a 429, or a 429 that named no scope.</summary>
    None,

    /// <summary>The bot's own per-route limit: a 429 Disgo should have predicted.</summary>
    User,

    /// <summary>The bot's global limit (requests per second across all routes).</summary>
    Global,

    /// <summary>A per-resource limit shared with others; not the bot's fault and not an invalid request.</summary>
    Shared,
}
