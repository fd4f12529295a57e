using System.Diagnostics.Metrics;

namespace Disgo.Gateway.Session;

/// <summary>
/// The instruments of the <c>Disgo.Gateway</c> meter, tagged with <c>disgo.shard.id</c> and <c>disgo.shard.count</c>
/// (while a bot reshards, shard 5 of 6 and shard 5 of 12 run side by side and are different shards). Recording costs
/// next to nothing while no listener (OpenTelemetry, dotnet-counters) is attached.
/// </summary>
internal static class GatewayMetrics
{
    public const string MeterName = "Disgo.Gateway";

    public const string ShardTag = "disgo.shard.id";

    public const string ShardCountTag = "disgo.shard.count";

    private static readonly Meter Meter = new(MeterName, typeof(GatewayMetrics).Assembly.GetName().Version?.ToString(3));

    /// <summary>Dispatches admitted by sequence (replays of events already seen are not counted).</summary>
    public static readonly Counter<long> EventsReceived = Meter.CreateCounter<long>(
        "disgo.gateway.events.received", "{event}", "Dispatch events received, each sequence number once.");

    /// <summary>Dispatches queued for the dispatcher (those it handles).</summary>
    public static readonly Counter<long> EventsDispatched = Meter.CreateCounter<long>(
        "disgo.gateway.events.dispatched", "{event}", "Dispatch events handed to the dispatcher.");

    public static readonly Counter<long> Identifies = Meter.CreateCounter<long>(
        "disgo.gateway.identifies", "{identify}", "Identify payloads sent (each may use a session start).");

    public static readonly Counter<long> Resumes = Meter.CreateCounter<long>(
        "disgo.gateway.resumes", "{resume}", "Sessions resumed (RESUMED received).");

    public static readonly Counter<long> Reconnects = Meter.CreateCounter<long>(
        "disgo.gateway.reconnects", "{connection}", "Connections that ended while the session went on.");

    /// <summary>User commands waiting for the send budget or a ready connection.</summary>
    public static readonly UpDownCounter<long> SendQueueDepth = Meter.CreateUpDownCounter<long>(
        "disgo.gateway.send_queue.depth", "{command}", "User commands waiting to be sent.");

    public static readonly Histogram<double> HeartbeatLatency = Meter.CreateHistogram<double>(
        "disgo.gateway.heartbeat.latency", "ms", "Time from a heartbeat to its acknowledgement.");
}
