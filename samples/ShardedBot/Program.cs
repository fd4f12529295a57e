using Disgo.Emulator;
using Disgo.Gateway.Session;
using Disgo.Models.Gateway;
using Disgo.Sharding;
using Microsoft.Extensions.Logging;
using ShardedBot;

// A sharded bot. With DISCORD_TOKEN it connects to Discord (or to DISGO_API_URL); without it, it starts the
// embedded local Discord with thousands of guilds and runs every recommended shard against it.
var duration = SampleArguments.ParseDuration(args);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = true;
    stop.Cancel();
};
if (duration is { } limit)
    stop.CancelAfter(limit);

using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
var token = Environment.GetEnvironmentVariable("DISCORD_TOKEN");
await using var localDiscord = string.IsNullOrEmpty(token) ? await StartLocalDiscordAsync() : null;
token = localDiscord?.Options.Token ?? token!;
var restBaseUrl = localDiscord?.RestBaseUrl
    ?? (Environment.GetEnvironmentVariable("DISGO_API_URL") is { Length: > 0 } api ? new Uri(api) : GatewaySessionOptions.DiscordRestBaseUrl);

using var http = new HttpClient();
var gatewayBot = await new GatewayBotInfoClient(http, restBaseUrl, token).GetAsync(stop.Token);
var shards = PingBot.Shards.Resolve(gatewayBot);
var windows = (shards.Count + gatewayBot.SessionStartLimit.MaxConcurrency - 1) / gatewayBot.SessionStartLimit.MaxConcurrency;
Console.WriteLine($"Starting {shards.Count} shards, max_concurrency {gatewayBot.SessionStartLimit.MaxConcurrency}: " +
    $"{windows} identify window(s), about {(windows - 1) * 5} s; {gatewayBot.SessionStartLimit.Remaining} session starts left today.");

var coordinator = new BucketedIdentifyCoordinator(BucketedIdentifyCoordinatorOptions.From(gatewayBot));
coordinator.Waiting += (_, waiting) => Console.WriteLine(
    $"  shard {waiting.Shard?.ShardId} waits to identify (bucket {waiting.Bucket}): {waiting.Reason}{(waiting.Delay is { } delay ? $", up to {delay.TotalSeconds:0.0} s" : "")}");
var statistics = new ShardStatistics(shards[0].ShardCount);
var bot = PingBot.Create(new PingHandlers(statistics), loggerFactory.CreateLogger<PingBot>());

await using var fleet = new ShardFleet(shards, shard => new GatewaySessionOptions
{
    Token = token,
    Intents = PingBot.Intents | GatewayIntents.MessageContent,
    Shard = shard,
    // Fetched once for the whole fleet above: shards need not each ask GET /gateway/bot.
    GatewayUrl = gatewayBot.Url,
    IdentifyCoordinator = coordinator,
    LoggerFactory = loggerFactory,
}, bot);

try
{
    await fleet.StartAsync(stop.Token);
    Console.WriteLine("All shards ready. Ctrl+C to stop.");
    if (localDiscord is not null)
        await LocalTraffic.RunAsync(localDiscord, stop.Token);
    else
        await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
}

await fleet.StopAsync(CancellationToken.None);
Console.WriteLine();
Console.WriteLine("shard  session                           events  guilds  messages  identifies  resumes");
foreach (var record in fleet.Shards)
{
    var id = record.Shard.ShardId;
    Console.WriteLine($"{id,5}  {record.Session.SessionId ?? "-",-32}  {record.Session.Sequence,6}  {statistics.Guilds(id),6}  {statistics.Messages(id),8}  {record.Identifies,10}  {record.Resumes,7}");
}

static async Task<DiscordEmulator> StartLocalDiscordAsync()
{
    var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { GuildCount = 5_000, MaxConcurrency = 2 });
    Console.WriteLine($"No DISCORD_TOKEN: running against the local Discord at {emulator.RestBaseUrl} with {emulator.World.Guilds.Count} guilds.");
    return emulator;
}
