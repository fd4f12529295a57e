using Disgo.Models;

namespace Disgo.Rest.Models;

/// <summary>A parameter (or subcommand) of an application command.</summary>
public sealed class ApplicationCommandOption
{
    public ApplicationCommandOptionType Type { get; set; }

    /// <summary>1-32 lowercase characters.</summary>
    public string Name { get; set; } = "";

    /// <summary>1-100 characters.</summary>
    public string Description { get; set; } = "";

    public bool? Required { get; set; }

    /// <summary>The options of a subcommand or subcommand group.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; set; }
}
