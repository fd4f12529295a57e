using Disgo;
using Disgo.Models;
using Disgo.Models.Events;
using Disgo.Models.Gateway;

namespace WrongBot;

/// <summary>Correct handlers the wrong bots list, so that each bot breaks only the rules it is meant to.</summary>
public static class Lifecycle
{
    [On]
    public static void OnReady(Ready ready) { }
}

public static class Messages
{
    [On(GatewayEvents.MessageCreate)]
    public static void OnMessage(Message message) { }
}
