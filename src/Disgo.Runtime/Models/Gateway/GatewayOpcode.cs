namespace Disgo.Models.Gateway;

/// <summary>The <c>op</c> of a gateway payload. Op 5 is unused; an unknown op is answered with close 4001.</summary>
public enum GatewayOpcode
{
    /// <summary>Received: an event (<c>t</c> names it, <c>s</c> numbers it). The only op with non-null <c>s</c> and <c>t</c>.</summary>
    Dispatch = 0,

    /// <summary>Sent to keep the connection alive (<c>d</c> = last sequence or null); received when the server wants one at once.</summary>
    Heartbeat = 1,

    /// <summary>Sent: starts a new session.</summary>
    Identify = 2,

    /// <summary>Sent: updates the bot's presence (at most 5 per 20 s).</summary>
    PresenceUpdate = 3,

    /// <summary>Sent: joins, moves or leaves a voice channel.</summary>
    VoiceStateUpdate = 4,

    /// <summary>Sent: resumes a session on its <c>resume_gateway_url</c>.</summary>
    Resume = 6,

    /// <summary>Received: reconnect and resume. May arrive at any time, even before Hello.</summary>
    Reconnect = 7,

    /// <summary>Sent: asks for GUILD_MEMBERS_CHUNK events.</summary>
    RequestGuildMembers = 8,

    /// <summary>Received: the session is invalid; <c>d</c> says whether it can still be resumed.</summary>
    InvalidSession = 9,

    /// <summary>Received: the first payload on a connection, with the heartbeat interval.</summary>
    Hello = 10,

    /// <summary>Received: acknowledges a heartbeat.</summary>
    HeartbeatAck = 11,

    /// <summary>Sent: asks for the soundboard sounds of guilds (answered with SOUNDBOARD_SOUNDS).</summary>
    RequestSoundboardSounds = 31,

    /// <summary>Sent: asks for channel status and voice start times (answered with CHANNEL_INFO).</summary>
    RequestChannelInfo = 43,
}
