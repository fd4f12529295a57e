using Disgo.Emulator.Observation;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>
/// The send limit (gateway.mdx "Rate Limiting"): 120 payloads per 60 s per connection, every payload counted
/// (Identify and heartbeats included), one more closes with 4008; a new connection starts a new count.
/// </summary>
public sealed class SendLimitTests
{
    [Fact]
    public async Task The_121st_payload_within_60_seconds_closes_with_4008_and_is_recorded()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync(shard: [0, 1]);

        // Identify was payload 1 of 120.
        await SendHeartbeatsAsync(session.Client, GatewayLimit.PayloadsPerWindow - 1);
        await session.Client.SendHeartbeatAsync();

        Assert.Equal(CloseCode.RateLimited, await session.Client.ExpectCloseAsync());
        Assert.Equal(GatewayLimit.PayloadsPerWindow - 1, session.Client.History.Count(p => p.Op == Opcode.HeartbeatAck));
        var violation = Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.SendLimit));
        Assert.Equal(new ShardTuple(0, 1), violation.Shard);
    }

    [Fact]
    public async Task A_new_connection_starts_a_fresh_count_even_for_the_same_session()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();
        await SendHeartbeatsAsync(session.Client, GatewayLimit.PayloadsPerWindow);
        Assert.Equal(CloseCode.RateLimited, await session.Client.ExpectCloseAsync());

        var resumed = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);
        await resumed.ReceiveDispatchAsync("RESUMED");
        // Resume was payload 1 of 120 on this connection.
        await SendHeartbeatsAsync(resumed, GatewayLimit.PayloadsPerWindow - 1);
        for (var i = 0; i < GatewayLimit.PayloadsPerWindow - 1; i++)
            await resumed.ReceiveOpAsync(Opcode.HeartbeatAck);

        Assert.Null(resumed.Closure);
        Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.SendLimit));
    }

    [Fact]
    public async Task The_count_starts_over_after_60_seconds()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();
        await SendHeartbeatsAsync(session.Client, GatewayLimit.PayloadsPerWindow - 1);
        await ReceiveAcksAsync(session.Client, GatewayLimit.PayloadsPerWindow - 1);

        harness.Advance(GatewayLimit.SendWindow + TimeSpan.FromSeconds(1));
        await SendHeartbeatsAsync(session.Client, GatewayLimit.PayloadsPerWindow);
        await ReceiveAcksAsync(session.Client, GatewayLimit.PayloadsPerWindow);

        Assert.Null(session.Client.Closure);
        Assert.Empty(harness.Emulator.Observations.ViolationsOf(ViolationKind.SendLimit));
    }

    [Fact]
    public async Task Separate_connections_have_separate_counts()
    {
        await using var harness = await StartAsync();
        var first = await harness.IdentifyAsync(shard: [0, 2]);
        harness.Advance(harness.Options.IdentifyWindow);
        var second = await harness.IdentifyAsync(shard: [1, 2]);

        await SendHeartbeatsAsync(first.Client, 100);
        await SendHeartbeatsAsync(second.Client, 100);
        await ReceiveAcksAsync(first.Client, 100);
        await ReceiveAcksAsync(second.Client, 100);

        Assert.Empty(harness.Emulator.Observations.ViolationsOf(ViolationKind.SendLimit));
    }

    // Heartbeats would otherwise time out while the clock moves past the send window.
    private static Task<EmulatorHarness> StartAsync() => EmulatorHarness.StartAsync(o => o.HeartbeatInterval = TimeSpan.FromHours(1));

    private static async Task SendHeartbeatsAsync(RawGatewayClient client, int count)
    {
        for (var i = 0; i < count; i++)
            await client.SendHeartbeatAsync();
    }

    private static async Task ReceiveAcksAsync(RawGatewayClient client, int count)
    {
        for (var i = 0; i < count; i++)
            await client.ReceiveOpAsync(Opcode.HeartbeatAck);
    }
}
