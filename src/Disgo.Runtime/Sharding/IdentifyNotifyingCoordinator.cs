using Disgo.Gateway.Coordination;
using Disgo.Models.Gateway;

namespace Disgo.Sharding;

/// <summary>
/// Passes identifies through to the shared coordinator and reports each grant before the Identify goes out: from
/// then on Discord may route the shard's events to the new session, which a reshard must know to deduplicate.
/// </summary>
internal sealed class IdentifyNotifyingCoordinator(IIdentifyCoordinator inner, Action<ShardInfo?> granted) : IIdentifyCoordinator
{
    public async ValueTask<IIdentifyLease> AcquireAsync(ShardInfo? shard, CancellationToken cancellationToken)
    {
        var lease = await inner.AcquireAsync(shard, cancellationToken).ConfigureAwait(false);
        granted(shard);
        return lease;
    }
}
