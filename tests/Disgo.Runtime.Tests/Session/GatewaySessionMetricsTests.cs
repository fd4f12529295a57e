using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Disgo.Emulator.Gateway;
using Disgo.Models.Gateway;

namespace Disgo.Runtime.Tests.Session;

public sealed class GatewaySessionMetricsTests
{
    // A shard no other test uses (other tests run sessions for shard 5 of other totals in parallel): measurements
    // are told apart by both tags.
    private const int ShardId = 5;
    private const int ShardCount = 7;

    [Fact]
    public async Task The_Disgo_Gateway_meter_counts_identifies_resumes_events_and_latency_per_shard()
    {
        var totals = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Disgo.Gateway")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
        await using var harness = await SessionHarness.StartAsync(o => o.GuildCount = 12);
        var probe = await harness.StartSessionAsync(o => o.Shard = new ShardInfo(ShardId, ShardCount));

        harness.Emulator.Gateway.Inject(new GatewayFault.Reconnect());
        await SessionHarness.WaitUntilAsync(() => probe.Dispatcher.Count("RESUMED") == 1, "the session resumed");
        // Two heartbeats and their ACKs: the clock has to move for them.
        await harness.PumpUntilAsync(() => totals.ContainsKey("disgo.gateway.heartbeat.latency"), "a heartbeat was acknowledged", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));

        var delivered = probe.Dispatcher.Sequences.Count;
        Assert.Equal(1, totals["disgo.gateway.identifies"]);
        Assert.Equal(1, totals["disgo.gateway.resumes"]);
        Assert.Equal(1, totals["disgo.gateway.reconnects"]);
        Assert.Equal(delivered, totals["disgo.gateway.events.received"]);
        Assert.Equal(delivered, totals["disgo.gateway.events.dispatched"]);
        Assert.Equal(0, totals.GetValueOrDefault("disgo.gateway.send_queue.depth"));

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var shard = (Id: false, Count: false);
            foreach (var tag in tags)
            {
                shard = tag switch
                {
                    { Key: "disgo.shard.id", Value: ShardId } => shard with { Id = true },
                    { Key: "disgo.shard.count", Value: ShardCount } => shard with { Count = true },
                    _ => shard,
                };
            }

            if (shard is (true, true))
            {
                totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
            }
        }
    }
}
