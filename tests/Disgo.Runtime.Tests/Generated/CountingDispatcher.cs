using System.Collections.Concurrent;
using System.Text;
using Disgo.Gateway.Dispatch;

namespace Disgo.Runtime.Tests.Generated;

/// <summary>Passes everything to a dispatcher and counts, per event name, what the session asked and delivered.</summary>
internal sealed class CountingDispatcher(IGatewayDispatcher inner) : IGatewayDispatcher
{
    public ConcurrentDictionary<string, int> Declined { get; } = new();

    public ConcurrentDictionary<string, int> Delivered { get; } = new();

    public bool Handles(ReadOnlySpan<byte> eventName)
    {
        var handles = inner.Handles(eventName);
        if (!handles)
        {
            Declined.AddOrUpdate(Encoding.UTF8.GetString(eventName), 1, (_, count) => count + 1);
        }

        return handles;
    }

    public ValueTask DispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        Delivered.AddOrUpdate(Encoding.UTF8.GetString(dispatch.EventName.Span), 1, (_, count) => count + 1);
        return inner.DispatchAsync(dispatch, cancellationToken);
    }
}
