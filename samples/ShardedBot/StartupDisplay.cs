using Disgo.Sharding;

namespace ShardedBot;

/// <summary>What the sample prints live: the start-up progress bar, each session change, and a status line every few seconds.</summary>
public static class StartupDisplay
{
    public static void OnProgress(ShardStartProgress progress)
    {
        if (progress.Ready == 0)
        {
            Console.WriteLine($"Starting {progress.Total} of {progress.TotalShards} shards: {progress.Windows} identify window(s), about {progress.ExpectedDuration.TotalSeconds:0} s.");
            return;
        }

        const int width = 20;
        var filled = (int)(progress.Fraction * width);
        Console.WriteLine($"  [{new string('#', filled)}{new string('.', width - filled)}] {progress.Ready}/{progress.Total} ready after {progress.Elapsed.TotalSeconds:0.0} s (about {progress.Remaining.TotalSeconds:0} s to go)");
    }

    public static void OnSessionChanged(SessionChangedEventArgs change) => Console.WriteLine($"  {change}");

    /// <summary>One line per interval: how many shards are in each state, and the events they received.</summary>
    public static async Task ReportAsync(IShardManager shards, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var sessions = shards.Sessions.Sessions;
            var states = string.Join(", ", sessions.GroupBy(s => s.Status).Select(g => $"{g.Count()} {g.Key}"));
            var events = sessions.Sum(s => s.Sequence ?? 0);
            var slowest = sessions.Max(s => s.Latency) is { } latency ? $", slowest heartbeat {latency.TotalMilliseconds:0} ms" : "";
            Console.WriteLine($"  shards: {states}; {events} events{slowest}");
        }
    }
}
