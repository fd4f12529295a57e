using Disgo.Models;

namespace Disgo.Rest.Models;

/// <summary>The body of a message edit: only the fields set (non-null) change.</summary>
public sealed class EditMessage
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public MessageFlags? Flags { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }
}
