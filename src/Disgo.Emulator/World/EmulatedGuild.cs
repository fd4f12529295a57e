namespace Disgo.Emulator.World;

/// <summary>
/// One synthetic guild. Channels and members are derived from the guild's index on demand,
/// so a world of 100,000 guilds with thousands of members each costs almost nothing.
/// Member 0 is the bot itself.
/// </summary>
public sealed class EmulatedGuild
{
    private readonly EmulatedWorld _world;

    internal EmulatedGuild(EmulatedWorld world, int index, ulong id)
    {
        _world = world;
        Index = index;
        Id = id;
    }

    public int Index { get; }

    public ulong Id { get; }

    public string Name => $"Emulated Guild {Index}";

    public int MemberCount => _world.MembersPerGuild;

    public int ChannelCount => _world.ChannelsPerGuild;

    public ulong ChannelId(int channelIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channelIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channelIndex, ChannelCount);
        return EmulatedWorld.ChannelId(Index, channelIndex, _world.ChannelsPerGuild);
    }

    public ulong MemberUserId(int memberIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(memberIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(memberIndex, MemberCount);
        return memberIndex == 0 ? _world.BotUserId : EmulatedWorld.UserId(Index, memberIndex, _world.MembersPerGuild);
    }

    public string MemberUsername(int memberIndex) => memberIndex == 0 ? _world.BotUsername : $"member-{Index}-{memberIndex}";

    /// <summary>Whether <paramref name="channelId"/> is one of this guild's channels.</summary>
    public bool HasChannel(ulong channelId)
    {
        for (var i = 0; i < ChannelCount; i++)
        {
            if (ChannelId(i) == channelId)
                return true;
        }

        return false;
    }
}
