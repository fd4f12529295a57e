using Microsoft.AspNetCore.Http;

namespace Disgo.Emulator.Rest;

/// <summary>
/// The <c>/api/v{n}</c> prefix. Versions 10 and 9 are "available"; the rest are deprecated or discontinued,
/// and the emulator implements only today's behaviour, so it answers them with 400 as Discord does discontinued ones.
/// </summary>
internal static class ApiVersion
{
    public const string RouteParameter = "version";

    /// <summary>Discord's JSON error code for "Invalid API version provided".</summary>
    public const int InvalidApiVersionCode = 50041;

    public static bool IsSupported(HttpContext context) =>
        context.Request.RouteValues[RouteParameter] is string version && IsSupported(version);

    public static bool IsSupported(ReadOnlySpan<char> version) => version is "10" or "9";

    public static Task WriteUnsupportedAsync(HttpContext context) =>
        RestResponses.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Invalid API version provided", InvalidApiVersionCode);
}
