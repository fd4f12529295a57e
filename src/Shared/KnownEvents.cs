using System.Collections.Generic;

namespace Disgo.Shared;

/// <summary>
/// The mirror of the runtime's event table (<c>Disgo.Models.Gateway.GatewayEvents.All</c>): which intents gate each
/// dispatch event and which model, with which JSON metadata, its <c>d</c> reads into. A test fails when the two drift
/// apart.
/// </summary>
internal static class KnownEvents
{
    /// <summary>Every documented dispatch event, in the runtime table's order.</summary>
    public static IReadOnlyList<KnownEvent> All { get; } =
    [
        //  name, GatewayEvents member, guild intent, DM intent, model type, DisgoJsonContext property
        new("READY", "Ready", KnownIntents.None, KnownIntents.None, "Disgo.Models.Events.Ready", "Ready"),
        new("RESUMED", "Resumed", KnownIntents.None, KnownIntents.None, "Disgo.Models.Events.Resumed", "Resumed"),
        new("RATE_LIMITED", "RateLimited", KnownIntents.None, KnownIntents.None, "Disgo.Models.Events.RateLimited", "RateLimited"),
        new("GUILD_CREATE", "GuildCreate", KnownIntents.Guilds, KnownIntents.None, "Disgo.Models.Events.GuildCreate", "GuildCreate"),
        new("GUILD_UPDATE", "GuildUpdate", KnownIntents.Guilds, KnownIntents.None, null, null),
        new("GUILD_DELETE", "GuildDelete", KnownIntents.Guilds, KnownIntents.None, "Disgo.Models.Events.GuildDelete", "GuildDelete"),
        new("GUILD_AUDIT_LOG_ENTRY_CREATE", "GuildAuditLogEntryCreate", KnownIntents.GuildModeration, KnownIntents.None, null, null),
        new("GUILD_BAN_ADD", "GuildBanAdd", KnownIntents.GuildModeration, KnownIntents.None, null, null),
        new("GUILD_BAN_REMOVE", "GuildBanRemove", KnownIntents.GuildModeration, KnownIntents.None, null, null),
        new("GUILD_EMOJIS_UPDATE", "GuildEmojisUpdate", KnownIntents.GuildExpressions, KnownIntents.None, null, null),
        new("GUILD_STICKERS_UPDATE", "GuildStickersUpdate", KnownIntents.GuildExpressions, KnownIntents.None, null, null),
        new("GUILD_INTEGRATIONS_UPDATE", "GuildIntegrationsUpdate", KnownIntents.GuildIntegrations, KnownIntents.None, null, null),
        new("GUILD_MEMBER_ADD", "GuildMemberAdd", KnownIntents.GuildMembers, KnownIntents.None, null, null),
        new("GUILD_MEMBER_REMOVE", "GuildMemberRemove", KnownIntents.GuildMembers, KnownIntents.None, null, null),
        new("GUILD_MEMBER_UPDATE", "GuildMemberUpdate", KnownIntents.GuildMembers, KnownIntents.None, null, null),
        new("GUILD_MEMBERS_CHUNK", "GuildMembersChunk", KnownIntents.None, KnownIntents.None, "Disgo.Models.Events.GuildMembersChunk", "GuildMembersChunk"),
        new("GUILD_ROLE_CREATE", "GuildRoleCreate", KnownIntents.Guilds, KnownIntents.None, null, null),
        new("GUILD_ROLE_UPDATE", "GuildRoleUpdate", KnownIntents.Guilds, KnownIntents.None, null, null),
        new("GUILD_ROLE_DELETE", "GuildRoleDelete", KnownIntents.Guilds, KnownIntents.None, null, null),
        new("GUILD_SCHEDULED_EVENT_CREATE", "GuildScheduledEventCreate", KnownIntents.GuildScheduledEvents, KnownIntents.None, null, null),
        new("GUILD_SCHEDULED_EVENT_UPDATE", "GuildScheduledEventUpdate", KnownIntents.GuildScheduledEvents, KnownIntents.None, null, null),
        new("GUILD_SCHEDULED_EVENT_DELETE", "GuildScheduledEventDelete", KnownIntents.GuildScheduledEvents, KnownIntents.None, null, null),
        new("GUILD_SCHEDULED_EVENT_USER_ADD", "GuildScheduledEventUserAdd", KnownIntents.GuildScheduledEvents, KnownIntents.None, null, null),
        new("GUILD_SCHEDULED_EVENT_USER_REMOVE", "GuildScheduledEventUserRemove", KnownIntents.GuildScheduledEvents, KnownIntents.None, null, null),
        new("GUILD_SOUNDBOARD_SOUND_CREATE", "GuildSoundboardSoundCreate", KnownIntents.GuildExpressions, KnownIntents.None, null, null),
        new("GUILD_SOUNDBOARD_SOUND_UPDATE", "GuildSoundboardSoundUpdate", KnownIntents.GuildExpressions, KnownIntents.None, null, null),
        new("GUILD_SOUNDBOARD_SOUND_DELETE", "GuildSoundboardSoundDelete", KnownIntents.GuildExpressions, KnownIntents.None, null, null),
        new("GUILD_SOUNDBOARD_SOUNDS_UPDATE", "GuildSoundboardSoundsUpdate", KnownIntents.GuildExpressions, KnownIntents.None, null, null),
        new("SOUNDBOARD_SOUNDS", "SoundboardSounds", KnownIntents.None, KnownIntents.None, null, null),
        new("CHANNEL_CREATE", "ChannelCreate", KnownIntents.Guilds, KnownIntents.None, null, null),
        new("CHANNEL_UPDATE", "ChannelUpdate", KnownIntents.Guilds, KnownIntents.None, null, null),
        new("CHANNEL_DELETE", "ChannelDelete", KnownIntents.Guilds, KnownIntents.None, null, null),
        new("CHANNEL_PINS_UPDATE", "ChannelPinsUpdate", KnownIntents.Guilds, KnownIntents.DirectMessages, null, null),
        new("CHANNEL_INFO", "ChannelInfo", KnownIntents.None, KnownIntents.None, null, null),
        new("VOICE_CHANNEL_STATUS_UPDATE", "VoiceChannelStatusUpdate", KnownIntents.Guilds, KnownIntents.None, null, null),
        new("VOICE_CHANNEL_START_TIME_UPDATE", "VoiceChannelStartTimeUpdate", KnownIntents.Guilds, KnownIntents.None, null, null),
        new("THREAD_CREATE", "ThreadCreate", KnownIntents.Guilds, KnownIntents.None, null, null),
        new("THREAD_UPDATE", "ThreadUpdate", KnownIntents.Guilds, KnownIntents.None, null, null),
        new("THREAD_DELETE", "ThreadDelete", KnownIntents.Guilds, KnownIntents.None, null, null),
        new("THREAD_LIST_SYNC", "ThreadListSync", KnownIntents.Guilds, KnownIntents.None, null, null),
        new("THREAD_MEMBER_UPDATE", "ThreadMemberUpdate", KnownIntents.Guilds, KnownIntents.None, null, null),
        new("THREAD_MEMBERS_UPDATE", "ThreadMembersUpdate", KnownIntents.Guilds, KnownIntents.None, null, null),
        new("MESSAGE_CREATE", "MessageCreate", KnownIntents.GuildMessages, KnownIntents.DirectMessages, "Disgo.Models.Message", "Message"),
        new("MESSAGE_UPDATE", "MessageUpdate", KnownIntents.GuildMessages, KnownIntents.DirectMessages, "Disgo.Models.Message", "Message"),
        new("MESSAGE_DELETE", "MessageDelete", KnownIntents.GuildMessages, KnownIntents.DirectMessages, "Disgo.Models.Events.MessageDelete", "MessageDelete"),
        new("MESSAGE_DELETE_BULK", "MessageDeleteBulk", KnownIntents.GuildMessages, KnownIntents.None, null, null),
        new("MESSAGE_REACTION_ADD", "MessageReactionAdd", KnownIntents.GuildMessageReactions, KnownIntents.DirectMessageReactions, "Disgo.Models.Events.MessageReactionAdd", "MessageReactionAdd"),
        new("MESSAGE_REACTION_REMOVE", "MessageReactionRemove", KnownIntents.GuildMessageReactions, KnownIntents.DirectMessageReactions, null, null),
        new("MESSAGE_REACTION_REMOVE_ALL", "MessageReactionRemoveAll", KnownIntents.GuildMessageReactions, KnownIntents.DirectMessageReactions, null, null),
        new("MESSAGE_REACTION_REMOVE_EMOJI", "MessageReactionRemoveEmoji", KnownIntents.GuildMessageReactions, KnownIntents.DirectMessageReactions, null, null),
        new("MESSAGE_POLL_VOTE_ADD", "MessagePollVoteAdd", KnownIntents.GuildMessagePolls, KnownIntents.DirectMessagePolls, null, null),
        new("MESSAGE_POLL_VOTE_REMOVE", "MessagePollVoteRemove", KnownIntents.GuildMessagePolls, KnownIntents.DirectMessagePolls, null, null),
        new("TYPING_START", "TypingStart", KnownIntents.GuildMessageTyping, KnownIntents.DirectMessageTyping, "Disgo.Models.Events.TypingStart", "TypingStart"),
        new("PRESENCE_UPDATE", "PresenceUpdate", KnownIntents.GuildPresences, KnownIntents.None, "Disgo.Models.Events.PresenceUpdate", "PresenceUpdate"),
        new("USER_UPDATE", "UserUpdate", KnownIntents.None, KnownIntents.None, null, null),
        new("VOICE_STATE_UPDATE", "VoiceStateUpdate", KnownIntents.GuildVoiceStates, KnownIntents.None, null, null),
        new("VOICE_SERVER_UPDATE", "VoiceServerUpdate", KnownIntents.None, KnownIntents.None, null, null),
        new("VOICE_CHANNEL_EFFECT_SEND", "VoiceChannelEffectSend", KnownIntents.GuildVoiceStates, KnownIntents.None, null, null),
        new("INTERACTION_CREATE", "InteractionCreate", KnownIntents.None, KnownIntents.None, "Disgo.Models.Interaction", "Interaction"),
        new("APPLICATION_COMMAND_PERMISSIONS_UPDATE", "ApplicationCommandPermissionsUpdate", KnownIntents.None, KnownIntents.None, null, null),
        new("AUTO_MODERATION_RULE_CREATE", "AutoModerationRuleCreate", KnownIntents.AutoModerationConfiguration, KnownIntents.None, null, null),
        new("AUTO_MODERATION_RULE_UPDATE", "AutoModerationRuleUpdate", KnownIntents.AutoModerationConfiguration, KnownIntents.None, null, null),
        new("AUTO_MODERATION_RULE_DELETE", "AutoModerationRuleDelete", KnownIntents.AutoModerationConfiguration, KnownIntents.None, null, null),
        new("AUTO_MODERATION_ACTION_EXECUTION", "AutoModerationActionExecution", KnownIntents.AutoModerationExecution, KnownIntents.None, null, null),
        new("ENTITLEMENT_CREATE", "EntitlementCreate", KnownIntents.None, KnownIntents.None, null, null),
        new("ENTITLEMENT_UPDATE", "EntitlementUpdate", KnownIntents.None, KnownIntents.None, null, null),
        new("ENTITLEMENT_DELETE", "EntitlementDelete", KnownIntents.None, KnownIntents.None, null, null),
        new("SUBSCRIPTION_CREATE", "SubscriptionCreate", KnownIntents.None, KnownIntents.None, null, null),
        new("SUBSCRIPTION_UPDATE", "SubscriptionUpdate", KnownIntents.None, KnownIntents.None, null, null),
        new("SUBSCRIPTION_DELETE", "SubscriptionDelete", KnownIntents.None, KnownIntents.None, null, null),
        new("INTEGRATION_CREATE", "IntegrationCreate", KnownIntents.GuildIntegrations, KnownIntents.None, null, null),
        new("INTEGRATION_UPDATE", "IntegrationUpdate", KnownIntents.GuildIntegrations, KnownIntents.None, null, null),
        new("INTEGRATION_DELETE", "IntegrationDelete", KnownIntents.GuildIntegrations, KnownIntents.None, null, null),
        new("INVITE_CREATE", "InviteCreate", KnownIntents.GuildInvites, KnownIntents.None, null, null),
        new("INVITE_DELETE", "InviteDelete", KnownIntents.GuildInvites, KnownIntents.None, null, null),
        new("STAGE_INSTANCE_CREATE", "StageInstanceCreate", KnownIntents.Guilds, KnownIntents.None, null, null),
        new("STAGE_INSTANCE_UPDATE", "StageInstanceUpdate", KnownIntents.Guilds, KnownIntents.None, null, null),
        new("STAGE_INSTANCE_DELETE", "StageInstanceDelete", KnownIntents.Guilds, KnownIntents.None, null, null),
        new("WEBHOOKS_UPDATE", "WebhooksUpdate", KnownIntents.GuildWebhooks, KnownIntents.None, null, null),
    ];

    /// <summary>The event named <paramref name="name"/> (e.g. <c>MESSAGE_CREATE</c>), or null.</summary>
    public static KnownEvent? Find(string name)
    {
        foreach (var known in All)
        {
            if (known.Name == name)
            {
                return known;
            }
        }

        return null;
    }
}
