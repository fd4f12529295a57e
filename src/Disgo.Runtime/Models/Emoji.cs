namespace Disgo.Models;

/// <summary>A reaction emoji: a custom one has an <see cref="Id"/>, a Unicode one only a <see cref="Name"/>.</summary>
public sealed class Emoji
{
    public Snowflake? Id { get; set; }

    /// <summary>The custom emoji's name or the Unicode character(s); null for a deleted custom emoji.</summary>
    public string? Name { get; set; }

    public bool Animated { get; set; }
}
