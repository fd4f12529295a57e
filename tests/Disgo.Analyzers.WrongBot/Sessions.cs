using Disgo.Gateway.Session;

namespace WrongBot;

public sealed class PresenceCache
{
    private GatewaySession? _current; // DISGO4001

    public void Remember(GatewaySession session) => _current = session;

    public string? Current() => _current?.SessionId;
}
