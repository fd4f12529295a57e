namespace Disgo.Gateway.Transport;

/// <summary>
/// The gateway's WebSocket handshake failed: the server answered something other than a valid
/// <c>101 Switching Protocols</c>, or the connection ended or overflowed before the answer was complete. A session
/// treats it like any other failed connect: it backs off and tries again.
/// </summary>
public sealed class GatewayHandshakeException : IOException
{
    /// <param name="message">What was wrong with the answer, in a sentence.</param>
    /// <param name="statusCode">The HTTP status of the answer, when a status line was read.</param>
    public GatewayHandshakeException(string message, int? statusCode = null)
        : base(message) => StatusCode = statusCode;

    /// <summary>The HTTP status the server answered with; <see langword="null"/> when no status line was read.</summary>
    public int? StatusCode { get; }
}
