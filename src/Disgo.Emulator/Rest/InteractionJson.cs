using System.Text.Json;
using Disgo.Emulator.Gateway;
using Disgo.Emulator.World;

namespace Disgo.Emulator.Rest;

/// <summary>The interaction object of an application command run in a guild, as INTERACTION_CREATE carries it.</summary>
internal static class InteractionJson
{
    private const int ApplicationCommand = 2;
    private const int ChatInput = 1;
    private const int GuildInstall = 0;

    public static void WriteInteractionCreate(Utf8JsonWriter writer, EmulatedInteraction interaction)
    {
        var guild = interaction.Guild;
        writer.WriteStartObject();
        Snowflakes.Write(writer, "id"u8, interaction.Id);
        Snowflakes.Write(writer, "application_id"u8, interaction.ApplicationId);
        writer.WriteNumber("type"u8, ApplicationCommand);
        writer.WriteStartObject("data"u8);
        Snowflakes.Write(writer, "id"u8, interaction.CommandId);
        writer.WriteString("name"u8, interaction.CommandName);
        writer.WriteNumber("type"u8, ChatInput);
        writer.WriteEndObject();
        Snowflakes.Write(writer, "guild_id"u8, guild.Id);
        writer.WriteStartObject("channel"u8);
        Snowflakes.Write(writer, "id"u8, interaction.ChannelId);
        writer.WriteNumber("type"u8, 0);
        writer.WriteString("name"u8, guild.ChannelName(interaction.ChannelIndex));
        Snowflakes.Write(writer, "guild_id"u8, guild.Id);
        writer.WriteEndObject();
        Snowflakes.Write(writer, "channel_id"u8, interaction.ChannelId);
        writer.WritePropertyName("member"u8);
        MemberJson.WriteMember(writer, guild, interaction.UserIndex, GuildCreateWriter.EveryonePermissions);
        writer.WriteString("token"u8, interaction.Token);
        writer.WriteNumber("version"u8, 1);
        writer.WriteString("app_permissions"u8, GuildCreateWriter.EveryonePermissions);
        writer.WriteString("locale"u8, "en-US"u8);
        writer.WriteString("guild_locale"u8, "en-US"u8);
        writer.WriteStartArray("entitlements"u8);
        writer.WriteEndArray();
        writer.WriteStartObject("authorizing_integration_owners"u8);
        Snowflakes.Write(writer, "0"u8, guild.Id);
        writer.WriteEndObject();
        writer.WriteNumber("context"u8, GuildInstall);
        writer.WriteEndObject();
    }
}
