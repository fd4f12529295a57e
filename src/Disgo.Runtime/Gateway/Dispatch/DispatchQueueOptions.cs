namespace Disgo.Gateway.Dispatch;

/// <summary>The bounded queue between a session's receive loop and its <see cref="IGatewayDispatcher"/>.</summary>
public sealed class DispatchQueueOptions
{
    /// <summary>How many events may wait for their handlers. Each one holds its payload's buffer.</summary>
    public int Capacity { get; set; } = 256;

    /// <summary>What happens to a new event when <see cref="Capacity"/> events are already waiting.</summary>
    public DispatchQueueFullMode FullMode { get; set; } = DispatchQueueFullMode.Wait;
}
