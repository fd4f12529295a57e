using Disgo.Models.Gateway;

namespace Disgo.Sharding;

/// <summary>A session started, was replaced by a new one on its shard, or stopped: IDs only, never session objects.</summary>
/// <param name="kind">What happened.</param>
/// <param name="shard">The shard of the session; <see langword="null"/> for a session without sharding.</param>
/// <param name="oldSessionId">The ID that stopped resolving; <see cref="SessionId.None"/> for <see cref="SessionChangeKind.Started"/>.</param>
/// <param name="newSessionId">The ID that resolves now; <see cref="SessionId.None"/> for <see cref="SessionChangeKind.Stopped"/>.</param>
public sealed class SessionChangedEventArgs(SessionChangeKind kind, ShardInfo? shard, SessionId oldSessionId, SessionId newSessionId) : EventArgs
{
    public SessionChangeKind Kind { get; } = kind;

    public ShardInfo? Shard { get; } = shard;

    public SessionId OldSessionId { get; } = oldSessionId;

    public SessionId NewSessionId { get; } = newSessionId;

    public override string ToString() => Kind switch
    {
        SessionChangeKind.Started => $"shard {Shard?.ToString() ?? "[0, 1]"}: session {NewSessionId} started",
        SessionChangeKind.Replaced => $"shard {Shard?.ToString() ?? "[0, 1]"}: session {OldSessionId} replaced by {NewSessionId}",
        _ => $"shard {Shard?.ToString() ?? "[0, 1]"}: session {(OldSessionId.IsNone ? "(none)" : OldSessionId.Value)} stopped",
    };
}
