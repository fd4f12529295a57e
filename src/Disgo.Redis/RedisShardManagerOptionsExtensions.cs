using Disgo.Sharding;

namespace Disgo.Redis;

/// <summary>Puts a <see cref="ShardManager"/> behind the identify gate its bot's other processes share in Redis.</summary>
public static class RedisShardManagerOptionsExtensions
{
    /// <summary>
    /// Makes every identify of the manager pass through a <see cref="RedisIdentifyCoordinator"/>. Give every process
    /// of the bot the same Redis and key prefix.
    /// </summary>
    /// <exception cref="ArgumentException">A Redis option cannot work; the message names it.</exception>
    public static ShardManagerOptions UseRedisIdentifyCoordination(this ShardManagerOptions options, RedisIdentifyCoordinatorOptions redis)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(redis);
        redis.Validate();
        options.IdentifyCoordinatorFactory = context => new RedisIdentifyCoordinator(redis, context);
        return options;
    }
}
