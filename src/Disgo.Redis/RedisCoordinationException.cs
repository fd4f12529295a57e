namespace Disgo.Redis;

/// <summary>
/// Redis could not be asked, so no Identify was sent: the gate is never skipped. A gateway session that gets this
/// closes its connection and tries again after its backoff.
/// </summary>
public sealed class RedisCoordinationException : Exception
{
    public RedisCoordinationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
