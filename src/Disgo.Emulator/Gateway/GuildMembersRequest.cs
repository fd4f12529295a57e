using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// Request Guild Members (op 8): <c>guild_id</c> (one guild), then either <c>query</c> with <c>limit</c> or
/// <c>user_ids</c> (one id or up to 100), plus optional <c>presences</c> and <c>nonce</c>.
/// </summary>
internal sealed record GuildMembersRequest(ulong GuildId, string? Query, int Limit, bool Presences, IReadOnlyList<ulong>? UserIds, string? Nonce)
{
    public const int MaxUserIds = 100;
    public const int MaxNonceBytes = 32;

    /// <summary>A request for every member: <c>query:""</c> with <c>limit:0</c>, the one Discord rate limits.</summary>
    public bool IsFullList => Query is { Length: 0 } && Limit == 0;

    public static bool TryParse(JsonElement d, [NotNullWhen(true)] out GuildMembersRequest? request, [NotNullWhen(false)] out string? problem)
    {
        request = null;
        if (d.ValueKind != JsonValueKind.Object)
            return Fail("request guild members d must be an object", out problem);
        if (!d.TryGetProperty("guild_id"u8, out var guildElement) || !TryReadGuildId(guildElement, out var guildId))
            return Fail("request guild members needs one guild_id", out problem);

        string? query = null;
        var limit = 0;
        if (d.TryGetProperty("query"u8, out var queryElement) && queryElement.ValueKind != JsonValueKind.Null)
        {
            if (queryElement.ValueKind != JsonValueKind.String)
                return Fail("query must be a string", out problem);
            query = queryElement.GetString()!;
            if (!d.TryGetProperty("limit"u8, out var limitElement) || !JsonNumbers.TryGetInt32(limitElement, out limit) || limit < 0)
                return Fail("limit (an integer >= 0) is required with query", out problem);
        }

        List<ulong>? userIds = null;
        if (d.TryGetProperty("user_ids"u8, out var usersElement) && usersElement.ValueKind != JsonValueKind.Null)
        {
            if (query is not null)
                return Fail("send either query or user_ids, not both", out problem);
            if (!TryReadUserIds(usersElement, out userIds))
                return Fail($"user_ids must be a snowflake or an array of at most {MaxUserIds} snowflakes", out problem);
        }

        if (query is null && userIds is null)
            return Fail("request guild members needs query (with limit) or user_ids", out problem);

        var presences = false;
        if (d.TryGetProperty("presences"u8, out var presencesElement) && presencesElement.ValueKind != JsonValueKind.Null)
        {
            if (presencesElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                return Fail("presences must be a boolean", out problem);
            presences = presencesElement.GetBoolean();
        }

        // Discord drops an invalid nonce (not a string, or over 32 bytes) silently rather than rejecting the request.
        string? nonce = null;
        if (d.TryGetProperty("nonce"u8, out var nonceElement) && nonceElement.ValueKind == JsonValueKind.String
            && Encoding.UTF8.GetByteCount(nonceElement.GetString()!) <= MaxNonceBytes)
            nonce = nonceElement.GetString();

        request = new GuildMembersRequest(guildId, query, limit, presences, userIds, nonce);
        problem = null;
        return true;
    }

    private static bool TryReadGuildId(JsonElement element, out ulong guildId)
    {
        // Discord's own example sends guild_id as a one-element array; one guild per request either way.
        if (element.ValueKind == JsonValueKind.Array)
        {
            guildId = 0;
            return element.GetArrayLength() == 1 && Snowflakes.TryRead(element[0], out guildId);
        }

        return Snowflakes.TryRead(element, out guildId);
    }

    private static bool TryReadUserIds(JsonElement element, [NotNullWhen(true)] out List<ulong>? userIds)
    {
        userIds = [];
        if (element.ValueKind != JsonValueKind.Array)
        {
            if (!Snowflakes.TryRead(element, out var single))
                return false;
            userIds.Add(single);
            return true;
        }

        if (element.GetArrayLength() > MaxUserIds)
            return false;
        foreach (var item in element.EnumerateArray())
        {
            if (!Snowflakes.TryRead(item, out var id))
                return false;
            userIds.Add(id);
        }

        return true;
    }

    private static bool Fail(string reason, out string problem)
    {
        problem = reason;
        return false;
    }
}
