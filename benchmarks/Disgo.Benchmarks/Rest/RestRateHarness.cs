using System.Diagnostics;
using System.Globalization;
using Disgo.Emulator;
using Disgo.Emulator.Rest;
using Disgo.Rest;
using Disgo.Rest.Models;
using Disgo.Rest.RateLimiting;

namespace Disgo.Benchmarks.Rest;

/// <summary>
/// Achieved rate / allowed rate on real time against the emulator in-process: 1,000 messages to 10 channels under
/// per-channel buckets, then a burst of 250 requests under a global limit. Reports the wall time, the time the limits
/// allow, their ratio and the 429s the emulator answered.
/// </summary>
/// <remarks>
/// Usage: <c>--rest-rate [--margin-ms 10]</c>. A one-shot measure on real time, so machine load shows in it (the tests
/// check the limiter alone on virtual time).
/// </remarks>
internal static class RestRateHarness
{
    public const string Switch = "--rest-rate";

    public static async Task<int> RunAsync(string[] args)
    {
        var marginIndex = Array.IndexOf(args, "--margin-ms");
        var margin = TimeSpan.FromMilliseconds(marginIndex >= 0 ? double.Parse(args[marginIndex + 1], CultureInfo.InvariantCulture) : 10);
        Console.WriteLine($"safety margin {margin.TotalMilliseconds} ms");
        await MeasureAsync("1,000 messages, 10 channels, 5 per 250 ms each", 1000, 10, new RouteRate(5, TimeSpan.FromMilliseconds(250)), new RouteRate(10_000, TimeSpan.FromSeconds(1)), margin);
        await MeasureAsync("250 requests, global 25 per 500 ms", 250, 10, new RouteRate(10_000, TimeSpan.FromSeconds(1)), new RouteRate(25, TimeSpan.FromMilliseconds(500)), margin);
        return 0;
    }

    private static async Task MeasureAsync(string name, int requests, int channels, RouteRate bucket, RouteRate global, TimeSpan margin)
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions
        {
            GuildCount = channels,
            ChannelsPerGuild = 1,
            RestLimits = { CreateMessage = bucket, Global = global },
        });
        var limiter = new RateLimiter(new RateLimiterOptions { GlobalLimit = global.Limit, GlobalWindow = global.Window, SafetyMargin = margin });
        using var client = new DiscordRestClient(new DiscordRestClientOptions { Token = emulator.Options.Token, BaseUrl = emulator.RestBaseUrl, RateLimiter = limiter });
        var targets = emulator.World.Guilds.Select(g => new Snowflake(g.ChannelId(0))).ToArray();

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, requests).Select(i => client.CreateMessageAsync(targets[i % channels], new CreateMessage { Content = "m" })));
        var elapsed = clock.Elapsed;

        var perChannel = requests / channels;
        var bucketBound = bucket.Window * (Math.Ceiling((double)perChannel / bucket.Limit) - 1);
        var globalBound = global.Window * (Math.Ceiling((double)requests / global.Limit) - 1);
        var allowed = bucketBound > globalBound ? bucketBound : globalBound;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {elapsed.TotalMilliseconds:0} ms, allowed {allowed.TotalMilliseconds:0} ms, achieved/allowed rate {allowed / elapsed:0.000}, 429s {emulator.Rest.RateLimited.Count()}"));
    }
}
