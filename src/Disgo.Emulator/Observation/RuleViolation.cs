namespace Disgo.Emulator.Observation;

/// <summary>Which of Discord's rules a client broke.</summary>
public enum ViolationKind
{
    /// <summary>An identify beyond <c>max_concurrency</c> per window, or a second one in a bucket: answered with op 9.</summary>
    IdentifyConcurrency,

    /// <summary>An identify with no session starts left in the budget.</summary>
    SessionStartBudget,

    /// <summary>More than 120 payloads in 60 s on one connection: closed with 4008.</summary>
    SendLimit,

    /// <summary>More than 5 presence updates in 20 s.</summary>
    PresenceLimit,

    /// <summary>A repeated full member list request for one guild within 30 s: answered with RATE_LIMITED.</summary>
    GuildMembersLimit,

    /// <summary>Unknown opcode or invalid payload for an opcode: 4001.</summary>
    UnknownOpcode,

    /// <summary>Undecodable or oversized payload: 4002.</summary>
    DecodeError,

    /// <summary>A payload before Identify or Resume: 4003.</summary>
    NotAuthenticated,

    /// <summary>A bad token: 4004 (gateway) or 401 (REST).</summary>
    AuthenticationFailed,

    /// <summary>A second Identify on one connection: 4005.</summary>
    AlreadyAuthenticated,

    /// <summary>Resume with a sequence the session never had: 4007.</summary>
    InvalidSequence,

    /// <summary>A bad shard tuple: 4010.</summary>
    InvalidShard,

    /// <summary>A session that would hold more than 2,500 guilds: 4011.</summary>
    ShardingRequired,

    /// <summary>An unsupported gateway version: 4012.</summary>
    InvalidApiVersion,

    /// <summary>Undocumented intent bits: 4013.</summary>
    InvalidIntents,

    /// <summary>Privileged intents not enabled for the bot: 4014.</summary>
    DisallowedIntents,

    /// <summary>Heartbeats stopped: the server closed the connection.</summary>
    HeartbeatTimeout,

    /// <summary>A request (op 4, 8, 31 or 43) for a guild the session's shard does not hold: not answered.</summary>
    GuildNotOnShard,

    /// <summary>A REST request over a route or global limit: 429.</summary>
    RestRateLimit,

    /// <summary>A REST request that Discord counts as invalid (401, 403).</summary>
    RestInvalidRequest,
}

/// <summary>One broken rule, with the connection (or REST request) it came from.</summary>
/// <param name="Kind">The rule.</param>
/// <param name="ConnectionId">The gateway connection, or 0 for REST.</param>
/// <param name="Shard">The shard tuple in use, if the connection identified or resumed one.</param>
/// <param name="Detail">What exactly happened, for test failure messages.</param>
/// <param name="At">When, on the emulator's clock.</param>
public sealed record RuleViolation(ViolationKind Kind, long ConnectionId, ShardTuple? Shard, string Detail, DateTimeOffset At);

/// <summary>A <c>[shard_id, num_shards]</c> pair as a client sent it.</summary>
public readonly record struct ShardTuple(int ShardId, int NumShards)
{
    public override string ToString() => $"[{ShardId}, {NumShards}]";
}
