using Disgo.Emulator.Gateway;
using Microsoft.AspNetCore.Http;

namespace Disgo.Emulator.Rest;

/// <summary>Reads of the world: get channel and get guild member.</summary>
internal sealed class GuildRoutes(EmulatorServices services)
{
    /// <summary><c>GET /channels/{channel_id}</c>: a guild text channel, as GUILD_CREATE lists it.</summary>
    public Task GetChannelAsync(RestRequest request)
    {
        if (!services.World.TryFindChannel(request.ResourceId, out var guild, out var channelIndex))
            return RestError.UnknownChannel.WriteAsync(request.Context);

        var lastMessage = services.World.Messages.InChannel(request.ResourceId) is [.., var last] ? last.Id : (ulong?)null;
        return RestResponses.WriteJsonAsync(request.Context, StatusCodes.Status200OK, (guild, channelIndex, lastMessage), static (writer, channel) =>
        {
            writer.WriteStartObject();
            Snowflakes.Write(writer, "id"u8, channel.guild.ChannelId(channel.channelIndex));
            writer.WriteNumber("type"u8, 0);
            writer.WriteString("name"u8, channel.guild.ChannelName(channel.channelIndex));
            Snowflakes.Write(writer, "guild_id"u8, channel.guild.Id);
            writer.WriteNumber("position"u8, channel.channelIndex);
            writer.WriteNull("parent_id"u8);
            writer.WriteNull("topic"u8);
            writer.WriteBoolean("nsfw"u8, false);
            if (channel.lastMessage is { } id)
                Snowflakes.Write(writer, "last_message_id"u8, id);
            else
                writer.WriteNull("last_message_id"u8);
            writer.WriteNumber("rate_limit_per_user"u8, 0);
            writer.WriteNumber("flags"u8, 0);
            writer.WriteStartArray("permission_overwrites"u8);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary><c>GET /guilds/{guild_id}/members/{user_id}</c>: a member with its user.</summary>
    public Task GetMemberAsync(RestRequest request)
    {
        if (services.World.FindGuild(request.ResourceId) is not { } guild)
            return RestError.NotFound("Unknown Guild", DiscordErrorCodes.UnknownGuild).WriteAsync(request.Context);
        if (request.Snowflake("user_id") is not { } userId)
            return RestError.NotFound("Unknown User", DiscordErrorCodes.UnknownUser).WriteAsync(request.Context);
        var memberIndex = guild.MemberIndexOf(userId);
        if (memberIndex < 0)
            return RestError.NotFound("Unknown Member", DiscordErrorCodes.UnknownMember).WriteAsync(request.Context);

        return RestResponses.WriteJsonAsync(request.Context, StatusCodes.Status200OK, (guild, memberIndex), static (writer, member) =>
            MemberJson.WriteMember(writer, member.guild, member.memberIndex));
    }
}
