namespace Disgo.Emulator.Rest;

/// <summary>A way for the emulator's REST side to misbehave, injected with <see cref="RestHub.Inject"/> for the next requests to a route.</summary>
public abstract record RestFault
{
    private RestFault()
    {
    }

    /// <summary>
    /// A 429 with <c>X-RateLimit-Scope: shared</c>: a per-resource limit shared with other bots. The route's bucket is
    /// reported but not used up, and Discord does not count it as an invalid request.
    /// </summary>
    public sealed record SharedRateLimit(TimeSpan RetryAfter) : RestFault;

    /// <summary>A 5xx with Discord's JSON error body; the request is not handled.</summary>
    public sealed record ServerError(int Status = 500) : RestFault;

    /// <summary>A 5xx HTML page from the proxy in front of the API (like a Cloudflare 502); the request is not handled.</summary>
    public sealed record HtmlErrorPage(int Status = 502) : RestFault;

    /// <summary>The request is handled (its effects happen) but the JSON body is cut in half.</summary>
    public sealed record TruncatedJson : RestFault;

    /// <summary>The request is held for <paramref name="Duration"/> before it is handled; a client that gives up cancels it.</summary>
    public sealed record Delay(TimeSpan Duration) : RestFault;

    /// <summary>A 403 Missing Permissions (code 50013), which counts as an invalid request.</summary>
    public sealed record Forbidden : RestFault;
}
