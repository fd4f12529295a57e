using Disgo;
using Disgo.Models;
using Disgo.Models.Events;
using Disgo.Models.Gateway;

namespace WrongBot;

[DiscordBot]
[Handlers(typeof(EventMistakes))]
public sealed partial class EventBot;

public static class EventMistakes
{
    [On("MESAGE_CREATE")] // DISGO1201
    public static void Misspelt(Message message) { }

    [On(GatewayEvents.GuildUpdate)] // DISGO1202
    public static void NoModel(Message message) { }

    [On(GatewayEvents.Ready)] // DISGO1203
    public static void WrongModel(Message message) { }

    [On] // DISGO1204
    public static void NoEventCarries(string text) { }

    [On] // DISGO1205
    public static void TwoEventsCarry(Message message) { }
}
