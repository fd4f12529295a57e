using Disgo.Models.Gateway;

namespace Disgo.Gateway.Session;

/// <summary>
/// The gateway closed the connection with a code after which connecting again would fail the same way (4004, 4010,
/// 4011, 4012, 4013, 4014). The message names the cause and the fix; the session has stopped.
/// </summary>
public sealed class GatewayFatalCloseException : Exception
{
    public GatewayFatalCloseException(GatewayCloseCodeInfo closeCode, GatewayIntents identifiedIntents)
        : base(Describe(closeCode, identifiedIntents))
    {
        CloseCode = closeCode;
    }

    /// <summary>The close code, its cause and its fix.</summary>
    public GatewayCloseCodeInfo CloseCode { get; }

    private static string Describe(GatewayCloseCodeInfo closeCode, GatewayIntents identifiedIntents)
    {
        ArgumentNullException.ThrowIfNull(closeCode);
        return closeCode.Describe(identifiedIntents);
    }
}
