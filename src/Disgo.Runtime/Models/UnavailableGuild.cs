namespace Disgo.Models;

/// <summary>A guild READY lists before its GUILD_CREATE arrives.</summary>
public sealed class UnavailableGuild
{
    public Snowflake Id { get; set; }

    public bool Unavailable { get; set; }
}
