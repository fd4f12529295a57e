using Disgo.Emulator.Observation;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// What a client request (ops 3, 4, 8, 31, 43) came to: answered, an invalid payload for its opcode (4001), or a
/// broken rule that Discord answers without closing (recorded, request dropped or rate limited).
/// A violation's <see cref="Reply"/> (e.g. RATE_LIMITED) is sent only after the violation is recorded, so a client
/// that sees the reply can rely on the record being there.
/// </summary>
internal readonly record struct RequestOutcome(string? InvalidPayload, ViolationKind? Violation, string? Detail, PreEncodedDispatch? Reply = null)
{
    public static RequestOutcome Answered => default;

    public static RequestOutcome Invalid(string problem) => new(problem, null, null);

    public static RequestOutcome Violated(ViolationKind kind, string detail, PreEncodedDispatch? reply = null) => new(null, kind, detail, reply);

    public static RequestOutcome NotOnShard(ulong guildId, EmulatedSession session) =>
        Violated(ViolationKind.GuildNotOnShard, $"Guild {guildId} is not on shard [{session.ShardId}, {session.NumShards}]: request not answered.");
}
