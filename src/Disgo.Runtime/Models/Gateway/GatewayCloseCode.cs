namespace Disgo.Models.Gateway;

/// <summary>
/// The close codes Discord's gateway uses. What a client does after each one is in <see cref="GatewayCloseCodes"/>.
/// There is no 4006 on the main gateway (the voice gateway has its own table).
/// </summary>
public enum GatewayCloseCode
{
    UnknownError = 4000,
    UnknownOpcode = 4001,
    DecodeError = 4002,
    NotAuthenticated = 4003,
    AuthenticationFailed = 4004,
    AlreadyAuthenticated = 4005,
    InvalidSequence = 4007,
    RateLimited = 4008,
    SessionTimedOut = 4009,
    InvalidShard = 4010,
    ShardingRequired = 4011,
    InvalidApiVersion = 4012,
    InvalidIntents = 4013,
    DisallowedIntents = 4014,
}
