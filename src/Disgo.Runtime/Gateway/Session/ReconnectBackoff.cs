namespace Disgo.Gateway.Session;

/// <summary>The wait before the next connection, from the number of connections in a row that failed.</summary>
internal static class ReconnectBackoff
{
    /// <summary>
    /// No wait after a single failure (a connection that worked before it); then <c>initial * multiplier^(failures - 2)</c>
    /// capped at the maximum, scaled by <c>0.5 + jitter / 2</c> so the result lies in [half, all] of it.
    /// </summary>
    /// <param name="options">The backoff shape.</param>
    /// <param name="failures">Connections in a row that ended before proving themselves (READY or RESUMED, then an ACK).</param>
    /// <param name="jitter">A value in [0, 1).</param>
    public static TimeSpan DelayFor(ReconnectBackoffOptions options, int failures, double jitter)
    {
        if (failures <= 1)
        {
            return TimeSpan.Zero;
        }

        var exponent = Math.Min(failures - 2, 64);
        var full = Math.Min(options.InitialDelay.TotalMilliseconds * Math.Pow(options.Multiplier, exponent), options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(full * (0.5 + (jitter / 2)));
    }
}
