using System.Collections.Concurrent;
using System.Text;
using Disgo.Gateway.Dispatch;

namespace Disgo.Runtime.Tests.Gateway.Dispatch;

/// <summary>A dispatcher for tests: handles the named events, records what it got, and can be held or made to fail.</summary>
internal sealed class RecordingDispatcher(params string[] handled) : IGatewayDispatcher
{
    private readonly byte[][] _handled = handled.Select(Encoding.UTF8.GetBytes).ToArray();

    public ConcurrentQueue<(string EventName, string Data, long Sequence)> Delivered { get; } = new();

    /// <summary>While set, every delivery waits for it to complete.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Sequences whose delivery throws.</summary>
    public HashSet<long> Failing { get; } = [];

    public SemaphoreSlim Started { get; } = new(0);

    public bool Handles(ReadOnlySpan<byte> eventName)
    {
        foreach (var name in _handled)
        {
            if (eventName.SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask DispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        Started.Release();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        Delivered.Enqueue((Encoding.UTF8.GetString(dispatch.EventName.Span), Encoding.UTF8.GetString(dispatch.Data.Span), dispatch.Sequence));
        if (Failing.Contains(dispatch.Sequence))
        {
            throw new InvalidOperationException($"handler failed on {dispatch.Sequence}");
        }
    }
}
