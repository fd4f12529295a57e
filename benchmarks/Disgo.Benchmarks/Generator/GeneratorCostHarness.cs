using System.Reflection;
using System.Runtime.Loader;
using Disgo.Benchmarks.Analyzers;
using Disgo.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Disgo.Benchmarks.Generator;

/// <summary>
/// What Disgo's generator adds to a build of <see cref="LargeBotProject"/>, in CPU time and allocations: the project
/// compiled alone; with a generator that only finds the <c>[DiscordBot]</c> classes (the floor any attribute-driven
/// generator pays); with Disgo's generator, then its output compiled, as a build does; the project with the same
/// generated files as plain sources (what compiling the output costs by itself); and each generator's run alone.
/// With <c>--before &lt;Disgo.Generator.dll&gt;</c> another build of the generator (loaded side by side) is measured in
/// the same rounds.
/// </summary>
/// <remarks>
/// Usage: <c>--generator-cost [--rounds 5] [--before path/to/Disgo.Generator.dll]</c>. Every run is single-threaded
/// and starts from a fresh compilation (parsing is done once: it is not the generator's). A generator runs on the
/// compilation before its output is added and the compiler then binds the updated one from scratch, so whatever the
/// generator binds is work a build does twice. Run it with <c>DOTNET_TieredCompilation=0</c>, as
/// <c>--analyzer-cost</c>.
/// </remarks>
internal static class GeneratorCostHarness
{
    public const string Switch = "--generator-cost";

    private const string Compile = "compile";
    private const string FloorAlone = "a generator that only finds the [DiscordBot] classes, alone";

    public static int Run(string[] args)
    {
        var project = LargeBotProject.Create();
        var versions = new List<(string Name, IIncrementalGenerator Generator)>();
        if (CostMeasurement.Option(args, "--before") is { } before)
        {
            var assembly = new AssemblyLoadContext("before").LoadFromAssemblyPath(Path.GetFullPath(before));
            versions.Add(("before", GeneratorIn(assembly)));
        }

        versions.Add(("after", new DisgoGenerator()));
        var generated = AnalyzedProject.Generate();

        var floor = new AttributeFloorGenerator();
        var runs = new List<CostRun>
        {
            new(Compile, () => project.Clone().GetDiagnostics().Length),
            new("compile + a generator that only finds the [DiscordBot] classes", () => GenerateThenCompile(project, floor), Compile),
            new("compile with the generated files as plain sources (no generator)", () => generated.Clone().GetDiagnostics().Length, Compile),
            new(FloorAlone, () => GenerateOnly(project, floor)),
        };
        foreach (var (version, generator) in versions)
        {
            runs.Add(new($"{version}: compile + Disgo's generator (a build)", () => GenerateThenCompile(project, generator), Compile));
            runs.Add(new($"{version}: Disgo's generator alone", () => GenerateOnly(project, generator), FloorAlone));
        }

        CostMeasurement.Compare(runs, CostMeasurement.Rounds(args));
        return 0;
    }

    /// <summary>What a build does: the generator on a fresh compilation, then every diagnostic of the updated one.</summary>
    private static int GenerateThenCompile(CSharpCompilation project, IIncrementalGenerator generator)
    {
        Driver(generator).RunGeneratorsAndUpdateCompilation(project.Clone(), out var output, out _);
        return output.GetDiagnostics().Length;
    }

    private static int GenerateOnly(CSharpCompilation project, IIncrementalGenerator generator) =>
        Driver(generator).RunGenerators(project.Clone()).GetRunResult().GeneratedTrees.Length;

    private static GeneratorDriver Driver(IIncrementalGenerator generator) =>
        CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: LargeBotProject.ParseOptions);

    private static IIncrementalGenerator GeneratorIn(Assembly assembly) =>
        assembly.GetTypes()
            .Where(type => type is { IsAbstract: false } && typeof(IIncrementalGenerator).IsAssignableFrom(type)
                && type.GetCustomAttribute<GeneratorAttribute>() is not null)
            .Select(type => (IIncrementalGenerator)Activator.CreateInstance(type)!)
            .Single();

    /// <summary>
    /// Finds every <c>[DiscordBot]</c> class as Disgo's generator does and does nothing with it: the syntax walk and
    /// the attribute binding that any generator entered through <c>ForAttributeWithMetadataName</c> pays.
    /// </summary>
    private sealed class AttributeFloorGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var bots = context.SyntaxProvider.ForAttributeWithMetadataName(
                typeof(DiscordBotAttribute).FullName!,
                static (node, _) => node is ClassDeclarationSyntax,
                static (bot, _) => bot.TargetSymbol.MetadataName);

            // A step no output depends on is never run.
            context.RegisterSourceOutput(bots, static (_, _) => { });
        }
    }
}
