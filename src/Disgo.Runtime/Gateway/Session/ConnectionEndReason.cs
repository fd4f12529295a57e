namespace Disgo.Gateway.Session;

/// <summary>Why a connection of a session ended, which decides what the session does next.</summary>
internal enum ConnectionEndReason
{
    /// <summary>The server closed it with a close code (see <see cref="ConnectionEnd.CloseCode"/>).</summary>
    ServerClosed,

    /// <summary>It failed without a close frame (TCP reset, I/O error): the session survives and is resumed.</summary>
    Dropped,

    /// <summary>The WebSocket handshake failed (refused, HTTP error such as 503): nothing was sent on it.</summary>
    HandshakeFailed,

    /// <summary>A heartbeat went unacknowledged until the next one was due.</summary>
    Zombied,

    /// <summary>The server sent op 7 Reconnect.</summary>
    ReconnectRequested,

    /// <summary>The server sent op 9 with <c>d: true</c>: resume (or identify, if no session was established).</summary>
    InvalidSessionResumable,

    /// <summary>The server sent op 9 with <c>d: false</c>: the session is gone; identify a new one after 1-5 s.</summary>
    InvalidSessionNotResumable,

    /// <summary>The server sent something that cannot be decoded; the connection is recycled and the session resumed.</summary>
    BadInput,

    /// <summary>No Hello arrived in time.</summary>
    NoHello,

    /// <summary>Sending Identify or Resume failed on the client's side (e.g. the identify coordinator failed).</summary>
    ClientFailure,

    /// <summary><see cref="GatewaySession.StopAsync"/>: closed with 1000, which ends the Discord session.</summary>
    Stopping,

    /// <summary><see cref="GatewaySession.DetachAsync"/>: closed with a resumable code, the session kept for elsewhere.</summary>
    Detaching,
}
