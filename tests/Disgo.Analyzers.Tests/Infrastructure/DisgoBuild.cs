using System.Collections.Immutable;
using System.Reflection;
using Disgo.Generator;
using Disgo.Models.Gateway;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Disgo.Analyzers.Tests.Infrastructure;

/// <summary>
/// Builds a set of source files in memory the way a bot project's build does: .NET 10 reference assemblies (offline),
/// Disgo.Runtime and what the samples use besides, the generator first, then every Disgo analyzer.
/// </summary>
internal static class DisgoBuild
{
    /// <summary>The implicit usings of an SDK project, which the samples rely on.</summary>
    public const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        .. new[]
        {
            typeof(GatewayIntents),
            typeof(Emulator.DiscordEmulator),
            typeof(Microsoft.Extensions.Logging.ILogger),
            typeof(Microsoft.Extensions.Logging.LoggerFactory),
            typeof(Microsoft.Extensions.Logging.ConsoleLoggerExtensions),
            typeof(Microsoft.Extensions.Logging.Console.SimpleConsoleFormatterOptions),
            typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection),
        }.Select(type => type.Assembly.Location).Distinct().Select(path => MetadataReference.CreateFromFile(path)),
    ];

    /// <summary>Every analyzer in Disgo.Analyzers, found by reflection so that a new one is included without a change here.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
    [
        .. typeof(DiagnosticDescriptors).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(DiagnosticAnalyzer)) && !type.IsAbstract && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!),
    ];

    /// <summary>
    /// Compiles <paramref name="files"/> (path and text) with the generator and returns the compiler's errors and
    /// every analyzer diagnostic.
    /// </summary>
    public static async Task<BuildResult> RunAsync(IEnumerable<(string Path, string Text)> files)
    {
        var trees = files.Select(file => CSharpSyntaxTree.ParseText(file.Text, ParseOptions, path: file.Path)).ToArray();
        var outputKind = trees.Any(HasTopLevelStatements) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var compilation = CSharpCompilation.Create(
            "Disgo.Analyzers.Tests.Build",
            trees,
            References,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new DisgoGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        var analyzed = generated.WithAnalyzers(Analyzers);
        var analyzerDiagnostics = await analyzed.GetAnalyzerDiagnosticsAsync();
        return new BuildResult(
            [.. generatorDiagnostics, .. generated.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)],
            [.. analyzerDiagnostics.Where(diagnostic => diagnostic.Id.StartsWith("DISGO", StringComparison.Ordinal))]);
    }

    public static bool HasTopLevelStatements(SyntaxTree tree) =>
        tree.GetCompilationUnitRoot().Members.Any(member => member is GlobalStatementSyntax);

    /// <summary>The source files under <paramref name="directory"/> (relative to the repository), recursively, without build output.</summary>
    public static IEnumerable<(string Path, string Text)> SourcesIn(string directory)
    {
        var root = Path.Combine(RepositoryRoot.Path, directory);
        foreach (var path in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path);
            if (!relative.StartsWith("bin", StringComparison.Ordinal) && !relative.StartsWith("obj", StringComparison.Ordinal))
            {
                yield return (relative, File.ReadAllText(path));
            }
        }
    }
}

/// <summary>What <see cref="DisgoBuild.RunAsync"/> found: compile errors (and generator failures), and Disgo diagnostics.</summary>
internal sealed record BuildResult(ImmutableArray<Diagnostic> Errors, ImmutableArray<Diagnostic> DisgoDiagnostics)
{
    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(diagnostic => diagnostic.ToString()));
}
