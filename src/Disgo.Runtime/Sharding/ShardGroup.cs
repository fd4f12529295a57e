using Disgo.Gateway.Session;
using Disgo.Models.Gateway;

namespace Disgo.Sharding;

/// <summary>One shard set of a process (all its shards of one <c>num_shards</c>): its sessions, their start and its progress.</summary>
internal sealed class ShardGroup
{
    private readonly TimeProvider _time;
    private readonly int[] _everReady;
    private readonly Lock _progressLock = new();
    private long _startedAt;
    private TimeSpan? _completedAfter;
    private int _ready;

    public ShardGroup(int totalShards, IReadOnlyList<ShardMember> members, int maxConcurrency, TimeSpan window, TimeProvider time)
    {
        TotalShards = totalShards;
        Members = members;
        Shards = [.. members.Select(member => member.Shard)];
        _time = time;
        _everReady = new int[members.Count];
        Windows = members.Count == 0 ? 0 : members.GroupBy(member => member.Shard.ShardId % maxConcurrency).Max(bucket => bucket.Count());
        ExpectedDuration = Windows == 0 ? TimeSpan.Zero : window * (Windows - 1);
        for (var i = 0; i < members.Count; i++)
        {
            var index = i;
            members[i].Session.StatusChanged += (_, change) => OnStatusChanged(index, change);
        }
    }

    /// <summary>Raised when the start begins and each time a shard is ready for the first time.</summary>
    public event Action<ShardStartProgress>? ProgressChanged;

    public int TotalShards { get; }

    public IReadOnlyList<ShardMember> Members { get; }

    public IReadOnlyList<ShardInfo> Shards { get; }

    public int Windows { get; }

    public TimeSpan ExpectedDuration { get; }

    public ShardStartProgress Progress
    {
        get
        {
            lock (_progressLock)
            {
                var elapsed = _completedAfter ?? (_startedAt == 0 ? TimeSpan.Zero : _time.GetElapsedTime(_startedAt));
                return new ShardStartProgress(_ready, Members.Count, TotalShards, Windows, ExpectedDuration, elapsed);
            }
        }
    }

    /// <summary>Whether the session of shard <paramref name="shardId"/> runs here and has been ready (so its guilds were delivered).</summary>
    public bool HasBeenReady(int shardId)
    {
        for (var i = 0; i < Members.Count; i++)
        {
            if (Members[i].Shard.ShardId == shardId)
            {
                return Volatile.Read(ref _everReady[i]) != 0;
            }
        }

        return false;
    }

    /// <summary>Starts every session at once (the identify coordinator orders them) and completes when all were ready.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_progressLock)
        {
            _startedAt = _time.GetTimestamp();
        }

        ProgressChanged?.Invoke(Progress);
        var starts = new Task[Members.Count];
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = Members[i].Session.StartAsync(cancellationToken);
        }

        await Task.WhenAll(starts).ConfigureAwait(false);

        // Status events come on a task of their own and may still be on the way: the progress must be complete now.
        for (var i = 0; i < Members.Count; i++)
        {
            MarkReady(i);
        }
    }

    /// <summary>Completes when every new-set session has its guilds (see <see cref="ShardDispatcher.GuildsArrived"/>).</summary>
    public Task GuildsArrivedAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Members.Select(member => member.Dispatcher.GuildsArrived)).WaitAsync(cancellationToken);

    /// <summary>
    /// Completes when every session has received what Discord sent it before the call (see
    /// <see cref="GatewaySession.CatchUpAsync"/>), stopped, or could not within <paramref name="limit"/>.
    /// </summary>
    public async Task CatchUpAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(limit, _time);
        using var catchUp = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        await Task.WhenAll(Members.Select(async member =>
        {
            try
            {
                await member.Session.CatchUpAsync(catchUp.Token).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Stopped (on a failure or not), or not connected again in time: there is nothing more to receive from it.
            }
        })).ConfigureAwait(false);
    }

    /// <summary>Stops every session (close 1000) and lets each finish the events it has queued.</summary>
    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Members.Select(member => member.Session.StopAsync(cancellationToken)));

    public async ValueTask DisposeAsync()
    {
        foreach (var member in Members)
        {
            await member.Session.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void OnStatusChanged(int index, GatewaySessionStatusChangedEventArgs change)
    {
        if (change.Current == GatewaySessionStatus.Ready)
        {
            MarkReady(index);
        }
    }

    private void MarkReady(int index)
    {
        if (Interlocked.Exchange(ref _everReady[index], 1) != 0)
        {
            return;
        }

        ShardStartProgress progress;
        lock (_progressLock)
        {
            if (++_ready == Members.Count)
            {
                _completedAfter = _time.GetElapsedTime(_startedAt);
            }

            var elapsed = _completedAfter ?? _time.GetElapsedTime(_startedAt);
            progress = new ShardStartProgress(_ready, Members.Count, TotalShards, Windows, ExpectedDuration, elapsed);
        }

        ProgressChanged?.Invoke(progress);
    }
}
