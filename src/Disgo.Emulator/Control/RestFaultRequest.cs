using System.Text.Json;
using Disgo.Emulator.Rest;

namespace Disgo.Emulator.Control;

/// <summary>
/// <c>POST /_emulator/rest/faults</c>: <c>{fault, route, resource?, times?, retry_after?, status?, delay_ms?}</c> where
/// fault is <c>shared_429</c>, <c>server_error</c>, <c>html_error</c>, <c>truncated_json</c>, <c>delay</c> or <c>forbidden</c>.
/// </summary>
internal sealed record RestFaultRequest(string Name, RestFault Fault, ApiRoute Route, ulong? Resource, int Times)
{
    private const int MaxTimes = 1_000_000;
    private const int MaxDelayMilliseconds = 600_000;

    public static (RestFaultRequest? Request, string? Error) Parse(JsonElement body)
    {
        if (ControlJson.UnknownProperty(body, ["fault", "route", "resource", "times", "retry_after", "status", "delay_ms"]) is { } unknown)
            return (null, unknown);
        if (ParseRoute(body, out var route) is { } routeError)
            return (null, routeError);

        ulong? resource = null;
        if (body.TryGetProperty("resource", out var resourceElement))
        {
            if (ControlJson.TryGetSnowflake(resourceElement, "resource", out var id) is { } resourceError)
                return (null, resourceError);
            resource = id;
        }

        var times = 1;
        if (body.TryGetProperty("times", out var timesElement) && ControlJson.TryGetInt(timesElement, "times", 1, MaxTimes, out times) is { } timesError)
            return (null, timesError);

        if (!body.TryGetProperty("fault", out var faultElement) || faultElement.ValueKind != JsonValueKind.String)
            return (null, "'fault' must be one of shared_429, server_error, html_error, truncated_json, delay, forbidden.");
        var name = faultElement.GetString()!;
        var (fault, error) = ParseFault(name, body);
        return fault is null ? (null, error) : (new RestFaultRequest(name, fault, route, resource, times), null);
    }

    /// <summary>The <c>route</c> property: a route name such as <c>create_message</c>.</summary>
    public static string? ParseRoute(JsonElement body, out ApiRoute route)
    {
        route = default;
        var name = body.TryGetProperty("route", out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        if (ApiRoutes.Parse(name) is not { } parsed)
            return $"'route' must be one of {string.Join(", ", ApiRoutes.All.Select(r => r.Name()))}.";
        route = parsed;
        return null;
    }

    private static (RestFault? Fault, string? Error) ParseFault(string name, JsonElement body)
    {
        switch (name)
        {
            case "shared_429":
                if (!body.TryGetProperty("retry_after", out var retryElement) || retryElement.ValueKind != JsonValueKind.Number
                    || !retryElement.TryGetDouble(out var seconds) || !double.IsFinite(seconds) || seconds <= 0 || seconds > 86_400)
                {
                    return (null, "'retry_after' must be a number of seconds above 0 (at most 86400) for the fault 'shared_429'.");
                }

                return (new RestFault.SharedRateLimit(TimeSpan.FromSeconds(seconds)), null);
            case "server_error":
                return Status(body, 500, 500, 599, status => new RestFault.ServerError(status));
            case "html_error":
                return Status(body, 502, 400, 599, status => new RestFault.HtmlErrorPage(status));
            case "truncated_json":
                return (new RestFault.TruncatedJson(), null);
            case "forbidden":
                return (new RestFault.Forbidden(), null);
            case "delay":
                if (!body.TryGetProperty("delay_ms", out var delayElement))
                    return (null, "'delay_ms' is missing; the fault 'delay' needs how long to hold the answer.");
                if (ControlJson.TryGetInt(delayElement, "delay_ms", 0, MaxDelayMilliseconds, out var delay) is { } delayError)
                    return (null, delayError);
                return (new RestFault.Delay(TimeSpan.FromMilliseconds(delay)), null);
            default:
                return (null, $"Unknown fault '{name}'; use shared_429, server_error, html_error, truncated_json, delay or forbidden.");
        }
    }

    private static (RestFault? Fault, string? Error) Status(JsonElement body, int defaultStatus, int min, int max, Func<int, RestFault> create)
    {
        var status = defaultStatus;
        if (body.TryGetProperty("status", out var statusElement) && ControlJson.TryGetInt(statusElement, "status", min, max, out status) is { } error)
            return (null, error);
        return (create(status), null);
    }
}
