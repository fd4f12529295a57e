using Disgo.Emulator.Rest;

namespace Disgo.Emulator;

/// <summary>
/// Everything that shapes the local Discord: the accepted token, the size of the world, and the limits it enforces.
/// Defaults are Discord's documented values; tests shrink windows or inject a fake <see cref="TimeProvider"/>.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The bot token the emulator accepts (<c>Authorization: Bot &lt;token&gt;</c> and Identify).</summary>
    public string Token { get; set; } = "disgo-emulator-token";

    /// <summary>Number of synthetic guilds the bot is in.</summary>
    public int GuildCount { get; set; } = 300;

    /// <summary>Members per guild (generated on demand, so large values cost no memory).</summary>
    public int MembersPerGuild { get; set; } = 25;

    /// <summary>Text channels per guild.</summary>
    public int ChannelsPerGuild { get; set; } = 3;

    /// <summary>Identifies allowed per <see cref="IdentifyWindow"/>; also the number of identify buckets.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Length of an identify window (Discord: 5 s).</summary>
    public TimeSpan IdentifyWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Heartbeat interval sent in Hello (Discord usually sends 41,250 ms).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(41_250);

    /// <summary>
    /// How many heartbeat intervals may pass after Hello or the last heartbeat before the gateway closes the
    /// connection as a zombie (the session stays resumable). Discord builds slack into the interval; 1.5 leaves half an interval.
    /// </summary>
    public double HeartbeatTimeoutFactor { get; set; } = 1.5;

    /// <summary>Dispatches each session keeps for replay on resume; a resume from further back gets op 9 <c>false</c>.</summary>
    public int ReplayBufferCapacity { get; set; } = 10_000;

    /// <summary>Session starts allowed per reset period (<c>session_start_limit.total</c>).</summary>
    public int SessionStartTotal { get; set; } = 1000;

    /// <summary>Length of the session start period (Discord: 24 h).</summary>
    public TimeSpan SessionStartResetPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Privileged intents enabled for this bot in the "Developer Portal" (bit mask); others close with 4014.</summary>
    public long AllowedPrivilegedIntents { get; set; } = 2 | 256 | 32768;

    /// <summary>How long a session survives a non-1000/1001 close or a dropped connection ("a few minutes").</summary>
    public TimeSpan SessionResumeTtl { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// When set, <c>num_shards</c> must be a multiple of this (Discord's large-bot sharding) or Identify closes with 4010.
    /// </summary>
    public int? RequiredShardMultiple { get; set; }

    /// <summary>
    /// The most guilds one session may hold before Identify closes with 4011 (Discord: 2,500); the recommended shard
    /// count of <c>GET /gateway/bot</c> always respects it. Tests lower it to provoke 4011 with a small world.
    /// </summary>
    public int MaxGuildsPerSession { get; set; } = Gateway.IdentifyRules.MaxGuildsPerSession;

    /// <summary>REST limits: per-route buckets, the global limit and the invalid-request ban.</summary>
    public RestLimitOptions RestLimits { get; set; } = new();

    /// <summary>Time source for every window, timeout and TTL.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Throws a clear error for options the emulator cannot honour.</summary>
    public void Validate()
    {
        Require(Port is >= 0 and <= 65535, nameof(Port), "must be 0 (any free port) or a port number up to 65535");
        Require(!string.IsNullOrWhiteSpace(Token), nameof(Token), "must be a non-empty token");
        Require(GuildCount >= 0, nameof(GuildCount), "must be zero or more");
        Require(MembersPerGuild >= 1, nameof(MembersPerGuild), "must be at least 1 (the bot itself is a member)");
        Require(ChannelsPerGuild >= 1, nameof(ChannelsPerGuild), "must be at least 1");
        Require(MaxConcurrency >= 1, nameof(MaxConcurrency), "must be at least 1");
        Require(IdentifyWindow > TimeSpan.Zero, nameof(IdentifyWindow), "must be positive");
        Require(HeartbeatInterval > TimeSpan.Zero, nameof(HeartbeatInterval), "must be positive");
        Require(HeartbeatTimeoutFactor >= 1, nameof(HeartbeatTimeoutFactor), "must be at least 1 (one full interval)");
        Require(ReplayBufferCapacity >= 1, nameof(ReplayBufferCapacity), "must be at least 1");
        Require(SessionStartTotal >= 1, nameof(SessionStartTotal), "must be at least 1");
        Require(SessionStartResetPeriod > TimeSpan.Zero, nameof(SessionStartResetPeriod), "must be positive");
        Require(SessionResumeTtl >= TimeSpan.Zero, nameof(SessionResumeTtl), "must not be negative");
        Require(RequiredShardMultiple is null or >= 1, nameof(RequiredShardMultiple), "must be at least 1 when set");
        Require(MaxGuildsPerSession >= 1, nameof(MaxGuildsPerSession), "must be at least 1");
        RestLimits.Validate();
    }

    private static void Require(bool condition, string option, string rule)
    {
        if (!condition)
            throw new ArgumentException($"Emulator option {option} {rule}.", option);
    }
}
