using System.Collections.Concurrent;
using System.Text;
using Disgo.Gateway.Dispatch;

namespace Disgo.Runtime.Tests.Session;

/// <summary>A dispatcher that handles every event and records what it got, in delivery order.</summary>
internal sealed class SequenceRecorder : IGatewayDispatcher
{
    public ConcurrentQueue<(string EventName, long Sequence, string? SessionId, string Data)> Delivered { get; } = new();

    public IReadOnlyList<long> Sequences => Delivered.Select(d => d.Sequence).ToArray();

    public int Count(string eventName) => Delivered.Count(d => d.EventName == eventName);

    public bool Handles(ReadOnlySpan<byte> eventName) => true;

    public ValueTask DispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        Delivered.Enqueue((Encoding.UTF8.GetString(dispatch.EventName.Span), dispatch.Sequence, dispatch.SessionId, Encoding.UTF8.GetString(dispatch.Data.Span)));
        return ValueTask.CompletedTask;
    }
}
