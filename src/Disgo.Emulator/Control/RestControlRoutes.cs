using System.Globalization;
using System.Text.Json;
using Disgo.Emulator.Events;
using Disgo.Emulator.Rest;
using Disgo.Emulator.World;
using Microsoft.AspNetCore.Http;

namespace Disgo.Emulator.Control;

/// <summary>The control endpoint's REST handlers under <c>/_emulator/rest/</c>: faults, bucket changes, interactions and what REST saw.</summary>
internal sealed class RestControlRoutes(EmulatorServices services)
{
    private const int MaxWindowMilliseconds = 86_400_000;

    private RestHub Rest => services.Rest;

    /// <summary><c>POST /_emulator/rest/faults</c>: the next requests to a route misbehave.</summary>
    public Task PostFaultAsync(HttpContext context, JsonElement body)
    {
        var (request, error) = RestFaultRequest.Parse(body);
        if (request is null)
            return ControlRoutes.WriteBadRequestAsync(context, error!);
        Rest.Inject(request.Fault, request.Route, request.Resource, request.Times);
        return RestResponses.WriteJsonAsync(context, StatusCodes.Status200OK, request, static (writer, r) =>
        {
            writer.WriteStartObject();
            writer.WriteString("fault"u8, r.Name);
            writer.WriteString("route"u8, r.Route.Name());
            writer.WriteNumber("times"u8, r.Times);
            writer.WriteEndObject();
        });
    }

    /// <summary><c>POST /_emulator/rest/buckets</c> <c>{route, limit, window_ms, bucket?}</c>: moves a route to another bucket.</summary>
    public Task PostBucketAsync(HttpContext context, JsonElement body)
    {
        if (ControlJson.UnknownProperty(body, ["route", "limit", "window_ms", "bucket"]) is { } unknown)
            return ControlRoutes.WriteBadRequestAsync(context, unknown);
        if (RestFaultRequest.ParseRoute(body, out var route) is { } routeError)
            return ControlRoutes.WriteBadRequestAsync(context, routeError);
        if (!body.TryGetProperty("limit", out var limitElement) || !body.TryGetProperty("window_ms", out var windowElement))
            return ControlRoutes.WriteBadRequestAsync(context, "'limit' and 'window_ms' are both needed: the bucket's size and window.");
        if (ControlJson.TryGetInt(limitElement, "limit", 1, 1_000_000, out var limit) is { } limitError)
            return ControlRoutes.WriteBadRequestAsync(context, limitError);
        if (ControlJson.TryGetInt(windowElement, "window_ms", 1, MaxWindowMilliseconds, out var window) is { } windowError)
            return ControlRoutes.WriteBadRequestAsync(context, windowError);
        string? hash = null;
        if (body.TryGetProperty("bucket", out var bucketElement))
        {
            if (ControlJson.TryGetString(bucketElement, "bucket", out var value) is { } bucketError)
                return ControlRoutes.WriteBadRequestAsync(context, bucketError);
            if (string.IsNullOrWhiteSpace(value) || value.Length > 64)
                return ControlRoutes.WriteBadRequestAsync(context, "'bucket' must be 1 to 64 characters.");
            hash = value;
        }

        var changed = Rest.ChangeBucket(route, limit, TimeSpan.FromMilliseconds(window), hash);
        return RestResponses.WriteJsonAsync(context, StatusCodes.Status200OK, (route, changed), static (writer, state) =>
        {
            writer.WriteStartObject();
            writer.WriteString("route"u8, state.route.Name());
            writer.WriteString("bucket"u8, state.changed.BucketHash);
            writer.WriteNumber("limit"u8, state.changed.Limit);
            writer.WriteNumber("window_ms"u8, state.changed.Period.TotalMilliseconds);
            writer.WriteEndObject();
        });
    }

