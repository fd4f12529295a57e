using System.Text.Json;
using Disgo.Emulator.Observation;
using Disgo.Emulator.World;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// Answers Request Guild Members (op 8) with GUILD_MEMBERS_CHUNK dispatches of at most 1,000 members each
/// (<c>chunk_index</c>, <c>chunk_count</c>, <c>nonce</c>, <c>not_found</c>), or with RATE_LIMITED when a full list
/// of the guild was requested within the last 30 s.
/// </summary>
internal sealed class GuildMembersResponder(EmulatedWorld world, FullMemberListLimiter fullListLimiter)
{
    public const int MaxMembersPerChunk = 1000;

    /// <summary>Prefix queries return at most this many members, whatever the limit.</summary>
    public const int MaxQueryResults = 100;

    public RequestOutcome Respond(EmulatedSession session, GuildMembersRequest request, DateTimeOffset now)
    {
        var guild = world.FindGuild(request.GuildId);
        if (guild is null || !session.Holds(guild.Id))
            return RequestOutcome.NotOnShard(request.GuildId, session);

        // Listing members by an empty query needs the privileged GUILD_MEMBERS intent.
        if (request.Query is { Length: 0 } && (session.Intents & GatewayIntents.GuildMembers) == 0)
            return RequestOutcome.Invalid("requesting the member list (query \"\") needs the GUILD_MEMBERS intent");

        if (request.IsFullList && !fullListLimiter.TryAcquire(guild.Id, now, out var retryAfter))
        {
            return RequestOutcome.Violated(ViolationKind.GuildMembersLimit,
                $"Full member list of guild {guild.Id} requested again within {FullMemberListLimiter.Window.TotalSeconds:0} s: RATE_LIMITED, retry after {retryAfter.TotalSeconds:0.###} s.",
                RateLimited(guild.Id, request.Nonce, retryAfter));
        }

        var members = Match(guild, request, out var notFound);
        var presences = request.Presences && (session.Intents & GatewayIntents.GuildPresences) != 0;
        var chunkCount = Math.Max(1, (members.Count + MaxMembersPerChunk - 1) / MaxMembersPerChunk);
        for (var chunk = 0; chunk < chunkCount; chunk++)
        {
            var state = new Chunk(guild, members, chunk, chunkCount, chunk == 0 ? notFound : null, presences, request.Nonce);
            session.Dispatch(GatewayJson.Dispatch("GUILD_MEMBERS_CHUNK", state, WriteChunk));
        }

        return RequestOutcome.Answered;
    }

    private static List<int> Match(EmulatedGuild guild, GuildMembersRequest request, out List<ulong>? notFound)
    {
        var members = new List<int>();
        notFound = null;
        if (request.UserIds is { } userIds)
        {
            var wanted = new HashSet<ulong>(userIds);
            for (var i = 0; i < guild.MemberCount && wanted.Count > 0; i++)
            {
                if (wanted.Remove(guild.MemberUserId(i)))
                    members.Add(i);
            }

            notFound = [];
            foreach (var id in userIds)
            {
                if (wanted.Contains(id) && !notFound.Contains(id))
                    notFound.Add(id);
            }

            return members;
        }

        var query = request.Query!;
        var limit = query.Length == 0
            ? (request.Limit == 0 ? guild.MemberCount : request.Limit)
            : (request.Limit == 0 ? MaxQueryResults : Math.Min(request.Limit, MaxQueryResults));
        for (var i = 0; i < guild.MemberCount && members.Count < limit; i++)
        {
            if (query.Length == 0 || guild.MemberUsername(i).StartsWith(query, StringComparison.OrdinalIgnoreCase))
                members.Add(i);
        }

        return members;
    }

    private static void WriteChunk(Utf8JsonWriter writer, Chunk chunk)
    {
        writer.WriteStartObject();
        Snowflakes.Write(writer, "guild_id"u8, chunk.Guild.Id);
        writer.WriteStartArray("members"u8);
        var end = Math.Min(chunk.Members.Count, (chunk.Index + 1) * MaxMembersPerChunk);
        for (var i = chunk.Index * MaxMembersPerChunk; i < end; i++)
            MemberJson.WriteMember(writer, chunk.Guild, chunk.Members[i]);
        writer.WriteEndArray();
        writer.WriteNumber("chunk_index"u8, chunk.Index);
        writer.WriteNumber("chunk_count"u8, chunk.Count);
        if (chunk.NotFound is { } notFound)
        {
            // Discord echoes ids that are not bigint-sized as plain integers, the rest as strings (REF "ID Serialization").
            writer.WriteStartArray("not_found"u8);
            foreach (var id in notFound)
            {
                if (id <= int.MaxValue)
                    writer.WriteNumberValue(id);
                else
                    Snowflakes.WriteValue(writer, id);
            }

            writer.WriteEndArray();
        }

        if (chunk.Presences)
        {
            // Nobody in this world is online, so there are no presences to report.
            writer.WriteStartArray("presences"u8);
            writer.WriteEndArray();
        }

        if (chunk.Nonce is not null)
            writer.WriteString("nonce"u8, chunk.Nonce);
        writer.WriteEndObject();
    }

    private static PreEncodedDispatch RateLimited(ulong guildId, string? nonce, TimeSpan retryAfter) =>
        GatewayJson.Dispatch("RATE_LIMITED", (guildId, nonce, retryAfter), static (writer, state) =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("opcode"u8, GatewayOpcodes.RequestGuildMembers);
            writer.WriteNumber("retry_after"u8, Math.Round(state.retryAfter.TotalSeconds, 3));
            writer.WriteStartObject("meta"u8);
            Snowflakes.Write(writer, "guild_id"u8, state.guildId);
            if (state.nonce is not null)
                writer.WriteString("nonce"u8, state.nonce);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    private sealed record Chunk(EmulatedGuild Guild, List<int> Members, int Index, int Count, List<ulong>? NotFound, bool Presences, string? Nonce);
}
