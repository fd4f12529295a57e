using Disgo.Models;

namespace Disgo.Rest.Models;

/// <summary>A message sent for an interaction: the <c>data</c> of a message callback, or a follow-up.</summary>
public sealed class InteractionMessage
{
    public string? Content { get; init; }

    public bool? Tts { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    /// <summary><see cref="MessageFlags.Ephemeral"/> shows it to the invoking user only.</summary>
    public MessageFlags? Flags { get; init; }
}
