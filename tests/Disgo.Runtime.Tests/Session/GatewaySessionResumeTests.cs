using System.Globalization;
using System.Text.RegularExpressions;
using Disgo.Emulator.Gateway;
using Disgo.Emulator.Observation;
using Disgo.Gateway.Session;
using Disgo.Models.Gateway;
using Microsoft.Extensions.Logging;

namespace Disgo.Runtime.Tests.Session;

/// <summary>Every way a connection ends while its session survives: each must resume on the resume URL, losing nothing.</summary>
public sealed partial class GatewaySessionResumeTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task A_missing_heartbeat_ACK_marks_the_connection_zombied_closes_it_with_4900_and_resumes()
    {
        await using var harness = await SessionHarness.StartAsync();
        var probe = await harness.StartSessionAsync();
        var sessionId = probe.Session.SessionId;
        var before = probe.Changes.Count;

        harness.Emulator.Gateway.Inject(new GatewayFault.StopHeartbeatAcks());
        await harness.PumpUntilAsync(() => IsResumed(harness, probe), "the zombied connection was replaced by a resumed one", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(3));

        Assert.True(probe.WentThrough(before, GatewaySessionStatus.Zombied, GatewaySessionStatus.Reconnecting, GatewaySessionStatus.Resuming, GatewaySessionStatus.Ready));
        var zombie = harness.Connections[0];
        await SessionHarness.WaitUntilAsync(() => zombie.ClosedAt is not null, "the zombie was closed");
        Assert.Equal(GatewayCloseCodes.ClientResumableClose, zombie.ClientCloseCode);
        Assert.Null(zombie.ServerCloseCode);
        // One unanswered beat, and no second one: when it came due, the connection was given up instead.
        Assert.Equal(1, zombie.Received.Count(p => p.Opcode == (int)GatewayOpcode.Heartbeat));
        AssertResumedOnResumeUrl(harness, probe, sessionId);
    }

    [Fact]
    public async Task Op_7_Reconnect_resumes_on_the_resume_URL()
    {
        await using var harness = await SessionHarness.StartAsync();
        var probe = await harness.StartSessionAsync();
        var sessionId = probe.Session.SessionId;

        harness.Emulator.Gateway.Inject(new GatewayFault.Reconnect());
        await SessionHarness.WaitUntilAsync(() => IsResumed(harness, probe), "the session resumed");

        Assert.Equal(GatewayCloseCodes.ClientResumableClose, harness.Connections[0].ClientCloseCode);
        AssertResumedOnResumeUrl(harness, probe, sessionId);
    }

    [Fact]
    public async Task Op_9_resumable_resumes_the_session()
    {
        await using var harness = await SessionHarness.StartAsync();
        var probe = await harness.StartSessionAsync();
        var sessionId = probe.Session.SessionId;

        harness.Emulator.Gateway.Inject(new GatewayFault.InvalidSession(Resumable: true));
        await SessionHarness.WaitUntilAsync(() => IsResumed(harness, probe), "the session resumed");

        AssertResumedOnResumeUrl(harness, probe, sessionId);
    }

    [Fact]
    public async Task Op_9_not_resumable_identifies_a_new_session_after_a_random_1_to_5_seconds()
    {
        await using var harness = await SessionHarness.StartAsync();
        var probe = await harness.StartSessionAsync();
        var oldSession = probe.Session.SessionId;
        // Past the identify window of the first Identify, so only the pause after op 9 holds the next one back.
        harness.Time.Advance(TimeSpan.FromSeconds(6));
        var invalidatedAt = harness.Time.GetUtcNow();

        harness.Emulator.Gateway.Inject(new GatewayFault.InvalidSession(Resumable: false));
        await harness.PumpUntilAsync(
            () => probe.Session.IsHealthy && probe.Session.SessionId != oldSession && probe.Session.SessionId is not null,
            "a new session is ready", Step, TimeSpan.FromSeconds(30));

        // The pause as the session chose it; the gateway saw the next connection no sooner.
        var waiting = WaitingLog().Match(Assert.Single(harness.Logs.Entries, e => WaitingLog().IsMatch(e.Message)).Message);
        var pause = TimeSpan.FromMilliseconds(double.Parse(waiting.Groups["ms"].Value, CultureInfo.InvariantCulture));
        Assert.InRange(pause, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        var next = harness.Connections[1];
        Assert.True(next.OpenedAt - invalidatedAt >= pause);
        Assert.Equal("/gateway", next.Path);
        Assert.Contains(next.Received, p => p.Opcode == (int)GatewayOpcode.Identify);
        Assert.DoesNotContain(next.Received, p => p.Opcode == (int)GatewayOpcode.Resume);
        Assert.DoesNotContain(harness.Observations.Violations, v => v.Kind == ViolationKind.IdentifyConcurrency);
        Assert.Equal("READY", probe.Dispatcher.Delivered.Last(d => d.Sequence == 1 && d.EventName == "READY").EventName);
        Assert.Equal(2, probe.Dispatcher.Count("READY"));
    }

    [Fact]
    public async Task A_dropped_TCP_connection_resumes()
    {
        await using var harness = await SessionHarness.StartAsync();
        var probe = await harness.StartSessionAsync();
        var sessionId = probe.Session.SessionId;

        harness.Emulator.Gateway.Inject(new GatewayFault.DropConnection());
        await SessionHarness.WaitUntilAsync(() => IsResumed(harness, probe), "the session resumed");

        Assert.Null(harness.Connections[0].ClientCloseCode);
        AssertResumedOnResumeUrl(harness, probe, sessionId);
    }

    [Fact]
    public async Task A_server_heartbeat_request_is_answered_at_once()
    {
        await using var harness = await SessionHarness.StartAsync();
        var probe = await harness.StartSessionAsync();
        var connection = harness.Connections[0];
        var beats = connection.Received.Count(p => p.Opcode == (int)GatewayOpcode.Heartbeat);

        harness.Emulator.Gateway.Inject(new GatewayFault.RequestHeartbeat());

        // The clock does not move: only the request can have caused this beat.
        await SessionHarness.WaitUntilAsync(() => connection.Received.Count(p => p.Opcode == (int)GatewayOpcode.Heartbeat) == beats + 1, "the heartbeat was sent");
        Assert.True(probe.Session.IsHealthy);
    }

    [Fact]
    public async Task A_malformed_frame_is_logged_and_the_connection_recycled_and_resumed()
    {
        await using var harness = await SessionHarness.StartAsync();
        var probe = await harness.StartSessionAsync();
        var sessionId = probe.Session.SessionId;

        harness.Emulator.Gateway.Inject(new GatewayFault.MalformedFrame());
        await SessionHarness.WaitUntilAsync(() => IsResumed(harness, probe), "the session resumed");

        Assert.True(harness.Logs.Contains(LogLevel.Error, "cannot be decoded"));
        Assert.Equal(GatewayCloseCodes.ClientResumableClose, harness.Connections[0].ClientCloseCode);
        AssertResumedOnResumeUrl(harness, probe, sessionId);
    }

    [Fact]
    public async Task A_resume_URL_that_keeps_failing_its_handshake_is_given_up_for_the_gateway_URL()
    {
        await using var harness = await SessionHarness.StartAsync();
        var probe = await harness.StartSessionAsync(o => o.ResumeUrlFailureLimit = 3);
        var sessionId = probe.Session.SessionId;
        harness.Emulator.Gateway.Inject(new GatewayFault.FailResumeHandshakes(Enabled: true));

        harness.Emulator.Gateway.Inject(new GatewayFault.Reconnect());
        await harness.PumpUntilAsync(() => IsResumed(harness, probe), "the session resumed", Step, TimeSpan.FromMinutes(1));

        Assert.True(harness.Logs.Contains(LogLevel.Warning, "failed 3 handshakes in a row"));
        Assert.Equal(3, harness.Logs.Entries.Count(e => e.Message.Contains("handshake with", StringComparison.Ordinal) && e.Message.Contains("/resume", StringComparison.Ordinal)));
        var fallback = harness.Connections[1];
        Assert.Equal("/gateway", fallback.Path);
        Assert.Contains(fallback.Received, p => p.Opcode == (int)GatewayOpcode.Resume);
        Assert.DoesNotContain(fallback.Received, p => p.Opcode == (int)GatewayOpcode.Identify);
        Assert.Equal(sessionId, probe.Session.SessionId);
    }

    [Fact]
    public async Task Events_sent_while_disconnected_are_replayed_and_every_sequence_reaches_the_dispatcher_exactly_once_in_order()
    {
        await using var harness = await SessionHarness.StartAsync(o => o.GuildCount = 2);
        var probe = await harness.StartSessionAsync();
        for (var i = 0; i < 10; i++)
        {
            harness.EmitMessage($"connected {i}");
        }

        // Keep the session away while events pile up for it: the resume handshake fails until allowed again.
        harness.Emulator.Gateway.Inject(new GatewayFault.FailResumeHandshakes(Enabled: true));
        harness.Emulator.Gateway.Inject(new GatewayFault.DropConnection());
        await SessionHarness.WaitUntilAsync(() => !probe.Session.IsHealthy, "the connection is gone");
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(1, harness.EmitMessage($"disconnected {i}"));
        }

        harness.Emulator.Gateway.Inject(new GatewayFault.FailResumeHandshakes(Enabled: false));
        await harness.PumpUntilAsync(() => probe.Session.IsHealthy, "the session resumed", Step, TimeSpan.FromMinutes(1));
        for (var i = 0; i < 10; i++)
        {
            harness.EmitMessage($"resumed {i}");
        }

        var last = Assert.Single(harness.Emulator.Gateway.Sessions).Sequence;
        await SessionHarness.WaitUntilAsync(() => probe.Dispatcher.Sequences.LastOrDefault() == last, "every event was delivered");
        Assert.Equal(Enumerable.Range(1, (int)last).Select(s => (long)s), probe.Dispatcher.Sequences);
        Assert.Equal(50, probe.Dispatcher.Count("MESSAGE_CREATE"));
        Assert.Equal(1, probe.Dispatcher.Count("RESUMED"));
    }

    [GeneratedRegex(@"waiting (?<ms>[0-9.]+) ms before connecting again")]
    private static partial Regex WaitingLog();

    private static bool IsResumed(SessionHarness harness, SessionProbe probe) =>
        probe.Session.IsHealthy && probe.Dispatcher.Count("RESUMED") > 0
        && harness.Connections.Count >= 2 && harness.Connections[^1].Received.Any(p => p.Opcode == (int)GatewayOpcode.Resume);

    private static void AssertResumedOnResumeUrl(SessionHarness harness, SessionProbe probe, string? sessionId)
    {
        Assert.Equal(2, harness.Connections.Count);
        var resumed = harness.Connections[1];
        Assert.Equal("/resume", resumed.Path);
        Assert.Contains(resumed.Received, p => p.Opcode == (int)GatewayOpcode.Resume);
        Assert.DoesNotContain(resumed.Received, p => p.Opcode == (int)GatewayOpcode.Identify);
        Assert.Equal(sessionId, probe.Session.SessionId);
        Assert.Equal(sessionId, resumed.SessionId);
        Assert.Equal(1, probe.Dispatcher.Count("READY"));
        Assert.Equal(1, probe.Dispatcher.Count("RESUMED"));
        Assert.Equal(Enumerable.Range(1, probe.Dispatcher.Sequences.Count).Select(s => (long)s), probe.Dispatcher.Sequences);
        Assert.Empty(harness.Observations.Violations);
    }
}
