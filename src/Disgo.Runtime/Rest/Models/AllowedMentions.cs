namespace Disgo.Rest.Models;

/// <summary>Which mentions in a message may ping; left out, Discord pings everything the content mentions.</summary>
public sealed class AllowedMentions
{
    /// <summary>Mention kinds parsed from the content: <c>"roles"</c>, <c>"users"</c>, <c>"everyone"</c>. Empty: none.</summary>
    public IReadOnlyList<string>? Parse { get; init; }

    public IReadOnlyList<Snowflake>? Roles { get; init; }

    public IReadOnlyList<Snowflake>? Users { get; init; }

    /// <summary>Whether a reply pings the author of the message replied to.</summary>
    public bool? RepliedUser { get; init; }

    /// <summary>Pings nobody.</summary>
    public static AllowedMentions None { get; } = new() { Parse = [] };
}
