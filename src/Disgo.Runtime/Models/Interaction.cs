namespace Disgo.Models;

/// <summary>
/// A lean interaction: the payload of INTERACTION_CREATE. The first response is due within 3 s; <see cref="Token"/>
/// stays valid for 15 minutes.
/// </summary>
public sealed class Interaction
{
    public Snowflake Id { get; set; }

    public Snowflake ApplicationId { get; set; }

    public InteractionType Type { get; set; }

    /// <summary>The command, component or modal data; absent for <see cref="InteractionType.Ping"/>.</summary>
    public InteractionData? Data { get; set; }

    public Snowflake? GuildId { get; set; }

    public Channel? Channel { get; set; }

    public Snowflake? ChannelId { get; set; }

    /// <summary>The invoking member, in a guild.</summary>
    public GuildMember? Member { get; set; }

    /// <summary>The invoking user, in a DM.</summary>
    public User? User { get; set; }

    /// <summary>The token to respond with. A secret for 15 minutes: never log it.</summary>
    public string Token { get; set; } = "";

    /// <summary>Always 1.</summary>
    public int Version { get; set; }

    /// <summary>The bot's permissions in the channel (a decimal bitfield string).</summary>
    public string? AppPermissions { get; set; }

    /// <summary>The invoking user's language, e.g. <c>en-US</c>.</summary>
    public string? Locale { get; set; }

    public string? GuildLocale { get; set; }
}
