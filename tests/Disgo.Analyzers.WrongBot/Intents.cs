using Disgo;
using Disgo.Models;
using Disgo.Models.Gateway;

namespace WrongBot;

[DiscordBot]
[Intents((GatewayIntents)(1L << 18))] // DISGO3001
[Handlers(typeof(Lifecycle))]
public sealed partial class UndocumentedIntentsBot;

[DiscordBot]
[Intents(GatewayIntents.Guilds)] // DISGO3002
[Handlers(typeof(Messages))]
public sealed partial class StarvedBot;

[DiscordBot]
[Intents(GatewayIntents.GuildMembers)] // DISGO3003
[Handlers(typeof(Lifecycle))]
public sealed partial class PrivilegedBot;

[DiscordBot]
[Intents(GatewayIntents.GuildMessages)]
[Handlers(typeof(ContentReader))]
public sealed partial class NoContentBot;

public static class ContentReader
{
    [On(GatewayEvents.MessageCreate)]
    public static void OnMessage(Message message) => System.Console.WriteLine(message.Content); // DISGO3004
}
