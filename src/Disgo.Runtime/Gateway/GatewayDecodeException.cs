namespace Disgo.Gateway;

/// <summary>
/// A payload from the gateway could not be decoded: corrupt or truncated compressed data, a message over the size
/// limit, or malformed JSON. The connection it came from can no longer be trusted and should be replaced (a resume
/// keeps the session).
/// </summary>
public sealed class GatewayDecodeException : Exception
{
    public GatewayDecodeException(string message)
        : base(message)
    {
    }

    public GatewayDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
