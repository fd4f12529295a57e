using System.Globalization;
using System.Text;
using System.Text.Unicode;

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

    /// <summary>Room for any username this world generates (Discord's own limit is 32 characters).</summary>
    internal const int MaxUsernameBytes = 64;

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

    /// <summary>The channel's name: the first is <c>general</c>, as in a new guild.</summary>
    public string ChannelName(int channelIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channelIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channelIndex, ChannelCount);
        return channelIndex == 0 ? "general" : $"channel-{channelIndex}";
    }

    /// <summary>The member index of <paramref name="userId"/> in this guild, or -1 if the user is not a member.</summary>
    public int MemberIndexOf(ulong userId) => userId == _world.BotUserId ? 0 : _world.HumanMemberIndex(Index, userId);

    public ulong MemberUserId(int memberIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(memberIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(memberIndex, MemberCount);
        return memberIndex == 0 ? _world.BotUserId : EmulatedWorld.UserId(Index, memberIndex, _world.MembersPerGuild);
    }

    public string MemberUsername(int memberIndex)
    {
        Span<byte> utf8 = stackalloc byte[MaxUsernameBytes];
        return Encoding.UTF8.GetString(utf8[..WriteMemberUsername(memberIndex, utf8)]);
    }

    /// <summary>Writes the member's username as UTF-8 (at most <see cref="MaxUsernameBytes"/>) and returns its length.</summary>
    internal int WriteMemberUsername(int memberIndex, Span<byte> utf8)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(memberIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(memberIndex, MemberCount);
        if (memberIndex == 0)
            return Encoding.UTF8.GetBytes(_world.BotUsername, utf8);
        Utf8.TryWrite(utf8, CultureInfo.InvariantCulture, $"member-{Index}-{memberIndex}", out var written);
        return written;
    }

    /// <summary>When the member joined: the guild's creation plus one minute per member index, so it is stable and plausible.</summary>
    public DateTimeOffset MemberJoinedAt(int memberIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(memberIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(memberIndex, MemberCount);
        return EmulatedWorld.CreatedAt(Id) + TimeSpan.FromMinutes(memberIndex);
    }

    /// <summary>Whether <paramref name="channelId"/> is one of this guild's channels.</summary>
    public bool HasChannel(ulong channelId) => _world.TryFindChannel(channelId, out var guild, out _) && ReferenceEquals(guild, this);
}
