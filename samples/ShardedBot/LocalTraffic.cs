using Disgo.Emulator;

namespace ShardedBot;

/// <summary>Life in the local Discord: a steady stream of messages, and a "!ping" in a random guild every few seconds.</summary>
public static class LocalTraffic
{
    public static async Task RunAsync(DiscordEmulator discord, CancellationToken cancellationToken)
    {
        discord.Events.Start(eventsPerSecond: 100);
        using var pings = new PeriodicTimer(TimeSpan.FromSeconds(3));
        while (await pings.WaitForNextTickAsync(cancellationToken))
        {
            var guild = discord.World.Guilds[Random.Shared.Next(discord.World.Guilds.Count)];
            discord.Events.EmitMessageCreate(guild.Id, guild.ChannelId(0), "!ping");
        }
    }
}
