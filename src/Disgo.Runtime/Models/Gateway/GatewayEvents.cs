using System.Buffers;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using static Disgo.Models.Gateway.GatewayIntents;

namespace Disgo.Models.Gateway;

/// <summary>
/// Every dispatch event name (<c>t</c>) Discord documents, and <see cref="All"/>: the one table of which intent
/// gates each event and which model its <c>d</c> reads into. The source generator and analyzers mirror this table.
/// </summary>
/// <remarks>
/// Hello (op 10), Reconnect (op 7) and Invalid Session (op 9) are not dispatches; READY, RESUMED and RATE_LIMITED are.
/// Gating notes the table cannot express: THREAD_MEMBERS_UPDATE covers other users only with GuildMembers;
/// GUILD_MEMBER_UPDATE for the bot itself arrives whatever the intents; MessageContent gates no event but empties
/// message content fields without it.
/// </remarks>
public static class GatewayEvents
{
    public const string Ready = "READY";
    public const string Resumed = "RESUMED";
    public const string RateLimited = "RATE_LIMITED";
    public const string GuildCreate = "GUILD_CREATE";
    public const string GuildUpdate = "GUILD_UPDATE";
    public const string GuildDelete = "GUILD_DELETE";
    public const string GuildAuditLogEntryCreate = "GUILD_AUDIT_LOG_ENTRY_CREATE";
    public const string GuildBanAdd = "GUILD_BAN_ADD";
    public const string GuildBanRemove = "GUILD_BAN_REMOVE";
    public const string GuildEmojisUpdate = "GUILD_EMOJIS_UPDATE";
    public const string GuildStickersUpdate = "GUILD_STICKERS_UPDATE";
    public const string GuildIntegrationsUpdate = "GUILD_INTEGRATIONS_UPDATE";
    public const string GuildMemberAdd = "GUILD_MEMBER_ADD";
    public const string GuildMemberRemove = "GUILD_MEMBER_REMOVE";
    public const string GuildMemberUpdate = "GUILD_MEMBER_UPDATE";
    public const string GuildMembersChunk = "GUILD_MEMBERS_CHUNK";
    public const string GuildRoleCreate = "GUILD_ROLE_CREATE";
    public const string GuildRoleUpdate = "GUILD_ROLE_UPDATE";
    public const string GuildRoleDelete = "GUILD_ROLE_DELETE";
    public const string GuildScheduledEventCreate = "GUILD_SCHEDULED_EVENT_CREATE";
    public const string GuildScheduledEventUpdate = "GUILD_SCHEDULED_EVENT_UPDATE";
    public const string GuildScheduledEventDelete = "GUILD_SCHEDULED_EVENT_DELETE";
    public const string GuildScheduledEventUserAdd = "GUILD_SCHEDULED_EVENT_USER_ADD";
    public const string GuildScheduledEventUserRemove = "GUILD_SCHEDULED_EVENT_USER_REMOVE";
    public const string GuildSoundboardSoundCreate = "GUILD_SOUNDBOARD_SOUND_CREATE";
    public const string GuildSoundboardSoundUpdate = "GUILD_SOUNDBOARD_SOUND_UPDATE";
    public const string GuildSoundboardSoundDelete = "GUILD_SOUNDBOARD_SOUND_DELETE";
    public const string GuildSoundboardSoundsUpdate = "GUILD_SOUNDBOARD_SOUNDS_UPDATE";
    public const string SoundboardSounds = "SOUNDBOARD_SOUNDS";
    public const string ChannelCreate = "CHANNEL_CREATE";
    public const string ChannelUpdate = "CHANNEL_UPDATE";
    public const string ChannelDelete = "CHANNEL_DELETE";
    public const string ChannelPinsUpdate = "CHANNEL_PINS_UPDATE";
    public const string ChannelInfo = "CHANNEL_INFO";
    public const string VoiceChannelStatusUpdate = "VOICE_CHANNEL_STATUS_UPDATE";
    public const string VoiceChannelStartTimeUpdate = "VOICE_CHANNEL_START_TIME_UPDATE";
    public const string ThreadCreate = "THREAD_CREATE";
    public const string ThreadUpdate = "THREAD_UPDATE";
    public const string ThreadDelete = "THREAD_DELETE";
    public const string ThreadListSync = "THREAD_LIST_SYNC";
    public const string ThreadMemberUpdate = "THREAD_MEMBER_UPDATE";
    public const string ThreadMembersUpdate = "THREAD_MEMBERS_UPDATE";
    public const string MessageCreate = "MESSAGE_CREATE";
    public const string MessageUpdate = "MESSAGE_UPDATE";
    public const string MessageDelete = "MESSAGE_DELETE";
    public const string MessageDeleteBulk = "MESSAGE_DELETE_BULK";
    public const string MessageReactionAdd = "MESSAGE_REACTION_ADD";
    public const string MessageReactionRemove = "MESSAGE_REACTION_REMOVE";
    public const string MessageReactionRemoveAll = "MESSAGE_REACTION_REMOVE_ALL";
    public const string MessageReactionRemoveEmoji = "MESSAGE_REACTION_REMOVE_EMOJI";
    public const string MessagePollVoteAdd = "MESSAGE_POLL_VOTE_ADD";
    public const string MessagePollVoteRemove = "MESSAGE_POLL_VOTE_REMOVE";
    public const string TypingStart = "TYPING_START";
    public const string PresenceUpdate = "PRESENCE_UPDATE";
    public const string UserUpdate = "USER_UPDATE";
    public const string VoiceStateUpdate = "VOICE_STATE_UPDATE";
    public const string VoiceServerUpdate = "VOICE_SERVER_UPDATE";
    public const string VoiceChannelEffectSend = "VOICE_CHANNEL_EFFECT_SEND";
    public const string InteractionCreate = "INTERACTION_CREATE";
    public const string ApplicationCommandPermissionsUpdate = "APPLICATION_COMMAND_PERMISSIONS_UPDATE";
    public const string AutoModerationRuleCreate = "AUTO_MODERATION_RULE_CREATE";
    public const string AutoModerationRuleUpdate = "AUTO_MODERATION_RULE_UPDATE";
    public const string AutoModerationRuleDelete = "AUTO_MODERATION_RULE_DELETE";
    public const string AutoModerationActionExecution = "AUTO_MODERATION_ACTION_EXECUTION";
    public const string EntitlementCreate = "ENTITLEMENT_CREATE";
    public const string EntitlementUpdate = "ENTITLEMENT_UPDATE";
    public const string EntitlementDelete = "ENTITLEMENT_DELETE";
    public const string SubscriptionCreate = "SUBSCRIPTION_CREATE";
    public const string SubscriptionUpdate = "SUBSCRIPTION_UPDATE";
    public const string SubscriptionDelete = "SUBSCRIPTION_DELETE";
    public const string IntegrationCreate = "INTEGRATION_CREATE";
    public const string IntegrationUpdate = "INTEGRATION_UPDATE";
    public const string IntegrationDelete = "INTEGRATION_DELETE";
    public const string InviteCreate = "INVITE_CREATE";
    public const string InviteDelete = "INVITE_DELETE";
    public const string StageInstanceCreate = "STAGE_INSTANCE_CREATE";
    public const string StageInstanceUpdate = "STAGE_INSTANCE_UPDATE";
    public const string StageInstanceDelete = "STAGE_INSTANCE_DELETE";
    public const string WebhooksUpdate = "WEBHOOKS_UPDATE";

