using Disgo.Models;

namespace Disgo.Rest.Models;

/// <summary>
/// A slash or context-menu command: what bulk overwrite sends (name, description, options…) and what Discord
/// answers with (the same plus <see cref="Id"/>, <see cref="ApplicationId"/> and <see cref="Version"/>).
/// </summary>
public sealed class ApplicationCommand
{
    /// <summary>Set by Discord; send it only to update a command in place.</summary>
    public Snowflake? Id { get; set; }

    public Snowflake? ApplicationId { get; set; }

    /// <summary>Slash command when left out.</summary>
    public ApplicationCommandType? Type { get; set; }

    /// <summary>1-32 characters; lowercase for slash commands.</summary>
    public string Name { get; set; } = "";

    /// <summary>1-100 characters for slash commands; empty for context-menu commands.</summary>
    public string Description { get; set; } = "";

    public IReadOnlyList<ApplicationCommandOption>? Options { get; set; }

    /// <summary>The permission bitfield (a decimal string) a member needs by default; <c>"0"</c>: administrators only.</summary>
    public string? DefaultMemberPermissions { get; set; }

    public bool? Nsfw { get; set; }

    /// <summary>Set by Discord: changes whenever the command does.</summary>
    public Snowflake? Version { get; set; }
}
