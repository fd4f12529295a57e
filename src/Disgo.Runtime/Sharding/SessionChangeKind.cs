namespace Disgo.Sharding;

/// <summary>What happened to a gateway session the <see cref="SessionManager"/> tracks.</summary>
public enum SessionChangeKind
{
    /// <summary>A session object got its first Discord session (READY): <see cref="SessionChangedEventArgs.NewSessionId"/>.</summary>
    Started,

    /// <summary>
    /// The shard identified again (after Invalid Session, 4007, 4009...): <see cref="SessionChangedEventArgs.OldSessionId"/>
    /// no longer resolves, <see cref="SessionChangedEventArgs.NewSessionId"/> does.
    /// </summary>
    Replaced,

    /// <summary>The session stopped for good (stopped, or a fatal close): <see cref="SessionChangedEventArgs.OldSessionId"/> no longer resolves.</summary>
    Stopped,
}
