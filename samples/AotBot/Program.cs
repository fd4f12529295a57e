using AotBot;
using Disgo.Models.Gateway;
using Disgo.Sharding;

// A bot published with Native AOT. With DISCORD_TOKEN it runs the shards its declaration asks for (Discord's
// recommended count); with --canned-dispatch it delivers one canned MESSAGE_CREATE to its generated dispatcher and
// exits, without a network.
if (args is [CannedDispatch.Flag])
{
    return await CannedDispatch.RunAsync(Console.Out);
}

var token = Environment.GetEnvironmentVariable("DISCORD_TOKEN");
if (string.IsNullOrEmpty(token))
{
    Console.Error.WriteLine($"Set DISCORD_TOKEN to run the bot, or pass {CannedDispatch.Flag} to check its dispatcher offline.");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = true;
    stop.Cancel();
};

var options = new ShardManagerOptions
{
    Token = token,
    // The handlers read message text, which Discord sends only with the privileged Message Content intent.
    Intents = PingBot.Intents | GatewayIntents.MessageContent,
    Shards = PingBot.Shards,
    ConfigureSession = session => session.LargeThreshold = PingBot.LargeThreshold,
};
await using var shards = new ShardManager(options, commands => PingBot.Create(new PingHandlers(Console.Out), commandSender: commands));
try
{
    await shards.StartAsync(stop.Token);
    Console.WriteLine($"{shards.Shards.Count} shard(s) running. Ctrl+C to stop.");
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
}

await shards.StopAsync(CancellationToken.None);
return 0;
