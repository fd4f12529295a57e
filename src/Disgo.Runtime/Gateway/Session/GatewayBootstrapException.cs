namespace Disgo.Gateway.Session;

/// <summary>
/// Finding the gateway failed: <c>GET /gateway/bot</c> was refused or answered with something unusable. When
/// <see cref="IsFatal"/> (a token Discord rejects), the session stops with it; otherwise it retries with backoff.
/// </summary>
public sealed class GatewayBootstrapException : Exception
{
    public GatewayBootstrapException(string message, bool isFatal, Exception? innerException = null)
        : base(message, innerException)
    {
        IsFatal = isFatal;
    }

    /// <summary>Whether retrying cannot help until the configuration is fixed.</summary>
    public bool IsFatal { get; }
}
