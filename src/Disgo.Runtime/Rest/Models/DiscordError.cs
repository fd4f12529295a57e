using System.Text.Json;

namespace Disgo.Rest.Models;

/// <summary>
/// Discord's error body: <c>{code, message, errors?}</c>, and on a 429 <c>{message, retry_after, global, code?}</c>.
/// </summary>
public sealed class DiscordError
{
    public int? Code { get; set; }

    public string? Message { get; set; }

    /// <summary>Which fields of the request were invalid, nested like the request (code 50035).</summary>
    public JsonElement? Errors { get; set; }

    /// <summary>On a 429: seconds to wait, with a fraction.</summary>
    public double? RetryAfter { get; set; }

    /// <summary>On a 429: whether the global limit was hit.</summary>
    public bool? Global { get; set; }
}
