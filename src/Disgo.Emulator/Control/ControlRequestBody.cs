using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Disgo.Emulator.Control;

/// <summary>Reads a control request's JSON body, bounded in size, into a <see cref="JsonDocument"/>.</summary>
internal static class ControlRequestBody
{
    /// <summary>Control requests are a few fields; anything bigger is a mistake, not a request.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The body as a JSON object, or a precise reason it is not one.</summary>
    public static async Task<(JsonDocument? Document, string? Error)> ReadObjectAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBytes)
            return (null, $"The body is larger than {MaxBytes} bytes.");

        var buffer = new ArrayBufferWriter<byte>(512);
        var body = context.Request.Body;
        while (true)
        {
            var read = await body.ReadAsync(buffer.GetMemory(4096), context.RequestAborted).ConfigureAwait(false);
            if (read == 0)
                break;
            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBytes)
                return (null, $"The body is larger than {MaxBytes} bytes.");
        }

        if (buffer.WrittenCount == 0)
            return (null, "The body is empty; send a JSON object.");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.WrittenMemory);
        }
        catch (JsonException exception)
        {
            return (null, $"The body is not valid JSON: {exception.Message}");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind;
            document.Dispose();
            return (null, $"The body must be a JSON object, got {ControlJson.Describe(kind)}.");
        }

        return (document, null);
    }
}
