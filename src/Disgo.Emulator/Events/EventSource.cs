using System.Buffers;
using System.Text.Json;
using Disgo.Emulator.World;

namespace Disgo.Emulator.Events;

/// <summary>
/// Emits guild events into the gateway as members of the world would cause them: at a steady rate for load and
/// realism (<see cref="Start"/>), or one at a time for tests (<see cref="EmitMessageCreate(ulong, ulong, string)"/>).
/// Events are routed by <see cref="Gateway.GatewayHub.Dispatch"/> to every session whose shard owns the guild.
/// </summary>
public sealed class EventSource
{
    /// <summary>Discord's limit on message content for bots and users without a subscription.</summary>
    public const int MaxContentLength = 2000;

    /// <summary>The highest rate <see cref="Start"/> accepts; beyond it the emulator would only measure itself.</summary>
    public const double MaxEventsPerSecond = 1_000_000;

    private readonly EmulatorServices _services;
    private readonly Lock _scheduleLock = new();

    // One writer and one random for every emission: they are used under _emitLock only.
    private readonly Lock _emitLock = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private readonly Utf8JsonWriter _writer;
    private readonly Random _random = new(0x5EED);
    private RateSchedule? _schedule;
    private long _emittedCount;

    internal EventSource(EmulatorServices services)
    {
        _services = services;
        _writer = new Utf8JsonWriter(_buffer);
    }

    /// <summary>The rate the source is emitting at, or 0 when stopped.</summary>
    public double EventsPerSecond => Volatile.Read(ref _schedule)?.EventsPerSecond ?? 0;

    /// <summary>The events the rate picks from, or <see cref="EmittedEvents.None"/> when stopped.</summary>
    public EmittedEvents Kinds => Volatile.Read(ref _schedule)?.Kinds ?? EmittedEvents.None;

    /// <summary>Every event this source has dispatched, at its rate or on request.</summary>
    public long EmittedCount => Interlocked.Read(ref _emittedCount);

    /// <summary>
    /// Emits <paramref name="eventsPerSecond"/> events into random guilds, on the emulator's <see cref="TimeProvider"/>,
    /// until <see cref="Stop"/>; calling it again replaces the previous rate. A source that falls behind (a slow
    /// gateway, a paused clock) catches up at most one second's worth of events rather than flooding.
    /// </summary>
    public void Start(double eventsPerSecond, EmittedEvents kinds = EmittedEvents.MessageCreate)
    {
        if (!double.IsFinite(eventsPerSecond) || eventsPerSecond <= 0 || eventsPerSecond > MaxEventsPerSecond)
            throw new ArgumentOutOfRangeException(nameof(eventsPerSecond), eventsPerSecond, $"The rate must be above 0 and at most {MaxEventsPerSecond:N0} events per second.");
        if (kinds == EmittedEvents.None || (kinds & ~EmittedEvents.All) != 0)
            throw new ArgumentOutOfRangeException(nameof(kinds), kinds, "Choose one or more of MessageCreate, TypingStart and MessageReactionAdd.");
        if (_services.World.Guilds.Count == 0)
            throw new InvalidOperationException("The world has no guilds to emit events in (GuildCount is 0).");

        lock (_scheduleLock)
        {
            _schedule?.Dispose();
            _schedule = new RateSchedule(this, eventsPerSecond, kinds);
        }
    }

    /// <summary>Stops the steady rate; events already dispatched stay delivered.</summary>
    public void Stop()
    {
        lock (_scheduleLock)
        {
            _schedule?.Dispose();
            _schedule = null;
        }
    }

    /// <summary>Dispatches MESSAGE_CREATE written by a (non-bot) member in a channel of a guild; returns the message id.</summary>
    public ulong EmitMessageCreate(ulong guildId, ulong channelId, string content) => EmitMessageCreate(guildId, channelId, content, out _);

