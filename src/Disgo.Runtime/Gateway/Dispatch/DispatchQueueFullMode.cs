namespace Disgo.Gateway.Dispatch;

/// <summary>What a session's dispatch queue does with a new event when it is full.</summary>
public enum DispatchQueueFullMode
{
    /// <summary>
    /// Back-pressure: the receive loop waits for a free slot, so no event is lost and TCP flow control slows the server
    /// down. Heartbeats keep going on their own timer; ACKs are read once the loop moves again, and a missing ACK is not
    /// taken for a dead connection while the loop is waiting.
    /// </summary>
    Wait = 0,

    /// <summary>
    /// The oldest queued event is dropped (and logged) to make room, so the receive loop never waits. For bots that
    /// prefer fresh events over complete ones: dropped events are lost for good, which breaks exactly-once delivery.
    /// </summary>
    DropOldest,
}
