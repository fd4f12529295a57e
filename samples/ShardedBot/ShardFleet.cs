using System.Diagnostics;
using Disgo.Gateway.Dispatch;
using Disgo.Gateway.Session;
using Disgo.Models.Gateway;

namespace ShardedBot;

/// <summary>
/// One gateway session per shard, all started at once: the identify coordinator decides who goes when, so the
/// fleet comes up in bucket order, <c>max_concurrency</c> shards per window.
/// </summary>
public sealed class ShardFleet : IAsyncDisposable
{
    private readonly ShardRecord[] _shards;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _ready;

    public ShardFleet(IReadOnlyList<ShardInfo> shards, Func<ShardInfo, GatewaySessionOptions> options, IGatewayDispatcher dispatcher)
    {
        _shards = [.. shards.Select(shard => new ShardRecord(shard, new GatewaySession(options(shard), dispatcher)))];
        foreach (var record in _shards)
            record.Session.StatusChanged += (_, change) => OnStatusChanged(record, change);
    }

    public IReadOnlyList<ShardRecord> Shards => _shards;

    /// <summary>Starts every shard and returns when all are ready.</summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_shards.Select(record => record.Session.StartAsync(cancellationToken)));

    public async Task StopAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(_shards.Select(record => record.Session.StopAsync(cancellationToken))).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        foreach (var record in _shards)
            await record.Session.DisposeAsync().ConfigureAwait(false);
    }

    private void OnStatusChanged(ShardRecord record, GatewaySessionStatusChangedEventArgs change)
    {
        switch (change.Current)
        {
            case GatewaySessionStatus.Identifying:
                Interlocked.Increment(ref record.Identifies);
                break;
            case GatewaySessionStatus.Resuming:
                Interlocked.Increment(ref record.Resumes);
                break;
            case GatewaySessionStatus.Ready when change.Previous == GatewaySessionStatus.Identifying && record.ReadyAt is null:
                record.ReadyAt = _clock.Elapsed;
                var ready = Interlocked.Increment(ref _ready);
                Console.WriteLine($"  [{Bar(ready)}] {ready}/{_shards.Length} shard {record.Shard.ShardId} ready after {record.ReadyAt.Value.TotalSeconds:0.0} s");
                break;
        }

        if (change.CloseCode is { } code)
            Console.WriteLine($"  shard {record.Shard.ShardId}: {change.Previous} -> {change.Current} (close {code})");
    }

    private string Bar(int ready)
    {
        const int width = 20;
        var filled = ready * width / _shards.Length;
        return new string('#', filled) + new string('.', width - filled);
    }
}

/// <summary>A shard, its session and what happened to it.</summary>
public sealed class ShardRecord(ShardInfo shard, GatewaySession session)
{
    public int Identifies;
    public int Resumes;

    public ShardInfo Shard { get; } = shard;

    public GatewaySession Session { get; } = session;

    public TimeSpan? ReadyAt { get; set; }
}
