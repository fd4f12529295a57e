using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Disgo.Models.Gateway;

/// <summary>
/// The one place that knows what every gateway close code means and what a client does next: resume, start a new
/// session, or stop with a message naming the cause and the fix. Also knows which codes a client itself must
/// not close with when it wants to keep its session.
/// </summary>
public static class GatewayCloseCodes
{
    /// <summary>
    /// Closing with 1000 (normal closure) or 1001 (going away) from the client ends the session: Discord invalidates
    /// it at once, the bot shows offline, and it cannot be resumed. Use it only to stop for good.
    /// </summary>
    public const int NormalClosure = 1000;

    /// <inheritdoc cref="NormalClosure"/>
    public const int GoingAway = 1001;

    /// <summary>
    /// The code Disgo closes with when it intends to resume (zombied connection, op 7, recycling after bad input).
    /// Any code other than 1000/1001 keeps the session alive for a few minutes; one from the private range
    /// (4000-4999) that Discord does not use keeps logs unambiguous about who closed.
    /// </summary>
    public const int ClientResumableClose = 4900;

    private static readonly GatewayCloseCodeInfo[] Table =
    [
        new(4000, "Unknown error", GatewayCloseAction.Resume, "Discord hit an unknown error.", null),
        new(4001, "Unknown opcode", GatewayCloseAction.Resume, "The client sent an invalid opcode or an invalid payload for an opcode.", null),
        new(4002, "Decode error", GatewayCloseAction.Resume, "The client sent a payload Discord could not decode (e.g. over 4096 bytes).", null),
        new(4003, "Not authenticated", GatewayCloseAction.Resume, "The client sent a payload before Identify, or the session was invalidated.", null),
        new(4004, "Authentication failed", GatewayCloseAction.Fatal,
            "The token sent in Identify is invalid.",
            "Use the bot token from the Developer Portal (Applications > your app > Bot > Reset Token); it may have been reset or mistyped."),
        new(4005, "Already authenticated", GatewayCloseAction.Resume, "The client sent more than one Identify on a connection.", null),
        new(4007, "Invalid seq", GatewayCloseAction.NewSession, "The sequence sent in Resume is invalid; the session cannot be resumed.", null),
        new(4008, "Rate limited", GatewayCloseAction.Resume, "The client sent more than 120 payloads in 60 seconds on this connection.", null),
        new(4009, "Session timed out", GatewayCloseAction.NewSession, "The session timed out; it cannot be resumed.", null),
        new(4010, "Invalid shard", GatewayCloseAction.Fatal,
            "The shard tuple [shard_id, num_shards] sent in Identify is invalid.",
            "Send shard_id >= 0 and below num_shards; for a large bot, num_shards must be a multiple of the shard count Discord assigned (use the recommended count from GET /gateway/bot)."),
        new(4011, "Sharding required", GatewayCloseAction.Fatal,
            "The session would hold too many guilds (more than 2500 per shard).",
            "Use more shards: at least the recommended count from GET /gateway/bot."),
        new(4012, "Invalid API version", GatewayCloseAction.Fatal,
            "The gateway URL asked for an API version Discord does not support.",
            "Connect with v=10 in the gateway URL."),
        new(4013, "Invalid intent(s)", GatewayCloseAction.Fatal,
            "The intents sent in Identify contain bits Discord does not define.",
            "Send only documented GatewayIntents values; remove undocumented bits."),
        new(4014, "Disallowed intent(s)", GatewayCloseAction.Fatal,
            "Identify asked for a privileged intent (GuildMembers, GuildPresences or MessageContent) that is not enabled or approved for this bot.",
            "Enable the privileged intent(s) in the Developer Portal (Bot > Privileged Gateway Intents) or remove them from the intents; apps with 10,000+ users need Discord's approval first."),
    ];

    private static readonly FrozenDictionary<int, GatewayCloseCodeInfo> ByCode = Table.ToFrozenDictionary(info => info.Code);

    /// <summary>Every close code Discord's gateway documents, in numeric order.</summary>
    public static IReadOnlyList<GatewayCloseCodeInfo> All => Table;

    /// <summary>Whether a close code sent by the client ends its session (1000 and 1001 do; anything else keeps it resumable).</summary>
    public static bool EndsSessionWhenSentByClient(int code) => code is NormalClosure or GoingAway;

    /// <summary>Looks up a documented gateway close code.</summary>
    public static bool TryGet(int code, [NotNullWhen(true)] out GatewayCloseCodeInfo? info) =>
        ByCode.TryGetValue(code, out info);

    /// <summary>
    /// What to do after the server closed with <paramref name="code"/>. A code the table does not list (a WebSocket
    /// code such as 1001 or 1011 from a proxy, or a dropped connection reported as 1006) is treated like a drop
    /// without a close code: the session survives, so the client resumes.
    /// </summary>
    public static GatewayCloseCodeInfo Get(int code) =>
        ByCode.TryGetValue(code, out var info)
            ? info
            : new GatewayCloseCodeInfo(code, "Not a gateway close code", GatewayCloseAction.Resume,
                "The connection closed without a documented gateway close code; the session survives such a close.", null);

    /// <inheritdoc cref="Get(int)"/>
    public static GatewayCloseCodeInfo Get(GatewayCloseCode code) => Get((int)code);
}
