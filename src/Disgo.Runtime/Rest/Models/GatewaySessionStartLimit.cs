namespace Disgo.Rest.Models;

/// <summary><c>session_start_limit</c> of <c>GET /gateway/bot</c>; <see cref="ResetAfter"/> is in milliseconds.</summary>
public sealed class GatewaySessionStartLimit
{
    public int Total { get; set; }

    public int Remaining { get; set; }

    public long ResetAfter { get; set; }

    public int MaxConcurrency { get; set; }
}
