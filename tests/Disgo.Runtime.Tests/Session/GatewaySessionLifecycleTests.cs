using Disgo.Gateway.Session;
using Disgo.Models.Gateway;

namespace Disgo.Runtime.Tests.Session;

public sealed class GatewaySessionLifecycleTests
{
    [Fact]
    public async Task Identify_then_READY_then_every_GUILD_CREATE_reach_the_dispatcher()
    {
        await using var harness = await SessionHarness.StartAsync(o => o.GuildCount = 3);
        var probe = await harness.StartSessionAsync();

        await SessionHarness.WaitUntilAsync(() => probe.Dispatcher.Count("GUILD_CREATE") == 3, "three GUILD_CREATEs arrived");

        var session = probe.Session;
        Assert.Equal(GatewaySessionStatus.Ready, session.Status);
        Assert.True(session.IsHealthy);
        Assert.NotNull(session.SessionId);
        Assert.Equal([1L, 2, 3, 4], probe.Dispatcher.Sequences);
        var ready = probe.Dispatcher.Delivered.First();
        Assert.Equal(("READY", 1L, (string?)null), (ready.EventName, ready.Sequence, ready.SessionId));
        Assert.All(probe.Dispatcher.Delivered.Skip(1), d => Assert.Equal(session.SessionId, d.SessionId));
        Assert.True(probe.WentThrough(0, GatewaySessionStatus.Connecting, GatewaySessionStatus.Identifying, GatewaySessionStatus.Ready));
        var connection = Assert.Single(harness.Connections);
        Assert.Equal("/gateway", connection.Path);
        Assert.Equal((int)GatewayOpcode.Identify, Assert.Single(connection.Received, p => p.Opcode != (int)GatewayOpcode.Heartbeat).Opcode);
        Assert.Empty(harness.Observations.Violations);
    }

    [Fact]
    public async Task StopAsync_closes_with_1000_and_the_gateway_ends_the_session()
    {
        await using var harness = await SessionHarness.StartAsync();
        var probe = await harness.StartSessionAsync();
        Assert.Single(harness.Emulator.Gateway.Sessions);

        await probe.Session.StopAsync().WaitAsync(SessionHarness.SafetyNet);

        await SessionHarness.WaitUntilAsync(() => harness.Connections[0].ClosedAt is not null, "the emulator saw the close");
        Assert.Equal(1000, harness.Connections[0].ClientCloseCode);
        Assert.Empty(harness.Emulator.Gateway.Sessions);
        Assert.Equal(GatewaySessionStatus.Stopped, probe.Session.Status);
        Assert.False(probe.Session.IsHealthy);
        Assert.True(probe.Session.Completion.IsCompletedSuccessfully);
        await SessionHarness.WaitUntilAsync(() => probe.Statuses.LastOrDefault() == GatewaySessionStatus.Stopped, "Stopped was reported");
        Assert.Equal(1000, probe.Changes.Last().CloseCode);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => probe.Session.UpdatePresenceAsync(new UpdatePresence()));
    }

    [Fact]
    public async Task DetachAsync_keeps_the_session_and_a_new_GatewaySession_resumes_it_with_every_event_exactly_once()
    {
        await using var harness = await SessionHarness.StartAsync(o => o.GuildCount = 2);
        var first = await harness.StartSessionAsync();
        for (var i = 0; i < 5; i++)
        {
            harness.EmitMessage($"before detach {i}");
        }

        await SessionHarness.WaitUntilAsync(() => first.Dispatcher.Count("MESSAGE_CREATE") == 5, "the first messages arrived");

        var state = await first.Session.DetachAsync().WaitAsync(SessionHarness.SafetyNet);

        Assert.Equal(first.Session.SessionId, state.SessionId);
        Assert.Equal(first.Dispatcher.Sequences[^1], state.Sequence);
        Assert.Equal(harness.Emulator.ResumeGatewayUrl, state.ResumeGatewayUrl);
        await SessionHarness.WaitUntilAsync(() => harness.Connections[0].ClosedAt is not null, "the emulator saw the close");
        Assert.Equal(4900, harness.Connections[0].ClientCloseCode);
        var kept = Assert.Single(harness.Emulator.Gateway.Sessions);
        Assert.Equal(state.SessionId, kept.SessionId);
        Assert.False(kept.IsConnected);
        Assert.Equal(GatewaySessionStatus.Stopped, first.Session.Status);

        for (var i = 0; i < 5; i++)
        {
            harness.EmitMessage($"while detached {i}");
        }

        var second = harness.Create(harness.Options(o => o.ResumeFrom = state));
        await second.Session.StartAsync().WaitAsync(SessionHarness.SafetyNet);
        harness.EmitMessage("after resume");
        var last = harness.Emulator.Gateway.Sessions[0].Sequence;
        await SessionHarness.WaitUntilAsync(() => second.Dispatcher.Sequences.LastOrDefault() == last, "the second session got every event");

        Assert.Equal(state.SessionId, second.Session.SessionId);
        Assert.Equal(Enumerable.Range(1, (int)last).Select(s => (long)s), first.Dispatcher.Sequences.Concat(second.Dispatcher.Sequences));
        Assert.Equal(1, second.Dispatcher.Count("RESUMED"));
        var resumed = harness.Connections[1];
        Assert.Equal("/resume", resumed.Path);
        Assert.Contains(resumed.Received, p => p.Opcode == (int)GatewayOpcode.Resume);
        Assert.DoesNotContain(resumed.Received, p => p.Opcode == (int)GatewayOpcode.Identify);
    }
}
