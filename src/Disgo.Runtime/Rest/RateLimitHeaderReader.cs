using System.Globalization;
using System.Net.Http.Headers;
using Disgo.Rest.Models;
using Disgo.Rest.RateLimiting;

namespace Disgo.Rest;

/// <summary>Reads the <c>X-RateLimit-*</c> headers (and a 429's <c>retry_after</c>) into a <see cref="RateLimitResponse"/>.</summary>
internal static class RateLimitHeaderReader
{
    public static RateLimitResponse Read(HttpResponseMessage response, DiscordError? error)
    {
        var headers = response.Headers.NonValidated;
        var status = (int)response.StatusCode;
        var scope = RateLimitScope.None;
        TimeSpan? retryAfter = null;
        if (status == 429)
        {
            scope = Text(headers, "X-RateLimit-Scope") switch
            {
                "user" => RateLimitScope.User,
                "global" => RateLimitScope.Global,
                "shared" => RateLimitScope.Shared,
                _ => RateLimitScope.None,
            };
            if (scope == RateLimitScope.None && (error?.Global == true || Text(headers, "X-RateLimit-Global") == "true"))
            {
                scope = RateLimitScope.Global;
            }

            // The body has milliseconds; the header only whole seconds.
            retryAfter = error?.RetryAfter is { } seconds && seconds >= 0 && double.IsFinite(seconds)
                ? TimeSpan.FromSeconds(seconds)
                : Seconds(headers, "Retry-After");
        }

        var resetAfter = Seconds(headers, "X-RateLimit-Reset-After");
        return new RateLimitResponse(
            status,
            Text(headers, "X-RateLimit-Bucket"),
            Int(headers, "X-RateLimit-Limit"),
            Int(headers, "X-RateLimit-Remaining"),
            resetAfter,
            scope,
            retryAfter);
    }

    private static string? Text(HttpHeadersNonValidated headers, string name) =>
        headers.TryGetValues(name, out var values) && values.Count > 0 ? values.ToString().Trim() : null;

    private static int? Int(HttpHeadersNonValidated headers, string name) =>
        int.TryParse(Text(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;

    private static TimeSpan? Seconds(HttpHeadersNonValidated headers, string name) =>
        double.TryParse(Text(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value)
            ? TimeSpan.FromSeconds(value)
            : null;
}
