using Disgo.Gateway.Session;
using Disgo.Models.Gateway;
using Disgo.Runtime.Tests.Session;
using Disgo.Sharding;

namespace Disgo.Runtime.Tests.Sharding;

/// <summary>Real gateway sessions started through the bucketed coordinator against the emulator's identify rules.</summary>
public sealed class ShardedStartOnEmulatorTests
{
    [Fact]
    public async Task Sixteen_shards_with_max_concurrency_4_all_get_ready_in_four_windows_without_violations()
    {
        await using var harness = await SessionHarness.StartAsync(o =>
        {
            o.MaxConcurrency = 4;
            o.GuildCount = 64;
            o.SessionStartTotal = 100;
        });
        using var http = new HttpClient();
        var info = await new GatewayBotInfoClient(http, harness.Emulator.RestBaseUrl, harness.Emulator.Options.Token, harness.Time)
            .GetAsync().WaitAsync(SessionHarness.SafetyNet);
        var options = BucketedIdentifyCoordinatorOptions.From(info);
        options.Window = harness.Emulator.Options.IdentifyWindow;
        options.TimeProvider = harness.Time;
        var coordinator = new BucketedIdentifyCoordinator(options);
        var observed = new ObservedIdentifyCoordinator(coordinator);
        var shards = ShardSet.Fixed(16).Resolve(info, requiredMultiple: info.SessionStartLimit.MaxConcurrency);
        var probes = shards.Select(shard => harness.Create(harness.Options(o =>
        {
            o.Shard = shard;
            o.GatewayUrl = info.Url; // asked once above, as a shard manager does, instead of once per shard
            o.IdentifyCoordinator = observed;
        }))).ToArray();

        var starts = probes.Select(p => p.Session.StartAsync()).ToArray();
        int NotReady() => probes.Count(p => p.Session.Status != GatewaySessionStatus.Ready);
        await harness.PumpUntilAsync(
            () => NotReady() == 0,
            "every shard is READY",
            step: TimeSpan.FromSeconds(1),
            maxVirtual: TimeSpan.FromSeconds(30),
            mayAdvance: () => observed.Held == 0 && observed.Waiting == NotReady());
        await Task.WhenAll(starts).WaitAsync(SessionHarness.SafetyNet);

        Assert.Empty(harness.Observations.Violations);
        Assert.Equal(100 - 16, coordinator.RemainingSessionStarts);
        var identifies = harness.Connections
            .SelectMany(c => c.Received.Where(p => p.Opcode == (int)GatewayOpcode.Identify).Select(p => (c.Shard, p.At)))
            .ToArray();
        Assert.Equal(16, identifies.Length);
        var first = identifies.Min(i => i.At);
        Assert.Equal(TimeSpan.FromSeconds(15), identifies.Max(i => i.At) - first);
        Assert.All(identifies.GroupBy(i => i.At), window => Assert.Equal(4, window.Count()));
        Assert.Equal(Enumerable.Range(0, 16), probes.Select(p => p.Session.Shard!.Value.ShardId));
        Assert.Equal(16, probes.Select(p => p.Session.SessionId).Distinct().Count());
    }
}
