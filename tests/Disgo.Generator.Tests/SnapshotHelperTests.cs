using Disgo.Generator.Tests.Infrastructure;
using Xunit.Sdk;

namespace Disgo.Generator.Tests;

/// <summary>The snapshot helper itself: a baseline changes only on purpose, and never on CI.</summary>
public sealed class SnapshotHelperTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "disgo-snapshots-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void A_missing_baseline_fails_on_CI_and_is_not_created()
    {
        var failure = Assert.Throws<FailException>(() => Snapshot.Match("code\n", _directory, "Bot", SnapshotMode.Ci));

        Assert.Contains("never created on CI", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "Bot.verified.cs")));
    }

    [Fact]
    public void A_missing_baseline_fails_locally_and_leaves_the_output_for_review()
    {
        Assert.Throws<FailException>(() => Snapshot.Match("code\n", _directory, "Bot", SnapshotMode.Compare));

        Assert.Equal("code\n", File.ReadAllText(Path.Combine(_directory, "Bot.received.cs")));
        Assert.False(File.Exists(Path.Combine(_directory, "Bot.verified.cs")));
    }

    [Fact]
    public void A_difference_fails_with_a_line_diff_and_keeps_the_baseline()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "Bot.verified.cs"), "a\nb\nc\n");

        var failure = Assert.Throws<FailException>(() => Snapshot.Match("a\nB\nc\n", _directory, "Bot", SnapshotMode.Compare));

        Assert.Contains("- 0002 | b\n+ 0002 | B\n", failure.Message, StringComparison.Ordinal);
        Assert.Equal("a\nb\nc\n", File.ReadAllText(Path.Combine(_directory, "Bot.verified.cs")));
    }

    [Fact]
    public void Accepting_replaces_the_baseline_and_removes_the_received_file()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "Bot.verified.cs"), "old\n");
        File.WriteAllText(Path.Combine(_directory, "Bot.received.cs"), "new\n");

        Snapshot.Match("new\n", _directory, "Bot", SnapshotMode.Accept);

        Assert.Equal("new\n", File.ReadAllText(Path.Combine(_directory, "Bot.verified.cs")));
        Assert.False(File.Exists(Path.Combine(_directory, "Bot.received.cs")));
    }

    [Fact]
    public void A_matching_baseline_passes_whatever_the_line_endings_of_its_checkout()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "Bot.verified.cs"), "a\r\nb\r\n");

        Snapshot.Match("a\nb\n", _directory, "Bot", SnapshotMode.Ci);
    }
}
