using Disgo.Models;

namespace Disgo.Rest.Models;

/// <summary>The body of <c>POST /channels/{channel_id}/messages</c>: at least content or an embed.</summary>
public sealed class CreateMessage
{
    /// <summary>Up to 2000 characters.</summary>
    public string? Content { get; init; }

    /// <summary>Echoed back in MESSAGE_CREATE; with <see cref="EnforceNonce"/>, a retry with the same nonce creates no duplicate.</summary>
    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }

    public bool? Tts { get; init; }

    /// <summary>Up to 10 embeds.</summary>
    public IReadOnlyList<Embed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    /// <summary>Makes the message a reply (type 0) or a forward (type 1) of another.</summary>
    public MessageReference? MessageReference { get; init; }

    /// <summary>Only <see cref="MessageFlags.SuppressEmbeds"/> and <see cref="MessageFlags.SuppressNotifications"/> may be set.</summary>
    public MessageFlags? Flags { get; init; }
}
