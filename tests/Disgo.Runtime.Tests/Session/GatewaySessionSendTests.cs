using Disgo.Emulator.Gateway;
using Disgo.Emulator.Observation;
using Disgo.Gateway.Session;
using Disgo.Models;
using Disgo.Models.Gateway;

namespace Disgo.Runtime.Tests.Session;

/// <summary>The send path: user commands wait for the budget, heartbeats never wait for them, and the gateway never sees too many.</summary>
public sealed class GatewaySessionSendTests
{
    [Fact]
    public async Task A_flood_of_300_user_commands_never_delays_a_heartbeat_and_never_trips_4008()
    {
        var interval = TimeSpan.FromSeconds(5);
        var step = TimeSpan.FromMilliseconds(500);
        await using var harness = await SessionHarness.StartAsync(o => o.HeartbeatInterval = interval);
        var probe = await harness.StartSessionAsync();
        var guild = new Snowflake(harness.Emulator.World.Guilds[0].Id);
        var sends = new List<Task>();
        for (var i = 0; i < 300; i++)
        {
            sends.Add(i % 15 == 0
                ? probe.Session.UpdatePresenceAsync(new UpdatePresence { Status = i % 2 == 0 ? PresenceStatus.Online : PresenceStatus.Idle })
                : probe.Session.UpdateVoiceStateAsync(new UpdateVoiceState { GuildId = guild, ChannelId = null }));
        }

        var connection = Assert.Single(harness.Connections);

        // The clock never runs more than a step past a beat's due time before the gateway has seen that beat, and never
        // before the session has processed the ACK of every beat the gateway saw: on a loaded machine the ACK may still
        // be on its way in real time, and a clock moved past the next beat would make the session (rightly) call the
        // connection a zombie.
        await harness.PumpUntilAsync(
            () => sends.TrueForAll(t => t.IsCompleted),
            "every command went out",
            step,
            TimeSpan.FromMinutes(4),
            mayAdvance: () => harness.Time.GetUtcNow() < LastBeat(connection) + interval && probe.Session.HeartbeatAcks >= Beats(connection));

        Assert.All(sends, t => Assert.True(t.IsCompletedSuccessfully));
        Assert.Single(harness.Connections);
        Assert.Null(connection.ServerCloseCode);
        await SessionHarness.WaitUntilAsync(
            () => connection.Received.Count(p => p.Opcode is (int)GatewayOpcode.PresenceUpdate or (int)GatewayOpcode.VoiceStateUpdate) == 300,
            "the gateway received all 300 commands");
        Assert.DoesNotContain(harness.Observations.Violations, v => v.Kind is ViolationKind.SendLimit or ViolationKind.PresenceLimit or ViolationKind.HeartbeatTimeout);
        Assert.DoesNotContain(probe.Statuses, s => s is GatewaySessionStatus.Zombied or GatewaySessionStatus.Reconnecting);
        // The commands needed more than two full windows; every beat in that time went out on its schedule.
        var beats = connection.Received.Where(p => p.Opcode == (int)GatewayOpcode.Heartbeat).Select(p => p.At).ToArray();
        Assert.True(harness.Time.GetUtcNow() - connection.OpenedAt > TimeSpan.FromSeconds(120));
        Assert.True(beats.Length >= 24, $"only {beats.Length} heartbeats");
        // Arrival times are on a clock the test moves in steps, so a beat may be seen up to a couple of steps late.
        for (var i = 1; i < beats.Length; i++)
        {
            Assert.InRange(beats[i] - beats[i - 1], interval / 2, interval + (2 * step));
        }
    }

    private static int Beats(ConnectionRecord connection) => connection.Received.Count(p => p.Opcode == (int)GatewayOpcode.Heartbeat);

    private static DateTimeOffset LastBeat(ConnectionRecord connection) =>
        connection.Received.Where(p => p.Opcode == (int)GatewayOpcode.Heartbeat).Select(p => p.At).DefaultIfEmpty(connection.OpenedAt).Max();

    [Fact]
    public async Task RequestGuildMembersAsync_gathers_every_chunk_of_the_answer()
    {
        await using var harness = await SessionHarness.StartAsync(o => o.MembersPerGuild = 2500);
        var probe = await harness.StartSessionAsync(o => o.Intents |= GatewayIntents.GuildMembers);
        var guild = new Snowflake(harness.Emulator.World.Guilds[0].Id);

        var result = await probe.Session.RequestGuildMembersAsync(new RequestGuildMembers { GuildId = guild, Query = "", Limit = 0 })
            .WaitAsync(SessionHarness.SafetyNet);

        Assert.Equal(guild, result.GuildId);
        Assert.Equal(3, result.ChunkCount);
        Assert.Equal(2500, result.Members.Count);
        Assert.Equal(2500, result.Members.Select(m => m.User!.Id).Distinct().Count());
        // The dispatcher gets the chunks as events too.
        await SessionHarness.WaitUntilAsync(
            () => probe.Dispatcher.Delivered.Count(d => d.EventName == "GUILD_MEMBERS_CHUNK" && d.Data.Contains(result.Nonce, StringComparison.Ordinal)) == 3,
            "the dispatcher got the three chunks");
    }

    [Fact]
    public async Task RequestGuildMembersAsync_by_user_ids_reports_the_ones_not_found()
    {
        await using var harness = await SessionHarness.StartAsync(o => o.MembersPerGuild = 10);
        var probe = await harness.StartSessionAsync(o => o.Intents |= GatewayIntents.GuildMembers);
        var world = harness.Emulator.World.Guilds[0];
        var member = new Snowflake(world.MemberUserId(3));
        var stranger = new Snowflake(42);

        var result = await probe.Session.RequestGuildMembersAsync(new RequestGuildMembers { GuildId = new Snowflake(world.Id), UserIds = [member, stranger], Nonce = "mine" })
            .WaitAsync(SessionHarness.SafetyNet);

        Assert.Equal("mine", result.Nonce);
        Assert.Equal(member, Assert.Single(result.Members).User!.Id);
        Assert.Equal(stranger, Assert.Single(result.NotFound));
    }

