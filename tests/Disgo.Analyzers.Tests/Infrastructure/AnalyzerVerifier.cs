using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Disgo.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs <typeparamref name="TAnalyzer"/> on a source whose expected diagnostics are marked in it
/// (<c>{|DISGO1001:Bot|}</c>, or <c>[|...|]</c> for an analyzer with one rule).
/// </summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, withDisgo: true, expected);

    public static Task VerifyAsync(string source, bool withDisgo, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.None,
        };
        TestReferences.Apply(test.TestState, withDisgo);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Runs the analyzer on several files of one project (<c>File0.cs</c>, <c>File1.cs</c>, ...).</summary>
    public static Task VerifyFilesAsync(params string[] sources)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.None };
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        TestReferences.Apply(test.TestState, withDisgo: true);
        return test.RunAsync();
    }

    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);
}
