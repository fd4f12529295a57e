using Disgo.Emulator;
using Disgo.Gateway.Session;
using Disgo.Models.Gateway;
using Disgo.Rest;
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

var statistics = new ShardStatistics();
using var rest = new DiscordRestClient(new DiscordRestClientOptions { Token = token, BaseUrl = restBaseUrl, LoggerFactory = loggerFactory });
using var counters = new SessionCounters();
await using var shards = new ShardManager(new ShardManagerOptions
{
    Token = token,
    Intents = PingBot.Intents | GatewayIntents.MessageContent,
    Shards = PingBot.Shards,
    RestBaseUrl = restBaseUrl,
    LoggerFactory = loggerFactory,
}, commands => PingBot.Create(new PingHandlers(statistics, rest), loggerFactory.CreateLogger<PingBot>(), commands));
shards.ProgressChanged += (_, progress) => StartupDisplay.OnProgress(progress);
EventHandler<SessionChangedEventArgs> showChange = (_, change) => StartupDisplay.OnSessionChanged(change);
shards.Sessions.SessionChanged += showChange;

IReadOnlyList<SessionInfo> sessions = [];
try
{
    await shards.StartAsync(stop.Token);
    Console.WriteLine($"All {shards.Shards.Count} shards ready ({shards.RemainingSessionStarts} session starts left today). Ctrl+C to stop.");
    var report = StartupDisplay.ReportAsync(shards, TimeSpan.FromSeconds(5), stop.Token);
    if (localDiscord is not null)
        await LocalTraffic.RunAsync(localDiscord, stop.Token);
    await report;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
}
finally
{
    // Taken before stopping: a stopped session has no ID any more.
    sessions = shards.Sessions.Sessions;
}

// The stops are expected now; the summary says the rest.
shards.Sessions.SessionChanged -= showChange;
await shards.StopAsync(CancellationToken.None);
Console.WriteLine();
Console.WriteLine("shard  session                           events  guilds  messages  identifies  resumes");
foreach (var session in sessions.OrderBy(s => s.Shard?.ShardId))
{
    var id = session.Shard?.ShardId ?? 0;
    var sessionId = session.SessionId.IsNone ? "-" : session.SessionId.Value;
    Console.WriteLine($"{id,5}  {sessionId,-32}  {session.Sequence ?? 0,6}  {statistics.Guilds(id),6}  {statistics.Messages(id),8}  {counters.Identifies(id),10}  {counters.Resumes(id),7}");
}

var held = localDiscord is null ? "" : $"; the local Discord holds {statistics.Replies.Count(reply => localDiscord.World.Messages.Find(reply.Value) is not null)} of the replies";
Console.WriteLine($"{statistics.Replies.Count} ping(s) answered with a reply{held}.");

static async Task<DiscordEmulator> StartLocalDiscordAsync()
{
    var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { GuildCount = 5_000, MaxConcurrency = 2 });
    Console.WriteLine($"No DISCORD_TOKEN: running against the local Discord at {emulator.RestBaseUrl} with {emulator.World.Guilds.Count} guilds.");
    return emulator;
}
