using Disgo.Emulator.Observation;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>The observation log: what each connection sent, and every broken rule, so tests can assert "no limit was exceeded".</summary>
public sealed class ObservationTests
{
    [Fact]
    public async Task A_well_behaved_client_leaves_no_violations_and_a_full_record()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.HeartbeatInterval = TimeSpan.FromSeconds(41.25));
        var session = await harness.IdentifyAsync(shard: [0, 1], intents: Intent.Guilds | Intent.GuildMembers);

        harness.Advance(TimeSpan.FromSeconds(20));
        await session.Client.HeartbeatAsync();
        await session.Client.SendRequestGuildMembersAsync(harness.Emulator.World.Guilds[0].Id, "", 0);
        await session.Client.ReceiveDispatchAsync("GUILD_MEMBERS_CHUNK");
        await session.Client.SendPresenceUpdateAsync("online");
        harness.Advance(TimeSpan.FromSeconds(20));
        await session.Client.HeartbeatAsync();
        await session.Client.CloseAsync(1000);

        Assert.Empty(harness.Emulator.Observations.Violations);
        var record = Assert.Single(harness.Emulator.Observations.Connections);
        Assert.Equal(
            [Opcode.Identify, Opcode.Heartbeat, Opcode.RequestGuildMembers, Opcode.PresenceUpdate, Opcode.Heartbeat],
            record.Received.Select(r => r.Opcode));
        Assert.Equal(new ShardTuple(0, 1), record.Shard);
        Assert.Equal(session.SessionId, record.SessionId);
        await Eventually.TrueAsync(() => record.ClientCloseCode == 1000, "the client's close code is recorded");
        Assert.Equal(harness.Emulator.GatewayUrl.AbsolutePath, record.Path);
    }

    [Fact]
    public async Task A_resumed_connection_is_recorded_on_the_resume_path_with_its_session()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync(shard: [0, 1]);
        await session.Client.CloseAsync(4000);

        var resumed = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);
        await resumed.ReceiveDispatchAsync("RESUMED");

        var record = harness.Emulator.Observations.Connections.Last();
        Assert.Equal(session.ResumeGatewayUrl.AbsolutePath, record.Path);
        Assert.Equal(session.SessionId, record.SessionId);
        Assert.Equal(new ShardTuple(0, 1), record.Shard);
        Assert.Equal([Opcode.Resume], record.Received.Select(r => r.Opcode));
    }

    [Fact]
    public async Task A_violation_names_its_connection_and_shard_and_the_close_is_recorded()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync(shard: [0, 1]);

        await session.Client.SendPayloadAsync(99);
        Assert.Equal(CloseCode.UnknownOpcode, await session.Client.ExpectCloseAsync());

        var record = Assert.Single(harness.Emulator.Observations.Connections);
        var violation = Assert.Single(harness.Emulator.Observations.Violations);
        Assert.Equal(ViolationKind.UnknownOpcode, violation.Kind);
        Assert.Equal(record.Id, violation.ConnectionId);
        Assert.Equal(new ShardTuple(0, 1), violation.Shard);
        Assert.Equal(harness.Time.GetUtcNow(), violation.At);
        Assert.False(string.IsNullOrWhiteSpace(violation.Detail));
        Assert.Equal(CloseCode.UnknownOpcode, record.ServerCloseCode);
    }

    [Fact]
    public async Task An_undecodable_payload_is_recorded_with_opcode_minus_1()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var (client, _) = await harness.ConnectAndHelloAsync();

        await client.SendTextAsync("garbage");
        await client.ExpectCloseAsync();

        var record = Assert.Single(harness.Emulator.Observations.Connections);
        Assert.Equal(-1, Assert.Single(record.Received).Opcode);
    }
}
