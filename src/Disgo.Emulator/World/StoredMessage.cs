namespace Disgo.Emulator.World;

/// <summary>One message in the emulated world, as the bot (through REST) or a member (through the event source) posted it.</summary>
/// <param name="Id">The message's snowflake.</param>
/// <param name="Guild">The guild the channel belongs to.</param>
/// <param name="ChannelIndex">The channel's index in <paramref name="Guild"/>.</param>
/// <param name="AuthorIndex">The author's member index in <paramref name="Guild"/> (0 is the bot).</param>
/// <param name="Content">The text.</param>
/// <param name="CreatedAt">When it was posted, on the emulator's clock.</param>
/// <param name="EditedAt">When it was last edited, if ever.</param>
/// <param name="ReferencedMessageId">The message it replies to, if it is a reply.</param>
/// <param name="InteractionId">The interaction whose response or follow-up it is, if any.</param>
public sealed record StoredMessage(
    ulong Id,
    EmulatedGuild Guild,
    int ChannelIndex,
    int AuthorIndex,
    string Content,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt = null,
    ulong? ReferencedMessageId = null,
    ulong? InteractionId = null)
{
    public ulong ChannelId => Guild.ChannelId(ChannelIndex);

    public ulong AuthorId => Guild.MemberUserId(AuthorIndex);

    /// <summary>The emoji the bot has reacted with (as sent in the route: a unicode emoji or <c>name:id</c>).</summary>
    public IReadOnlySet<string> BotReactions { get; init; } = new HashSet<string>();
}
