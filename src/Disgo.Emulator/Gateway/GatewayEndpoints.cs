using Microsoft.AspNetCore.Builder;

namespace Disgo.Emulator.Gateway;

/// <summary>Maps the gateway's WebSocket endpoints: the main URL and the distinct resume URL.</summary>
internal static class GatewayEndpoints
{
    public const string GatewayPath = "/gateway";
    public const string ResumePath = "/resume";

    public static void Map(WebApplication app, EmulatorServices services)
    {
        _ = app;
        _ = services;
    }
}
