using System.Runtime.CompilerServices;

namespace Disgo.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated code with a checked-in baseline, <c>Snapshots/{name}.verified.cs</c> next to the test file.
/// </summary>
/// <remarks>
/// On a mismatch the test fails with a line diff and writes the new output to <c>{name}.received.cs</c>. Baselines
/// change only on purpose: rerun with <c>DISGO_ACCEPT_SNAPSHOTS=1</c> to accept the output, then review the change.
/// Under <c>CI=true</c> nothing is ever accepted, so a missing baseline fails instead of passing silently.
/// </remarks>
internal static class Snapshot
{
    public const string AcceptVariable = "DISGO_ACCEPT_SNAPSHOTS";

    public static void Match(string actual, string name, [CallerFilePath] string testFile = "") =>
        Match(actual, Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots"), name, ModeFromEnvironment());

    public static SnapshotMode ModeFromEnvironment() =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? SnapshotMode.Ci
        : Environment.GetEnvironmentVariable(AcceptVariable) == "1" ? SnapshotMode.Accept
        : SnapshotMode.Compare;

    public static void Match(string actual, string directory, string name, SnapshotMode mode)
    {
        var verified = Path.Combine(directory, name + ".verified.cs");
        var received = Path.Combine(directory, name + ".received.cs");
        if (!File.Exists(verified))
        {
            if (mode == SnapshotMode.Accept)
            {
                Accept(verified, received, actual);
                return;
            }

            Directory.CreateDirectory(directory);
            File.WriteAllText(received, actual);
            Assert.Fail(mode == SnapshotMode.Ci
                ? $"No baseline {verified}: baselines are checked in, never created on CI."
                : $"No baseline {verified}. Review {received}, then rerun with {AcceptVariable}=1 to accept it.");
        }

        var expected = File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (mode == SnapshotMode.Accept)
        {
            Accept(verified, received, actual);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail($"The generated code differs from {verified} (- baseline, + now); the new output is in {received}. "
            + $"If the change is intended, rerun with {AcceptVariable}=1.\n{LineDiff.Describe(expected, actual)}");
    }

    private static void Accept(string verified, string received, string actual)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(verified)!);
        File.WriteAllText(verified, actual);
        File.Delete(received);
    }
}
