namespace Disgo.Rest;

/// <summary>No complete response came within the request timeout (after any retries).</summary>
public sealed class DiscordRestTimeoutException(string route, string message, Exception? innerException = null)
    : DiscordRestException(route, message, statusCode: null, innerException);
