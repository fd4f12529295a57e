namespace Disgo.Emulator.Gateway;

/// <summary>The live gateway: connections, sessions, dispatch routing and fault injection.</summary>
public sealed class GatewayHub
{
    internal GatewayHub(EmulatorServices services)
    {
        _ = services;
    }

    internal Task ShutdownAsync() => Task.CompletedTask;
}
