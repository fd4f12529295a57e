using Microsoft.AspNetCore.Builder;

namespace Disgo.Emulator.Control;

/// <summary>Maps the local control endpoint through which the CLI's user injects faults and reads observations.</summary>
internal static class ControlEndpoints
{
    public static void Map(WebApplication app, EmulatorServices services)
    {
        _ = app;
        _ = services;
    }
}
