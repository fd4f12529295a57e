using System.Diagnostics.CodeAnalysis;

namespace Disgo.Emulator.World;

/// <summary>
/// The synthetic Discord the bot lives in: its application and user, and the guilds it has joined.
/// Guild ids take consecutive snowflake timestamps, so <c>(id &gt;&gt; 22) % num_shards</c> spreads them evenly over any shard count.
/// </summary>
public sealed class EmulatedWorld
{
    /// <summary>Discord's epoch (2015-01-01T00:00:00Z) in Unix milliseconds.</summary>
    public const long DiscordEpochMilliseconds = 1_420_070_400_000;

    // 2026-01-01T00:00:00Z relative to the Discord epoch: realistic, recent-looking ids.
    private const long GuildTimestampBase = 1_767_225_600_000 - DiscordEpochMilliseconds;
    private const long ChannelTimestampBase = GuildTimestampBase + 100_000_000;
    private const long UserTimestampBase = GuildTimestampBase - 200_000_000_000;

    private readonly EmulatedGuild[] _guilds;
    private readonly Dictionary<ulong, EmulatedGuild> _guildsById;
    private long _nextIdTimestamp = GuildTimestampBase + 200_000_000;
    private int _nextIdIncrement;

    public EmulatedWorld(EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MembersPerGuild = options.MembersPerGuild;
        ChannelsPerGuild = options.ChannelsPerGuild;
        ApplicationId = Snowflake(GuildTimestampBase - 1_000_000, 0);
        BotUserId = ApplicationId;
        _guilds = new EmulatedGuild[options.GuildCount];
        _guildsById = new Dictionary<ulong, EmulatedGuild>(options.GuildCount);
        for (var i = 0; i < _guilds.Length; i++)
        {
            var guild = new EmulatedGuild(this, i, Snowflake(GuildTimestampBase + i, 0));
            _guilds[i] = guild;
            _guildsById.Add(guild.Id, guild);
        }
    }

    public ulong ApplicationId { get; }

    public ulong BotUserId { get; }

    public string BotUsername => "Disgo Emulated Bot";

    public int MembersPerGuild { get; }

    public int ChannelsPerGuild { get; }

    public IReadOnlyList<EmulatedGuild> Guilds => _guilds;

    public EmulatedGuild? FindGuild(ulong guildId) => _guildsById.GetValueOrDefault(guildId);

    /// <summary>Messages REST can find: the bot's own and those emitted one at a time.</summary>
    public MessageStore Messages { get; } = new();

    /// <summary>Interactions the emulator created, which the bot answers through the interaction routes.</summary>
    public InteractionStore Interactions { get; } = new();

    /// <summary>The application's global commands, as the last bulk overwrite left them.</summary>
    public ApplicationCommandStore Commands { get; } = new();

    /// <summary>The guilds Discord routes to <c>[shardId, numShards]</c>, in id order.</summary>
    /// <remarks>
    /// Guild <c>i</c> has the snowflake timestamp <c>base + i</c>, so a shard's guilds are every <c>numShards</c>-th
    /// index from a computed first one: O(guilds / numShards) rather than a scan of a 100,000-guild world per Identify.
    /// </remarks>
    public IEnumerable<EmulatedGuild> GuildsForShard(int shardId, int numShards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numShards, 1);
        if (shardId < 0 || shardId >= numShards)
            yield break;
        for (var i = FirstGuildIndexOfShard(shardId, numShards); i < _guilds.Length; i += numShards)
            yield return _guilds[i];
    }

    /// <summary>How many guilds <c>[shardId, numShards]</c> holds (Discord allows at most 2,500 per session).</summary>
    public int GuildCountForShard(int shardId, int numShards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numShards, 1);
        if (shardId < 0 || shardId >= numShards)
            return 0;
        var first = FirstGuildIndexOfShard(shardId, numShards);
        return first < _guilds.Length ? ((_guilds.Length - 1 - first) / numShards) + 1 : 0;
    }

    /// <summary>The guild a channel belongs to, and the channel's index in it; false for an unknown channel.</summary>
    public bool TryFindChannel(ulong channelId, [NotNullWhen(true)] out EmulatedGuild? guild, out int channelIndex)
    {
        guild = null;
        channelIndex = -1;
        if ((channelId & ((1UL << 22) - 1)) != (1UL << 17))
            return false;
        var offset = (long)(channelId >> 22) - ChannelTimestampBase;
        if (offset < 0 || offset >= (long)_guilds.Length * ChannelsPerGuild)
            return false;
        guild = _guilds[offset / ChannelsPerGuild];
        channelIndex = (int)(offset % ChannelsPerGuild);
        return true;
    }

    /// <summary>Discord's routing formula: <c>(guild_id &gt;&gt; 22) % num_shards</c>.</summary>
    public static int ShardOf(ulong guildId, int numShards) => (int)((guildId >> 22) % (ulong)numShards);

    /// <summary>A fresh, unique snowflake for things created at run time (messages, sessions' objects).</summary>
    public ulong NextId()
    {
        lock (_guildsById)
        {
            if (++_nextIdIncrement > 0xFFF)
            {
                _nextIdIncrement = 0;
                _nextIdTimestamp++;
            }

            return Snowflake(_nextIdTimestamp, _nextIdIncrement);
        }
    }

    /// <summary>When a snowflake was created: <c>(id &gt;&gt; 22) + Discord epoch</c>.</summary>
    public static DateTimeOffset CreatedAt(ulong snowflake) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(snowflake >> 22) + DiscordEpochMilliseconds);

    private static int FirstGuildIndexOfShard(int shardId, int numShards) =>
        (int)(((shardId - (GuildTimestampBase % numShards)) % numShards + numShards) % numShards);

    internal static ulong ChannelId(int guildIndex, int channelIndex, int channelsPerGuild) =>
        Snowflake(ChannelTimestampBase + ((long)guildIndex * channelsPerGuild) + channelIndex, 0);

    /// <summary>Inverts <see cref="UserId"/>: the member index of a human member of guild <paramref name="guildIndex"/>, or -1.</summary>
    internal int HumanMemberIndex(int guildIndex, ulong userId)
    {
        if ((userId & ((1UL << 22) - 1)) != ((1UL << 17) | 1))
            return -1;
        var offset = (long)(userId >> 22) - UserTimestampBase - ((long)guildIndex * MembersPerGuild);
        return offset >= 1 && offset < MembersPerGuild ? (int)offset : -1;
    }

    internal static ulong UserId(int guildIndex, int memberIndex, int membersPerGuild) =>
        Snowflake(UserTimestampBase + ((long)guildIndex * membersPerGuild) + memberIndex, 1);

    private static ulong Snowflake(long timestampSinceEpoch, int increment) =>
        ((ulong)timestampSinceEpoch << 22) | (1UL << 17) | (uint)increment;
}
