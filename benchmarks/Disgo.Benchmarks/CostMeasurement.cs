using System.Diagnostics;
using System.Globalization;

namespace Disgo.Benchmarks;

/// <summary>
/// Compares what several ways of compiling the same project cost, in the process's CPU time and bytes allocated:
/// every run once per round, rounds interleaved so that a change in the machine's load reaches every run alike,
/// medians reported. Shared by the <c>--analyzer-cost</c> and <c>--generator-cost</c> harnesses.
/// </summary>
internal static class CostMeasurement
{
    /// <summary>The value after <paramref name="name"/> in <paramref name="args"/>, or null.</summary>
    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary><c>--rounds n</c>, 5 by default.</summary>
    public static int Rounds(string[] args) =>
        Option(args, "--rounds") is { } count ? int.Parse(count, CultureInfo.InvariantCulture) : 5;

    /// <summary>
    /// Measures every run of <paramref name="runs"/> in each of <paramref name="rounds"/> rounds (after one unmeasured
    /// round that warms the JIT up) and prints each run's median, range and allocations, and what it adds to its
    /// <see cref="CostRun.Baseline"/>.
    /// </summary>
    public static void Compare(IReadOnlyList<CostRun> runs, int rounds)
    {
        var samples = runs.ToDictionary(run => run.Name, _ => new List<Sample>());
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var run in runs)
            {
                var sample = Measure(run.Run);
                if (round > 0)
                {
                    samples[run.Name].Add(sample);
                }
            }
        }

        Console.WriteLine($"Per compilation, {rounds} rounds: CPU time median (min - max), allocated; load average {LoadAverage()}");
        foreach (var run in runs)
        {
            var measured = samples[run.Name];
            var added = run.Baseline is not { } baselineName ? "" : string.Create(
                CultureInfo.InvariantCulture,
                $"; adds {Median(measured, s => s.CpuMs) - Median(samples[baselineName], s => s.CpuMs):+0;-0} ms median, {measured.Min(s => s.CpuMs) - samples[baselineName].Min(s => s.CpuMs):+0;-0} ms min, {Median(measured, s => s.AllocatedMb) - Median(samples[baselineName], s => s.AllocatedMb):+0.00;-0.00} MB to {baselineName}");
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {run.Name}: {Median(measured, s => s.CpuMs):0} ms ({measured.Min(s => s.CpuMs):0} - {measured.Max(s => s.CpuMs):0}), {Median(measured, s => s.AllocatedMb):0.00} MB{added}"));
        }
    }

    // Garbage from an earlier run is collected before the clock starts, so each run pays for its own. Allocations
    // are counted too: they are work that machine load does not blur.
    private static Sample Measure(Func<int> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        run();
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
        process.Refresh();
        return new Sample((process.TotalProcessorTime - cpu).TotalMilliseconds, allocatedMb);
    }

    private static double Median(List<Sample> samples, Func<Sample, double> value)
    {
        var sorted = samples.Select(value).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private readonly record struct Sample(double CpuMs, double AllocatedMb);
}
