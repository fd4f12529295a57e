using System.Text.Json.Serialization;
using Disgo.Serialization;

namespace Disgo.Models;

/// <summary>
/// A lean message: the payload of MESSAGE_CREATE and MESSAGE_UPDATE. Without the MessageContent intent,
/// <see cref="Content"/>, <see cref="Embeds"/> and <see cref="Attachments"/> arrive empty for most messages.
/// </summary>
public sealed class Message
{
    public Snowflake Id { get; set; }

    public Snowflake ChannelId { get; set; }

    /// <summary>Absent for DMs and ephemeral messages.</summary>
    public Snowflake? GuildId { get; set; }

    /// <summary>Always sent by Discord; for a webhook message, the webhook's user.</summary>
    public User Author { get; set; } = null!;

    /// <summary>The author as a partial member (no <c>user</c>); absent in DMs and for ephemeral and webhook messages.</summary>
    public GuildMember? Member { get; set; }

    public string Content { get; set; } = "";

    public DateTimeOffset Timestamp { get; set; }

    public DateTimeOffset? EditedTimestamp { get; set; }

    public bool Tts { get; set; }

    public bool MentionEveryone { get; set; }

    public IReadOnlyList<User> Mentions { get; set; } = [];

    public IReadOnlyList<Snowflake> MentionRoles { get; set; } = [];

    public IReadOnlyList<Attachment> Attachments { get; set; } = [];

    public IReadOnlyList<Embed> Embeds { get; set; } = [];

    /// <summary>The client-chosen nonce; Discord echoes it as a string or a number, read here as text.</summary>
    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? Nonce { get; set; }

    public bool Pinned { get; set; }

    public Snowflake? WebhookId { get; set; }

    public MessageType Type { get; set; }

    public MessageFlags Flags { get; set; }

    /// <summary>The replied-to, crossposted or forwarded message.</summary>
    public MessageReference? MessageReference { get; set; }

    public ChannelType? ChannelType { get; set; }
}
