using System.Reflection;
using System.Text.RegularExpressions;
using Disgo.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Disgo.Analyzers.Tests;

/// <summary>
/// tests/Disgo.Analyzers.WrongBot breaks every rule, each line marked with the IDs reported on it (<c>// DISGOnnnn</c>):
/// the analyzers must report exactly those, and every rule must have an example there.
/// </summary>
public sealed partial class WrongBotTests
{
    private const string Folder = "tests/Disgo.Analyzers.WrongBot";

    private static readonly IReadOnlyList<(string Path, string Text)> Sources = [.. DisgoBuild.SourcesIn(Folder)];

    [Fact]
    public async Task The_analyzers_report_exactly_the_marked_rules_on_the_marked_lines()
    {
        var build = await DisgoBuild.RunAsync(Sources);

        Assert.True(build.Errors.IsEmpty, "The wrong bot must compile (only Disgo's rules are broken):" + Environment.NewLine + BuildResult.Describe(build.Errors));
        var reported = build.DisgoDiagnostics.Select(Where).ToHashSet();
        var marked = Marks().ToHashSet();
        Assert.True(
            marked.SetEquals(reported),
            $"Marked but not reported: {string.Join(", ", marked.Except(reported).Order())}{Environment.NewLine}" +
            $"Reported but not marked: {string.Join(", ", reported.Except(marked).Order())}");
    }

    [Fact]
    public void Every_rule_has_an_example_in_the_wrong_bot()
    {
        var marked = Marks().Select(mark => mark.Split(' ')[1]).ToHashSet();
        var rules = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static).Select(field => ((DiagnosticDescriptor)field.GetValue(null)!).Id);
        var missing = rules.Where(id => !marked.Contains(id)).Order().ToArray();

        Assert.True(missing.Length == 0, $"Rules without an example in {Folder}: {string.Join(", ", missing)}");
    }

    // "File.cs:12 DISGO1001": the file and the 1-based line a diagnostic starts on.
    private static string Where(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{span.Path}:{span.StartLinePosition.Line + 1} {diagnostic.Id}";
    }

    private static IEnumerable<string> Marks()
    {
        foreach (var (path, text) in Sources)
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (Mark().Match(lines[i]) is { Success: true } match)
                {
                    foreach (Capture id in match.Groups["id"].Captures)
                    {
                        yield return $"{path}:{i + 1} {id.Value}";
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"// (?:(?<id>DISGO\d{4})\s*)+$")]
    private static partial Regex Mark();
}
