using System.Globalization;
using Disgo.Gateway.Compression;
using Disgo.Gateway.Session;
using Disgo.Models.Gateway;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Disgo.Sharding;

/// <summary>Everything a <see cref="ShardManager"/> needs. Only <see cref="Token"/> is required. <see cref="ToString"/> never shows the token.</summary>
public sealed class ShardManagerOptions
{
    /// <summary>The bot token, without the <c>Bot </c> prefix. Secret: never logged, never in messages.</summary>
    public string Token { get; set; } = "";

    /// <summary>The events every shard asks for.</summary>
    public GatewayIntents Intents { get; set; }

    /// <summary>Which shards this process runs: <see cref="ShardSet.Recommended"/> (the default), Fixed or Range.</summary>
    public ShardSet Shards { get; set; } = ShardSet.Recommended;

    /// <summary>
    /// For large bots: the number Discord told you <c>num_shards</c> must be a multiple of (it is not published over the
    /// API). Checked before anything connects; <see langword="null"/> when Discord requires none.
    /// </summary>
    public int? RequiredShardMultiple { get; set; }

    /// <summary>Where <c>GET /gateway/bot</c> is asked: Discord's REST base by default, or a compatible endpoint.</summary>
    public Uri RestBaseUrl { get; set; } = GatewaySessionOptions.DiscordRestBaseUrl;

    /// <summary>A gateway to connect to instead of the one <c>GET /gateway/bot</c> names (a gateway proxy).</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>Transport compression of every connection; zlib-stream by default.</summary>
    public GatewayCompression Compression { get; set; } = GatewayCompression.ZlibStream;

    /// <summary>
    /// Session starts never used: when Discord's <c>remaining</c> is down to this many, identifies wait for the
    /// reset. Reaching zero makes Discord end every session and reset the token, so at least one is kept.
    /// </summary>
    public int SessionStartReserve { get; set; } = 1;

    /// <summary>
    /// Makes the gate every identify of the manager passes through, once Discord's limits are known. By default
    /// <see cref="BucketedIdentifyCoordinator.Create"/>: one process keeps the rules among its own shards. Processes
    /// that each run a <see cref="ShardSet.Range"/> of one bot need a gate they share (the Disgo.Redis package).
    /// </summary>
    public Func<IdentifyCoordinatorContext, IBucketedIdentifyCoordinator> IdentifyCoordinatorFactory { get; set; } = BucketedIdentifyCoordinator.Create;

    /// <summary>
    /// One identify per bucket per this window. Discord's is 5 s; change it only for a Discord-compatible gateway
    /// with another window (an emulator in tests). It also sets the schedule <see cref="ShardStartProgress"/> expects.
    /// </summary>
    public TimeSpan IdentifyWindow { get; set; } = DiscordIdentifyWindow;

    /// <summary>
    /// Whether Discord's close 4011 (sharding required) reshards to the count <c>GET /gateway/bot</c> then recommends.
    /// Not for a <see cref="ShardSet.Range"/>: the other processes of the bot would have to change too, so there 4011
    /// stays fatal.
    /// </summary>
    public bool ReshardOnShardingRequired { get; set; } = true;

    /// <summary>
    /// After a reshard, how long the new set still checks its events against those the old set delivered: events
    /// both sets received may arrive on the new set this much later and are dropped there.
    /// </summary>
    public TimeSpan ReshardDeduplicationWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Changes the options of each session before it is created (its shard is set): dispatch queue, backoff, presence...</summary>
    public Action<GatewaySessionOptions>? ConfigureSession { get; set; }

    /// <summary>The clock of every window, wait and heartbeat.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    /// <summary>Discord's identify window: one identify per bucket per 5 s.</summary>
    public static TimeSpan DiscordIdentifyWindow { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that cannot work, and why.</summary>
    public void Validate()
    {
        // The session's own checks (token shape, intents, URLs) apply to every shard: run them once, up front.
        SessionOptions(shard: null, coordinator: null, gatewayUrl: null).Validate();
        Require(SessionStartReserve >= 0, nameof(SessionStartReserve), $"is {SessionStartReserve}; it must not be negative");
        Require(RequiredShardMultiple is null or >= 1, nameof(RequiredShardMultiple), $"is {RequiredShardMultiple}; use at least 1, or null when Discord requires none");
        Require(ReshardDeduplicationWindow >= TimeSpan.Zero, nameof(ReshardDeduplicationWindow), "must not be negative");
        Require(IdentifyWindow > TimeSpan.Zero, nameof(IdentifyWindow), $"is {IdentifyWindow}; it must be positive (Discord: 5 s)");
        Require(IdentifyCoordinatorFactory is not null, nameof(IdentifyCoordinatorFactory), "is null; leave the default (BucketedIdentifyCoordinator.Create) for one process");
        if (RequiredShardMultiple is { } multiple && Shards.TotalShards is { } total && total % multiple != 0)
        {
            // The full message (with the counts to use instead) comes from the shard set's own check.
            Shards.Validate(total, multiple);
        }
    }

    /// <summary>The options without the token's value.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"ShardManagerOptions {{ Token = {(Token.Length == 0 ? "(none)" : "(redacted)")}, Intents = {(long)Intents}, Shards = {Shards}, " +
        $"RestBaseUrl = {RestBaseUrl}, GatewayUrl = {GatewayUrl?.ToString() ?? "from GET /gateway/bot"}, Compression = {Compression} }}");

    /// <summary>
    /// The bot's user id from the first part of a Discord token (its base64 text), or <see langword="null"/> when the
    /// token has another shape. The id is public; nothing else of the token is read.
    /// </summary>
    internal ulong? BotId()
    {
        var end = Token.IndexOf('.', StringComparison.Ordinal);
        // A snowflake has at most 20 digits: 28 characters of base64.
        if (end is <= 0 or > 28)
        {
            return null;
        }

        var encoded = Token[..end].Replace('-', '+').Replace('_', '/');
        Span<byte> bytes = stackalloc byte[end];
        var padded = encoded.PadRight(encoded.Length + ((4 - (encoded.Length % 4)) % 4), '=');
        return Convert.TryFromBase64String(padded, bytes, out var written)
            && ulong.TryParse(bytes[..written], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
    }

    /// <summary>The options of the session of <paramref name="shard"/>, before <see cref="ConfigureSession"/>.</summary>
    internal GatewaySessionOptions SessionOptions(ShardInfo? shard, Gateway.Coordination.IIdentifyCoordinator? coordinator, Uri? gatewayUrl) => new()
    {
        Token = Token,
        Intents = Intents,
        Shard = shard,
        Compression = Compression,
        GatewayUrl = GatewayUrl ?? gatewayUrl,
        RestBaseUrl = RestBaseUrl,
        IdentifyCoordinator = coordinator,
        TimeProvider = TimeProvider,
        LoggerFactory = LoggerFactory,
    };

    private static void Require(bool condition, string option, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"ShardManagerOptions.{option} {problem}.", option);
        }
    }
}
