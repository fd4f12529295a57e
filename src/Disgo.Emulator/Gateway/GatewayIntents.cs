using System.Collections.Frozen;

namespace Disgo.Emulator.Gateway;

/// <summary>Intent bits from Discord's "Gateway Intents" table, and which of them gate which dispatch events.</summary>
internal static class GatewayIntents
{
    public const long Guilds = 1 << 0;
    public const long GuildMembers = 1 << 1;
    public const long GuildModeration = 1 << 2;
    public const long GuildExpressions = 1 << 3;
    public const long GuildIntegrations = 1 << 4;
    public const long GuildWebhooks = 1 << 5;
    public const long GuildInvites = 1 << 6;
    public const long GuildVoiceStates = 1 << 7;
    public const long GuildPresences = 1 << 8;
    public const long GuildMessages = 1 << 9;
    public const long GuildMessageReactions = 1 << 10;
    public const long GuildMessageTyping = 1 << 11;
    public const long DirectMessages = 1 << 12;
    public const long DirectMessageReactions = 1 << 13;
    public const long DirectMessageTyping = 1 << 14;
    public const long MessageContent = 1 << 15;
    public const long GuildScheduledEvents = 1 << 16;
    public const long AutoModerationConfiguration = 1 << 20;
    public const long AutoModerationExecution = 1 << 21;
    public const long GuildMessagePolls = 1 << 24;
    public const long DirectMessagePolls = 1 << 25;

    /// <summary>Every documented bit (53,608,447); anything else closes Identify with 4013.</summary>
    public const long AllDocumented = Guilds | GuildMembers | GuildModeration | GuildExpressions | GuildIntegrations
        | GuildWebhooks | GuildInvites | GuildVoiceStates | GuildPresences | GuildMessages | GuildMessageReactions
        | GuildMessageTyping | DirectMessages | DirectMessageReactions | DirectMessageTyping | MessageContent
        | GuildScheduledEvents | AutoModerationConfiguration | AutoModerationExecution | GuildMessagePolls | DirectMessagePolls;

    /// <summary>The privileged bits (33,026): each must be enabled for the bot, otherwise 4014.</summary>
    public const long Privileged = GuildMembers | GuildPresences | MessageContent;

