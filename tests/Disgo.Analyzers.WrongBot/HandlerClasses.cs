using Disgo;
using Disgo.Models;
using Disgo.Models.Events;
using Disgo.Models.Gateway;

namespace WrongBot;

[DiscordBot]
[Handlers(typeof(StructHandlers))] // DISGO1101
public sealed partial class StructHandlerBot;

[DiscordBot]
[Handlers(typeof(Lifecycle), typeof(Lifecycle))] // DISGO1102
public sealed partial class RepeatedHandlerBot;

[DiscordBot]
[Handlers(typeof(TwoConstructors), typeof(NoHandlers), typeof(BadMethods))] // DISGO1104
public sealed partial class HandlerClassBot;

public struct StructHandlers
{
    [On]
    public static void OnReady(Ready ready) { }
}

public sealed class TwoConstructors // DISGO1103
{
    public TwoConstructors() { }

    public TwoConstructors(int delay) => _ = delay;

    [On]
    public void OnReady(Ready ready) { }
}

public static class NoHandlers
{
    public static void Helper() { }
}

public static class BadMethods
{
    [On]
    public static void TooManyParameters(Ready ready, DispatchContext context, int extra) { } // DISGO1105

    [On(GatewayEvents.MessageCreate)]
    public static async void AsyncVoid(Message message) => await System.Threading.Tasks.Task.Yield(); // DISGO1106
}
