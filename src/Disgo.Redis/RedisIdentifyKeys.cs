using System.Globalization;
using StackExchange.Redis;

namespace Disgo.Redis;

/// <summary>
/// Where one bot's identify state lives. Every key carries the prefix as a hash tag, so a script that touches a bucket
/// and the budget stays on one node of a Redis Cluster.
/// </summary>
internal sealed class RedisIdentifyKeys
{
    private readonly RedisKey[] _buckets;

    public RedisIdentifyKeys(string prefix, int maxConcurrency)
    {
        Prefix = prefix;
        var tagged = "{" + prefix + "}:identify:";
        _buckets = new RedisKey[maxConcurrency];
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] = tagged + "bucket:" + i.ToString(CultureInfo.InvariantCulture);
        }

        Budget = tagged + "budget";
        Released = RedisChannel.Literal(tagged + "released");
    }

    public string Prefix { get; }

    /// <summary>A hash: <c>remaining</c>, <c>resets_at</c> (Unix ms on the Redis clock) and <c>total</c>.</summary>
    public RedisKey Budget { get; }

    /// <summary>Carries the bucket number each time a holder releases a bucket.</summary>
    public RedisChannel Released { get; }

    /// <summary>
    /// The bucket's state: absent when free, the holder's token while held (expiring after the hold timeout), or
    /// <see cref="RedisIdentifyScripts.WindowMarker"/> for one window after the release.
    /// </summary>
    public RedisKey Bucket(int bucket) => _buckets[bucket];
}
