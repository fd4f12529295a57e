namespace Disgo.Gateway.Dispatch;

/// <summary>
/// Delivers dispatch events (op 0) to handlers. Disgo's source generator implements it for a bot from its handler
/// declarations; it can also be written by hand.
/// </summary>
/// <remarks>
/// <para>
/// The receive loop asks <see cref="Handles"/> for every dispatch, before anything else is done with it. An event no
/// handler wants therefore costs one comparison of its name: it is not copied, queued or deserialized.
/// </para>
/// <para>
/// Wanted events go through the session's bounded queue and reach <see cref="DispatchAsync"/> one at a time, in
/// sequence order, on a task of their own, so a slow handler never delays heartbeats or the receive loop.
/// </para>
/// </remarks>
public interface IGatewayDispatcher
{
    /// <summary>
    /// Whether any handler wants the event named <paramref name="eventName"/> (UTF-8, e.g. <c>MESSAGE_CREATE</c>).
    /// Called on the receive loop for every dispatch: it must be cheap, must not allocate and must not throw.
    /// </summary>
    bool Handles(ReadOnlySpan<byte> eventName);

    /// <summary>
    /// Delivers one event <see cref="Handles"/> accepted. <see cref="GatewayDispatch.Data"/> stays valid until the
    /// returned task completes; anything kept longer must be copied (deserializing it does that).
    /// </summary>
    ValueTask DispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken);
}
