using System.Text.Json;

namespace Disgo.Models;

/// <summary>An option the user filled in, or a subcommand (group) holding further <see cref="Options"/>.</summary>
public sealed class InteractionDataOption
{
    public string Name { get; set; } = "";

    public ApplicationCommandOptionType Type { get; set; }

    /// <summary>A string, integer, double or boolean, depending on <see cref="Type"/>; absent for subcommands.</summary>
    public JsonElement? Value { get; set; }

    public IReadOnlyList<InteractionDataOption>? Options { get; set; }

    /// <summary>Whether this option has focus, in an autocomplete interaction.</summary>
    public bool? Focused { get; set; }
}
