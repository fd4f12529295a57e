using System.Globalization;
using System.Net.WebSockets;
using Disgo.Emulator.Gateway;
using Disgo.Emulator.Observation;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.GatewaySmoke;

/// <summary>Gateway behaviour the emulator had to decide where Discord's documentation is silent or thin.</summary>
public sealed class GatewayEdgeSmokeTests
{
    [Fact]
    public async Task Invalid_utf8_in_a_text_frame_closes_with_1007_is_recorded_and_spares_other_connections()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var bystander = await harness.IdentifyAsync();
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var timeout = new CancellationTokenSource(RawGatewayClient.SafetyTimeout);
        await socket.ConnectAsync(new GatewayQuery().ApplyTo(harness.Emulator.GatewayUrl), timeout.Token);
        var buffer = new byte[4096];
        await socket.ReceiveAsync(buffer.AsMemory(), timeout.Token); // Hello

        await socket.SendAsync(new byte[] { (byte)'{', 0xC3, 0x28, (byte)'}' }, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        ValueWebSocketReceiveResult result;
        do
            result = await socket.ReceiveAsync(buffer.AsMemory(), timeout.Token);
        while (result.MessageType != WebSocketMessageType.Close);

        // RFC 6455 makes the WebSocket layer fail the connection with 1007 before the gateway sees a payload.
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, socket.CloseStatus);
        await Eventually.TrueAsync(() => harness.Emulator.Observations.ViolationsOf(ViolationKind.DecodeError).Any(), "the rejected frame is recorded");
        Assert.Equal(Opcode.HeartbeatAck, (await bystander.Client.HeartbeatAsync()).Op);
    }

    [Fact]
    public async Task The_resume_url_with_a_trailing_slash_resumes()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync();
        await session.Client.CloseAsync(4000);

        var client = await harness.ConnectAsync(new Uri(session.ResumeGatewayUrl + "/"), GatewayQuery.Default);
        Assert.Equal(Opcode.Hello, (await client.ReceiveAsync()).Op);
        await client.SendResumeAsync(harness.Token, session.SessionId, session.Client.LastSequence!.Value);

        await client.ReceiveDispatchAsync("RESUMED");
    }

    [Fact]
    public async Task Etf_encoding_is_refused_with_4002_and_says_why()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var client = await harness.ConnectAsync(harness.Emulator.GatewayUrl, new GatewayQuery(Encoding: "etf"));

        var closure = await client.WaitForEndAsync();

        Assert.Equal(CloseCode.DecodeError, closure.Code);
        Assert.Contains("etf", closure.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Emulator.Observations.Violations);
    }

    [Fact]
    public async Task A_resume_from_before_the_replay_buffer_gets_op_9_false_and_ends_the_session()
    {
        await using var harness = await EmulatorHarness.StartAsync(o =>
        {
            o.GuildCount = 8;
            o.ReplayBufferCapacity = 4;
        });
        var session = await harness.IdentifyAsync();
        await session.Client.CloseAsync(4000);

        var resume = await harness.ResumeAsync(session, sequence: 1);

        await SessionAssertions.ExpectInvalidSessionAsync(resume, resumable: false);
        Assert.DoesNotContain(harness.Emulator.Gateway.Sessions, s => s.SessionId == session.SessionId);
    }

    [Fact]
    public async Task Resuming_a_session_that_is_still_connected_moves_it_and_closes_the_old_connection_resumably()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync();

        var resume = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);
        await resume.ReceiveDispatchAsync("RESUMED");

        Assert.Equal(CloseCode.UnknownError, await session.Client.ExpectCloseAsync());
        var info = Assert.Single(harness.Emulator.Gateway.Sessions);
        Assert.True(info.IsConnected);
        Assert.Equal(session.SessionId, harness.Emulator.Observations.FindConnection(info.ConnectionId!.Value)!.SessionId);
        Assert.Equal(1, harness.Emulator.Gateway.Dispatch("MESSAGE_CREATE", """{"content":"after"}"""u8, harness.Emulator.World.Guilds[0].Id));
        Assert.Equal("after", (await resume.ReceiveDispatchAsync("MESSAGE_CREATE")).D.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Events_are_routed_only_to_sessions_whose_intents_cover_them()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var guildsOnly = await harness.IdentifyAsync(intents: Intent.Guilds);
        var guildId = harness.Emulator.World.Guilds[0].Id;

        Assert.Equal(0, harness.Emulator.Gateway.Dispatch("MESSAGE_CREATE", """{"content":"hidden"}"""u8, guildId));
        Assert.Equal(0, harness.Emulator.Gateway.Dispatch("MESSAGE_CREATE", """{"content":"hidden dm"}"""u8, guildId: null));
        Assert.Equal(1, harness.Emulator.Gateway.Dispatch("INTERACTION_CREATE", """{"type":2}"""u8, guildId));

        Assert.Equal(2, (await guildsOnly.Client.ReceiveDispatchAsync("INTERACTION_CREATE")).D.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task Without_the_guilds_intent_ready_is_followed_by_no_guild_create()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync(intents: Intent.GuildMessages, awaitGuildCreates: false);

        harness.Emulator.Gateway.Dispatch("MESSAGE_CREATE", """{"content":"first"}"""u8, harness.Emulator.World.Guilds[0].Id);

        var next = await session.Client.ReceiveAsync();
        Assert.True(next.IsDispatch("MESSAGE_CREATE"), $"Expected MESSAGE_CREATE right after READY, got {next}");
        Assert.Equal(2, next.S);
    }

    [Fact]
    public async Task Voice_state_update_is_answered_with_the_bots_voice_state_and_a_voice_server()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync(intents: Intent.Guilds | 1 << 7);
        var guild = harness.Emulator.World.Guilds[0];

        await session.Client.SendPayloadAsync(4, w =>
        {
            w.WriteStartObject();
            w.WriteString("guild_id", Id(guild.Id));
            w.WriteString("channel_id", Id(guild.ChannelId(0)));
            w.WriteBoolean("self_mute", true);
            w.WriteBoolean("self_deaf", false);
            w.WriteEndObject();
        });

        var state = await session.Client.ReceiveDispatchAsync("VOICE_STATE_UPDATE");
        Assert.Equal(Id(guild.ChannelId(0)), state.D.GetProperty("channel_id").GetString());
        Assert.Equal(Id(harness.Emulator.World.BotUserId), state.D.GetProperty("user_id").GetString());
        Assert.Equal(session.SessionId, state.D.GetProperty("session_id").GetString());
        Assert.True(state.D.GetProperty("self_mute").GetBoolean());
        var server = await session.Client.ReceiveDispatchAsync("VOICE_SERVER_UPDATE");
        Assert.Equal(Id(guild.Id), server.D.GetProperty("guild_id").GetString());
        Assert.False(string.IsNullOrEmpty(server.D.GetProperty("token").GetString()));
    }

    [Fact]
    public async Task A_member_request_for_a_guild_of_another_shard_is_recorded_and_not_answered()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync(shard: [0, 2], intents: EmulatorHarness.DefaultIntents | Intent.GuildMembers);
        var foreign = harness.Emulator.World.Guilds.First(g => Sharding.ShardOf(g.Id, 2) == 1);

        await session.Client.SendRequestGuildMembersAsync(foreign.Id, string.Empty, 0, nonce: "elsewhere");
        await session.Client.HeartbeatAsync();

        Assert.DoesNotContain(session.Client.History, p => p.IsDispatch("GUILD_MEMBERS_CHUNK"));
        var violation = Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.GuildNotOnShard));
        Assert.Equal(new ShardTuple(0, 2), violation.Shard);
    }

    [Fact]
    public async Task Soundboard_and_channel_info_requests_are_answered_for_the_shards_guilds()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync();
        var guilds = harness.Emulator.World.Guilds;

        await session.Client.SendPayloadAsync(31, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("guild_ids");
            w.WriteStringValue(Id(guilds[0].Id));
            w.WriteStringValue(Id(guilds[1].Id));
            w.WriteEndArray();
            w.WriteEndObject();
        });
        await session.Client.SendPayloadAsync(43, w =>
        {
            w.WriteStartObject();
            w.WriteString("guild_id", Id(guilds[2].Id));
            w.WriteStartArray("fields");
            w.WriteStringValue("status");
            w.WriteEndArray();
            w.WriteEndObject();
        });

        Assert.Equal(Id(guilds[0].Id), (await session.Client.ReceiveDispatchAsync("SOUNDBOARD_SOUNDS")).D.GetProperty("guild_id").GetString());
        Assert.Equal(Id(guilds[1].Id), (await session.Client.ReceiveDispatchAsync("SOUNDBOARD_SOUNDS")).D.GetProperty("guild_id").GetString());
        Assert.Equal(Id(guilds[2].Id), (await session.Client.ReceiveDispatchAsync("CHANNEL_INFO")).D.GetProperty("guild_id").GetString());
    }

    [Fact]
    public async Task Dispose_ends_connections_whose_clients_do_not_answer_the_close()
    {
        var harness = await EmulatorHarness.StartAsync();
        await using var client = (await harness.IdentifyAsync()).Client;
        var observations = harness.Emulator.Observations;
        // Held-back frames keep the 1001 close from going out, so the emulator must cut the connection itself.
        harness.Emulator.Gateway.Inject(new GatewayFault.DelayFrames(TimeSpan.FromHours(1)));

        await harness.Emulator.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        await client.WaitForEndAsync();
        Assert.All(observations.Connections, c => Assert.NotNull(c.ClosedAt));
    }

    [Fact]
    public void Dispatch_rejects_data_that_is_not_one_json_value()
    {
        var hub = new EmulatorServices(new EmulatorOptions()).Gateway;

        Assert.Throws<ArgumentException>(() => hub.Dispatch("MESSAGE_CREATE", """{"a":1} {"b":2}"""u8, null));
        Assert.Throws<ArgumentException>(() => hub.Dispatch("MESSAGE_CREATE", """{"a":"""u8, null));
        Assert.Throws<ArgumentException>(() => hub.Dispatch("message_create", "{}"u8, null));
        Assert.Equal(0, hub.Dispatch("MESSAGE_CREATE", "{}"u8, null));
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
