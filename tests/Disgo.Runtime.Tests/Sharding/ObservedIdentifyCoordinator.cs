using Disgo.Gateway.Coordination;
using Disgo.Models.Gateway;

namespace Disgo.Runtime.Tests.Sharding;

/// <summary>
/// Counts the sessions waiting at and holding leases of an inner coordinator, so a test moves the virtual clock only
/// while every session is parked there (otherwise the clock could outrun a session still connecting in real time).
/// </summary>
internal sealed class ObservedIdentifyCoordinator(IIdentifyCoordinator inner) : IIdentifyCoordinator
{
    private int _waiting;
    private int _held;

    public int Waiting => Volatile.Read(ref _waiting);

    public int Held => Volatile.Read(ref _held);

    public async ValueTask<IIdentifyLease> AcquireAsync(ShardInfo? shard, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            var lease = await inner.AcquireAsync(shard, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _held);
            return new Lease(this, lease);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private sealed class Lease(ObservedIdentifyCoordinator owner, IIdentifyLease inner) : IIdentifyLease
    {
        private int _released;

        public ValueTask ReleaseAsync(IdentifyOutcome outcome)
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref owner._held);
            }

            return inner.ReleaseAsync(outcome);
        }
    }
}
