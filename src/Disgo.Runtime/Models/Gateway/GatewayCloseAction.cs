namespace Disgo.Models.Gateway;

/// <summary>What a client does after its gateway connection closed.</summary>
public enum GatewayCloseAction
{
    /// <summary>Reconnect to <c>resume_gateway_url</c> and Resume (or Identify, if no session was established yet).</summary>
    Resume,

    /// <summary>Reconnect to the gateway URL and Identify a new session: the old one cannot be resumed.</summary>
    NewSession,

    /// <summary>Do not reconnect: the same Identify would fail again until the configuration is fixed.</summary>
    Fatal,
}
