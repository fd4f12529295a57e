using System.Text.Json;
using Disgo.Emulator.Events;

namespace Disgo.Emulator.Control;

/// <summary><c>POST /_emulator/events/message</c>: <c>{guild_id, channel_id?, content}</c>; the channel defaults to the guild's first.</summary>
internal sealed record MessageEventRequest(ulong GuildId, ulong? ChannelId, string Content)
{
    public static (MessageEventRequest? Request, string? Error) Parse(JsonElement body)
    {
        if (ControlJson.UnknownProperty(body, ["guild_id", "channel_id", "content"]) is { } unknown)
            return (null, unknown);
        if (!body.TryGetProperty("guild_id", out var guildElement))
            return (null, "'guild_id' is missing.");
        if (ControlJson.TryGetSnowflake(guildElement, "guild_id", out var guildId) is { } guildError)
            return (null, guildError);

        ulong? channelId = null;
        if (body.TryGetProperty("channel_id", out var channelElement))
        {
            if (ControlJson.TryGetSnowflake(channelElement, "channel_id", out var id) is { } channelError)
                return (null, channelError);
            channelId = id;
        }

        if (!body.TryGetProperty("content", out var contentElement))
            return (null, "'content' is missing.");
        if (ControlJson.TryGetString(contentElement, "content", out var content) is { } contentError)
            return (null, contentError);
        if (content.Length is 0 or > EventSource.MaxContentLength)
            return (null, $"'content' must be 1 to {EventSource.MaxContentLength} characters, got {content.Length}.");
        return (new MessageEventRequest(guildId, channelId, content), null);
    }
}
