using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Disgo.Emulator.Rest;

/// <summary>Writes JSON responses in Discord's shapes (bodies built with <see cref="Utf8JsonWriter"/>).</summary>
internal static class RestResponses
{
    // Error messages quote names ('fault', "Bot "); keep them readable in curl instead of \u0027-escaped.
    // Safe here: the bodies are JSON for API clients, never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a JSON body built by <paramref name="write"/> with the given status code.</summary>
    public static async Task WriteJsonAsync<TState>(HttpContext context, int statusCode, TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            write(writer, state);

        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
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

    /// <summary>The 429 body: <c>{message, retry_after (float seconds), global}</c>.</summary>
    public static Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan retryAfter, bool isGlobal) =>
        WriteJsonAsync(context, StatusCodes.Status429TooManyRequests, (retryAfter, isGlobal), static (writer, limit) =>
        {
            writer.WriteStartObject();
            writer.WriteString("message"u8, "You are being rate limited.");
            writer.WriteNumber("retry_after"u8, Math.Round(limit.retryAfter.TotalSeconds, 3));
            writer.WriteBoolean("global"u8, limit.isGlobal);
            writer.WriteEndObject();
        });
}
