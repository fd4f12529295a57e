using Disgo.Emulator.Observation;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>Presence updates (gateway-events.mdx "Update Presence"): at most 5 per 20 s.</summary>
public sealed class PresenceLimitTests
{
    [Fact]
    public async Task Five_presence_updates_in_20_seconds_are_within_the_limit()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();

        await SendPresenceUpdatesAsync(session.Client, GatewayLimit.PresenceUpdatesPerWindow);
        await session.Client.HeartbeatAsync();

        Assert.Empty(harness.Emulator.Observations.Violations);
    }

    [Fact]
    public async Task A_sixth_presence_update_within_20_seconds_is_recorded()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync(shard: [0, 1]);

        await SendPresenceUpdatesAsync(session.Client, GatewayLimit.PresenceUpdatesPerWindow + 1);
        await Eventually.TrueAsync(
            () => harness.Emulator.Observations.ViolationsOf(ViolationKind.PresenceLimit).Any(),
            "the sixth presence update is recorded");

        var violation = Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.PresenceLimit));
        Assert.Equal(new ShardTuple(0, 1), violation.Shard);
    }

    [Fact]
    public async Task The_presence_window_starts_over_after_20_seconds()
    {
        await using var harness = await StartAsync();
        var session = await harness.IdentifyAsync();

        await SendPresenceUpdatesAsync(session.Client, GatewayLimit.PresenceUpdatesPerWindow);
        await session.Client.HeartbeatAsync();
        harness.Advance(GatewayLimit.PresenceWindow);
        await SendPresenceUpdatesAsync(session.Client, GatewayLimit.PresenceUpdatesPerWindow);
        await session.Client.HeartbeatAsync();

        Assert.Empty(harness.Emulator.Observations.Violations);
    }

    private static Task<EmulatorHarness> StartAsync() => EmulatorHarness.StartAsync(o => o.HeartbeatInterval = TimeSpan.FromHours(1));

    private static async Task SendPresenceUpdatesAsync(RawGatewayClient client, int count)
    {
        for (var i = 0; i < count; i++)
            await client.SendPresenceUpdateAsync(i % 2 == 0 ? "online" : "idle");
    }
}
