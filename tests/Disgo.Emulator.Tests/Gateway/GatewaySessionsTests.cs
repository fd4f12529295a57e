using Disgo.Emulator.Observation;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary><c>GatewayHub.Sessions</c>: what a test can see of each session, connected or waiting to be resumed.</summary>
public sealed class GatewaySessionsTests
{
    [Fact]
    public async Task Sessions_show_shard_sequence_connection_and_intents()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.HeartbeatInterval = TimeSpan.FromHours(1));
        var first = await harness.IdentifyAsync(shard: [0, 2]);
        harness.Advance(harness.Options.IdentifyWindow);
        var second = await harness.IdentifyAsync(shard: [1, 2], intents: Intent.Guilds);

        var sessions = harness.Emulator.Gateway.Sessions;

        Assert.Equal(2, sessions.Count);
        foreach (var (session, intents) in new[] { (first, EmulatorHarness.DefaultIntents), (second, Intent.Guilds) })
        {
            var info = Assert.Single(sessions, s => s.SessionId == session.SessionId);
            Assert.Equal(new ShardTuple(session.Shard!.Value.Id, session.Shard.Value.Count), info.Shard);
            Assert.Equal(session.Client.LastSequence, (int)info.Sequence);
            Assert.True(info.IsConnected);
            Assert.Equal(harness.Emulator.Observations.Connections.Single(c => c.SessionId == session.SessionId).Id, info.ConnectionId);
            Assert.Equal(intents, info.Intents);
        }
    }

    [Fact]
    public async Task A_session_waiting_to_be_resumed_keeps_counting_sequence_numbers_for_what_it_buffers()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync();
        var last = session.Client.LastSequence!.Value;
        await session.Client.CloseAsync(4000);
        await Eventually.TrueAsync(() => harness.Emulator.Gateway.Sessions.Single().IsConnected == false, "the session is waiting to be resumed");

        var guild = harness.Emulator.World.Guilds[0];
        harness.Emulator.Gateway.Dispatch("MESSAGE_CREATE", TestEvents.MessageCreate(guild.Id, "buffered"), guild.Id);

        var info = harness.Emulator.Gateway.Sessions.Single();
        Assert.Null(info.ConnectionId);
        Assert.Equal(last + 1, info.Sequence);
    }
}
