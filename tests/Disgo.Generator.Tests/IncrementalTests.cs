using System.Globalization;
using Disgo.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Disgo.Generator.Tests;

/// <summary>
/// The pipeline does no work an edit does not call for: unrelated edits leave every step cached, and nothing it
/// keeps between runs holds a symbol, syntax node or compilation.
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string[] TrackedSteps = [TrackingNames.BotDeclarations, TrackingNames.ValidBots];

    private const string Bot = """
        using Disgo;
        namespace Demo;
        [DiscordBot]
        [Handlers(typeof(Greetings))]
        public sealed partial class PingBot;
        """;

    private const string Handlers = """
        using System.Threading.Tasks;
        using Disgo;
        using Disgo.Models;
        using Disgo.Models.Gateway;
        namespace Demo;
        public sealed class Greetings
        {
            [On(GatewayEvents.MessageCreate)]
            public ValueTask OnMessage(Message message, DispatchContext context) => ValueTask.CompletedTask;
        }
        """;

    private const string Unrelated = """
        namespace Demo;
        public static class Arithmetic
        {
            public static int Add(int a, int b) => a + b;
        }
        """;

    [Fact]
    public void Rerunning_without_changes_takes_every_step_from_the_cache()
    {
        var first = GeneratorRun.Run(Bot, Handlers, Unrelated);

        var second = first.Rerun(first.Input.Clone());

        AssertAllCached(second);
    }

    [Fact]
    public void Editing_an_unrelated_file_regenerates_nothing()
    {
        var first = GeneratorRun.Run(Bot, Handlers, Unrelated);
        var unrelated = first.Input.SyntaxTrees.Single(tree => tree.ToString().Contains("Arithmetic", StringComparison.Ordinal));

        var second = first.Rerun(first.Input.ReplaceSyntaxTree(
            unrelated,
            CSharpSyntaxTree.ParseText(Unrelated.Replace("a + b", "b + a", StringComparison.Ordinal), GeneratorRun.ParseOptions, unrelated.FilePath)));

        AssertAllCached(second);
        Assert.Equal(first.SingleSource(), second.SingleSource());
    }

    [Fact]
    public void Adding_an_unrelated_file_regenerates_nothing()
    {
        var first = GeneratorRun.Run(Bot, Handlers);

        var second = first.Rerun(first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Unrelated, GeneratorRun.ParseOptions, "Unrelated.cs")));

        AssertAllCached(second);
    }

    [Fact]
    public void Adding_a_handler_in_another_file_regenerates_the_bot()
    {
        var first = GeneratorRun.Run(Bot, Handlers);
        var handlers = first.Input.SyntaxTrees.Single(tree => tree.ToString().Contains("class Greetings", StringComparison.Ordinal));
        var edited = Handlers.Replace(
            "=> ValueTask.CompletedTask;",
            "=> ValueTask.CompletedTask;\n    [On] public void OnReady(Disgo.Models.Events.Ready ready) { }",
            StringComparison.Ordinal);

        var second = first.Rerun(first.Input.ReplaceSyntaxTree(handlers, CSharpSyntaxTree.ParseText(edited, GeneratorRun.ParseOptions, handlers.FilePath)));

        Assert.Equal(IncrementalStepRunReason.Modified, second.Result.TrackedSteps[TrackingNames.BotDeclarations].Single().Outputs.Single().Reason);
        Assert.Contains("_greetings.OnReady(model);", second.SingleSource(), StringComparison.Ordinal);
        second.AssertCompilesCleanly();
    }

    [Fact]
    public void No_step_output_holds_a_symbol_syntax_or_compilation()
    {
        var run = GeneratorRun.Run(Bot, Handlers, Unrelated);

        foreach (var step in TrackedSteps)
        {
            var outputs = run.Result.TrackedSteps[step].SelectMany(runStep => runStep.Outputs).ToList();
            Assert.NotEmpty(outputs);
            foreach (var (value, _) in outputs)
            {
                Assert.NotNull(value);
                ObjectGraph.AssertHoldsNoCompilationData(value, step);
            }
        }
    }

    [Fact]
    public void The_graph_check_finds_a_symbol_held_deep_inside_a_value()
    {
        var symbol = GeneratorRun.Compile(Unrelated).GetTypeByMetadataName("Demo.Arithmetic")!;

        Assert.ThrowsAny<Exception>(() => ObjectGraph.AssertHoldsNoCompilationData(new Holder([new Holder([]), new Holder([symbol])]), "test"));
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        var sources = new[]
        {
            """
            using Disgo;
            using Disgo.Models.Events;
            namespace Demo;
            [DiscordBot(LargeThreshold = 150)] [Shards(1024, FirstShard = 512, ShardCount = 256)] [Handlers(typeof(Lifecycle))]
            public sealed partial class BigBot;
            public sealed class Lifecycle(double ratio = -1234.5, decimal price = 1234.5m)
            {
                public double Ratio => ratio * (double)price;
                [On] [OnlyShards(600, 700)] public void OnReady(Ready ready) { }
            }
            """,
        };
        var invariant = GeneratorRun.Run(sources).SingleSource();

        // A culture that writes numbers differently in every way, made without ICU (tests run with invariant globalization).
        var hostile = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        hostile.NumberFormat.NegativeSign = "~";
        hostile.NumberFormat.NumberDecimalSeparator = ",";
        hostile.NumberFormat.NumberGroupSeparator = ".";
        hostile.NumberFormat.NativeDigits = ["٠", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩"];
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = hostile;

            Assert.Equal(invariant, GeneratorRun.Run(sources).SingleSource());
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }

        Assert.Contains("(double)(-1234.5)", invariant, StringComparison.Ordinal);
        Assert.Contains("is not (600 or 700)", invariant, StringComparison.Ordinal);
    }

    private static void AssertAllCached(GeneratorRun run)
    {
        foreach (var step in TrackedSteps)
        {
            foreach (var (_, reason) in run.Result.TrackedSteps[step].SelectMany(runStep => runStep.Outputs))
            {
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {step} output was {reason}.");
            }
        }

        foreach (var (_, reason) in run.Result.TrackedOutputSteps.SelectMany(output => output.Value).SelectMany(runStep => runStep.Outputs))
        {
            Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"The source output was {reason}.");
        }
    }

    private sealed record Holder(IReadOnlyList<object> Items);
}
