namespace Disgo.Emulator.Gateway;

/// <summary>
/// The close codes the gateway sends, from Discord's "Gateway Close Event Codes" table. The emulator keeps its own
/// copy rather than sharing the client's: a misread shared by both sides would pass every test.
/// </summary>
internal static class GatewayCloseCodes
{
    /// <summary>WebSocket "going away": sent when the emulator shuts down.</summary>
    public const int GoingAway = 1001;

    public const int UnknownError = 4000;
    public const int UnknownOpcode = 4001;
    public const int DecodeError = 4002;
    public const int NotAuthenticated = 4003;
    public const int AuthenticationFailed = 4004;
    public const int AlreadyAuthenticated = 4005;
    public const int InvalidSequence = 4007;
    public const int RateLimited = 4008;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;

    /// <summary>
    /// Whether a server close with <paramref name="code"/> ends the session. Discord marks 4004 and 4010-4014 as
    /// "don't reconnect", and says to start a new session after 4007 and 4009; everything else leaves it resumable.
    /// </summary>
    public static bool EndsSession(int code) =>
        code is AuthenticationFailed or InvalidSequence or SessionTimedOut or (>= InvalidShard and <= DisallowedIntents);

    /// <summary>Whether a client close with <paramref name="code"/> invalidates the session at once (1000 or 1001).</summary>
    public static bool ClientCloseEndsSession(int? code) => code is 1000 or 1001;
}
