namespace Disgo.Sharding;

/// <summary>
/// Delivers each event once while an old and a new shard set both receive it. Every event is sighted at most once
/// per set (one shard of each set owns its guild), so the first sighting delivers and the second is dropped, matched by
/// <see cref="EventIdentity"/>; counts rather than flags keep two identical events apart. Before switch-over the new
/// set delivers nothing: what it sees first is held until the old set delivers it (then dropped) or the switch (then
/// delivered).
/// </summary>
/// <remarks>
/// The old set records its deliveries only for guilds whose new shard has been granted an identify: Discord sends the
/// new set nothing from before that, so a reshard of a big bot does not record hours of events nobody will match.
/// </remarks>
internal sealed class ReshardDeduplicator(int newTotalShards)
{
    private readonly Lock _lock = new();
    private readonly int[] _identifyGranted = new int[newTotalShards];

    // Guarded by _lock.
    private readonly Dictionary<UInt128, int> _deliveredByOld = [];
    private readonly Dictionary<UInt128, int> _deliveredByNew = [];
    private readonly Dictionary<UInt128, List<PendingDispatch>> _held = [];
    private bool _oldStopped;

    public int NewTotalShards => _identifyGranted.Length;

    /// <summary>Events the old set delivered that the new set has not matched yet (for tests and diagnostics).</summary>
    public int OldDeliveriesPending
    {
        get
        {
            lock (_lock)
            {
                return _deliveredByOld.Count;
            }
        }
    }

    /// <summary>Shard <paramref name="newShardId"/> of the new set is about to identify: record the old set's deliveries for it.</summary>
    public void IdentifyGranted(int newShardId) => Volatile.Write(ref _identifyGranted[newShardId], 1);

    /// <summary>The old set sighted an event: whether to deliver it.</summary>
    public bool OldSighted(EventIdentity identity)
    {
        var newShard = identity.GuildId is { } guildId ? new Snowflake(guildId).ShardId(NewTotalShards) : 0;
        lock (_lock)
        {
            if (TryTake(_deliveredByNew, identity.Key))
            {
                return false;
            }

            if (_held.TryGetValue(identity.Key, out var held))
            {
                held[0].Claimed = true;
                Remove(held[0]);
                return true;
            }

            if (Volatile.Read(ref _identifyGranted[newShard]) != 0)
            {
                Add(_deliveredByOld, identity.Key);
            }

            return true;
        }
    }

    /// <summary>The new set sighted an event before switch-over: false to drop it (the old set delivered it), true once it is held.</summary>
    public bool NewSightedBeforeSwitch(PendingDispatch pending)
    {
        lock (_lock)
        {
            if (TryTake(_deliveredByOld, pending.Key))
            {
                return false;
            }

            if (_held.TryGetValue(pending.Key, out var held))
            {
                held.Add(pending);
            }
            else
            {
                _held.Add(pending.Key, [pending]);
            }

            return true;
        }
    }

    /// <summary>A held event at switch-over: whether to deliver it now (false if the old set has delivered it meanwhile).</summary>
    public bool Release(PendingDispatch pending)
    {
        lock (_lock)
        {
            if (pending.Claimed)
            {
                return false;
            }

            Remove(pending);
            RecordNewDelivery(pending.Key);
            return true;
        }
    }

    /// <summary>The new set sighted an event after switch-over: whether to deliver it.</summary>
    public bool NewSighted(UInt128 key)
    {
        lock (_lock)
        {
            if (TryTake(_deliveredByOld, key))
            {
                return false;
            }

            RecordNewDelivery(key);
            return true;
        }
    }

    /// <summary>Every old session has stopped and drained: nothing will match the new set's deliveries any more.</summary>
    public void OldSetStopped()
    {
        lock (_lock)
        {
            _oldStopped = true;
            _deliveredByNew.Clear();
        }
    }

    // Callers hold _lock.
    private void RecordNewDelivery(UInt128 key)
    {
        if (!_oldStopped)
        {
            Add(_deliveredByNew, key);
        }
    }

    private void Remove(PendingDispatch pending)
    {
        var held = _held[pending.Key];
        held.Remove(pending);
        if (held.Count == 0)
        {
            _held.Remove(pending.Key);
        }
    }

    private static void Add(Dictionary<UInt128, int> counts, UInt128 key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static bool TryTake(Dictionary<UInt128, int> counts, UInt128 key)
    {
        if (!counts.TryGetValue(key, out var count))
        {
            return false;
        }

        if (count == 1)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = count - 1;
        }

        return true;
    }
}
