using Disgo.Gateway.Dispatch;

namespace Disgo.Redis.Tests;

/// <summary>A bot that handles no event: these tests look at identifies, not at what is dispatched.</summary>
internal sealed class SilentBot : IGatewayDispatcher
{
    public bool Handles(ReadOnlySpan<byte> eventName) => false;

    public ValueTask DispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