    [Fact]
    public async Task A_full_member_list_asked_twice_within_30_seconds_fails_with_the_retry_after_from_RATE_LIMITED()
    {
        await using var harness = await SessionHarness.StartAsync(o => o.MembersPerGuild = 5);
        var probe = await harness.StartSessionAsync(o => o.Intents |= GatewayIntents.GuildMembers);
        var guild = new Snowflake(harness.Emulator.World.Guilds[0].Id);
        await probe.Session.RequestGuildMembersAsync(new RequestGuildMembers { GuildId = guild, Query = "", Limit = 0 }).WaitAsync(SessionHarness.SafetyNet);
        harness.Time.Advance(TimeSpan.FromSeconds(10));

        var exception = await Assert.ThrowsAsync<GatewayRateLimitedException>(() =>
            probe.Session.RequestGuildMembersAsync(new RequestGuildMembers { GuildId = guild, Query = "", Limit = 0 }).WaitAsync(SessionHarness.SafetyNet));

        Assert.Equal(GatewayOpcode.RequestGuildMembers, exception.Opcode);
        Assert.Equal(guild, exception.GuildId);
        Assert.InRange(exception.RetryAfter, TimeSpan.FromSeconds(19), TimeSpan.FromSeconds(20));
        Assert.Contains("retry after", exception.Message, StringComparison.Ordinal);
        Assert.True(probe.Session.IsHealthy);
    }

    [Fact]
    public async Task A_member_request_for_a_guild_on_another_shard_is_refused_before_sending()
    {
        await using var harness = await SessionHarness.StartAsync(o => o.GuildCount = 8);
        var probe = await harness.StartSessionAsync(o => o.Shard = new ShardInfo(0, 2));
        var elsewhere = harness.Emulator.World.Guilds.First(g => new Snowflake(g.Id).ShardId(2) == 1);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() =>
            probe.Session.RequestGuildMembersAsync(new RequestGuildMembers { GuildId = new Snowflake(elsewhere.Id), Query = "", Limit = 0 }));

        Assert.Contains("shard 1 of 2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_sent_while_the_session_is_away_goes_out_once_it_has_resumed()
    {
        await using var harness = await SessionHarness.StartAsync();
        var probe = await harness.StartSessionAsync();
        harness.Emulator.Gateway.Inject(new GatewayFault.FailResumeHandshakes(Enabled: true));
        harness.Emulator.Gateway.Inject(new GatewayFault.DropConnection());
        await SessionHarness.WaitUntilAsync(() => !probe.Session.IsHealthy, "the connection is gone");

        var sending = probe.Session.UpdatePresenceAsync(new UpdatePresence { Status = PresenceStatus.DoNotDisturb });
        Assert.False(sending.IsCompleted);
        harness.Emulator.Gateway.Inject(new GatewayFault.FailResumeHandshakes(Enabled: false));
        await harness.PumpUntilAsync(() => sending.IsCompleted, "the command went out", TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(1));

        await sending;
        var resumed = harness.Connections[^1];
        await SessionHarness.WaitUntilAsync(() => resumed.Received.Any(p => p.Opcode == (int)GatewayOpcode.PresenceUpdate), "the gateway received the command");
        Assert.Equal("/resume", resumed.Path);
        Assert.DoesNotContain(harness.Connections[0].Received, p => p.Opcode == (int)GatewayOpcode.PresenceUpdate);
    }

    [Fact]
    public async Task A_waiting_command_can_be_cancelled_and_is_then_never_sent()
    {
        await using var harness = await SessionHarness.StartAsync();
        var probe = await harness.StartSessionAsync();
        var guild = new Snowflake(harness.Emulator.World.Guilds[0].Id);
        var first = Enumerable.Range(0, 5).Select(_ => probe.Session.UpdatePresenceAsync(new UpdatePresence())).ToArray();
        await Task.WhenAll(first).WaitAsync(SessionHarness.SafetyNet);
        using var cancel = new CancellationTokenSource();

        var sixth = probe.Session.UpdatePresenceAsync(new UpdatePresence(), cancel.Token);
        Assert.False(sixth.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sixth.WaitAsync(SessionHarness.SafetyNet));
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        await probe.Session.UpdateVoiceStateAsync(new UpdateVoiceState { GuildId = guild }).WaitAsync(SessionHarness.SafetyNet);

        // Sends keep their order on the socket: once the later command arrived, the cancelled one would have too.
        var received = harness.Connections[0].Received;
        await SessionHarness.WaitUntilAsync(() => received.Any(p => p.Opcode == (int)GatewayOpcode.VoiceStateUpdate), "the later command arrived");
        Assert.Equal(5, received.Count(p => p.Opcode == (int)GatewayOpcode.PresenceUpdate));
    }

    [Theory]
    [InlineData(GatewayOpcode.Heartbeat)]
    [InlineData(GatewayOpcode.Identify)]
    [InlineData(GatewayOpcode.Resume)]
    [InlineData(GatewayOpcode.HeartbeatAck)]
    public async Task SendAsync_refuses_opcodes_that_are_not_user_commands(GatewayOpcode opcode)
    {
        await using var harness = await SessionHarness.StartAsync();
        var probe = harness.Create(harness.Options());

        await Assert.ThrowsAsync<ArgumentException>(() =>
            probe.Session.SendAsync(opcode, new UpdatePresence(), Disgo.Serialization.DisgoJsonContext.Default.UpdatePresence));
    }
}
