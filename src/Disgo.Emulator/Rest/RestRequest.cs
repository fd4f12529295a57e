using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Disgo.Emulator.Rest;

/// <summary>One authenticated, rate-limited request on its way to a route's handler.</summary>
/// <param name="Context">The HTTP exchange.</param>
/// <param name="Route">The route it matched.</param>
/// <param name="ResourceId">The top-level resource id (channel, guild, interaction or application), 0 for none.</param>
internal readonly record struct RestRequest(HttpContext Context, ApiRoute Route, ulong ResourceId)
{
    /// <summary>A route parameter as a snowflake, or null when it is not one.</summary>
    public ulong? Snowflake(string parameter) => ParseSnowflake(Value(parameter));

    /// <summary>A route parameter as the client sent it (already URL-decoded).</summary>
    public string Value(string parameter) => Context.Request.RouteValues[parameter] as string ?? "";

    public static ulong? ParseSnowflake(string? text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id != 0 ? id : null;
}

/// <summary>Answers one <see cref="RestRequest"/>.</summary>
internal delegate Task RestHandler(RestRequest request);
