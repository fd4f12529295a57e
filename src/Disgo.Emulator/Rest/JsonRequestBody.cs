using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Disgo.Emulator.Rest;

/// <summary>Reads a request's JSON body, bounded in size, into a <see cref="JsonDocument"/>.</summary>
internal static class JsonRequestBody
{
    /// <summary>The body as one JSON value, or a precise reason it is not one.</summary>
    public static async Task<(JsonDocument? Document, string? Error)> ReadAsync(HttpContext context, int maxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
            return (null, $"The body is larger than {maxBytes} bytes.");

        var buffer = new ArrayBufferWriter<byte>(512);
        var body = context.Request.Body;
        while (true)
        {
            var read = await body.ReadAsync(buffer.GetMemory(4096), context.RequestAborted).ConfigureAwait(false);
            if (read == 0)
                break;
            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
                return (null, $"The body is larger than {maxBytes} bytes.");
        }

        if (buffer.WrittenCount == 0)
            return (null, "The body is empty; send a JSON object.");

        try
        {
            return (JsonDocument.Parse(buffer.WrittenMemory), null);
        }
        catch (JsonException exception)
        {
            return (null, $"The body is not valid JSON: {exception.Message}");
        }
    }
}
