using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Disgo.Analyzers.Rules;
using Disgo.Benchmarks.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Disgo.Benchmarks.Analyzers;

/// <summary>
/// What Disgo's analyzers add to compiling <see cref="LargeBotProject"/> (500 handlers, 5 bots, with the generated
/// bots): compiling it alone against compiling it through every Disgo analyzer. Both start from a fresh compilation
/// and run on one thread, so the difference is the analyzers' work.
/// </summary>
/// <remarks>
/// A build reports the compiler's diagnostics and the analyzers' from one pass, which
/// <see cref="CompilationWithAnalyzers.GetAllDiagnosticsAsync(CancellationToken)"/> reproduces: its difference to the
/// baseline is what the analyzers add to a build. <see cref="CompilationWithAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken)"/>
/// binds only what raising the analyzers' events needs, so it is shown too, but it is not a build. The setup also
/// prints each analyzer's own execution time, from the analyzer driver's telemetry.
/// </remarks>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private const int TelemetryRuns = 5;

    private Compilation _project = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    [GlobalSetup]
    public void Setup()
    {
        _project = AnalyzedProject.Generate();
        _analyzers = AnalyzedProject.AnalyzersIn(typeof(BotDeclarationAnalyzer).Assembly);

        // A clean, realistic project: no Disgo warning, so the analyzers take their common path.
        var warnings = AnalyzedProject.Analyze(_project, _analyzers, logExecutionTime: false).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
            .ToList();
        if (warnings.Count > 0)
        {
            throw new InvalidOperationException($"The project has Disgo warnings:\n{string.Join('\n', warnings.Take(10))}");
        }

        PrintTelemetry();
    }

    [Benchmark(Baseline = true, Description = "compile (GetDiagnostics)")]
    public int Compile() => _project.Clone().GetDiagnostics().Length;

    [Benchmark(Description = "compile + every Disgo analyzer (GetAllDiagnosticsAsync)")]
    public int CompileWithAnalyzers() =>
        AnalyzedProject.Analyze(_project, _analyzers, logExecutionTime: false).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    [Benchmark(Description = "every Disgo analyzer (GetAnalyzerDiagnosticsAsync)")]
    public int AnalyzerDiagnostics() =>
        AnalyzedProject.Analyze(_project, _analyzers, logExecutionTime: false).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;

    private void PrintTelemetry()
    {
        var totals = new Dictionary<DiagnosticAnalyzer, TimeSpan>();
        for (var run = 0; run < TelemetryRuns; run++)
        {
            foreach (var (analyzer, time) in AnalyzedProject.Telemetry(_project, _analyzers))
            {
                totals[analyzer] = totals.GetValueOrDefault(analyzer) + time;
            }
        }

        foreach (var (analyzer, total) in totals.OrderByDescending(pair => pair.Value))
        {
            Console.WriteLine($"// Analyzer telemetry: {analyzer.GetType().Name} {total.TotalMilliseconds / TelemetryRuns:0.00} ms per compilation (mean of {TelemetryRuns})");
        }
    }
}
