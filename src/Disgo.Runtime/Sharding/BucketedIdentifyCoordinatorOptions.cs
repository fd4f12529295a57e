namespace Disgo.Sharding;

/// <summary>Configures a <see cref="BucketedIdentifyCoordinator"/>; usually built from <see cref="GatewayBotInfo.SessionStartLimit"/>.</summary>
public sealed class BucketedIdentifyCoordinatorOptions
{
    /// <summary>Identifies per window and number of buckets (<c>max_concurrency</c>).</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>One identify per bucket per window; Discord's is 5 s.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a bucket stays held without an answer before it is freed anyway, so a lease that is never released
    /// cannot stop its bucket for good. Normally READY or Invalid Session releases it within seconds.
    /// </summary>
    public TimeSpan HoldTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The budget as last reported; <see langword="null"/> to track none (e.g. tests of the buckets alone).</summary>
    public SessionStartLimit? SessionStartLimit { get; set; }

    /// <summary>
    /// Session starts never used: when <c>remaining</c> is down to this many, identifies wait for the reset.
    /// Reaching zero makes Discord end every session and reset the token, so at least the last one is kept.
    /// </summary>
    public int SessionStartReserve { get; set; } = 1;

    /// <summary>Length of a budget period after the first reset (Discord: 24 h).</summary>
    public TimeSpan SessionStartPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The clock windows, timeouts and the budget reset run on.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Options for the limits in <paramref name="info"/>.</summary>
    public static BucketedIdentifyCoordinatorOptions From(GatewayBotInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new() { MaxConcurrency = info.SessionStartLimit.MaxConcurrency, SessionStartLimit = info.SessionStartLimit };
    }

    /// <summary>Throws a clear error for options that cannot work.</summary>
    public void Validate()
    {
        Require(MaxConcurrency >= 1, nameof(MaxConcurrency), "must be at least 1 (Discord's max_concurrency)");
        Require(Window > TimeSpan.Zero, nameof(Window), "must be positive (Discord: 5 s)");
        Require(HoldTimeout > TimeSpan.Zero, nameof(HoldTimeout), "must be positive");
        Require(SessionStartReserve >= 0, nameof(SessionStartReserve), "must not be negative");
        Require(SessionStartPeriod > TimeSpan.Zero, nameof(SessionStartPeriod), "must be positive (Discord: 24 h)");
        Require(TimeProvider is not null, nameof(TimeProvider), "is null; use TimeProvider.System");
        if (SessionStartLimit is { } limit)
        {
            Require(limit.Total > SessionStartReserve, nameof(SessionStartReserve),
                $"is {SessionStartReserve} but the budget total is only {limit.Total}; no identify could ever be sent. Lower the reserve");
            Require(limit.Remaining >= 0 && limit.ResetAfter >= TimeSpan.Zero, nameof(SessionStartLimit), "has a negative remaining or reset_after");
        }
    }

    private static void Require(bool condition, string option, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"Identify coordinator option {option} {rule}.", option);
        }
    }
}
