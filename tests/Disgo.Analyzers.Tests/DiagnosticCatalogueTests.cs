using System.Reflection;
using Disgo.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Disgo.Analyzers.Tests;

public sealed class DiagnosticCatalogueTests
{
    private static readonly DiagnosticDescriptor[] All = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
        .ToArray();

    [Fact]
    public void Every_descriptor_has_a_unique_Disgo_id_and_a_rule_page()
    {
        Assert.Equal(All.Length, All.Select(descriptor => descriptor.Id).Distinct().Count());
        foreach (var descriptor in All)
        {
            Assert.Matches("^DISGO[1-6][0-9]{3}$", descriptor.Id);
            Assert.Equal($"docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);
            var page = Path.Combine(RepositoryRoot.Path, descriptor.HelpLinkUri);
            Assert.True(File.Exists(page), $"{descriptor.Id} has no rule page");
            var text = File.ReadAllText(page);
            Assert.Contains("## Non-compliant code", text, StringComparison.Ordinal);
            Assert.Contains("## Compliant code", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_descriptor_is_tracked_as_a_release()
    {
        var unshipped = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Disgo.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in All)
        {
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", unshipped, StringComparison.Ordinal);
        }
    }
}
