namespace Disgo.Rest;

/// <summary>
/// Discord answered with a body that cannot be what the route returns: an HTML error page from a proxy, JSON cut
/// short, or JSON of the wrong shape.
/// </summary>
public sealed class DiscordMalformedResponseException(string route, string message, int statusCode, Exception? innerException = null)
    : DiscordRestException(route, message, statusCode, innerException);
