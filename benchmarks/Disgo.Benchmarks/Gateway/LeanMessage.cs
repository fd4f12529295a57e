namespace Disgo.Benchmarks.Gateway;

/// <summary>A lean MESSAGE_CREATE model: what a handler typically reads, nothing more.</summary>
public sealed class LeanMessage
{
    public Snowflake Id { get; init; }

    public Snowflake ChannelId { get; init; }

    public Snowflake? GuildId { get; init; }

    public LeanUser Author { get; init; } = null!;

    public string Content { get; init; } = "";

    public DateTimeOffset Timestamp { get; init; }

    public DateTimeOffset? EditedTimestamp { get; init; }

    public int Type { get; init; }

    public bool Tts { get; init; }

    public bool MentionEveryone { get; init; }

    public bool Pinned { get; init; }

    public int Flags { get; init; }
}

public sealed class LeanUser
{
    public Snowflake Id { get; init; }

    public string Username { get; init; } = "";

    public string? GlobalName { get; init; }

    public bool Bot { get; init; }
}
