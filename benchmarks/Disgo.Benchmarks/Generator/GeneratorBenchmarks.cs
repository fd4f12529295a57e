using BenchmarkDotNet.Attributes;
using Disgo.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Disgo.Benchmarks.Generator;

/// <summary>
/// Disgo's generator on <see cref="LargeBotProject"/> (500 handlers, 5 bots): a full run, as in a command-line build,
/// and a rerun of a warm driver after an edit to an unrelated file, as in the IDE after a keystroke.
/// </summary>
/// <remarks>
/// A full run gets a fresh compilation (a clone of the parsed project), so the symbols the generator binds are bound
/// in the operation, as in a build; parsing is not the generator's and is done once. Each rerun applies a real edit
/// (it alternates between two versions of the unrelated file) to the compilation of the previous one.
/// </remarks>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _project = null!;
    private GeneratorDriver _driver = null!;
    private CSharpCompilation _current = null!;
    private SyntaxTree[] _unrelatedVersions = [];
    private int _edits;

    [GlobalSetup]
    public void Setup()
    {
        _project = LargeBotProject.Create();
        _driver = NewDriver().RunGeneratorsAndUpdateCompilation(_project, out var output, out var diagnostics);
        var generated = _driver.GetRunResult().GeneratedTrees.Length;
        if (!diagnostics.IsEmpty || generated != LargeBotProject.Bots)
        {
            throw new InvalidOperationException($"The generator wrote {generated} files for {LargeBotProject.Bots} bots and reported: {string.Join('\n', diagnostics)}");
        }

        LargeBotProject.RequireNoErrors(output, "The project with its generated bots");
        _current = _project;
        _unrelatedVersions = [LargeBotProject.UnrelatedFile(_project), LargeBotProject.EditUnrelatedFile(3)];
    }

    [Benchmark(Description = "full run, 500 handlers")]
    public int FullRun() => NewDriver().RunGenerators(_project.Clone()).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "rerun after an unrelated edit")]
    public int RerunAfterUnrelatedEdit()
    {
        var edit = _edits++ % 2;
        _current = _current.ReplaceSyntaxTree(_unrelatedVersions[edit], _unrelatedVersions[1 - edit]);
        _driver = _driver.RunGenerators(_current);
        return _driver.GetRunResult().GeneratedTrees.Length;
    }

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create([new DisgoGenerator().AsSourceGenerator()], parseOptions: LargeBotProject.ParseOptions);
}
