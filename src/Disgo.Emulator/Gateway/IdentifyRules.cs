using Disgo.Emulator.Observation;
using Disgo.Emulator.World;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// The checks Discord makes on a well-formed Identify before starting a session, in this order: token (4004),
/// intents (4013 undocumented bits, 4014 privileged bits not enabled), shard tuple (4010), guilds per session (4011).
/// </summary>
internal static class IdentifyRules
{
    /// <summary>Discord's most guilds per session (the default of <see cref="EmulatorOptions.MaxGuildsPerSession"/>); more requires sharding (4011).</summary>
    public const int MaxGuildsPerSession = 2500;

    public static GatewayRejection? Check(IdentifyPayload identify, EmulatorOptions options, EmulatedWorld world)
    {
        if (!string.Equals(identify.Token, options.Token, StringComparison.Ordinal))
            return new(GatewayCloseCodes.AuthenticationFailed, ViolationKind.AuthenticationFailed, "Authentication failed: the token is not valid.");

        if (identify.Intents < 0 || (identify.Intents & ~GatewayIntents.AllDocumented) != 0)
            return new(GatewayCloseCodes.InvalidIntents, ViolationKind.InvalidIntents, $"Invalid intent(s): {identify.Intents} has undocumented bits.");
        var disallowed = identify.Intents & GatewayIntents.Privileged & ~options.AllowedPrivilegedIntents;
        if (disallowed != 0)
            return new(GatewayCloseCodes.DisallowedIntents, ViolationKind.DisallowedIntents, $"Disallowed intent(s): privileged intents {disallowed} are not enabled for this bot.");

        if (identify.ShardMalformed)
            return new(GatewayCloseCodes.InvalidShard, ViolationKind.InvalidShard, "Invalid shard: shard must be [shard_id, num_shards].");
        var shardId = 0;
        var numShards = 1;
        if (identify.Shard is { } shard)
        {
            (shardId, numShards) = (shard.ShardId, shard.NumShards);
            if (shardId < 0 || numShards < 1 || shardId >= numShards)
                return new(GatewayCloseCodes.InvalidShard, ViolationKind.InvalidShard, $"Invalid shard {shard}: need 0 <= shard_id < num_shards.");
            if (options.RequiredShardMultiple is { } multiple && numShards % multiple != 0)
                return new(GatewayCloseCodes.InvalidShard, ViolationKind.InvalidShard, $"Invalid shard {shard}: num_shards must be a multiple of {multiple}.");
        }

        var guilds = world.GuildCountForShard(shardId, numShards);
        if (guilds > options.MaxGuildsPerSession)
            return new(GatewayCloseCodes.ShardingRequired, ViolationKind.ShardingRequired, $"Sharding required: shard [{shardId}, {numShards}] would hold {guilds} guilds (at most {options.MaxGuildsPerSession}).");

        return null;
    }
}
