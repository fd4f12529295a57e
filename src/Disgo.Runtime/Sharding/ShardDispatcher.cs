using Disgo.Gateway.Dispatch;
using Disgo.Serialization;
using Microsoft.Extensions.Logging;

namespace Disgo.Sharding;

/// <summary>
/// Stands between one shard's session and the bot's dispatcher. Normally it only passes events on. While a reshard
/// runs it is the session's part in it: an old-set session delivers through the <see cref="ReshardDeduplicator"/>; a
/// new-set session waits for its guilds (READY's list, then one GUILD_CREATE each, which the bot already has from the
/// old set and so does not get again), holds what it sees until switch-over, then delivers through the deduplicator.
/// </summary>
internal sealed class ShardDispatcher(IGatewayDispatcher inner, ILogger logger) : IGatewayDispatcher
{
    // Orders the switch-over flush against the session's own dispatches (which already come one at a time).
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource _guildsArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<PendingDispatch> _held = [];
    private volatile Role _role;
    private volatile ReshardDeduplicator? _deduplicator;

    // Touched only by dispatches of the new-set role, which hold _gate.
    private HashSet<ulong>? _awaitedGuilds;
    private Func<ulong, bool> _botHasGuild = static _ => false;
    private CancellationToken _sessionToken;

    private enum Role
    {
        /// <summary>No reshard: every event goes straight to the bot.</summary>
        Sole,

        /// <summary>The old set of a reshard.</summary>
        Old,

        /// <summary>The new set of a reshard, before switch-over.</summary>
        NewHolding,

        /// <summary>The new set of a reshard, after switch-over, while the old set may still deliver.</summary>
        NewDelivering,
    }

    /// <summary>Completes when READY and the GUILD_CREATE of every guild it listed have arrived (new-set role).</summary>
    public Task GuildsArrived => _guildsArrived.Task;

    public bool Handles(ReadOnlySpan<byte> eventName) =>
        inner.Handles(eventName)
        || (_role == Role.NewHolding && (eventName.SequenceEqual("READY"u8) || eventName.SequenceEqual("GUILD_CREATE"u8)));

    public ValueTask DispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken) => _role switch
    {
        Role.Sole => inner.DispatchAsync(dispatch, cancellationToken),
        Role.Old => DispatchAsOldAsync(dispatch, cancellationToken),
        _ => DispatchAsNewAsync(dispatch, cancellationToken),
    };

    /// <summary>Joins a reshard as part of the set being replaced.</summary>
    public void BeginAsOld(ReshardDeduplicator deduplicator)
    {
        _deduplicator = deduplicator;
        _role = Role.Old;
    }

    /// <summary>Joins a reshard as part of the set being started; call before the session starts.</summary>
    /// <param name="deduplicator">The reshard's deduplicator.</param>
    /// <param name="botHasGuild">
    /// Whether the old set delivered the guild's GUILD_CREATE: then the new session's copy is not delivered again; a
    /// guild the old set never had (its shard was refused with 4011, say) gets the new session's.
    /// </param>
    public void BeginAsNew(ReshardDeduplicator deduplicator, Func<ulong, bool> botHasGuild)
    {
        _botHasGuild = botHasGuild;
        _deduplicator = deduplicator;
        _role = Role.NewHolding;
    }

    /// <summary>Switch-over: delivers the held events the old set has not delivered, in order, then delivers as they come.</summary>
    public async Task SwitchOverAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _role = Role.NewDelivering;
            foreach (var pending in _held)
            {
                if (_deduplicator!.Release(pending))
                {
                    await DeliverAsync(pending.ToDispatch(), _sessionToken).ConfigureAwait(false);
                }
            }

            _held.Clear();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The reshard is over (or abandoned): events go straight to the bot again.</summary>
    public void EndReshard()
    {
        _role = Role.Sole;
        _deduplicator = null;
    }

    private async ValueTask DispatchAsOldAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        if (IsSessionEvent(dispatch.EventName.Span) || _deduplicator is not { } deduplicator || deduplicator.OldSighted(EventIdentity.Of(dispatch)))
        {
            await inner.DispatchAsync(dispatch, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask DispatchAsNewAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _sessionToken = cancellationToken;
            var role = _role;
            var deduplicator = _deduplicator;
            if (role == Role.Sole || deduplicator is null)
            {
                await inner.DispatchAsync(dispatch, cancellationToken).ConfigureAwait(false);
                return;
            }

            var name = dispatch.EventName.Span;
            if (role == Role.NewHolding && IsInitialState(dispatch))
            {
                return;
            }

            if (!inner.Handles(name))
            {
                return;
            }

            if (IsSessionEvent(name))
            {
                await inner.DispatchAsync(dispatch, cancellationToken).ConfigureAwait(false);
                return;
            }

            var identity = EventIdentity.Of(dispatch);
            if (role == Role.NewHolding)
            {
                var pending = new PendingDispatch(dispatch, identity.Key);
                if (deduplicator.NewSightedBeforeSwitch(pending))
                {
                    _held.Add(pending);
                }
            }
            else if (deduplicator.NewSighted(identity.Key))
            {
                await inner.DispatchAsync(dispatch, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>READY, and the GUILD_CREATEs of the guilds it listed that the bot has: the new session's copy of what the bot already knows.</summary>
    private bool IsInitialState(GatewayDispatch dispatch)
    {
        var name = dispatch.EventName.Span;
        if (name.SequenceEqual("READY"u8))
        {
            // A new session (first, or after identifying again) waits for its own list.
            var ready = dispatch.Deserialize(DisgoJsonContext.Default.Ready);
            _awaitedGuilds = [.. ready.Guilds.Select(guild => guild.Id.Value)];
            CheckArrived();
            return true;
        }

        if (name.SequenceEqual("GUILD_CREATE"u8)
            && _awaitedGuilds is { } awaited
            && EventIdentity.GuildIdOf(name, dispatch.Data.Span) is { } guildId
            && awaited.Remove(guildId))
        {
            CheckArrived();
            return _botHasGuild(guildId);
        }

        return false;
    }

    private void CheckArrived()
    {
        if (_awaitedGuilds is { Count: 0 })
        {
            _guildsArrived.TrySetResult();
        }
    }

    private async ValueTask DeliverAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        try
        {
            await inner.DispatchAsync(dispatch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Outside the session's queue, nothing else would report it; the other held events still go out.
            ShardingLog.HeldEventFailed(logger, dispatch.ShardId, dispatch.Sequence, exception);
        }
    }

    /// <summary>Events about the session itself, never the same event twice across sets: not deduplicated.</summary>
    private static bool IsSessionEvent(ReadOnlySpan<byte> eventName) =>
        eventName.SequenceEqual("READY"u8) || eventName.SequenceEqual("RESUMED"u8);
}
