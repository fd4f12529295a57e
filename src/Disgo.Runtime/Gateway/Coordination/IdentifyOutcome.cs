namespace Disgo.Gateway.Coordination;

/// <summary>How an Identify ended, reported when its lease is released.</summary>
public enum IdentifyOutcome
{
    /// <summary>READY arrived: a session started and used one session start from the daily budget.</summary>
    Ready,

    /// <summary>Op 9 Invalid Session arrived instead of READY: Discord refused the Identify.</summary>
    InvalidSession,

    /// <summary>The connection ended before an answer; whether Discord counted the Identify is unknown.</summary>
    ConnectionLost,
}