    private static readonly GatewayEventInfo[] Table =
    [
        //  event                           guild intent                  DM intent                model
        new(Ready,                               None,                         None,                    typeof(Events.Ready)),
        new(Resumed,                             None,                         None,                    typeof(Events.Resumed)),
        new(RateLimited,                         None,                         None,                    typeof(Events.RateLimited)),
        new(GuildCreate,                         Guilds,                       None,                    typeof(Events.GuildCreate)),
        new(GuildUpdate,                         Guilds,                       None,                    null),
        new(GuildDelete,                         Guilds,                       None,                    typeof(Events.GuildDelete)),
        new(GuildAuditLogEntryCreate,            GuildModeration,              None,                    null),
        new(GuildBanAdd,                         GuildModeration,              None,                    null),
        new(GuildBanRemove,                      GuildModeration,              None,                    null),
        new(GuildEmojisUpdate,                   GuildExpressions,             None,                    null),
        new(GuildStickersUpdate,                 GuildExpressions,             None,                    null),
        new(GuildIntegrationsUpdate,             GuildIntegrations,            None,                    null),
        new(GuildMemberAdd,                      GuildMembers,                 None,                    null),
        new(GuildMemberRemove,                   GuildMembers,                 None,                    null),
        new(GuildMemberUpdate,                   GuildMembers,                 None,                    null),
        new(GuildMembersChunk,                   None,                         None,                    typeof(Events.GuildMembersChunk)),
        new(GuildRoleCreate,                     Guilds,                       None,                    null),
        new(GuildRoleUpdate,                     Guilds,                       None,                    null),
        new(GuildRoleDelete,                     Guilds,                       None,                    null),
        new(GuildScheduledEventCreate,           GuildScheduledEvents,         None,                    null),
        new(GuildScheduledEventUpdate,           GuildScheduledEvents,         None,                    null),
        new(GuildScheduledEventDelete,           GuildScheduledEvents,         None,                    null),
        new(GuildScheduledEventUserAdd,          GuildScheduledEvents,         None,                    null),
        new(GuildScheduledEventUserRemove,       GuildScheduledEvents,         None,                    null),
        new(GuildSoundboardSoundCreate,          GuildExpressions,             None,                    null),
        new(GuildSoundboardSoundUpdate,          GuildExpressions,             None,                    null),
        new(GuildSoundboardSoundDelete,          GuildExpressions,             None,                    null),
        new(GuildSoundboardSoundsUpdate,         GuildExpressions,             None,                    null),
        new(SoundboardSounds,                    None,                         None,                    null),
        new(ChannelCreate,                       Guilds,                       None,                    null),
        new(ChannelUpdate,                       Guilds,                       None,                    null),
        new(ChannelDelete,                       Guilds,                       None,                    null),
        new(ChannelPinsUpdate,                   Guilds,                       DirectMessages,          null),
        new(ChannelInfo,                         None,                         None,                    null),
        new(VoiceChannelStatusUpdate,            Guilds,                       None,                    null),
        new(VoiceChannelStartTimeUpdate,         Guilds,                       None,                    null),
        new(ThreadCreate,                        Guilds,                       None,                    null),
        new(ThreadUpdate,                        Guilds,                       None,                    null),
        new(ThreadDelete,                        Guilds,                       None,                    null),
        new(ThreadListSync,                      Guilds,                       None,                    null),
        new(ThreadMemberUpdate,                  Guilds,                       None,                    null),
        new(ThreadMembersUpdate,                 Guilds,                       None,                    null),
        new(MessageCreate,                       GuildMessages,                DirectMessages,          typeof(Message)),
        new(MessageUpdate,                       GuildMessages,                DirectMessages,          typeof(Message)),
        new(MessageDelete,                       GuildMessages,                DirectMessages,          typeof(Events.MessageDelete)),
        new(MessageDeleteBulk,                   GuildMessages,                None,                    null),
        new(MessageReactionAdd,                  GuildMessageReactions,        DirectMessageReactions,  typeof(Events.MessageReactionAdd)),
        new(MessageReactionRemove,               GuildMessageReactions,        DirectMessageReactions,  null),
        new(MessageReactionRemoveAll,            GuildMessageReactions,        DirectMessageReactions,  null),
        new(MessageReactionRemoveEmoji,          GuildMessageReactions,        DirectMessageReactions,  null),
        new(MessagePollVoteAdd,                  GuildMessagePolls,            DirectMessagePolls,      null),
        new(MessagePollVoteRemove,               GuildMessagePolls,            DirectMessagePolls,      null),
        new(TypingStart,                         GuildMessageTyping,           DirectMessageTyping,     typeof(Events.TypingStart)),
        new(PresenceUpdate,                      GuildPresences,               None,                    typeof(Events.PresenceUpdate)),
        new(UserUpdate,                          None,                         None,                    null),
        new(VoiceStateUpdate,                    GuildVoiceStates,             None,                    null),
        new(VoiceServerUpdate,                   None,                         None,                    null),
        new(VoiceChannelEffectSend,              GuildVoiceStates,             None,                    null),
        new(InteractionCreate,                   None,                         None,                    typeof(Interaction)),
        new(ApplicationCommandPermissionsUpdate, None,                         None,                    null),
        new(AutoModerationRuleCreate,            AutoModerationConfiguration,  None,                    null),
        new(AutoModerationRuleUpdate,            AutoModerationConfiguration,  None,                    null),
        new(AutoModerationRuleDelete,            AutoModerationConfiguration,  None,                    null),
        new(AutoModerationActionExecution,       AutoModerationExecution,      None,                    null),
        new(EntitlementCreate,                   None,                         None,                    null),
        new(EntitlementUpdate,                   None,                         None,                    null),
        new(EntitlementDelete,                   None,                         None,                    null),
        new(SubscriptionCreate,                  None,                         None,                    null),
        new(SubscriptionUpdate,                  None,                         None,                    null),
        new(SubscriptionDelete,                  None,                         None,                    null),
        new(IntegrationCreate,                   GuildIntegrations,            None,                    null),
        new(IntegrationUpdate,                   GuildIntegrations,            None,                    null),
        new(IntegrationDelete,                   GuildIntegrations,            None,                    null),
        new(InviteCreate,                        GuildInvites,                 None,                    null),
        new(InviteDelete,                        GuildInvites,                 None,                    null),
        new(StageInstanceCreate,                 Guilds,                       None,                    null),
        new(StageInstanceUpdate,                 Guilds,                       None,                    null),
        new(StageInstanceDelete,                 Guilds,                       None,                    null),
        new(WebhooksUpdate,                      GuildWebhooks,                None,                    null),
    ];

    private static readonly FrozenDictionary<string, GatewayEventInfo> ByName = Table.ToFrozenDictionary(info => info.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, GatewayEventInfo>.AlternateLookup<ReadOnlySpan<char>> ByNameSpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The longest event name, in bytes.</summary>
    private const int MaxNameLength = 64;

    /// <summary>Every documented dispatch event, grouped as Discord's docs group them.</summary>
    public static IReadOnlyList<GatewayEventInfo> All => Table;

    public static bool TryGet(string name, [NotNullWhen(true)] out GatewayEventInfo? info) => ByName.TryGetValue(name, out info);

    /// <summary>Looks up an event by its UTF-8 name, as read from a payload's <c>t</c>, without allocating.</summary>
    public static bool TryGet(ReadOnlySpan<byte> utf8Name, [NotNullWhen(true)] out GatewayEventInfo? info)
    {
        Span<char> name = stackalloc char[MaxNameLength];
        if (utf8Name.Length > MaxNameLength || Ascii.ToUtf16(utf8Name, name, out var written) != OperationStatus.Done)
        {
            info = null;
            return false;
        }
        return ByNameSpan.TryGetValue(name[..written], out info);
    }
}
