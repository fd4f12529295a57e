using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Disgo.Analyzers;

/// <summary>
/// Entry point for Disgo's compile-time checks. Rules are added one analyzer per file as they land;
/// this one only establishes that Disgo's analyzers load in every consumer build.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DisgoAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
    }
}
