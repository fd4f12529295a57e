using Disgo.Models.Gateway;

namespace Disgo.Sharding;

/// <summary>
/// A session ID that no running session has: it was replaced when its shard identified again, its session stopped,
/// or this process never ran it. Resolve the shard's current session instead (by shard, or by guild).
/// </summary>
public sealed class SessionNotFoundException : InvalidOperationException
{
    public SessionNotFoundException(SessionId sessionId, ShardInfo? shard, SessionId replacedBy, bool stopped)
        : base(Describe(sessionId, shard, replacedBy, stopped))
    {
        SessionId = sessionId;
        Shard = shard;
        ReplacedBy = replacedBy;
        Stopped = stopped;
    }

    /// <summary>The ID that was asked for.</summary>
    public SessionId SessionId { get; }

    /// <summary>The shard the session ran on, when it ever ran in this process.</summary>
    public ShardInfo? Shard { get; }

    /// <summary>The session that replaced it on its shard; <see cref="SessionId.None"/> if none (yet).</summary>
    public SessionId ReplacedBy { get; }

    /// <summary>Whether its session stopped for good.</summary>
    public bool Stopped { get; }

    private static string Describe(SessionId sessionId, ShardInfo? shard, SessionId replacedBy, bool stopped)
    {
        var where = shard?.ToString() ?? "[0, 1]";
        if (!replacedBy.IsNone)
        {
            return $"Session {sessionId} was replaced by session {replacedBy} on shard {where} (the shard identified again); use the new ID, or send by shard or guild.";
        }

        if (stopped)
        {
            return $"Session {sessionId} on shard {where} has stopped; it no longer exists.";
        }

        return shard is null
            ? $"No session {sessionId} runs in this process; it may belong to another process, or never existed."
            : $"Session {sessionId} on shard {where} ended; the shard is identifying a new session. Send by shard or guild, or wait for SessionChanged.";
    }
}
