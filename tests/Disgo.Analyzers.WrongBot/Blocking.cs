using System.Threading;
using Disgo;
using Disgo.Models;
using Disgo.Models.Gateway;

namespace WrongBot;

[DiscordBot]
[Handlers(typeof(Sleepy))]
public sealed partial class SleepyBot;

public static class Sleepy
{
    [On(GatewayEvents.MessageCreate)]
    public static void OnMessage(Message message)
    {
        Thread.Sleep(100); // DISGO5001
        Pause(); // DISGO5002
    }

    private static void Pause() => Thread.Sleep(100);
}
