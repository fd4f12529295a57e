using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Disgo.Analyzers.Tests.Infrastructure;

/// <summary>Checks that <typeparamref name="TCodeFix"/> turns a source with marked diagnostics into the expected one.</summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string source, string fixedSource)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.None,
        };
        TestReferences.Apply(test.TestState);
        return test.RunAsync();
    }

    /// <summary>Checks that no fix is offered for the marked diagnostics.</summary>
    public static Task VerifyNoFixAsync(string source) => VerifyAsync(source, source);
}
