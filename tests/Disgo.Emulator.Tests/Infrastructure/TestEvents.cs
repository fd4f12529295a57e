using System.Globalization;
using System.Text;

namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>Dispatch bodies shaped like Discord's examples, for feeding <c>GatewayHub.Dispatch</c>.</summary>
internal static class TestEvents
{
    /// <summary>A MESSAGE_CREATE body; <c>guild_id</c> is left out for a DM, as Discord does.</summary>
    public static byte[] MessageCreate(ulong? guildId, string content)
    {
        var guild = guildId is { } id ? $"\"guild_id\":\"{id.ToString(CultureInfo.InvariantCulture)}\"," : "";
        return Encoding.UTF8.GetBytes(
            $$"""{"id":"1","channel_id":"2",{{guild}}"author":{"id":"3","username":"someone"},"content":"{{content}}","timestamp":"2026-01-01T00:00:00.000000+00:00","edited_timestamp":null,"tts":false,"mention_everyone":false,"mentions":[],"mention_roles":[],"attachments":[],"embeds":[],"pinned":false,"type":0}""");
    }
}
