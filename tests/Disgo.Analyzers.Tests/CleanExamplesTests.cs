using System.Text.RegularExpressions;
using Disgo.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace Disgo.Analyzers.Tests;

/// <summary>What developers copy (the samples, the README, the docs' complete bot) compiles with no Disgo diagnostic, of any severity.</summary>
public sealed partial class CleanExamplesTests
{
    // The namespaces the README's fragments use without writing them, as the text around them assumes.
    private const string ReadmeUsings = """
        using Disgo;
        using Disgo.Emulator;
        using Disgo.Gateway.Session;
        using Disgo.Models;
        using Disgo.Models.Gateway;
        using Disgo.Rest;
        using Disgo.Rest.Models;
        using Disgo.Sharding;
        using Microsoft.Extensions.Logging;
        using Microsoft.Extensions.Logging.Abstractions;

        """;

    public static TheoryData<string> Samples() =>
        [.. Directory.EnumerateDirectories(Path.Combine(RepositoryRoot.Path, "samples")).Select(directory => new DirectoryInfo(directory).Name).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task A_sample_has_no_Disgo_diagnostic(string sample)
    {
        var build = await DisgoBuild.RunAsync([.. DisgoBuild.SourcesIn(Path.Combine("samples", sample)), ("ImplicitUsings.cs", DisgoBuild.ImplicitUsings)]);

        AssertClean(build);
    }

    [Fact]
    public async Task The_README_examples_have_no_Disgo_diagnostic()
    {
        var blocks = CSharpBlocks(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"))).ToArray();
        Assert.NotEmpty(blocks);

        // Declarations go to one file each; statements run as top-level statements, each fragment in its own scope,
        // after the logger the README's fragments take for granted.
        var declarations = blocks.Where(block => !IsStatements(block)).Select((block, i) => ($"Readme{i}.cs", ReadmeUsings + block));
        var statements = ReadmeUsings + "ILogger<PingHandlers> logger = NullLogger<PingHandlers>.Instance;" + Environment.NewLine
            + string.Concat(blocks.Where(IsStatements).Select(block => "{" + Environment.NewLine + block + "}" + Environment.NewLine));
        var build = await DisgoBuild.RunAsync([.. declarations, ("ReadmeStatements.cs", statements), ("ImplicitUsings.cs", DisgoBuild.ImplicitUsings)]);

        AssertClean(build);
    }

    [Fact]
    public async Task The_complete_bot_in_the_generator_docs_has_no_Disgo_diagnostic()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "generator.md"));
        var match = CompiledBlock().Match(docs);
        Assert.True(match.Success, "docs/generator.md has no compiled example.");

        AssertClean(await DisgoBuild.RunAsync([("Generator.md.cs", match.Groups["code"].Value)]));
    }

    private static void AssertClean(BuildResult build)
    {
        Assert.True(build.Errors.IsEmpty, "Compile errors:" + Environment.NewLine + BuildResult.Describe(build.Errors));
        Assert.True(build.DisgoDiagnostics.IsEmpty, "Disgo diagnostics:" + Environment.NewLine + BuildResult.Describe(build.DisgoDiagnostics));
    }

    private static IEnumerable<string> CSharpBlocks(string markdown) =>
        CSharpBlock().Matches(markdown).Select(match => match.Groups["code"].Value);

    private static bool IsStatements(string block) =>
        DisgoBuild.HasTopLevelStatements(CSharpSyntaxTree.ParseText(block, new CSharpParseOptions(LanguageVersion.Latest)));

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"<!-- The block below is compiled.*?-->\s*```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CompiledBlock();
}
