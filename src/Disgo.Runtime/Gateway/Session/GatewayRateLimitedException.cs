using System.Globalization;
using Disgo.Models.Gateway;

namespace Disgo.Gateway.Session;

/// <summary>
/// The gateway refused a command with a RATE_LIMITED dispatch (today: a full member list of one guild more than once
/// per 30 s). The connection is fine; send the command again after <see cref="RetryAfter"/>.
/// </summary>
public sealed class GatewayRateLimitedException : Exception
{
    public GatewayRateLimitedException(GatewayOpcode opcode, TimeSpan retryAfter, Snowflake? guildId, string? nonce)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"The gateway rate limited {opcode} (op {(int)opcode}){(guildId is { } guild ? $" for guild {guild}" : "")}: retry after {retryAfter.TotalSeconds:0.###} s."))
    {
        Opcode = opcode;
        RetryAfter = retryAfter;
        GuildId = guildId;
        Nonce = nonce;
    }

    /// <summary>The command that was refused.</summary>
    public GatewayOpcode Opcode { get; }

    /// <summary>How long to wait before sending it again (Discord's <c>retry_after</c>).</summary>
    public TimeSpan RetryAfter { get; }

    public Snowflake? GuildId { get; }

    /// <summary>The nonce of the refused request.</summary>
    public string? Nonce { get; }
}
