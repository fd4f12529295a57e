using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.Loader;
using Disgo.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Disgo.Benchmarks.Analyzers;

/// <summary>
/// What the analyzers add to a build of the 500-handler project, in CPU time: compiling it alone against compiling it
/// with every Disgo analyzer (<c>GetAllDiagnosticsAsync</c>, as a build does) and with each analyzer alone, rounds
/// interleaved, medians reported; then each analyzer's own time from the driver's telemetry. With
/// <c>--before &lt;Disgo.Analyzers.dll&gt;</c> another build of the analyzers (loaded side by side) is measured in the
/// same rounds, so that two versions are compared under the same load.
/// </summary>
/// <remarks>
/// Usage: <c>--analyzer-cost [--rounds 5] [--before path/to/Disgo.Analyzers.dll]</c>. Every run is single-threaded
/// and starts from a fresh compilation; the process's CPU time, rather than wall time, keeps other work on a busy
/// machine out of the figures (the machine's load still slows each core somewhat). Run it with
/// <c>DOTNET_TieredCompilation=0</c>: methods are compiled once, fully optimized, instead of being recompiled on
/// background threads while rounds are measured.
/// </remarks>
internal static class AnalyzerCostHarness
{
    public const string Switch = "--analyzer-cost";

    public static int Run(string[] args)
    {
        var rounds = Option(args, "--rounds") is { } count ? int.Parse(count, CultureInfo.InvariantCulture) : 5;
        var project = AnalyzedProject.Generate();
        var versions = new List<(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)>();
        if (Option(args, "--before") is { } before)
        {
            var assembly = new AssemblyLoadContext("before").LoadFromAssemblyPath(Path.GetFullPath(before));
            versions.Add(("before", AnalyzedProject.AnalyzersIn(assembly)));
        }

        versions.Add(("after", AnalyzedProject.AnalyzersIn(typeof(BotDeclarationAnalyzer).Assembly)));

        var runs = new List<(string Name, Func<int> Run)>
        {
            ("compile", () => project.Clone().GetDiagnostics().Length),
            ("compile + an analyzer that does nothing (the driver's own cost)", () => CompileWith(project, [new DoNothingAnalyzer(symbols: false)])),
            ("compile + an analyzer whose symbol actions do nothing", () => CompileWith(project, [new DoNothingAnalyzer(symbols: true)])),
        };
        foreach (var (version, analyzers) in versions)
        {
            runs.Add(($"{version}: every analyzer", () => CompileWith(project, analyzers)));
            foreach (var analyzer in analyzers)
            {
                runs.Add(($"{version}: {analyzer.GetType().Name} alone", () => CompileWith(project, [analyzer])));
            }
        }

        // One unmeasured round warms the JIT up.
        var samples = runs.ToDictionary(run => run.Name, _ => new List<Sample>());
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var (name, run) in runs)
            {
                var sample = Measure(run);
                if (round > 0)
                {
                    samples[name].Add(sample);
                }
            }
        }

        var baseline = samples["compile"];
        Console.WriteLine($"Per compilation, {rounds} rounds: CPU time median (min - max), allocated; load average {LoadAverage()}");
        foreach (var (name, _) in runs)
        {
            var measured = samples[name];
            var added = name == "compile" ? "" : string.Create(
                CultureInfo.InvariantCulture,
                $"; adds {Median(measured, s => s.CpuMs) - Median(baseline, s => s.CpuMs):+0;-0} ms median, {measured.Min(s => s.CpuMs) - baseline.Min(s => s.CpuMs):+0;-0} ms min, {Median(measured, s => s.AllocatedMb) - Median(baseline, s => s.AllocatedMb):+0.0;-0.0} MB");
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {name}: {Median(measured, s => s.CpuMs):0} ms ({measured.Min(s => s.CpuMs):0} - {measured.Max(s => s.CpuMs):0}), {Median(measured, s => s.AllocatedMb):0.0} MB{added}"));
        }

        foreach (var (version, analyzers) in versions)
        {
            var totals = analyzers.ToDictionary(analyzer => analyzer, _ => TimeSpan.Zero);
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (analyzer, time) in AnalyzedProject.Telemetry(project, analyzers))
                {
                    totals[analyzer] += time;
                }
            }

            Console.WriteLine($"{version}: each analyzer's own time per compilation (telemetry, mean of {rounds})");
            foreach (var (analyzer, total) in totals.OrderByDescending(pair => pair.Value))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {analyzer.GetType().Name}: {total.TotalMilliseconds / rounds:0.0} ms"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  in total: {totals.Values.Sum(time => time.TotalMilliseconds) / rounds:0.0} ms"));
        }

        return 0;
    }

    private static int CompileWith(Compilation project, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        AnalyzedProject.Analyze(project, analyzers, logExecutionTime: false).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

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

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private readonly record struct Sample(double CpuMs, double AllocatedMb);

    /// <summary>
    /// Runs the analyzer driver and nothing else: what any analyzer in a build costs before its first line of work (a
    /// build with the SDK's own analyzers pays this whether Disgo is referenced or not). With <c>symbols</c>, it also
    /// subscribes to every type and method, as Disgo's symbol-level analyzers do, and does nothing with them.
    /// </summary>
#pragma warning disable RS1001 // Not an analyzer to load from an assembly: the harness creates it.
    private sealed class DoNothingAnalyzer(bool symbols) : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

        // Configured as Disgo's analyzers are, so that it costs what their configuration costs.
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxTreeAction(static _ => { });
            if (symbols)
            {
                context.RegisterSymbolAction(static _ => { }, SymbolKind.NamedType, SymbolKind.Method);
            }
        }
    }
}
