using Disgo.Emulator.Gateway;
using Disgo.Emulator.Observation;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>Hello and heartbeating (gateway.mdx "Hello Event", "Sending Heartbeats", "Heartbeat Requests").</summary>
public sealed class HelloAndHeartbeatTests
{
    [Fact]
    public async Task Hello_is_the_first_payload_and_carries_discords_usual_41250_ms_interval_by_default()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var client = await harness.ConnectAsync();

        var hello = await client.ReceiveAsync();

        Assert.Equal(Opcode.Hello, hello.Op);
        Assert.Equal(41_250, hello.D.GetProperty("heartbeat_interval").GetInt32());
        Assert.Null(hello.S);
        Assert.Null(hello.T);
    }

    [Fact]
    public async Task Hello_heartbeat_interval_follows_the_options()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.HeartbeatInterval = TimeSpan.FromMilliseconds(1_234));

        var (_, hello) = await harness.ConnectAndHelloAsync();

        Assert.Equal(1_234, hello.D.GetProperty("heartbeat_interval").GetInt32());
    }

    [Fact]
    public async Task Server_payloads_carry_all_four_envelope_keys()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var (client, hello) = await harness.ConnectAndHelloAsync();

        var ack = await client.HeartbeatAsync();

        foreach (var payload in new[] { hello, ack })
        {
            foreach (var key in new[] { "op", "d", "s", "t" })
                Assert.True(payload.Root.TryGetProperty(key, out _), $"'{key}' missing from {payload}");
        }
    }

    [Fact]
    public async Task Heartbeat_before_identify_is_acknowledged_not_rejected()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var (client, _) = await harness.ConnectAndHelloAsync();

        await client.SendHeartbeatAsync(sequence: null);
        var ack = await client.ReceiveAsync();

        Assert.Equal(Opcode.HeartbeatAck, ack.Op);
        Assert.Null(client.Closure);
    }

    [Fact]
    public async Task Every_heartbeat_with_the_last_sequence_is_acknowledged()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync();

        for (var i = 0; i < 3; i++)
        {
            await session.Client.SendHeartbeatAsync();
            Assert.Equal(Opcode.HeartbeatAck, (await session.Client.ReceiveAsync()).Op);
        }
    }

    [Fact]
    public async Task Heartbeating_every_interval_keeps_the_connection_open_on_virtual_time()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.HeartbeatInterval = TimeSpan.FromSeconds(41.25));
        var session = await harness.IdentifyAsync();

        for (var i = 0; i < 5; i++)
        {
            harness.Advance(harness.Options.HeartbeatInterval);
            await session.Client.HeartbeatAsync();
        }

        Assert.Null(session.Client.Closure);
        Assert.Empty(harness.Emulator.Observations.ViolationsOf(ViolationKind.HeartbeatTimeout));
    }

    [Fact]
    public async Task Stopped_heartbeats_make_the_server_close_with_a_resumable_code_and_record_it()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o.HeartbeatInterval = TimeSpan.FromSeconds(41.25));
        var session = await harness.IdentifyAsync();

        harness.Advance(harness.Options.HeartbeatInterval * 3);
        var code = await session.Client.ExpectCloseAsync();

        // A client closed for missing heartbeats is "forced to resume": the code must not be one that ends the session.
        Assert.NotEqual(1000, code);
        Assert.NotEqual(1001, code);
        Assert.NotEqual(CloseCode.InvalidSeq, code);
        Assert.NotEqual(CloseCode.SessionTimedOut, code);
        Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.HeartbeatTimeout));

        var resumed = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);
        await resumed.ReceiveDispatchAsync("RESUMED");
    }

    [Fact]
    public async Task Server_requested_heartbeat_is_op_1_and_the_immediate_answer_is_acknowledged()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var session = await harness.IdentifyAsync();

        var hit = harness.Emulator.Gateway.Inject(new GatewayFault.RequestHeartbeat(), new(SessionId: session.SessionId));
        await session.Client.ReceiveOpAsync(Opcode.Heartbeat);
        await session.Client.SendHeartbeatAsync();
        var ack = await session.Client.ReceiveAsync();

        Assert.Equal(1, hit);
        Assert.Equal(Opcode.HeartbeatAck, ack.Op);
    }
}
