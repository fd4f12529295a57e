namespace Disgo.Models;

/// <summary>An activity the bot sets through Update Presence or Identify: bots may set only these four fields.</summary>
public sealed class Activity
{
    public string Name { get; init; } = "";

    public ActivityType Type { get; init; }

    /// <summary>The custom status text for <see cref="ActivityType.Custom"/>, or the party status otherwise.</summary>
    public string? State { get; init; }

    /// <summary>The stream URL, for <see cref="ActivityType.Streaming"/> only.</summary>
    public string? Url { get; init; }
}
