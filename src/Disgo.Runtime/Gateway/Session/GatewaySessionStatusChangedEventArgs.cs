namespace Disgo.Gateway.Session;

/// <summary>One transition of a <see cref="GatewaySession"/>'s status.</summary>
public sealed class GatewaySessionStatusChangedEventArgs(
    GatewaySessionStatus previous,
    GatewaySessionStatus current,
    int? closeCode,
    string? reason,
    Exception? exception) : EventArgs
{
    public GatewaySessionStatus Previous { get; } = previous;

    public GatewaySessionStatus Current { get; } = current;

    /// <summary>The WebSocket close code that caused the transition, when one did (sent by either side).</summary>
    public int? CloseCode { get; } = closeCode;

    /// <summary>Why, in a sentence, when the transition has a cause worth reading.</summary>
    public string? Reason { get; } = reason;

    /// <summary>The error that stopped the session, for a transition to <see cref="GatewaySessionStatus.Stopped"/> after a failure.</summary>
    public Exception? Exception { get; } = exception;

    public override string ToString() =>
        $"{Previous} -> {Current}{(CloseCode is { } code ? $" (close {code})" : "")}{(Reason is null ? "" : $": {Reason}")}";
}
