using System.Collections.Immutable;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using Disgo.Analyzers.Rules;
using Disgo.Benchmarks.Generator;
using Disgo.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
        var input = LargeBotProject.Create();
        CSharpGeneratorDriver.Create([new DisgoGenerator().AsSourceGenerator()], parseOptions: LargeBotProject.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out _project, out _);
        LargeBotProject.RequireNoErrors(_project, "The project with its generated bots");
        _analyzers = DisgoAnalyzers();

        // A clean, realistic project: no Disgo warning, so the analyzers take their common path.
        var warnings = Analyze(_project.Clone(), logExecutionTime: false).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
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
        Analyze(_project.Clone(), logExecutionTime: false).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    [Benchmark(Description = "every Disgo analyzer (GetAnalyzerDiagnosticsAsync)")]
    public int AnalyzerDiagnostics() =>
        Analyze(_project.Clone(), logExecutionTime: false).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;

    private CompilationWithAnalyzers Analyze(Compilation compilation, bool logExecutionTime) =>
        compilation.WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: logExecutionTime));

    private void PrintTelemetry()
    {
        var totals = new Dictionary<DiagnosticAnalyzer, TimeSpan>();
        for (var run = 0; run < TelemetryRuns; run++)
        {
            var analysis = Analyze(_project.Clone(), logExecutionTime: true);
            analysis.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            foreach (var analyzer in _analyzers)
            {
                var time = analysis.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
                totals[analyzer] = totals.GetValueOrDefault(analyzer) + time;
            }
        }

        foreach (var (analyzer, total) in totals.OrderByDescending(pair => pair.Value))
        {
            Console.WriteLine($"// Analyzer telemetry: {analyzer.GetType().Name} {total.TotalMilliseconds / TelemetryRuns:0.00} ms per compilation (mean of {TelemetryRuns})");
        }
    }

    // Every analyzer Disgo ships, found in its assembly so that new rules are measured too.
    private static ImmutableArray<DiagnosticAnalyzer> DisgoAnalyzers() =>
    [
        .. typeof(BotDeclarationAnalyzer).Assembly.GetTypes()
            .Where(type => type is { IsAbstract: false } && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!),
    ];
}
