using System.Globalization;
using System.Text.Json;
using Disgo.Rest.Models;
using Disgo.Serialization;

namespace Disgo.Rest;

/// <summary>Turns a failed answer into the exception a caller can act on, with Discord's own words when it sent them.</summary>
internal static class RestErrors
{
    private const int MaxErrorsInMessage = 400;

    /// <summary>Discord's JSON error body, or null when the body is not a JSON object (e.g. an HTML page from a proxy).</summary>
    public static DiscordError? TryRead(byte[] body)
    {
        if (body.Length == 0 || body[0] != (byte)'{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, DisgoJsonContext.Default.DiscordError);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static DiscordRestException For(RestRoute route, HttpResponseMessage response, byte[] body, DiscordError? error)
    {
        var status = (int)response.StatusCode;
        if (error is null)
        {
            return new DiscordMalformedResponseException(
                route.ToString(),
                $"{route} answered {status} {response.ReasonPhrase} with {Describe(response, body)} instead of Discord's JSON error; a proxy or an outage, not Discord's API.",
                status);
        }

        var errors = error.Errors is { ValueKind: JsonValueKind.Object or JsonValueKind.Array } value ? value.GetRawText() : null;
        var message = string.Create(CultureInfo.InvariantCulture, $"{route} answered {status} {response.ReasonPhrase}: {error.Message ?? "(no message)"} (code {error.Code ?? 0}).");
        if (errors is not null)
        {
            message += " Errors: " + (errors.Length <= MaxErrorsInMessage ? errors : string.Concat(errors.AsSpan(0, MaxErrorsInMessage), "…"));
        }

        if (status == 401)
        {
            message += " The token is not valid: use the bot token from the Developer Portal (Applications > your app > Bot > Reset Token).";
        }

        return new DiscordRestException(route.ToString(), message, status)
        {
            ErrorCode = error.Code,
            DiscordMessage = error.Message,
            Errors = errors,
        };
    }

    public static DiscordMalformedResponseException Malformed(RestRoute route, int status, byte[] body, JsonException? innerException) =>
        new(
            route.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"{route} answered {status} with a body that is not the expected JSON ({body.Length} bytes){(innerException is null ? "" : ": " + innerException.Message)}"),
            status,
            innerException);

    private static string Describe(HttpResponseMessage response, byte[] body)
    {
        var type = response.Content.Headers.ContentType?.MediaType;
        var kind = type switch
        {
            "text/html" => "an HTML page",
            null when body.Length == 0 => "no body",
            null => "a body without a content type",
            _ => "a " + type + " body",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{kind} ({body.Length} bytes)");
    }
}
