using System.Collections.Immutable;
using System.Reflection;
using Disgo.Benchmarks.Generator;
using Disgo.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Disgo.Benchmarks.Analyzers;

/// <summary>
/// <see cref="LargeBotProject"/> with its generated bots, as the analyzers see it in a build, and the analyzers Disgo
/// ships, found in their assembly so that new rules are measured too.
/// </summary>
internal static class AnalyzedProject
{
    /// <summary>The project after the generator ran; throws unless it compiles without errors.</summary>
    public static Compilation Generate()
    {
        CSharpGeneratorDriver.Create([new DisgoGenerator().AsSourceGenerator()], parseOptions: LargeBotProject.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(LargeBotProject.Create(), out var project, out _);
        LargeBotProject.RequireNoErrors(project, "The project with its generated bots");
        return project;
    }

    /// <summary>Every <see cref="DiagnosticAnalyzer"/> of <paramref name="assembly"/>, ordered by name.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AnalyzersIn(Assembly assembly) =>
    [
        .. assembly.GetTypes()
            .Where(type => type is { IsAbstract: false } && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!),
    ];

    /// <summary>
    /// A fresh copy of <paramref name="project"/> (nothing bound yet, as in a new build) analyzed on one thread, so
    /// that a difference between two runs is work, not scheduling.
    /// </summary>
    public static CompilationWithAnalyzers Analyze(Compilation project, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logExecutionTime) =>
        project.Clone().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: logExecutionTime));

    /// <summary>Each analyzer's own execution time in one analysis of <paramref name="project"/>, from the driver's telemetry.</summary>
    public static Dictionary<DiagnosticAnalyzer, TimeSpan> Telemetry(Compilation project, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var analysis = Analyze(project, analyzers, logExecutionTime: true);
        analysis.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var times = new Dictionary<DiagnosticAnalyzer, TimeSpan>();
        foreach (var analyzer in analyzers)
        {
            times[analyzer] = analysis.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
        }

        return times;
    }
}
