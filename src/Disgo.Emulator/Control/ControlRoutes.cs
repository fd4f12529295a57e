using System.Globalization;
using System.Text.Json;
using Disgo.Emulator.Observation;
using Disgo.Emulator.Rest;
using Microsoft.AspNetCore.Http;

namespace Disgo.Emulator.Control;

/// <summary>The control endpoint's handlers: observations out as JSON, faults and events in.</summary>
internal sealed class ControlRoutes(EmulatorServices services)
{
    /// <summary><c>GET /_emulator/sessions</c>: every gateway session, connected or waiting to be resumed.</summary>
    public Task GetSessionsAsync(HttpContext context) =>
        RestResponses.WriteJsonAsync(context, StatusCodes.Status200OK, services.Gateway.Sessions, static (writer, sessions) =>
        {
            writer.WriteStartArray();
            foreach (var session in sessions)
            {
                writer.WriteStartObject();
                writer.WriteString("session_id"u8, session.SessionId);
                WriteShard(writer, session.Shard);
                writer.WriteNumber("sequence"u8, session.Sequence);
                writer.WriteBoolean("connected"u8, session.IsConnected);
                WriteOptionalNumber(writer, "connection_id"u8, session.ConnectionId);
                writer.WriteNumber("intents"u8, session.Intents);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

    /// <summary><c>GET /_emulator/connections</c>: counts plus one summary per connection (payloads sent, how it closed).</summary>
    public Task GetConnectionsAsync(HttpContext context) =>
        RestResponses.WriteJsonAsync(context, StatusCodes.Status200OK, services.Observations.Connections, static (writer, connections) =>
        {
            var open = 0;
            foreach (var connection in connections)
                open += connection.ClosedAt is null ? 1 : 0;

            writer.WriteStartObject();
            writer.WriteNumber("total"u8, connections.Count);
            writer.WriteNumber("open"u8, open);
            writer.WriteStartArray("connections"u8);
            foreach (var connection in connections)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id"u8, connection.Id);
                writer.WriteString("path"u8, connection.Path);
                WriteShard(writer, connection.Shard);
                if (connection.SessionId is { } sessionId)
                    writer.WriteString("session_id"u8, sessionId);
                else
                    writer.WriteNull("session_id"u8);
                writer.WriteString("opened_at"u8, connection.OpenedAt);
                if (connection.ClosedAt is { } closedAt)
                    writer.WriteString("closed_at"u8, closedAt);
                else
                    writer.WriteNull("closed_at"u8);
                writer.WriteNumber("payloads_received"u8, connection.Received.Count);
                WriteOptionalNumber(writer, "server_close_code"u8, connection.ServerCloseCode);
                WriteOptionalNumber(writer, "client_close_code"u8, connection.ClientCloseCode);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    /// <summary><c>GET /_emulator/violations</c>: every rule a client broke, oldest first.</summary>
    public Task GetViolationsAsync(HttpContext context) =>
        RestResponses.WriteJsonAsync(context, StatusCodes.Status200OK, services.Observations.Violations, static (writer, violations) =>
        {
            writer.WriteStartArray();
            foreach (var violation in violations)
            {
                writer.WriteStartObject();
                writer.WriteString("kind"u8, violation.Kind.ToString());
                writer.WriteNumber("connection_id"u8, violation.ConnectionId);
                WriteShard(writer, violation.Shard);
                writer.WriteString("detail"u8, violation.Detail);
                writer.WriteString("at"u8, violation.At);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

    /// <summary><c>POST /_emulator/faults</c>: injects a gateway fault; answers how many connections it hit.</summary>
    public Task PostFaultAsync(HttpContext context, JsonElement body)
    {
        var (request, error) = FaultRequest.Parse(body);
        if (request is null)
            return WriteBadRequestAsync(context, error!);

        int hit;
        try
        {
            hit = services.Gateway.Inject(request.Fault, request.Target);
        }
        catch (ArgumentException exception)
        {
            // The request is checked above; this keeps any rule the gateway adds later a 400 rather than a 500.
            return WriteBadRequestAsync(context, exception.Message);
        }

        return RestResponses.WriteJsonAsync(context, StatusCodes.Status200OK, (request.Name, hit), static (writer, result) =>
        {
            writer.WriteStartObject();
            writer.WriteString("fault"u8, result.Name);
            writer.WriteNumber("connections"u8, result.hit);
            writer.WriteEndObject();
        });
    }

    /// <summary><c>POST /_emulator/events/message</c>: dispatches one MESSAGE_CREATE; answers its id and how many sessions got it.</summary>
    public Task PostMessageAsync(HttpContext context, JsonElement body)
    {
        var (request, error) = MessageEventRequest.Parse(body);
        if (request is null)
            return WriteBadRequestAsync(context, error!);
        if (services.World.FindGuild(request.GuildId) is not { } guild)
            return WriteBadRequestAsync(context, $"'guild_id' {request.GuildId} is not a guild of the emulated world.");
        var channelId = request.ChannelId ?? guild.ChannelId(0);
        if (!guild.HasChannel(channelId))
            return WriteBadRequestAsync(context, $"'channel_id' {channelId} is not a channel of guild {guild.Id}.");

        var messageId = services.Events.EmitMessageCreate(guild.Id, channelId, request.Content, out var sessions);
        return RestResponses.WriteJsonAsync(context, StatusCodes.Status200OK, (messageId, channelId, sessions), static (writer, result) =>
        {
            writer.WriteStartObject();
            writer.WriteString("id"u8, result.messageId.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("channel_id"u8, result.channelId.ToString(CultureInfo.InvariantCulture));
            writer.WriteNumber("sessions"u8, result.sessions);
            writer.WriteEndObject();
        });
    }

    /// <summary><c>POST /_emulator/events/rate</c>: starts, changes or (with 0) stops the steady event rate.</summary>
    public Task PostRateAsync(HttpContext context, JsonElement body)
    {
        var (request, error) = EventRateRequest.Parse(body);
        if (request is null)
            return WriteBadRequestAsync(context, error!);
        if (request.PerSecond == 0)
        {
            services.Events.Stop();
        }
        else
        {
            if (services.World.Guilds.Count == 0)
                return WriteBadRequestAsync(context, "The world has no guilds to emit events in (started with --guilds 0).");
            services.Events.Start(request.PerSecond, request.Kinds);
        }

        return RestResponses.WriteJsonAsync(context, StatusCodes.Status200OK, services.Events, static (writer, events) =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("per_second"u8, events.EventsPerSecond);
            writer.WriteStartArray("events"u8);
            foreach (var name in EventRateRequest.Names(events.Kinds))
                writer.WriteStringValue(name);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>400 in Discord's error shape, with the precise reason in <c>message</c>.</summary>
    public static Task WriteBadRequestAsync(HttpContext context, string reason) =>
        RestResponses.WriteErrorAsync(context, StatusCodes.Status400BadRequest, reason);

    private static void WriteShard(Utf8JsonWriter writer, ShardTuple? shard)
    {
        if (shard is not { } value)
        {
            writer.WriteNull("shard"u8);
            return;
        }

        writer.WriteStartArray("shard"u8);
        writer.WriteNumberValue(value.ShardId);
        writer.WriteNumberValue(value.NumShards);
        writer.WriteEndArray();
    }

    private static void WriteOptionalNumber(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long? value)
    {
        if (value is { } number)
            writer.WriteNumber(name, number);
        else
            writer.WriteNull(name);
    }
}
