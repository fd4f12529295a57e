using Disgo.Gateway.Coordination;

namespace Disgo.Redis;

/// <summary>
/// One granted bucket, known in Redis by its token. Released once; past the hold timeout the bucket is free in Redis
/// and the process may ask again, though a late release still goes to Redis (where the token no longer matches).
/// </summary>
internal sealed class RedisIdentifyLease : IIdentifyLease
{
    private readonly RedisIdentifyCoordinator _owner;
    private readonly int _bucket;
    private readonly string _token;
    private readonly ITimer _holdTimeout;
    private int _released;
    private int _turnReturned;

    public RedisIdentifyLease(RedisIdentifyCoordinator owner, int bucket, string token)
    {
        _owner = owner;
        _bucket = bucket;
        _token = token;
        _holdTimeout = owner.TimeProvider.CreateTimer(static state => ((RedisIdentifyLease)state!).ReturnTurn(), this, owner.HoldTimeout, Timeout.InfiniteTimeSpan);
    }

    public async ValueTask ReleaseAsync(IdentifyOutcome outcome)
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        _holdTimeout.Dispose();
        try
        {
            // Whatever the outcome, Discord may have counted the Identify: the window applies.
            await _owner.ReleaseAsync(_bucket, _token, _owner.WindowMilliseconds).ConfigureAwait(false);
        }
        finally
        {
            ReturnTurn();
        }
    }

    private void ReturnTurn()
    {
        if (Interlocked.Exchange(ref _turnReturned, 1) == 0)
        {
            _owner.ReturnTurn(_bucket);
        }
    }
}
