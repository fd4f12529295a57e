namespace Disgo.Rest;

/// <summary>
/// A REST request failed: Discord answered with an error, or with something that is not an answer. Carries the
/// route (ids filled in, tokens never), the HTTP status, and Discord's error <c>code</c>, <c>message</c> and
/// <c>errors</c> object when it sent them.
/// </summary>
public class DiscordRestException : Exception
{
    public DiscordRestException(string route, string message, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Route = route;
        StatusCode = statusCode;
    }

    /// <summary><c>METHOD /path</c>, e.g. <c>POST /channels/123/messages</c>; tokens appear as placeholders.</summary>
    public string Route { get; }

    /// <summary>The HTTP status, or null when no response came.</summary>
    public int? StatusCode { get; }

    /// <summary>Discord's JSON error code (e.g. 50006 "Cannot send an empty message"), when sent.</summary>
    public int? ErrorCode { get; init; }

    /// <summary>Discord's error message, when sent.</summary>
    public string? DiscordMessage { get; init; }

    /// <summary>The raw JSON of Discord's <c>errors</c> object (which fields were invalid and why), when sent.</summary>
    public string? Errors { get; init; }
}
