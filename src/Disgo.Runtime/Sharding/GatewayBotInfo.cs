namespace Disgo.Sharding;

/// <summary>What <c>GET /gateway/bot</c> answered: where to connect, how many shards Discord recommends, and the budget.</summary>
/// <param name="Url">The gateway URL (<c>wss://</c>, or <c>ws://</c> on loopback).</param>
/// <param name="RecommendedShards">Discord's recommended <c>num_shards</c>; always a valid count, multiples included.</param>
/// <param name="SessionStartLimit">The session start budget and <c>max_concurrency</c>.</param>
public sealed record GatewayBotInfo(Uri Url, int RecommendedShards, SessionStartLimit SessionStartLimit);
