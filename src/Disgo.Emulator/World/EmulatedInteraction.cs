namespace Disgo.Emulator.World;

/// <summary>
/// An interaction a member started (a slash command), which the bot answers once through the callback route and
/// then through follow-ups with the interaction's token.
/// </summary>
public sealed class EmulatedInteraction
{
    /// <summary>Discord invalidates an interaction that is not answered within 3 seconds.</summary>
    public static readonly TimeSpan InitialResponseWindow = TimeSpan.FromSeconds(3);

    /// <summary>The token stays valid for follow-ups for 15 minutes.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    private int _responded;

    internal EmulatedInteraction(
        ulong id, string token, ulong applicationId, EmulatedGuild guild, int channelIndex, int userIndex, ulong commandId, string commandName, DateTimeOffset createdAt)
    {
        Id = id;
        Token = token;
        ApplicationId = applicationId;
        Guild = guild;
        ChannelIndex = channelIndex;
        UserIndex = userIndex;
        CommandId = commandId;
        CommandName = commandName;
        CreatedAt = createdAt;
    }

    public ulong Id { get; }

    public string Token { get; }

    public ulong ApplicationId { get; }

    public EmulatedGuild Guild { get; }

    public int ChannelIndex { get; }

    public ulong ChannelId => Guild.ChannelId(ChannelIndex);

    /// <summary>The member who invoked the command.</summary>
    public int UserIndex { get; }

    /// <summary>The registered command's id, or a fresh one when no command of that name was registered.</summary>
    public ulong CommandId { get; }

    public string CommandName { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>The callback type the bot answered with (4 message, 5 deferred, 6 deferred update, 7 update), or null.</summary>
    public int? ResponseType { get; private set; }

    /// <summary>The message the initial response created (<c>@original</c>), if any.</summary>
    public ulong? OriginalMessageId { get; internal set; }

    /// <summary>Records the one initial response; false if the interaction was already answered.</summary>
    internal bool TryRespond(int type)
    {
        if (Interlocked.Exchange(ref _responded, 1) != 0)
            return false;
        ResponseType = type;
        return true;
    }
}
