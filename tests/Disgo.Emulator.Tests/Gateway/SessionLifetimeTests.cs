using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>
/// How long a session outlives its connection (gateway.mdx "Disconnecting"): a client close with 1000 or 1001
/// invalidates it at once; any other code, or a dropped TCP connection, keeps it resumable for a while.
/// </summary>
public sealed class SessionLifetimeTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData(1000)]
    [InlineData(1001)]
    public async Task A_client_close_with_1000_or_1001_invalidates_the_session_at_once(int code)
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();

        await session.Client.CloseAsync(code);
        var resume = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);

        await SessionAssertions.ExpectInvalidSessionAsync(resume, resumable: false);
        Assert.DoesNotContain(harness.Emulator.Gateway.Sessions, s => s.SessionId == session.SessionId);
        Assert.Equal(code, harness.Emulator.Observations.FindConnection(ConnectionIdOf(harness, session))!.ClientCloseCode);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4999)]
    [InlineData(3000)]
    public async Task A_client_close_with_another_code_keeps_the_session_resumable(int code)
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();

        await session.Client.CloseAsync(code);
        await WaitUntilDisconnectedAsync(harness, session);
        var resume = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);

        await resume.ReceiveDispatchAsync("RESUMED");
        Assert.Equal(code, harness.Emulator.Observations.FindConnection(ConnectionIdOf(harness, session))!.ClientCloseCode);
    }

    [Fact]
    public async Task A_session_closed_with_4000_is_still_resumable_just_before_the_ttl()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();
        await session.Client.CloseAsync(4000);
        await WaitUntilDisconnectedAsync(harness, session);

        harness.Advance(Ttl - TimeSpan.FromSeconds(1));
        var resume = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);

        await resume.ReceiveDispatchAsync("RESUMED");
    }

    [Fact]
    public async Task A_session_closed_with_4000_expires_after_the_ttl()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();
        await session.Client.CloseAsync(4000);
        await WaitUntilDisconnectedAsync(harness, session);

        harness.Advance(Ttl + TimeSpan.FromSeconds(1));
        var resume = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);

        await SessionAssertions.ExpectInvalidSessionAsync(resume, resumable: false);
    }

    [Fact]
    public async Task A_dropped_tcp_connection_keeps_the_session_resumable()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();

        await session.Client.AbortAsync();
        await WaitUntilDisconnectedAsync(harness, session);
        var resume = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);

        await resume.ReceiveDispatchAsync("RESUMED");
        Assert.Null(harness.Emulator.Observations.FindConnection(ConnectionIdOf(harness, session))!.ClientCloseCode);
    }

    [Fact]
    public async Task A_session_whose_tcp_connection_dropped_expires_after_the_ttl()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();
        await session.Client.AbortAsync();
        await WaitUntilDisconnectedAsync(harness, session);

        harness.Advance(Ttl + TimeSpan.FromSeconds(1));
        var resume = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);

        await SessionAssertions.ExpectInvalidSessionAsync(resume, resumable: false);
    }

    [Fact]
    public async Task A_resumed_session_gets_a_fresh_ttl_after_its_next_disconnect()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();
        await session.Client.CloseAsync(4000);
        await WaitUntilDisconnectedAsync(harness, session);
        harness.Advance(Ttl - TimeSpan.FromSeconds(10));
        var resumed = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);
        await resumed.ReceiveDispatchAsync("RESUMED");
        await resumed.CloseAsync(4000);
        await WaitUntilDisconnectedAsync(harness, session);

        harness.Advance(Ttl - TimeSpan.FromSeconds(10));
        var again = await harness.ResumeAsync(session, resumed.LastSequence!.Value);

        await again.ReceiveDispatchAsync("RESUMED");
    }

    private static Task<EmulatorHarness> StartAsync() => EmulatorHarness.StartAsync(o =>
    {
        o.SessionResumeTtl = Ttl;
        o.HeartbeatInterval = TimeSpan.FromHours(1);
    });

    private static long ConnectionIdOf(EmulatorHarness harness, IdentifiedSession session) =>
        harness.Emulator.Observations.Connections.First(c => c.SessionId == session.SessionId).Id;

    // The emulator notices a close or a dropped connection on its own read loop and starts the TTL then: wait for it
    // before moving the clock, or the TTL would start after the jump.
    private static Task WaitUntilDisconnectedAsync(EmulatorHarness harness, IdentifiedSession session) =>
        Eventually.TrueAsync(
            () => harness.Emulator.Gateway.Sessions.Any(s => s.SessionId == session.SessionId && !s.IsConnected),
            "the emulator sees the dropped connection");
}