    /// <summary><c>GET /_emulator/rest/requests</c>: every REST request answered, oldest first.</summary>
    public Task GetRequestsAsync(HttpContext context) =>
        RestResponses.WriteJsonAsync(context, StatusCodes.Status200OK, Rest.Requests, static (writer, requests) =>
        {
            writer.WriteStartArray();
            foreach (var r in requests)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id"u8, r.Id);
                writer.WriteString("method"u8, r.Method);
                writer.WriteString("path"u8, r.Path);
                WriteOptionalString(writer, "route"u8, r.Route?.Name());
                WriteOptionalString(writer, "resource"u8, r.Resource);
                writer.WriteNumber("status"u8, r.Status);
                WriteOptionalString(writer, "scope"u8, r.Scope);
                writer.WriteBoolean("invalid"u8, r.Invalid);
                writer.WriteString("at"u8, r.At);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

    /// <summary><c>GET /_emulator/rest/invalid</c>: the invalid-request count and the ban.</summary>
    public Task GetInvalidAsync(HttpContext context) =>
        RestResponses.WriteJsonAsync(context, StatusCodes.Status200OK, services, static (writer, s) =>
        {
            var limits = s.Options.RestLimits;
            writer.WriteStartObject();
            writer.WriteNumber("in_window"u8, s.Rest.InvalidRequestsInWindow);
            writer.WriteNumber("total"u8, s.Rest.InvalidRequestTotal);
            writer.WriteNumber("limit"u8, limits.InvalidRequestLimit);
            writer.WriteNumber("window_ms"u8, limits.InvalidRequestWindow.TotalMilliseconds);
            if (s.Rest.BannedUntil is { } until)
                writer.WriteString("banned_until"u8, until);
            else
                writer.WriteNull("banned_until"u8);
            writer.WriteEndObject();
        });

    /// <summary><c>GET /_emulator/rest/messages?channel_id=</c>: the channel's stored messages, oldest first, as REST returns them.</summary>
    public Task GetMessagesAsync(HttpContext context)
    {
        var channelText = context.Request.Query["channel_id"].ToString();
        if (RestRequest.ParseSnowflake(channelText) is not { } channelId || !services.World.TryFindChannel(channelId, out _, out _))
            return ControlRoutes.WriteBadRequestAsync(context, $"'channel_id' must be a channel of the emulated world, got '{channelText}'.");
        return RestResponses.WriteJsonAsync(context, StatusCodes.Status200OK, services.World.Messages.InChannel(channelId), static (writer, messages) =>
        {
            writer.WriteStartArray();
            foreach (var message in messages)
                GuildEventWriter.WriteMessage(writer, message);
            writer.WriteEndArray();
        });
    }

    /// <summary><c>POST /_emulator/rest/interactions</c> <c>{guild_id, channel_id?, name?}</c>: a member runs a slash command.</summary>
    public Task PostInteractionAsync(HttpContext context, JsonElement body)
    {
        if (ControlJson.UnknownProperty(body, ["guild_id", "channel_id", "name"]) is { } unknown)
            return ControlRoutes.WriteBadRequestAsync(context, unknown);
        if (!body.TryGetProperty("guild_id", out var guildElement))
            return ControlRoutes.WriteBadRequestAsync(context, "'guild_id' is missing.");
        if (ControlJson.TryGetSnowflake(guildElement, "guild_id", out var guildId) is { } guildError)
            return ControlRoutes.WriteBadRequestAsync(context, guildError);
        ulong? channelId = null;
        if (body.TryGetProperty("channel_id", out var channelElement))
        {
            if (ControlJson.TryGetSnowflake(channelElement, "channel_id", out var id) is { } channelError)
                return ControlRoutes.WriteBadRequestAsync(context, channelError);
            channelId = id;
        }

        var name = "ping";
        if (body.TryGetProperty("name", out var nameElement) && ControlJson.TryGetString(nameElement, "name", out name) is { } nameError)
            return ControlRoutes.WriteBadRequestAsync(context, nameError);

        EmulatedInteraction interaction;
        try
        {
            interaction = Rest.CreateInteraction(guildId, channelId, name);
        }
        catch (ArgumentException exception)
        {
            return ControlRoutes.WriteBadRequestAsync(context, exception.Message);
        }

        return RestResponses.WriteJsonAsync(context, StatusCodes.Status200OK, interaction, static (writer, i) =>
        {
            writer.WriteStartObject();
            writer.WriteString("id"u8, i.Id.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("token"u8, i.Token);
            writer.WriteString("application_id"u8, i.ApplicationId.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("guild_id"u8, i.Guild.Id.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("channel_id"u8, i.ChannelId.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        });
    }

    private static void WriteOptionalString(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
            writer.WriteNull(name);
        else
            writer.WriteString(name, value);
    }
}
