namespace Disgo.Models.Gateway;

/// <summary>
/// The intents bitfield sent in Identify: which groups of events the session receives. Privileged intents
/// (<see cref="Privileged"/>) must also be switched on for the bot in the Developer Portal, or Identify fails with 4014.
/// </summary>
/// <remarks>
/// The underlying type is <see cref="long"/> so that any value a client sends can be represented and checked,
/// including undocumented bits (see <see cref="GatewayIntentsExtensions.GetUndocumentedBits"/>).
/// </remarks>
[Flags]
public enum GatewayIntents : long
{
    None = 0,

    /// <summary>Guilds, roles, channels, threads, stage instances, voice channel status.</summary>
    Guilds = 1 << 0,

    /// <summary>Privileged. Member add/update/remove, and THREAD_MEMBERS_UPDATE for other users.</summary>
    GuildMembers = 1 << 1,

    /// <summary>Audit log entries and bans (formerly GUILD_BANS).</summary>
    GuildModeration = 1 << 2,

    /// <summary>Emojis, stickers and soundboard sounds.</summary>
    GuildExpressions = 1 << 3,

    GuildIntegrations = 1 << 4,

    GuildWebhooks = 1 << 5,

    GuildInvites = 1 << 6,

    GuildVoiceStates = 1 << 7,

    /// <summary>Privileged. PRESENCE_UPDATE, and full member and presence lists in GUILD_CREATE.</summary>
    GuildPresences = 1 << 8,

    /// <summary>Message create/update/delete in guilds.</summary>
    GuildMessages = 1 << 9,

    GuildMessageReactions = 1 << 10,

    GuildMessageTyping = 1 << 11,

    /// <summary>Message create/update/delete and pins in DMs (ephemeral messages too).</summary>
    DirectMessages = 1 << 12,

    DirectMessageReactions = 1 << 13,

    DirectMessageTyping = 1 << 14,

    /// <summary>
    /// Privileged. Gates no event: without it, <c>content</c>, <c>embeds</c>, <c>attachments</c> and
    /// <c>components</c> arrive empty, except for the bot's own messages, DMs and messages that mention the bot.
    /// </summary>
    MessageContent = 1 << 15,

    GuildScheduledEvents = 1 << 16,

    AutoModerationConfiguration = 1 << 20,

    AutoModerationExecution = 1 << 21,

    GuildMessagePolls = 1 << 24,

    DirectMessagePolls = 1 << 25,

    /// <summary>The privileged intents: <see cref="GuildMembers"/>, <see cref="GuildPresences"/>, <see cref="MessageContent"/> (33026).</summary>
    Privileged = GuildMembers | GuildPresences | MessageContent,

    /// <summary>Every documented intent (53608447). Bits 17-19 and 22-23 are undocumented.</summary>
    All = Guilds | GuildMembers | GuildModeration | GuildExpressions | GuildIntegrations | GuildWebhooks | GuildInvites
        | GuildVoiceStates | GuildPresences | GuildMessages | GuildMessageReactions | GuildMessageTyping | DirectMessages
        | DirectMessageReactions | DirectMessageTyping | MessageContent | GuildScheduledEvents | AutoModerationConfiguration
        | AutoModerationExecution | GuildMessagePolls | DirectMessagePolls,

    /// <summary>Every documented intent that is not privileged.</summary>
    NonPrivileged = All & ~Privileged,
}