    // (guild event, DM event) gate per event name; events missing here (READY, INTERACTION_CREATE, ...) are never gated.
    private static readonly FrozenDictionary<string, (long Guild, long Direct)> Gates = new Dictionary<string, (long, long)>
    {
        ["GUILD_CREATE"] = (Guilds, 0),
        ["GUILD_UPDATE"] = (Guilds, 0),
        ["GUILD_DELETE"] = (Guilds, 0),
        ["GUILD_ROLE_CREATE"] = (Guilds, 0),
        ["GUILD_ROLE_UPDATE"] = (Guilds, 0),
        ["GUILD_ROLE_DELETE"] = (Guilds, 0),
        ["CHANNEL_CREATE"] = (Guilds, 0),
        ["CHANNEL_UPDATE"] = (Guilds, 0),
        ["CHANNEL_DELETE"] = (Guilds, 0),
        ["CHANNEL_PINS_UPDATE"] = (Guilds, DirectMessages),
        ["THREAD_CREATE"] = (Guilds, 0),
        ["THREAD_UPDATE"] = (Guilds, 0),
        ["THREAD_DELETE"] = (Guilds, 0),
        ["THREAD_LIST_SYNC"] = (Guilds, 0),
        ["THREAD_MEMBER_UPDATE"] = (Guilds, 0),
        ["THREAD_MEMBERS_UPDATE"] = (Guilds, 0),
        ["STAGE_INSTANCE_CREATE"] = (Guilds, 0),
        ["STAGE_INSTANCE_UPDATE"] = (Guilds, 0),
        ["STAGE_INSTANCE_DELETE"] = (Guilds, 0),
        ["VOICE_CHANNEL_STATUS_UPDATE"] = (Guilds, 0),
        ["VOICE_CHANNEL_START_TIME_UPDATE"] = (Guilds, 0),
        ["GUILD_MEMBER_ADD"] = (GuildMembers, 0),
        ["GUILD_MEMBER_UPDATE"] = (GuildMembers, 0),
        ["GUILD_MEMBER_REMOVE"] = (GuildMembers, 0),
        ["GUILD_AUDIT_LOG_ENTRY_CREATE"] = (GuildModeration, 0),
        ["GUILD_BAN_ADD"] = (GuildModeration, 0),
        ["GUILD_BAN_REMOVE"] = (GuildModeration, 0),
        ["GUILD_EMOJIS_UPDATE"] = (GuildExpressions, 0),
        ["GUILD_STICKERS_UPDATE"] = (GuildExpressions, 0),
        ["GUILD_SOUNDBOARD_SOUND_CREATE"] = (GuildExpressions, 0),
        ["GUILD_SOUNDBOARD_SOUND_UPDATE"] = (GuildExpressions, 0),
        ["GUILD_SOUNDBOARD_SOUND_DELETE"] = (GuildExpressions, 0),
        ["GUILD_SOUNDBOARD_SOUNDS_UPDATE"] = (GuildExpressions, 0),
        ["GUILD_INTEGRATIONS_UPDATE"] = (GuildIntegrations, 0),
        ["INTEGRATION_CREATE"] = (GuildIntegrations, 0),
        ["INTEGRATION_UPDATE"] = (GuildIntegrations, 0),
        ["INTEGRATION_DELETE"] = (GuildIntegrations, 0),
        ["WEBHOOKS_UPDATE"] = (GuildWebhooks, 0),
        ["INVITE_CREATE"] = (GuildInvites, 0),
        ["INVITE_DELETE"] = (GuildInvites, 0),
        ["VOICE_CHANNEL_EFFECT_SEND"] = (GuildVoiceStates, 0),
        ["VOICE_STATE_UPDATE"] = (GuildVoiceStates, 0),
        ["PRESENCE_UPDATE"] = (GuildPresences, 0),
        ["MESSAGE_CREATE"] = (GuildMessages, DirectMessages),
        ["MESSAGE_UPDATE"] = (GuildMessages, DirectMessages),
        ["MESSAGE_DELETE"] = (GuildMessages, DirectMessages),
        ["MESSAGE_DELETE_BULK"] = (GuildMessages, DirectMessages),
        ["MESSAGE_REACTION_ADD"] = (GuildMessageReactions, DirectMessageReactions),
        ["MESSAGE_REACTION_REMOVE"] = (GuildMessageReactions, DirectMessageReactions),
        ["MESSAGE_REACTION_REMOVE_ALL"] = (GuildMessageReactions, DirectMessageReactions),
        ["MESSAGE_REACTION_REMOVE_EMOJI"] = (GuildMessageReactions, DirectMessageReactions),
        ["TYPING_START"] = (GuildMessageTyping, DirectMessageTyping),
        ["GUILD_SCHEDULED_EVENT_CREATE"] = (GuildScheduledEvents, 0),
        ["GUILD_SCHEDULED_EVENT_UPDATE"] = (GuildScheduledEvents, 0),
        ["GUILD_SCHEDULED_EVENT_DELETE"] = (GuildScheduledEvents, 0),
        ["GUILD_SCHEDULED_EVENT_USER_ADD"] = (GuildScheduledEvents, 0),
        ["GUILD_SCHEDULED_EVENT_USER_REMOVE"] = (GuildScheduledEvents, 0),
        ["AUTO_MODERATION_RULE_CREATE"] = (AutoModerationConfiguration, 0),
        ["AUTO_MODERATION_RULE_UPDATE"] = (AutoModerationConfiguration, 0),
        ["AUTO_MODERATION_RULE_DELETE"] = (AutoModerationConfiguration, 0),
        ["AUTO_MODERATION_ACTION_EXECUTION"] = (AutoModerationExecution, 0),
        ["MESSAGE_POLL_VOTE_ADD"] = (GuildMessagePolls, DirectMessagePolls),
        ["MESSAGE_POLL_VOTE_REMOVE"] = (GuildMessagePolls, DirectMessagePolls),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The intent a session needs to receive <paramref name="eventName"/> (0 when none does). Guild and DM variants of
    /// an event can need different intents; a DM-only gate of 0 means the event has no DM variant and is never gated there.
    /// </summary>
    public static long GateOf(string eventName, bool inGuild) =>
        Gates.TryGetValue(eventName, out var gate) ? (inGuild ? gate.Guild : gate.Direct) : 0;

    /// <summary>Whether a session identified with <paramref name="intents"/> receives the event.</summary>
    public static bool Receives(long intents, long gate) => gate == 0 || (intents & gate) != 0;
}
