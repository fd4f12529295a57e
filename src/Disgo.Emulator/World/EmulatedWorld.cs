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

    /// <summary>The guilds Discord routes to <c>[shardId, numShards]</c>.</summary>
    public IEnumerable<EmulatedGuild> GuildsForShard(int shardId, int numShards)
    {
        foreach (var guild in _guilds)
        {
            if (ShardOf(guild.Id, numShards) == shardId)
                yield return guild;
        }
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

    internal static ulong ChannelId(int guildIndex, int channelIndex, int channelsPerGuild) =>
        Snowflake(ChannelTimestampBase + ((long)guildIndex * channelsPerGuild) + channelIndex, 0);

    internal static ulong UserId(int guildIndex, int memberIndex, int membersPerGuild) =>
        Snowflake(UserTimestampBase + ((long)guildIndex * membersPerGuild) + memberIndex, 1);

    private static ulong Snowflake(long timestampSinceEpoch, int increment) =>
        ((ulong)timestampSinceEpoch << 22) | (1UL << 17) | (uint)increment;
}
