using System.Collections.Immutable;
using Disgo.Models.Gateway;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Logging;

namespace Disgo.Generator.Tests.Infrastructure;

/// <summary>
/// Compiles test sources against the real Disgo.Runtime (and .NET 10 reference assemblies, offline) and runs the
/// generator on them, as a bot project's build would.
/// </summary>
internal sealed class GeneratorRun
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(GatewayIntents).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(ILogger).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
    ];

    // Every warning is an error, as in a project with TreatWarningsAsErrors; undocumented public test types are fine.
    private static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error,
            warningLevel: 9999)
        .WithSpecificDiagnosticOptions([new("CS1591", ReportDiagnostic.Suppress)]);

    private GeneratorRun(CSharpCompilation input, GeneratorDriver driver, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        Input = input;
        Driver = driver;
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
    }

    public CSharpCompilation Input { get; }

    public GeneratorDriver Driver { get; }

    /// <summary>The input plus the generated files.</summary>
    public Compilation Output { get; }

    /// <summary>What the driver reported about the generator itself (e.g. an exception it threw).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    /// <summary>The generated files, by hint name.</summary>
    public IReadOnlyDictionary<string, string> GeneratedSources =>
        Result.GeneratedSources.ToDictionary(source => source.HintName, source => source.SourceText.ToString());

    public static CSharpCompilation Compile(params string[] sources) => CSharpCompilation.Create(
        "Disgo.Generator.Tests.Bot",
        sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
        References,
        CompilationOptions);

    public static GeneratorRun Run(params string[] sources) => Run(Compile(sources));

    public static GeneratorRun Run(CSharpCompilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new DisgoGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(compilation, driver, output, diagnostics);
    }

    /// <summary>Runs the same driver again on <paramref name="next"/>, as an IDE does after an edit.</summary>
    public GeneratorRun Rerun(CSharpCompilation next)
    {
        var driver = Driver.RunGeneratorsAndUpdateCompilation(next, out var output, out var diagnostics);
        return new GeneratorRun(next, driver, output, diagnostics);
    }

    /// <summary>The single generated file.</summary>
    public string SingleSource()
    {
        Assert.Empty(GeneratorDiagnostics);
        return Assert.Single(Result.GeneratedSources).SourceText.ToString();
    }

    /// <summary>Asserts that the generator ran cleanly and the result compiles with no diagnostic at all.</summary>
    public void AssertCompilesCleanly()
    {
        Assert.Empty(GeneratorDiagnostics);
        Assert.Null(Result.Exception);
        var diagnostics = Output.GetDiagnostics().Where(diagnostic => diagnostic.Severity != DiagnosticSeverity.Hidden).ToList();
        Assert.True(diagnostics.Count == 0, "The compilation has diagnostics:\n" + string.Join("\n", diagnostics));
    }
}
