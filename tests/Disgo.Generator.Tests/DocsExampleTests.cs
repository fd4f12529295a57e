using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Disgo.Generator.Tests.Infrastructure;

namespace Disgo.Generator.Tests;

/// <summary>The complete bot in <c>docs/generator.md</c> is what a developer copies: it must keep compiling.</summary>
public sealed partial class DocsExampleTests
{
    [Fact]
    public void The_complete_bot_in_the_docs_compiles_with_its_generated_half()
    {
        var run = GeneratorRun.Run(CompleteExample());

        run.AssertCompilesCleanly();
        Assert.Contains("GatewayIntents.GuildMessages", run.SingleSource(), StringComparison.Ordinal);
    }

    private static string CompleteExample([CallerFilePath] string testFile = "")
    {
        var docs = File.ReadAllText(Path.Combine(Path.GetDirectoryName(testFile)!, "..", "..", "docs", "generator.md"));
        var match = CompiledBlock().Match(docs);
        Assert.True(match.Success, "docs/generator.md has no compiled example.");
        return match.Groups["code"].Value;
    }

    [GeneratedRegex(@"<!-- The block below is compiled.*?-->\s*```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CompiledBlock();
}
