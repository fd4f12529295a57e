using Disgo.Emulator.Observation;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// What a client request (ops 3, 4, 8, 31, 43) came to: answered, an invalid payload for its opcode (4001), or a
/// broken rule that Discord answers without closing (recorded, request dropped or rate limited).
/// </summary>
internal readonly record struct RequestOutcome(string? InvalidPayload, ViolationKind? Violation, string? Detail)
{
    public static RequestOutcome Answered => default;

    public static RequestOutcome Invalid(string problem) => new(problem, null, null);

    public static RequestOutcome Violated(ViolationKind kind, string detail) => new(null, kind, detail);

    public static RequestOutcome NotOnShard(ulong guildId, EmulatedSession session) =>
        Violated(ViolationKind.GuildNotOnShard, $"Guild {guildId} is not on shard [{session.ShardId}, {session.NumShards}]: request not answered.");
}
