using Disgo.Emulator.Gateway;
using Disgo.Gateway.Session;
using Disgo.Models.Gateway;

namespace Disgo.Runtime.Tests.Session;

/// <summary>Every close code the gateway documents, by what it asks of a client: resume, a new session, or stop.</summary>
public sealed class GatewaySessionCloseCodeTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    public static TheoryData<int> ResumableCodes => [.. Codes(c => c.MayResume)];

    public static TheoryData<int> NewSessionCodes => [.. Codes(c => c.RequiresNewSession)];

    public static TheoryData<int> FatalCodes => [.. Codes(c => c.IsFatal)];

    [Fact]
    public void The_categories_cover_every_documented_code()
    {
        Assert.Equal([4000, 4001, 4002, 4003, 4005, 4008], Codes(c => c.MayResume));
        Assert.Equal([4007, 4009], Codes(c => c.RequiresNewSession));
        Assert.Equal([4004, 4010, 4011, 4012, 4013, 4014], Codes(c => c.IsFatal));
    }

    private static int[] Codes(Func<GatewayCloseCodeInfo, bool> category) =>
        GatewayCloseCodes.All.Where(category).Select(c => c.Code).ToArray();

    [Theory]
    [MemberData(nameof(ResumableCodes))]
    public async Task A_resumable_close_code_resumes_the_same_session_on_the_resume_URL(int code)
    {
        await using var harness = await SessionHarness.StartAsync();
        var probe = await harness.StartSessionAsync();
        var sessionId = probe.Session.SessionId;

        harness.Emulator.Gateway.Inject(new GatewayFault.Close(code));
        await SessionHarness.WaitUntilAsync(
            () => probe.Session.IsHealthy && probe.Dispatcher.Count("RESUMED") == 1, "the session resumed");

        Assert.Equal(code, harness.Connections[0].ServerCloseCode);
        Assert.Contains(probe.Changes, c => c.Current == GatewaySessionStatus.Reconnecting && c.CloseCode == code);
        var resumed = harness.Connections[1];
        Assert.Equal("/resume", resumed.Path);
        Assert.Contains(resumed.Received, p => p.Opcode == (int)GatewayOpcode.Resume);
        Assert.Equal(sessionId, probe.Session.SessionId);
    }

    [Theory]
    [MemberData(nameof(NewSessionCodes))]
    public async Task A_close_code_that_ends_the_session_identifies_a_new_one_on_the_gateway_URL(int code)
    {
        await using var harness = await SessionHarness.StartAsync();
        var probe = await harness.StartSessionAsync();
        var oldSession = probe.Session.SessionId;

        harness.Emulator.Gateway.Inject(new GatewayFault.Close(code));
        await harness.PumpUntilAsync(
            () => probe.Session.IsHealthy && probe.Session.SessionId is { } id && id != oldSession, "a new session is ready", Step, TimeSpan.FromSeconds(30));

        Assert.Contains(probe.Changes, c => c.Current == GatewaySessionStatus.Reconnecting && c.CloseCode == code);
        var next = harness.Connections[1];
        Assert.Equal("/gateway", next.Path);
        Assert.Contains(next.Received, p => p.Opcode == (int)GatewayOpcode.Identify);
        Assert.DoesNotContain(next.Received, p => p.Opcode == (int)GatewayOpcode.Resume);
        // The identify gate kept Discord's 5 s between the two identifies.
        Assert.Empty(harness.Observations.Violations);
    }

    [Theory]
    [MemberData(nameof(FatalCodes))]
    public async Task A_fatal_close_code_stops_the_session_with_an_exception_naming_the_cause_and_the_fix(int code)
    {
        await using var harness = await SessionHarness.StartAsync();
        var probe = await harness.StartSessionAsync();

        harness.Emulator.Gateway.Inject(new GatewayFault.Close(code));

        var exception = await Assert.ThrowsAsync<GatewayFatalCloseException>(() => probe.Session.Completion.WaitAsync(SessionHarness.SafetyNet));
        var expected = GatewayCloseCodes.Get(code);
        Assert.Equal(code, exception.CloseCode.Code);
        Assert.Contains(expected.Cause, exception.Message, StringComparison.Ordinal);
        Assert.Contains(expected.Fix!, exception.Message, StringComparison.Ordinal);
        Assert.Equal(GatewaySessionStatus.Stopped, probe.Session.Status);
        await SessionHarness.WaitUntilAsync(() => probe.Statuses.LastOrDefault() == GatewaySessionStatus.Stopped, "Stopped was reported");
        var stopped = probe.Changes.Last();
        Assert.Equal(code, stopped.CloseCode);
        Assert.Same(exception, stopped.Exception);
        Assert.Single(harness.Connections);
        await Assert.ThrowsAsync<GatewayFatalCloseException>(() => probe.Session.UpdatePresenceAsync(new UpdatePresence()));
    }

    [Fact]
    public async Task A_privileged_intent_the_bot_may_not_use_fails_StartAsync_with_4014_and_the_Developer_Portal_fix()
    {
        await using var harness = await SessionHarness.StartAsync(o => o.AllowedPrivilegedIntents = 0);
        var probe = harness.Create(harness.Options(o => o.Intents = GatewayIntents.Guilds | GatewayIntents.MessageContent));

        var exception = await Assert.ThrowsAsync<GatewayFatalCloseException>(() => probe.Session.StartAsync().WaitAsync(SessionHarness.SafetyNet));

        Assert.Equal(4014, exception.CloseCode.Code);
        Assert.Contains("MessageContent", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Developer Portal", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_the_gateway_rejects_fails_StartAsync_with_4004()
    {
        await using var harness = await SessionHarness.StartAsync();
        // Straight to the gateway: GET /gateway/bot would refuse the token first.
        var probe = harness.Create(harness.Options(o =>
        {
            o.Token = "not-the-token";
            o.GatewayUrl = harness.Emulator.GatewayUrl;
        }));

        var exception = await Assert.ThrowsAsync<GatewayFatalCloseException>(() => probe.Session.StartAsync().WaitAsync(SessionHarness.SafetyNet));

        Assert.Equal(4004, exception.CloseCode.Code);
        Assert.Contains("Reset Token", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_GET_gateway_bot_rejects_fails_StartAsync_without_connecting()
    {
        await using var harness = await SessionHarness.StartAsync();
        var probe = harness.Create(harness.Options(o => o.Token = "not-the-token"));

        var exception = await Assert.ThrowsAsync<GatewayBootstrapException>(() => probe.Session.StartAsync().WaitAsync(SessionHarness.SafetyNet));

        Assert.True(exception.IsFatal);
        Assert.Contains("401", exception.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Connections);
        Assert.Equal(GatewaySessionStatus.Stopped, probe.Session.Status);
    }
}
