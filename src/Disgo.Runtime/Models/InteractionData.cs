namespace Disgo.Models;

/// <summary>
/// A lean union of an interaction's data: command fields (<see cref="Name"/>, <see cref="Options"/>…),
/// component fields (<see cref="CustomId"/>, <see cref="Values"/>) and modal fields (<see cref="CustomId"/>).
/// </summary>
public sealed class InteractionData
{
    /// <summary>The command's ID.</summary>
    public Snowflake? Id { get; set; }

    /// <summary>The command's name.</summary>
    public string? Name { get; set; }

    public ApplicationCommandType? Type { get; set; }

    public IReadOnlyList<InteractionDataOption>? Options { get; set; }

    /// <summary>The guild the command is registered in, for guild commands.</summary>
    public Snowflake? GuildId { get; set; }

    /// <summary>The user or message a context-menu command was used on.</summary>
    public Snowflake? TargetId { get; set; }

    /// <summary>The component's or modal's developer-defined ID.</summary>
    public string? CustomId { get; set; }

    /// <summary>The component type (2 button, 3 string select…).</summary>
    public int? ComponentType { get; set; }

    /// <summary>The values chosen in a select menu.</summary>
    public IReadOnlyList<string>? Values { get; set; }
}
