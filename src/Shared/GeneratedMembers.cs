namespace Disgo.Shared;

/// <summary>
/// The names of the members the generator adds to a bot (a test keeps this list in step with the emitter). A bot may
/// not carry one of them as its own name: C# forbids a member named like its enclosing type.
/// </summary>
internal static class GeneratedMembers
{
    private static readonly string[] Fixed =
        ["RequiredIntents", "Intents", "Shards", "LargeThreshold", "Create", "Handles", "DispatchAsync", "Match", "HandledEvent"];

    /// <summary>Whether a bot named <paramref name="name"/> would clash with a generated member (event methods are <c>On…Async</c>).</summary>
    public static bool Clash(string name) =>
        System.Array.IndexOf(Fixed, name) >= 0
        || (name.StartsWith("On", System.StringComparison.Ordinal) && name.EndsWith("Async", System.StringComparison.Ordinal));
}
