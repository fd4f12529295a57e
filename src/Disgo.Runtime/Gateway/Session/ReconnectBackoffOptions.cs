namespace Disgo.Gateway.Session;

/// <summary>
/// How long a session waits between connections that keep failing. After a connection that worked (READY or RESUMED,
/// then a heartbeat ACK) the next one opens at once; each further failure doubles the wait (by
/// <see cref="Multiplier"/>) up to <see cref="MaxDelay"/>, and every wait is jittered to between half and all of
/// it, so shards that failed together do not come back together.
/// </summary>
public sealed class ReconnectBackoffOptions
{
    /// <summary>The wait after the second failure in a row; the first retries at once.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The cap on any wait.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How much each further failure multiplies the wait by.</summary>
    public double Multiplier { get; set; } = 2;
}
