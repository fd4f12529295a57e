namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>Gateway opcodes as Discord documents them (opcodes-and-status-codes, "Gateway Opcodes").</summary>
internal static class Opcode
{
    public const int Dispatch = 0;
    public const int Heartbeat = 1;
    public const int Identify = 2;
    public const int PresenceUpdate = 3;
    public const int Resume = 6;
    public const int Reconnect = 7;
    public const int RequestGuildMembers = 8;
    public const int InvalidSession = 9;
    public const int Hello = 10;
    public const int HeartbeatAck = 11;
}

/// <summary>Gateway close codes as Discord documents them ("Gateway Close Event Codes").</summary>
internal static class CloseCode
{
    public const int UnknownError = 4000;
    public const int UnknownOpcode = 4001;
    public const int DecodeError = 4002;
    public const int NotAuthenticated = 4003;
    public const int AuthenticationFailed = 4004;
    public const int AlreadyAuthenticated = 4005;
    public const int InvalidSeq = 4007;
    public const int RateLimited = 4008;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;
}

/// <summary>Intent bits as Discord documents them ("Gateway Intents").</summary>
internal static class Intent
{
    public const long Guilds = 1 << 0;
    public const long GuildMembers = 1 << 1;
    public const long GuildPresences = 1 << 8;
    public const long GuildMessages = 1 << 9;
    public const long DirectMessages = 1 << 12;
    public const long MessageContent = 1 << 15;

    /// <summary>Every documented bit: 0–16, 20, 21, 24, 25.</summary>
    public const long AllDocumented = 53_608_447;

    /// <summary>GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT.</summary>
    public const long Privileged = GuildMembers | GuildPresences | MessageContent;
}

/// <summary>Numeric limits from Discord's gateway documentation.</summary>
internal static class GatewayLimit
{
    /// <summary>Largest client payload ("Sending Events"); anything larger closes with 4002.</summary>
    public const int MaxPayloadBytes = 4096;

    /// <summary>Payloads a connection may send per <see cref="SendWindow"/>; one more closes with 4008.</summary>
    public const int PayloadsPerWindow = 120;

    public static readonly TimeSpan SendWindow = TimeSpan.FromSeconds(60);

    /// <summary>Presence updates allowed per <see cref="PresenceWindow"/>.</summary>
    public const int PresenceUpdatesPerWindow = 5;

    public static readonly TimeSpan PresenceWindow = TimeSpan.FromSeconds(20);

    /// <summary>Most members in one GUILD_MEMBERS_CHUNK.</summary>
    public const int MembersPerChunk = 1000;

    /// <summary>One full member list request per guild per this long; a repeat gets RATE_LIMITED.</summary>
    public static readonly TimeSpan FullMemberListWindow = TimeSpan.FromSeconds(30);

    /// <summary>Most guilds one session may hold; more closes with 4011.</summary>
    public const int MaxGuildsPerSession = 2500;
}

/// <summary>Discord's routing formula ("Sharding"): <c>shard_id = (guild_id &gt;&gt; 22) % num_shards</c>.</summary>
internal static class Sharding
{
    public static int ShardOf(ulong guildId, int numShards) => (int)((guildId >> 22) % (ulong)numShards);
}
