namespace Disgo.Models;

/// <summary>A lean user: the fields bots use on the hot path. Unknown fields are skipped when reading.</summary>
public sealed class User
{
    public Snowflake Id { get; set; }

    public string Username { get; set; } = "";

    /// <summary>The display name, if the user set one.</summary>
    public string? GlobalName { get; set; }

    /// <summary>The avatar hash.</summary>
    public string? Avatar { get; set; }

    public bool Bot { get; set; }
}
