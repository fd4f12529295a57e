using System.Net;
using Disgo.Emulator.Gateway;
using Microsoft.AspNetCore.Http;

namespace Disgo.Emulator.Rest;

/// <summary><c>GET /gateway</c> and <c>GET /gateway/bot</c>: where and how a bot may connect.</summary>
internal sealed class GatewayRoutes(EmulatorServices services)
{
    /// <summary>Discord recommends about one shard per 1,000 guilds (a shard may hold at most 2,500).</summary>
    public const int GuildsPerRecommendedShard = 1000;

    /// <summary><c>GET /gateway</c>: <c>{url}</c>, no authentication needed.</summary>
    public Task GetGatewayAsync(RestRequest request) =>
        RestResponses.WriteJsonAsync(request.Context, StatusCodes.Status200OK, GatewayUrl(request.Context), static (writer, url) =>
        {
            writer.WriteStartObject();
            writer.WriteString("url"u8, url);
            writer.WriteEndObject();
        });

    /// <summary><c>GET /gateway/bot</c>: the URL, the recommended shard count and the live session start budget.</summary>
    public async Task GetGatewayBotAsync(RestRequest request)
    {
        var context = request.Context;
        var budget = services.SessionStartBudget;
        var (remaining, resetAfter) = budget.Snapshot();
        var body = new GatewayBotBody(
            GatewayUrl(context),
            RecommendedShards(services.World.Guilds.Count, services.Options.RequiredShardMultiple, services.Options.MaxGuildsPerSession),
            budget.Total,
            remaining,
            (long)Math.Ceiling(resetAfter.TotalMilliseconds),
            budget.MaxConcurrency);
        await RestResponses.WriteJsonAsync(context, StatusCodes.Status200OK, body, static (writer, body) =>
        {
            writer.WriteStartObject();
            writer.WriteString("url"u8, body.Url);
            writer.WriteNumber("shards"u8, body.Shards);
            writer.WriteStartObject("session_start_limit"u8);
            writer.WriteNumber("total"u8, body.Total);
            writer.WriteNumber("remaining"u8, body.Remaining);
            writer.WriteNumber("reset_after"u8, body.ResetAfterMilliseconds);
            writer.WriteNumber("max_concurrency"u8, body.MaxConcurrency);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>max(1, ceil(guilds / 1000))</c> (more if a session may hold fewer guilds than that), rounded up to the
    /// required multiple for large bots, because "Get Gateway Bot always returns a valid count".
    /// </summary>
    public static int RecommendedShards(int guildCount, int? requiredMultiple, int maxGuildsPerSession = IdentifyRules.MaxGuildsPerSession)
    {
        var perShard = Math.Min(GuildsPerRecommendedShard, maxGuildsPerSession);
        var shards = Math.Max(1, (guildCount + perShard - 1) / perShard);
        if (requiredMultiple is { } multiple)
            shards = (shards + multiple - 1) / multiple * multiple;
        return shards;
    }

    // Built from the connection's own endpoint, which is the emulator's listener, so it is right even for a
    // request that arrives before the emulator object has been attached to its services.
    private static string GatewayUrl(HttpContext context) =>
        $"ws://{new IPEndPoint(context.Connection.LocalIpAddress ?? IPAddress.Loopback, context.Connection.LocalPort)}{GatewayEndpoints.GatewayPath}";

    private readonly record struct GatewayBotBody(string Url, int Shards, int Total, int Remaining, long ResetAfterMilliseconds, int MaxConcurrency);
}
