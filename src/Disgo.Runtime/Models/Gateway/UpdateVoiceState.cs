using System.Text.Json.Serialization;

namespace Disgo.Models.Gateway;

/// <summary>The <c>d</c> of Update Voice State (op 4): answered with VOICE_STATE_UPDATE and VOICE_SERVER_UPDATE.</summary>
public sealed class UpdateVoiceState
{
    public Snowflake GuildId { get; init; }

    /// <summary>The voice channel to join or move to; null leaves voice. Always written.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public Snowflake? ChannelId { get; init; }

    public bool SelfMute { get; init; }

    public bool SelfDeaf { get; init; }
}
