using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ShardedBot;

/// <summary>
/// Identifies and resumes per shard, read from Disgo's <c>Disgo.Gateway</c> meter the way any metrics pipeline
/// (OpenTelemetry, dotnet-counters) would read them.
/// </summary>
public sealed class SessionCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, long Shard), long> _counts = new();

    public SessionCounters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Disgo.Gateway" && instrument.Name is "disgo.gateway.identifies" or "disgo.gateway.resumes")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "disgo.shard.id", Value: int shard })
                    _counts.AddOrUpdate((instrument.Name, shard), value, (_, count) => count + value);
            }
        });
        _listener.Start();
    }

    public long Identifies(int shardId) => _counts.GetValueOrDefault(("disgo.gateway.identifies", shardId));

    public long Resumes(int shardId) => _counts.GetValueOrDefault(("disgo.gateway.resumes", shardId));

    public void Dispose() => _listener.Dispose();
}
