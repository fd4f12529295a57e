using System.Numerics;
using System.Text;
using Disgo.Models;
using Disgo.Models.Events;
using Disgo.Models.Gateway;
using Disgo.Serialization;

namespace Disgo.Runtime.Tests.Models;

public sealed class GatewayEventsTests
{
    // Every dispatch event Discord documents ("Receive Events"), transcribed independently of GatewayEvents.
    private static readonly string[] DocumentedEvents =
    [
        "READY", "RESUMED", "RATE_LIMITED",
        "GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE", "GUILD_AUDIT_LOG_ENTRY_CREATE", "GUILD_BAN_ADD", "GUILD_BAN_REMOVE",
        "GUILD_EMOJIS_UPDATE", "GUILD_STICKERS_UPDATE", "GUILD_INTEGRATIONS_UPDATE", "GUILD_MEMBER_ADD", "GUILD_MEMBER_REMOVE",
        "GUILD_MEMBER_UPDATE", "GUILD_MEMBERS_CHUNK", "GUILD_ROLE_CREATE", "GUILD_ROLE_UPDATE", "GUILD_ROLE_DELETE",
        "GUILD_SCHEDULED_EVENT_CREATE", "GUILD_SCHEDULED_EVENT_UPDATE", "GUILD_SCHEDULED_EVENT_DELETE",
        "GUILD_SCHEDULED_EVENT_USER_ADD", "GUILD_SCHEDULED_EVENT_USER_REMOVE", "GUILD_SOUNDBOARD_SOUND_CREATE",
        "GUILD_SOUNDBOARD_SOUND_UPDATE", "GUILD_SOUNDBOARD_SOUND_DELETE", "GUILD_SOUNDBOARD_SOUNDS_UPDATE", "SOUNDBOARD_SOUNDS",
        "CHANNEL_CREATE", "CHANNEL_UPDATE", "CHANNEL_DELETE", "CHANNEL_PINS_UPDATE", "CHANNEL_INFO",
        "VOICE_CHANNEL_STATUS_UPDATE", "VOICE_CHANNEL_START_TIME_UPDATE", "THREAD_CREATE", "THREAD_UPDATE", "THREAD_DELETE",
        "THREAD_LIST_SYNC", "THREAD_MEMBER_UPDATE", "THREAD_MEMBERS_UPDATE",
        "MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "MESSAGE_DELETE_BULK", "MESSAGE_REACTION_ADD",
        "MESSAGE_REACTION_REMOVE", "MESSAGE_REACTION_REMOVE_ALL", "MESSAGE_REACTION_REMOVE_EMOJI", "MESSAGE_POLL_VOTE_ADD",
        "MESSAGE_POLL_VOTE_REMOVE", "TYPING_START",
        "PRESENCE_UPDATE", "USER_UPDATE", "VOICE_STATE_UPDATE", "VOICE_SERVER_UPDATE", "VOICE_CHANNEL_EFFECT_SEND",
        "INTERACTION_CREATE", "APPLICATION_COMMAND_PERMISSIONS_UPDATE", "AUTO_MODERATION_RULE_CREATE",
        "AUTO_MODERATION_RULE_UPDATE", "AUTO_MODERATION_RULE_DELETE", "AUTO_MODERATION_ACTION_EXECUTION",
        "ENTITLEMENT_CREATE", "ENTITLEMENT_UPDATE", "ENTITLEMENT_DELETE", "SUBSCRIPTION_CREATE", "SUBSCRIPTION_UPDATE",
        "SUBSCRIPTION_DELETE", "INTEGRATION_CREATE", "INTEGRATION_UPDATE", "INTEGRATION_DELETE", "INVITE_CREATE",
        "INVITE_DELETE", "STAGE_INSTANCE_CREATE", "STAGE_INSTANCE_UPDATE", "STAGE_INSTANCE_DELETE", "WEBHOOKS_UPDATE",
    ];

