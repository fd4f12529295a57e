using System.Collections.Immutable;
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
        var rounds = CostMeasurement.Rounds(args);
        var project = AnalyzedProject.Generate();
        var versions = new List<(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)>();
        if (CostMeasurement.Option(args, "--before") is { } before)
        {
            var assembly = new AssemblyLoadContext("before").LoadFromAssemblyPath(Path.GetFullPath(before));
            versions.Add(("before", AnalyzedProject.AnalyzersIn(assembly)));
        }

        versions.Add(("after", AnalyzedProject.AnalyzersIn(typeof(BotDeclarationAnalyzer).Assembly)));

        const string Compile = "compile";
        var runs = new List<CostRun>
        {
            new(Compile, () => project.Clone().GetDiagnostics().Length),
            new("compile + an analyzer that does nothing (the driver's own cost)", () => CompileWith(project, [new DoNothingAnalyzer(symbols: false)]), Compile),
            new("compile + an analyzer whose symbol actions do nothing", () => CompileWith(project, [new DoNothingAnalyzer(symbols: true)]), Compile),
        };
        foreach (var (version, analyzers) in versions)
        {
            runs.Add(new($"{version}: every analyzer", () => CompileWith(project, analyzers), Compile));
            foreach (var analyzer in analyzers)
            {
                runs.Add(new($"{version}: {analyzer.GetType().Name} alone", () => CompileWith(project, [analyzer]), Compile));
            }
        }

        CostMeasurement.Compare(runs, rounds);

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
