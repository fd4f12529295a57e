using Microsoft.AspNetCore.Builder;

namespace Disgo.Emulator.Rest;

/// <summary>Maps Discord's REST routes under <c>/api/v10</c>.</summary>
internal static class RestEndpoints
{
    public static void Map(WebApplication app, EmulatorServices services)
    {
        _ = app;
        _ = services;
    }
}