    // Discord's intents table: which events each intent gates. THREAD_MEMBERS_UPDATE is also listed under GuildMembers
    // with a footnote: Guilds gates it, GuildMembers only widens it to other users, so it is not a gate of its own.
    public static TheoryData<GatewayIntents, string[]> DocumentedGates => new()
    {
        { GatewayIntents.Guilds, ["GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE", "GUILD_ROLE_CREATE", "GUILD_ROLE_UPDATE",
            "GUILD_ROLE_DELETE", "CHANNEL_CREATE", "CHANNEL_UPDATE", "CHANNEL_DELETE", "CHANNEL_PINS_UPDATE", "THREAD_CREATE",
            "THREAD_UPDATE", "THREAD_DELETE", "THREAD_LIST_SYNC", "THREAD_MEMBER_UPDATE", "THREAD_MEMBERS_UPDATE",
            "STAGE_INSTANCE_CREATE", "STAGE_INSTANCE_UPDATE", "STAGE_INSTANCE_DELETE", "VOICE_CHANNEL_STATUS_UPDATE",
            "VOICE_CHANNEL_START_TIME_UPDATE"] },
        { GatewayIntents.GuildMembers, ["GUILD_MEMBER_ADD", "GUILD_MEMBER_UPDATE", "GUILD_MEMBER_REMOVE"] },
        { GatewayIntents.GuildModeration, ["GUILD_AUDIT_LOG_ENTRY_CREATE", "GUILD_BAN_ADD", "GUILD_BAN_REMOVE"] },
        { GatewayIntents.GuildExpressions, ["GUILD_EMOJIS_UPDATE", "GUILD_STICKERS_UPDATE", "GUILD_SOUNDBOARD_SOUND_CREATE",
            "GUILD_SOUNDBOARD_SOUND_UPDATE", "GUILD_SOUNDBOARD_SOUND_DELETE", "GUILD_SOUNDBOARD_SOUNDS_UPDATE"] },
        { GatewayIntents.GuildIntegrations, ["GUILD_INTEGRATIONS_UPDATE", "INTEGRATION_CREATE", "INTEGRATION_UPDATE", "INTEGRATION_DELETE"] },
        { GatewayIntents.GuildWebhooks, ["WEBHOOKS_UPDATE"] },
        { GatewayIntents.GuildInvites, ["INVITE_CREATE", "INVITE_DELETE"] },
        { GatewayIntents.GuildVoiceStates, ["VOICE_CHANNEL_EFFECT_SEND", "VOICE_STATE_UPDATE"] },
        { GatewayIntents.GuildPresences, ["PRESENCE_UPDATE"] },
        { GatewayIntents.GuildMessages, ["MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "MESSAGE_DELETE_BULK"] },
        { GatewayIntents.GuildMessageReactions, ["MESSAGE_REACTION_ADD", "MESSAGE_REACTION_REMOVE", "MESSAGE_REACTION_REMOVE_ALL", "MESSAGE_REACTION_REMOVE_EMOJI"] },
        { GatewayIntents.GuildMessageTyping, ["TYPING_START"] },
        { GatewayIntents.DirectMessages, ["MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "CHANNEL_PINS_UPDATE"] },
        { GatewayIntents.DirectMessageReactions, ["MESSAGE_REACTION_ADD", "MESSAGE_REACTION_REMOVE", "MESSAGE_REACTION_REMOVE_ALL", "MESSAGE_REACTION_REMOVE_EMOJI"] },
        { GatewayIntents.DirectMessageTyping, ["TYPING_START"] },
        { GatewayIntents.GuildScheduledEvents, ["GUILD_SCHEDULED_EVENT_CREATE", "GUILD_SCHEDULED_EVENT_UPDATE",
            "GUILD_SCHEDULED_EVENT_DELETE", "GUILD_SCHEDULED_EVENT_USER_ADD", "GUILD_SCHEDULED_EVENT_USER_REMOVE"] },
        { GatewayIntents.AutoModerationConfiguration, ["AUTO_MODERATION_RULE_CREATE", "AUTO_MODERATION_RULE_UPDATE", "AUTO_MODERATION_RULE_DELETE"] },
        { GatewayIntents.AutoModerationExecution, ["AUTO_MODERATION_ACTION_EXECUTION"] },
        { GatewayIntents.GuildMessagePolls, ["MESSAGE_POLL_VOTE_ADD", "MESSAGE_POLL_VOTE_REMOVE"] },
        { GatewayIntents.DirectMessagePolls, ["MESSAGE_POLL_VOTE_ADD", "MESSAGE_POLL_VOTE_REMOVE"] },
    };

    // Discord's list of events no intent gates.
    private static readonly string[] DocumentedUngated =
    [
        "READY", "RESUMED", "RATE_LIMITED", "APPLICATION_COMMAND_PERMISSIONS_UPDATE", "CHANNEL_INFO", "ENTITLEMENT_CREATE",
        "ENTITLEMENT_UPDATE", "ENTITLEMENT_DELETE", "GUILD_MEMBERS_CHUNK", "INTERACTION_CREATE", "SOUNDBOARD_SOUNDS",
        "SUBSCRIPTION_CREATE", "SUBSCRIPTION_UPDATE", "SUBSCRIPTION_DELETE", "USER_UPDATE", "VOICE_SERVER_UPDATE",
    ];

    [Fact]
    public void The_table_lists_every_documented_event_once()
    {
        var names = GatewayEvents.All.Select(info => info.Name).ToArray();

        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.Equal(DocumentedEvents.Order(), names.Order());
    }

    [Theory]
    [MemberData(nameof(DocumentedGates))]
    public void Each_intent_gates_the_events_Discord_lists_for_it(GatewayIntents intent, string[] events)
    {
        var gated = GatewayEvents.All.Where(info => (info.AnyIntents & intent) != 0).Select(info => info.Name);

        Assert.Equal(events.Order(), gated.Order());
    }

    [Fact]
    public void Exactly_the_documented_ungated_events_have_no_intent()
    {
        var ungated = GatewayEvents.All.Where(info => info.IsUngated).Select(info => info.Name);

        Assert.Equal(DocumentedUngated.Order(), ungated.Order());
    }

    [Fact]
    public void Every_gate_is_a_single_documented_intent_other_than_message_content()
    {
        Assert.All(GatewayEvents.All, info =>
        {
            foreach (var gate in new[] { info.GuildIntents, info.DirectMessageIntents })
            {
                if (gate == GatewayIntents.None)
                    continue;
                Assert.Equal(1, BitOperations.PopCount((ulong)gate));
                Assert.True(gate.IsDocumented(), $"{info.Name} is gated by undocumented bits {gate}.");
                Assert.NotEqual(GatewayIntents.MessageContent, gate);
            }
        });
    }

    [Fact]
    public void Message_create_is_gated_by_guild_messages_in_guilds_and_direct_messages_in_DMs()
    {
        Assert.True(GatewayEvents.TryGet(GatewayEvents.MessageCreate, out var info));

        Assert.Equal(GatewayIntents.GuildMessages, info.GuildIntents);
        Assert.Equal(GatewayIntents.DirectMessages, info.DirectMessageIntents);
        Assert.Equal(typeof(Message), info.ModelType);
    }

    [Theory]
    [InlineData("READY", typeof(Ready))]
    [InlineData("RESUMED", typeof(Resumed))]
    [InlineData("RATE_LIMITED", typeof(RateLimited))]
    [InlineData("GUILD_CREATE", typeof(GuildCreate))]
    [InlineData("GUILD_DELETE", typeof(GuildDelete))]
    [InlineData("GUILD_MEMBERS_CHUNK", typeof(GuildMembersChunk))]
    [InlineData("MESSAGE_CREATE", typeof(Message))]
    [InlineData("MESSAGE_UPDATE", typeof(Message))]
    [InlineData("MESSAGE_DELETE", typeof(MessageDelete))]
    [InlineData("MESSAGE_REACTION_ADD", typeof(MessageReactionAdd))]
    [InlineData("TYPING_START", typeof(TypingStart))]
    [InlineData("PRESENCE_UPDATE", typeof(PresenceUpdate))]
    [InlineData("INTERACTION_CREATE", typeof(Interaction))]
    public void Modelled_events_name_their_model(string name, Type model)
    {
        Assert.True(GatewayEvents.TryGet(name, out var info));
        Assert.Equal(model, info.ModelType);
    }

    [Fact]
    public void Every_model_in_the_table_has_JSON_metadata_in_the_context()
    {
        Assert.All(GatewayEvents.All.Where(info => info.ModelType is not null), info =>
            Assert.NotNull(DisgoJsonContext.Default.GetTypeInfo(info.ModelType!)));
    }

    [Fact]
    public void Name_constants_match_the_table()
    {
        Assert.All(GatewayEvents.All, info => Assert.True(GatewayEvents.TryGet(Encoding.ASCII.GetBytes(info.Name), out var found) && ReferenceEquals(info, found)));
        Assert.Equal("MESSAGE_CREATE", GatewayEvents.MessageCreate);
        Assert.Equal("GUILD_SOUNDBOARD_SOUNDS_UPDATE", GatewayEvents.GuildSoundboardSoundsUpdate);
    }

    [Theory]
    [InlineData("")]
    [InlineData("message_create")]
    [InlineData("MESSAGE_CREATE ")]
    [InlineData("HELLO")]
    [InlineData("MESSAGE_CRÉATE")]
    [InlineData("AN_EVENT_NAME_FAR_LONGER_THAN_ANY_EVENT_DISCORD_HAS_EVER_DEFINED_IN_ITS_GATEWAY")]
    public void Unknown_names_are_not_found(string name)
    {
        Assert.False(GatewayEvents.TryGet(Encoding.UTF8.GetBytes(name), out var info));
        Assert.Null(info);
        Assert.False(GatewayEvents.TryGet(name, out _));
    }

    [Fact]
    public void Looking_up_a_UTF8_name_does_not_allocate()
    {
        var name = "MESSAGE_REACTION_REMOVE_EMOJI"u8.ToArray();
        GatewayEvents.TryGet(name, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
            Assert.True(GatewayEvents.TryGet(name, out _));

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