    /// <summary>
    /// Dispatches MESSAGE_CREATE written by a (non-bot) member in a channel of a guild; returns the message id and,
    /// in <paramref name="deliveredTo"/>, how many sessions it was routed to.
    /// </summary>
    public ulong EmitMessageCreate(ulong guildId, ulong channelId, string content, out int deliveredTo)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length is 0 or > MaxContentLength)
            throw new ArgumentOutOfRangeException(nameof(content), content.Length, $"Message content must be 1 to {MaxContentLength} characters.");
        var (guild, channelIndex) = Locate(guildId, channelId);
        lock (_emitLock)
        {
            var messageId = _services.World.NextId();
            var author = FirstHumanMember(guild);
            // Kept so the bot can reply to, react to or (with permission) delete it through REST.
            _services.World.Messages.Add(new StoredMessage(messageId, guild, channelIndex, author, content, _services.Time.GetUtcNow()));
            deliveredTo = DispatchMessageCreate(guild, channelIndex, author, messageId, content);
            return messageId;
        }
    }

    /// <summary>Dispatches TYPING_START by a (non-bot) member in a channel of a guild; returns how many sessions got it.</summary>
    public int EmitTypingStart(ulong guildId, ulong channelId)
    {
        var (guild, channelIndex) = Locate(guildId, channelId);
        lock (_emitLock)
            return DispatchTypingStart(guild, channelIndex, FirstHumanMember(guild));
    }

    /// <summary>One event of a randomly chosen kind, in a random guild, channel and member: the steady rate's unit.</summary>
    private void EmitRandom(EmittedEvents[] kinds)
    {
        var world = _services.World;
        lock (_emitLock)
        {
            var guild = world.Guilds[_random.Next(world.Guilds.Count)];
            var channelIndex = _random.Next(guild.ChannelCount);
            var memberIndex = RandomHumanMember(guild);
            switch (kinds[_random.Next(kinds.Length)])
            {
                case EmittedEvents.TypingStart:
                    DispatchTypingStart(guild, channelIndex, memberIndex);
                    break;
                case EmittedEvents.MessageReactionAdd:
                    // A reaction to an older message the bot never saw, as happens on Discord.
                    DispatchMessageReactionAdd(guild, channelIndex, memberIndex, world.NextId(), RandomHumanMember(guild));
                    break;
                default:
                    DispatchMessageCreate(guild, channelIndex, memberIndex, world.NextId(), SampleMessages.Pick(_random));
                    break;
            }
        }
    }

    private int DispatchMessageCreate(EmulatedGuild guild, int channelIndex, int authorIndex, ulong messageId, string content)
    {
        Reset();
        GuildEventWriter.WriteMessageCreate(_writer, guild, channelIndex, authorIndex, messageId, content, _services.Time.GetUtcNow());
        return Dispatch("MESSAGE_CREATE", guild);
    }

    private int DispatchTypingStart(EmulatedGuild guild, int channelIndex, int memberIndex)
    {
        Reset();
        GuildEventWriter.WriteTypingStart(_writer, guild, channelIndex, memberIndex, _services.Time.GetUtcNow());
        return Dispatch("TYPING_START", guild);
    }

    private int DispatchMessageReactionAdd(EmulatedGuild guild, int channelIndex, int memberIndex, ulong messageId, int messageAuthorIndex)
    {
        Reset();
        GuildEventWriter.WriteMessageReactionAdd(_writer, guild, channelIndex, memberIndex, messageId, messageAuthorIndex);
        return Dispatch("MESSAGE_REACTION_ADD", guild);
    }

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
    }

    private int Dispatch(string eventName, EmulatedGuild guild)
    {
        _writer.Flush();
        Interlocked.Increment(ref _emittedCount);
        return _services.Gateway.Dispatch(eventName, _buffer.WrittenSpan, guild.Id);
    }

    private (EmulatedGuild Guild, int ChannelIndex) Locate(ulong guildId, ulong channelId)
    {
        var guild = _services.World.FindGuild(guildId)
            ?? throw new ArgumentException($"Guild {guildId} is not in the emulated world.", nameof(guildId));
        if (!_services.World.TryFindChannel(channelId, out var owner, out var channelIndex) || !ReferenceEquals(owner, guild))
            throw new ArgumentException($"Channel {channelId} is not a channel of guild {guildId}.", nameof(channelId));
        return (guild, channelIndex);
    }

    // Member 0 is the bot; bots ignore their own messages, so events come from the others when there are any.
    private static int FirstHumanMember(EmulatedGuild guild) => guild.MemberCount > 1 ? 1 : 0;

    private int RandomHumanMember(EmulatedGuild guild) => guild.MemberCount > 1 ? _random.Next(1, guild.MemberCount) : 0;

    /// <summary>One <see cref="Start"/>: a timer on the emulator's clock that emits whatever the rate says is due.</summary>
    private sealed class RateSchedule : IDisposable
    {
        private static readonly TimeSpan TickPeriod = TimeSpan.FromMilliseconds(10);
        private static readonly TimeSpan MaxCatchUp = TimeSpan.FromSeconds(1);

        private readonly EventSource _source;
        private readonly EmittedEvents[] _kinds;
        private readonly TimeProvider _time;
        private readonly long _startedAt;
        private readonly long _maxBurst;
        private readonly ITimer _timer;
        private long _emitted;
        private int _ticking;
        private volatile bool _disposed;

        public RateSchedule(EventSource source, double eventsPerSecond, EmittedEvents kinds)
        {
            _source = source;
            EventsPerSecond = eventsPerSecond;
            Kinds = kinds;
            _kinds = [.. Enum.GetValues<EmittedEvents>().Where(k => k is not (EmittedEvents.None or EmittedEvents.All) && kinds.HasFlag(k))];
            _time = source._services.Time;
            _startedAt = _time.GetTimestamp();
            _maxBurst = Math.Max(1, (long)(eventsPerSecond * MaxCatchUp.TotalSeconds));
            _timer = _time.CreateTimer(static state => ((RateSchedule)state!).Tick(), this, TickPeriod, TickPeriod);
        }

        public double EventsPerSecond { get; }

        public EmittedEvents Kinds { get; }

        public void Dispose()
        {
            _disposed = true;
            _timer.Dispose();
        }

        // Emits by elapsed time rather than one event per tick, so the rate holds whatever the timer's real resolution.
        private void Tick()
        {
            if (Interlocked.Exchange(ref _ticking, 1) != 0)
                return; // the previous tick is still emitting; this one's events are counted on the next
            try
            {
                var due = (long)(_time.GetElapsedTime(_startedAt).TotalSeconds * EventsPerSecond);
                var backlog = due - _emitted;
                if (backlog > _maxBurst)
                {
                    _emitted = due - _maxBurst;
                    backlog = _maxBurst;
                }

                for (var i = 0L; i < backlog && !_disposed; i++)
                {
                    _source.EmitRandom(_kinds);
                    _emitted++;
                }
            }
            finally
            {
                Volatile.Write(ref _ticking, 0);
            }
        }
    }
}
