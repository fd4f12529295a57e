using System.Net;
using Disgo.Emulator.Gateway;
using Disgo.Emulator.Observation;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>Faults on demand through <see cref="GatewayHub.Inject"/>, each seen on the wire the way Discord documents it.</summary>
public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Reconnect_sends_op_7_and_the_session_resumes_afterwards()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();

        var hit = harness.Emulator.Gateway.Inject(new GatewayFault.Reconnect(), new FaultTarget(SessionId: session.SessionId));
        var reconnect = await session.Client.ReceiveOpAsync(Opcode.Reconnect);
        await session.Client.CloseAsync(4000);
        var resumed = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);

        Assert.Equal(1, hit);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reconnect.D.ValueKind);
        await resumed.ReceiveDispatchAsync("RESUMED");
    }

    [Fact]
    public async Task Invalid_session_true_sends_op_9_true_and_the_session_can_be_resumed()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();

        harness.Emulator.Gateway.Inject(new GatewayFault.InvalidSession(Resumable: true), new FaultTarget(SessionId: session.SessionId));
        await SessionAssertions.ExpectInvalidSessionAsync(session.Client, resumable: true);
        await session.Client.CloseAsync(4000);
        var resumed = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);

        await resumed.ReceiveDispatchAsync("RESUMED");
    }

    [Fact]
    public async Task Invalid_session_false_sends_op_9_false_and_the_session_is_gone()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();

        harness.Emulator.Gateway.Inject(new GatewayFault.InvalidSession(Resumable: false), new FaultTarget(SessionId: session.SessionId));
        await SessionAssertions.ExpectInvalidSessionAsync(session.Client, resumable: false);
        await session.Client.CloseAsync(4000);
        var resume = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);

        await SessionAssertions.ExpectInvalidSessionAsync(resume, resumable: false);
    }

    [Theory]
    [InlineData(CloseCode.UnknownError, true)]
    [InlineData(CloseCode.UnknownOpcode, true)]
    [InlineData(CloseCode.SessionTimedOut, false)]
    [InlineData(CloseCode.AuthenticationFailed, false)]
    public async Task Close_sends_the_chosen_code_and_only_session_ending_codes_end_the_session(int code, bool resumable)
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();

        harness.Emulator.Gateway.Inject(new GatewayFault.Close(code), new FaultTarget(SessionId: session.SessionId));
        Assert.Equal(code, await session.Client.ExpectCloseAsync());
        var resume = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);

        if (resumable)
            await resume.ReceiveDispatchAsync("RESUMED");
        else
            await SessionAssertions.ExpectInvalidSessionAsync(resume, resumable: false);
        Assert.Equal(code, harness.Emulator.Observations.Connections.First().ServerCloseCode);
    }

    [Fact]
    public async Task Drop_connection_ends_tcp_without_a_close_frame_and_the_session_resumes()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();

        harness.Emulator.Gateway.Inject(new GatewayFault.DropConnection(), new FaultTarget(SessionId: session.SessionId));
        await session.Client.ExpectAbruptEndAsync();
        var resumed = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);

        await resumed.ReceiveDispatchAsync("RESUMED");
    }

    [Fact]
    public async Task Stopped_heartbeat_acks_make_a_zombie_until_acks_resume()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();

        harness.Emulator.Gateway.Inject(new GatewayFault.StopHeartbeatAcks(), new FaultTarget(SessionId: session.SessionId));
        await session.Client.SendHeartbeatAsync();
        Assert.True(await session.Client.NothingArrivesWithinAsync(TimeSpan.FromMilliseconds(300)), "a zombie connection must not ACK");

        harness.Emulator.Gateway.Inject(new GatewayFault.ResumeHeartbeatAcks(), new FaultTarget(SessionId: session.SessionId));
        await session.Client.SendHeartbeatAsync();
        Assert.Equal(Opcode.HeartbeatAck, (await session.Client.ReceiveAsync()).Op);
    }

    [Fact]
    public async Task Delayed_frames_arrive_only_after_the_delay_and_in_order()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();
        var guild = harness.Emulator.World.Guilds[0];

        harness.Emulator.Gateway.Inject(new GatewayFault.DelayFrames(TimeSpan.FromSeconds(2)), new FaultTarget(SessionId: session.SessionId));
        for (var i = 0; i < 3; i++)
            harness.Emulator.Gateway.Dispatch("MESSAGE_CREATE", TestEvents.MessageCreate(guild.Id, $"late-{i}"), guild.Id);
        await session.Client.SendHeartbeatAsync();
        Assert.True(await session.Client.NothingArrivesWithinAsync(TimeSpan.FromMilliseconds(300)), "frames must be held back");

        harness.Advance(TimeSpan.FromSeconds(2));
        var arrived = await session.Client.CollectUntilAsync(p => p.Op == Opcode.HeartbeatAck);

        Assert.Equal(["late-0", "late-1", "late-2"], arrived.Where(p => p.Op == Opcode.Dispatch).Select(p => p.D.GetProperty("content").GetString()));
    }

    [Fact]
    public async Task Delay_zero_turns_delayed_frames_off()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();
        var target = new FaultTarget(SessionId: session.SessionId);

        harness.Emulator.Gateway.Inject(new GatewayFault.DelayFrames(TimeSpan.FromSeconds(2)), target);
        harness.Emulator.Gateway.Inject(new GatewayFault.DelayFrames(TimeSpan.Zero), target);

        await session.Client.HeartbeatAsync();
    }

    [Theory]
    [InlineData(GatewayCompression.None)]
    [InlineData(GatewayCompression.ZlibStream)]
    [InlineData(GatewayCompression.ZstdStream)]
    public async Task Malformed_frame_is_a_message_that_is_not_json(GatewayCompression compression)
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync(compression: compression);

        harness.Emulator.Gateway.Inject(new GatewayFault.MalformedFrame(), new FaultTarget(SessionId: session.SessionId));
        var message = await session.Client.ReceiveMessageAsync();

        Assert.Null(message.TransportError);
        Assert.Null(message.Payload);
        Assert.NotEmpty(message.Decoded);
    }

    [Fact]
    public async Task Failing_resume_handshakes_answer_http_503_on_the_resume_url_only_until_turned_off()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();
        await session.Client.CloseAsync(4000);

        var hit = harness.Emulator.Gateway.Inject(new GatewayFault.FailResumeHandshakes(Enabled: true), FaultTarget.All);
        var rejected = await Assert.ThrowsAsync<HandshakeRejectedException>(() => harness.ResumeAsync(session, session.Client.LastSequence!.Value));
        var (mainGateway, _) = await harness.ConnectAndHelloAsync();
        harness.Emulator.Gateway.Inject(new GatewayFault.FailResumeHandshakes(Enabled: false), FaultTarget.All);
        var resumed = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);

        Assert.Equal(0, hit);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, rejected.StatusCode);
        Assert.Null(mainGateway.Closure);
        await resumed.ReceiveDispatchAsync("RESUMED");
    }

    [Fact]
    public async Task A_fault_for_every_connection_hits_all_of_them()
    {
        await using var harness = await StartAsync();
        var first = await harness.IdentifyAsync(shard: [0, 2]);
        harness.Advance(harness.Options.IdentifyWindow);
        var second = await harness.IdentifyAsync(shard: [1, 2]);

        var hit = harness.Emulator.Gateway.Inject(new GatewayFault.Reconnect(), FaultTarget.All);

        Assert.Equal(2, hit);
        await first.Client.ReceiveOpAsync(Opcode.Reconnect);
        await second.Client.ReceiveOpAsync(Opcode.Reconnect);
    }

    [Fact]
    public async Task A_fault_for_one_shard_leaves_the_others_alone()
    {
        await using var harness = await StartAsync();
        var first = await harness.IdentifyAsync(shard: [0, 2]);
        harness.Advance(harness.Options.IdentifyWindow);
        var second = await harness.IdentifyAsync(shard: [1, 2]);

        var hit = harness.Emulator.Gateway.Inject(new GatewayFault.Close(CloseCode.UnknownError), new FaultTarget(Shard: new ShardTuple(1, 2)));

        Assert.Equal(1, hit);
        Assert.Equal(CloseCode.UnknownError, await second.Client.ExpectCloseAsync());
        await first.Client.SendHeartbeatAsync();
        Assert.Equal(Opcode.HeartbeatAck, (await first.Client.ReceiveAsync()).Op);
    }

    [Fact]
    public async Task A_fault_for_one_connection_id_hits_only_that_connection()
    {
        await using var harness = await StartAsync();
        var (idle, _) = await harness.ConnectAndHelloAsync();
        var session = await harness.IdentifyAsync();
        var connectionId = harness.Emulator.Observations.Connections.Single(c => c.SessionId == session.SessionId).Id;

        var hit = harness.Emulator.Gateway.Inject(new GatewayFault.Reconnect(), new FaultTarget(ConnectionId: connectionId));

        Assert.Equal(1, hit);
        await session.Client.ReceiveOpAsync(Opcode.Reconnect);
        await idle.SendHeartbeatAsync(null);
        Assert.Equal(Opcode.HeartbeatAck, (await idle.ReceiveAsync()).Op);
    }

    private static Task<EmulatorHarness> StartAsync() => EmulatorHarness.StartAsync(o => o.HeartbeatInterval = TimeSpan.FromHours(1));
}
