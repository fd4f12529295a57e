using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// Maps the gateway's WebSocket endpoints: the main URL that <c>GET /gateway/bot</c> hands out, and the distinct
/// <c>resume_gateway_url</c> that READY hands out. Both speak the full protocol; Discord wants resumes on the latter.
/// </summary>
internal static class GatewayEndpoints
{
    public const string GatewayPath = "/gateway";
    public const string ResumePath = "/resume";

    public static void Map(WebApplication app, EmulatorServices services)
    {
        var hub = services.Gateway;
        hub.UseLogger(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Disgo.Emulator.Gateway"));
        app.Map(GatewayPath, context => AcceptAsync(context, hub, GatewayPath));
        app.Map(ResumePath, context => AcceptAsync(context, hub, ResumePath));
    }

    private static async Task AcceptAsync(HttpContext context, GatewayHub hub, string path)
    {
        if (hub.IsShuttingDown || (path == ResumePath && hub.FailsResumeHandshakes))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("The gateway is unavailable.").ConfigureAwait(false);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"The gateway speaks WebSocket: connect to ws://{context.Request.Host}{path}?v=10&encoding=json with a WebSocket client.").ConfigureAwait(false);
            return;
        }

        var query = GatewayUrlQuery.Parse(context.Request.Query);
        var (socket, output) = await WebSocketHandshake.AcceptAsync(context).ConfigureAwait(false);
        using (socket)
        await using (output)
            await hub.RunConnectionAsync(context, socket, output, query, path).ConfigureAwait(false);
    }
}
