namespace Disgo.Gateway.Sending;

/// <summary>What a payload sent on a gateway connection is, which decides the send budget it draws on.</summary>
internal enum GatewaySendKind
{
    /// <summary>Op 1. Drawn from the whole window, reserved slots included, ahead of any user command.</summary>
    Heartbeat,

    /// <summary>Op 2. Like a heartbeat: never waits behind user commands.</summary>
    Identify,

    /// <summary>Op 6. Like a heartbeat: never waits behind user commands.</summary>
    Resume,

    /// <summary>A user command (request guild members, voice state update, ...): never uses the reserved slots.</summary>
    Command,

    /// <summary>Op 3: a user command that is also limited to 5 per 20 s.</summary>
    PresenceUpdate,
}
