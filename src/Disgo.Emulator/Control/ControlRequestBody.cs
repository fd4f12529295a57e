using System.Text.Json;
using Disgo.Emulator.Rest;
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
        var (document, error) = await JsonRequestBody.ReadAsync(context, MaxBytes).ConfigureAwait(false);
        if (document is null)
            return (null, error);

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind;
            document.Dispose();
            return (null, $"The body must be a JSON object, got {ControlJson.Describe(kind)}.");
        }

        return (document, null);
    }
}
