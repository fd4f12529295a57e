using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Disgo.Emulator.Rest;

/// <summary>Writes JSON responses in Discord's shapes (bodies built with <see cref="Utf8JsonWriter"/>).</summary>
internal static class RestResponses
{
    // Error messages quote names ('fault', "Bot "); keep them readable in curl instead of \u0027-escaped.
    // Safe here: the bodies are JSON for API clients, never embedded in HTML.
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a JSON body built by <paramref name="write"/> with the given status code.</summary>
    public static async Task WriteJsonAsync<TState>(HttpContext context, int statusCode, TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            write(writer, state);

        await WriteJsonBytesAsync(context, statusCode, buffer.WrittenMemory).ConfigureAwait(false);
    }

    /// <summary>Writes an already encoded JSON body with the given status code.</summary>
    public static async Task WriteJsonBytesAsync(HttpContext context, int statusCode, ReadOnlyMemory<byte> json)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Discord's error shape: <c>{"message": "...", "code": n}</c>.</summary>
    public static Task WriteErrorAsync(HttpContext context, int statusCode, string message, int code = 0) =>
        WriteJsonAsync(context, statusCode, (message, code), static (writer, error) =>
        {
            writer.WriteStartObject();
            writer.WriteString("message"u8, error.message);
            writer.WriteNumber("code"u8, error.code);
            writer.WriteEndObject();
        });

    public static Task WriteUnauthorizedAsync(HttpContext context) => WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "401: Unauthorized");

    public static Task WriteNotFoundAsync(HttpContext context) => WriteErrorAsync(context, StatusCodes.Status404NotFound, "404: Not Found");

    public static Task WriteMethodNotAllowedAsync(HttpContext context, string allowedMethods)
    {
        context.Response.Headers.Allow = allowedMethods;
        return WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "405: Method Not Allowed");
    }

    /// <summary>
    /// A 429 of <paramref name="scope"/> (<c>user</c>, <c>global</c> or <c>shared</c>): <c>Retry-After</c> in whole
    /// seconds (rounded up), <c>X-RateLimit-Scope</c>, <c>X-RateLimit-Global</c> for the global limit, and the body
    /// <c>{message, retry_after (float seconds), global, code}</c>.
    /// </summary>
    public static Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan retryAfter, string scope)
    {
        var isGlobal = scope == "global";
        var headers = context.Response.Headers;
        headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Scope"] = scope;
        if (isGlobal)
            headers["X-RateLimit-Global"] = "true";
        return WriteJsonAsync(context, StatusCodes.Status429TooManyRequests, (retryAfter, isGlobal), static (writer, limit) =>
        {
            writer.WriteStartObject();
            writer.WriteString("message"u8, "You are being rate limited.");
            writer.WriteNumber("retry_after"u8, RestRateLimits.CeilingSeconds(limit.retryAfter));
            writer.WriteBoolean("global"u8, limit.isGlobal);
            writer.WriteNumber("code"u8, 0);
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// 400 Invalid Form Body (50035) with one field error under <paramref name="path"/>, in Discord's nested shape:
    /// <c>{"errors": {"content": {"_errors": [{"code", "message"}]}}}</c>.
    /// </summary>
    public static Task WriteInvalidFormBodyAsync(HttpContext context, string[] path, string errorCode, string message) =>
        WriteJsonAsync(context, StatusCodes.Status400BadRequest, (path, errorCode, message), static (writer, error) =>
        {
            writer.WriteStartObject();
            writer.WriteString("message"u8, "Invalid Form Body");
            writer.WriteNumber("code"u8, DiscordErrorCodes.InvalidFormBody);
            writer.WriteStartObject("errors"u8);
            foreach (var segment in error.path)
                writer.WriteStartObject(segment);
            writer.WriteStartArray("_errors"u8);
            writer.WriteStartObject();
            writer.WriteString("code"u8, error.errorCode);
            writer.WriteString("message"u8, error.message);
            writer.WriteEndObject();
            writer.WriteEndArray();
            foreach (var _ in error.path)
                writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    /// <summary>204 with no body, for deletes, reactions and callbacks.</summary>
    public static void WriteNoContent(HttpContext context) => context.Response.StatusCode = StatusCodes.Status204NoContent;

    /// <summary>A 5xx from the API itself, in Discord's error shape.</summary>
    public static Task WriteServerErrorAsync(HttpContext context, int status) =>
        WriteErrorAsync(context, status, $"{status}: {ReasonPhrases.GetReasonPhrase(status)}");

    /// <summary>An error page from the proxy in front of the API: HTML, not JSON, as clients meet it in the wild.</summary>
    public static Task WriteHtmlErrorPageAsync(HttpContext context, int status)
    {
        var title = $"{status} {ReasonPhrases.GetReasonPhrase(status)}";
        return WriteHtmlAsync(context, status, $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n");
    }

    /// <summary>The invalid-request ban: a 403 HTML page from the proxy, with no JSON and no rate-limit headers.</summary>
    public static Task WriteBanPageAsync(HttpContext context) =>
        WriteHtmlAsync(
            context,
            StatusCodes.Status403Forbidden,
            "<!DOCTYPE html>\n<html><head><title>Access denied | used Cloudflare to restrict access</title></head>\n<body><h1>Error 1015</h1>"
            + "<h2>You are being rate limited</h2><p>The owner of this website has banned you temporarily from accessing this website.</p></body></html>\n");

    private static async Task WriteHtmlAsync(HttpContext context, int status, string html)
    {
        var bytes = Encoding.UTF8.GetBytes(html);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=UTF-8";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}
