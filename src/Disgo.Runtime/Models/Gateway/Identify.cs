using System.Globalization;

namespace Disgo.Models.Gateway;

/// <summary>The <c>d</c> of Identify (op 2): starts a new session. <see cref="ToString"/> never shows the token.</summary>
public sealed class Identify
{
    /// <summary>The bot token. Secret: never logged, never in <see cref="ToString"/>.</summary>
    public string Token { get; init; } = "";

    public IdentifyProperties Properties { get; init; } = IdentifyProperties.Default;

    /// <summary>Payload compression of dispatches (not transport compression); left out when null.</summary>
    public bool? Compress { get; init; }

    /// <summary>Member count (50-250, default 50) above which offline members are left out of GUILD_CREATE.</summary>
    public int? LargeThreshold { get; init; }

    /// <summary>Which shard this session is, written as <c>[shard_id, num_shards]</c>; left out when null.</summary>
    public ShardInfo? Shard { get; init; }

    /// <summary>The presence the bot starts with.</summary>
    public UpdatePresence? Presence { get; init; }

    public GatewayIntents Intents { get; init; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Identify {{ Token = {Redaction.Token(Token)}, Intents = {(long)Intents}, Shard = {Shard?.ToString() ?? "none"}, " +
        $"LargeThreshold = {LargeThreshold?.ToString(CultureInfo.InvariantCulture) ?? "default"}, Compress = {Compress?.ToString() ?? "default"}, " +
        $"Os = {Properties.Os}, Browser = {Properties.Browser} }}");
}
