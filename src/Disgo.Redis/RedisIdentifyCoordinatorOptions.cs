using System.Globalization;
using System.Net;
using StackExchange.Redis;

namespace Disgo.Redis;

/// <summary>
/// Configures a <see cref="RedisIdentifyCoordinator"/>: where Redis is, and the names the bot's state lives under.
/// Give every process of one bot the same <see cref="KeyPrefix"/> (or none, so the bot id from the token is used).
/// <see cref="ToString"/> never shows a password.
/// </summary>
public sealed class RedisIdentifyCoordinatorOptions
{
    /// <summary>A connection the application already has (and disposes). Set this or <see cref="Configuration"/>.</summary>
    public IConnectionMultiplexer? Connection { get; set; }

    /// <summary>
    /// A StackExchange.Redis configuration string (e.g. <c>127.0.0.1:6379,password=...</c>) the coordinator connects
    /// with and owns. Set this or <see cref="Connection"/>. May hold a password: it is never logged.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// What every key and channel starts with. Every process of one bot must use the same prefix, and different bots
    /// different ones. <see langword="null"/>: <c>disgo:&lt;bot id&gt;</c>, the bot id read from the token.
    /// </summary>
    public string? KeyPrefix { get; set; }

    /// <summary>
    /// How long a bucket stays held without an answer before Redis frees it anyway, so a process that died holding it
    /// cannot stop the bucket for good. READY or Invalid Session normally releases it within seconds.
    /// </summary>
    public TimeSpan HoldTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// While another process holds a bucket, how often it is checked again in case the release notification was
    /// missed (a dropped subscription). The notification normally wakes the waiter at once.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Length of a budget period after the first reset (Discord: 24 h).</summary>
    public TimeSpan SessionStartPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that cannot work, and why.</summary>
    public void Validate()
    {
        Require(Connection is not null ^ !string.IsNullOrWhiteSpace(Configuration), nameof(Connection),
            "and Configuration: set exactly one (a connection of the application, or a configuration string to connect with)");
        if (Connection is null)
        {
            // The string itself may hold a password, so the message never repeats it.
            Require(TryParse(Configuration!, out var parsed), nameof(Configuration), "is not a StackExchange.Redis configuration string");
            Require(parsed!.EndPoints.Count > 0, nameof(Configuration), "names no server; start it with host:port");
        }

        Require(KeyPrefix is null || (KeyPrefix.Trim().Length == KeyPrefix.Length && KeyPrefix.Length > 0 && KeyPrefix.IndexOfAny(['{', '}']) < 0),
            nameof(KeyPrefix), "must be non-empty, without surrounding spaces and without braces (the keys wrap it in a hash tag); or null for the bot id");
        Require(HoldTimeout >= TimeSpan.FromMilliseconds(1), nameof(HoldTimeout), $"is {HoldTimeout}; it must be at least 1 ms (Redis expires keys by the millisecond)");
        Require(PollInterval > TimeSpan.Zero, nameof(PollInterval), $"is {PollInterval}; it must be positive");
        Require(SessionStartPeriod >= TimeSpan.FromMilliseconds(1), nameof(SessionStartPeriod), $"is {SessionStartPeriod}; it must be positive (Discord: 24 h)");
    }

    /// <summary>The options with the servers only: never a password.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"RedisIdentifyCoordinatorOptions {{ Server = {DescribeServer()}, KeyPrefix = {KeyPrefix ?? "(bot id)"}, HoldTimeout = {HoldTimeout}, PollInterval = {PollInterval} }}");

    /// <summary>The server(s) to name in logs and errors: endpoints only, never the password.</summary>
    internal string DescribeServer()
    {
        if (Connection is { } connection)
        {
            return Describe(connection.GetEndPoints());
        }

        return Configuration is not null && TryParse(Configuration, out var parsed) ? Describe([.. parsed!.EndPoints]) : "(none)";
    }

    private static string Describe(EndPoint[] endPoints) =>
        endPoints.Length == 0 ? "(no endpoint)" : string.Join(", ", endPoints.Select(EndPointCollection.ToString));

    private static bool TryParse(string configuration, out ConfigurationOptions? parsed)
    {
        try
        {
            parsed = ConfigurationOptions.Parse(configuration);
            return true;
        }
        catch (ArgumentException)
        {
            parsed = null;
            return false;
        }
    }

    private static void Require(bool condition, string option, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"RedisIdentifyCoordinatorOptions.{option} {problem}.", option);
        }
    }
}
